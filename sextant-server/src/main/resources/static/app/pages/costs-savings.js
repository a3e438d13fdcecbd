// Where the costs page says money could be saved: model substitutions the statistics support
// (with the tests in plain words) and waste (growing prompts, cache use, repeated prompts).
import { api } from '../api.js';
import { h, fmt, card, table, badge, empty } from '../ui.js';
import { csvLink, pValue } from './costs-common.js';

const VERDICT = {
  recommended: ['recommended', 'good'], not_recommended: ['not shown safe', 'bad'],
  inconclusive: ['inconclusive', 'warn'], insufficient_data: ['too little data', ''],
};
const METRIC = {
  success_rate: { label: 'Success rate', rate: true, better: 'higher' },
  handoff_rate: { label: 'Hand-off rate', rate: true, better: 'lower' },
  mean_rating: { label: 'Mean user rating', rate: false, better: 'higher' },
};

export function recommendationsCard(ctx, range) {
  return card('Cheaper models that would do', async () => {
    const r = await api('/analytics/costs/recommendations', { params: range });
    const comparisons = r.comparisons || [];
    const intro = h('p', { class: 'muted small' },
      `Per task, each pair of models is compared on the interactions of this range: the cheaper one is recommended only when `
      + `it is shown not to be worse by more than the margin (success ±${fmt.pct(r.settings?.success_margin, 0)}, `
      + `hand-offs ±${fmt.pct(r.settings?.handoff_margin, 0)}, rating ±${r.settings?.rating_margin} points; `
      + `Holm-adjusted, α = ${r.settings?.alpha}). At least ${r.settings?.min_executions} runs per model are needed. `
      + 'The comparison is observational: a router that sends harder cases to the stronger model makes it look better.');
    if (comparisons.length === 0) {
      return h('div', {}, empty('No task ran on two models with different costs in this range, so there is nothing to compare. '
        + 'Recommendations appear when the same trace name runs on a cheaper and a dearer model (try a longer range).'),
      singleModel(r), intro);
    }
    const total = comparisons.filter(c => c.recommend).reduce((a, c) => a + Number(c.projected_monthly_savings_usd || 0), 0);
    return h('div', { class: 'recommendations' },
      h('p', { id: 'savings-total' }, comparisons.some(c => c.recommend)
        ? h('strong', {}, `Up to ${fmt.usd(total)} a month could be saved with the recommended substitutions.`)
        : 'No substitution is shown safe on this range\'s data.'),
      comparisons.map(comparison),
      singleModel(r), intro);
  }, { wide: true, id: 'cost-recommendations',
    actions: csvLink('/analytics/costs/recommendations', () => ({ ...range, table: 'comparisons' }), 'recommendations') });
}

function comparison(c) {
  const [label, kind] = VERDICT[c.verdict] || [c.verdict, ''];
  const cheap = c.cheaper_model, dear = c.expensive_model;
  return h('details', { class: 'recommendation', dataset: { verdict: c.verdict, task: c.task } },
    h('summary', {},
      h('span', { class: 'rec-title' }, h('code', {}, c.task), ': ', h('strong', {}, cheap.model), ' instead of ', h('strong', {}, dear.model)),
      ' ', badge(label, kind), ' ',
      h('span', { class: 'rec-saving' }, `${fmt.usd(c.projected_monthly_savings_usd)} a month`)),
    h('p', {}, c.reason),
    h('p', { class: 'small' }, `Saving: ${fmt.usd(c.cost_per_execution_difference_usd)} less per run × `
      + `${fmt.int(c.expensive_executions_last_30_days)} runs on ${dear.model} in the last 30 days. `
      + `Cost per run ${fmt.usd(cheap.cost_per_execution_usd)} vs ${fmt.usd(dear.cost_per_execution_usd)} `
      + `(${fmt.int(cheap.executions)} and ${fmt.int(dear.executions)} runs in this range).`),
    h('ul', { class: 'rec-metrics' }, (c.metrics || []).map(m => h('li', {}, metricInWords(m, cheap.model, dear.model)))));
}

/** One metric's tests as a sentence a non-statistician can check. */
function metricInWords(m, cheapName, dearName) {
  const meta = METRIC[m.metric] || { label: m.metric, rate: false, better: 'higher' };
  const value = v => (meta.rate ? fmt.pct(v) : fmt.num(v, 2));
  const diff = v => (v === null || v === undefined ? '—' : meta.rate ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} points`
    : `${v >= 0 ? '+' : ''}${fmt.num(v, 2)}`);
  const margin = meta.rate ? `${(m.margin * 100).toFixed(0)} points` : `${m.margin} rating points`;
  if (!m.tested) {
    return h('span', {}, h('strong', {}, `${meta.label}: `),
      `not tested — ${fmt.int(m.n_cheaper)} and ${fmt.int(m.n_expensive)} samples, ${fmt.int(m.needed_per_model)} per model needed.`);
  }
  const verdict = m.significantly_worse ? badge('significantly worse', 'bad')
    : m.non_inferior ? badge('not worse', 'good') : badge('not shown', 'warn');
  return h('span', {}, h('strong', {}, `${meta.label} `), verdict, ' ',
    `${value(m.cheaper)} on ${cheapName} (${fmt.int(m.n_cheaper)}) vs ${value(m.expensive)} on ${dearName} (${fmt.int(m.n_expensive)}); `
    + `difference ${diff(m.difference)}, 95% interval ${diff(m.ci_low)} to ${diff(m.ci_high)} (${meta.better} is better). `
    + `Test of "not worse by ${margin} or more": ${pValue(m.non_inferiority_p_value_holm)}`
    + (m.power !== null && m.power !== undefined ? ` (power ${fmt.pct(m.power, 0)}`
      + (!m.non_inferior && m.needed_per_model ? `; about ${fmt.int(m.needed_per_model)} runs per model would give 80%)` : ')') : '')
    + `; test of any difference: ${pValue(m.p_value_holm)}. Both p-values Holm-adjusted; below 0.05 counts.`);
}

function singleModel(r) {
  const tasks = r.single_model_tasks || [];
  if (!tasks.length) return null;
  return h('details', { class: 'single-model' }, h('summary', {}, `${tasks.length} task(s) ran on one model only (nothing to compare)`),
    table([
      { label: 'Task', value: t => t.task },
      { label: 'Model', value: t => t.model },
      { label: 'Runs', class: 'num', value: t => fmt.int(t.executions) },
      { label: 'Per run', class: 'num', value: t => fmt.usd(t.cost_per_execution_usd) },
    ], tasks));
}

export function wasteCard(range) {
  return card('Waste', async () => {
    const w = await api('/analytics/costs/waste', { params: { ...range, limit: 5 } });
    const g = w.prompt_growth || {}, rp = w.repeated_prompts || {};
    return h('div', { class: 'waste' },
      h('h3', {}, 'Repeated prompts'),
      h('p', {}, rp.calls ? `${fmt.int(rp.calls)} LLM calls sent a prompt already sent to the same model (${fmt.int(rp.groups)} prompts); `
        + `all but the first call of each cost ${fmt.usd(rp.wasted_cost_usd)}.` : 'No prompt was sent twice to the same model in this range.'),
      rp.top?.length ? table([
        { label: 'Prompt (start)', value: p => h('span', { class: 'preview', title: p.preview }, p.preview) },
        { label: 'Model', value: p => p.model },
        { label: 'Calls', class: 'num', value: p => fmt.int(p.calls) },
        { label: 'Wasted', class: 'num', value: p => fmt.usd(p.wasted_cost_usd) },
        { label: 'Example', value: p => (p.example_trace_id ? h('a', { href: `/interactions/${encodeURIComponent(p.example_trace_id)}` }, 'open') : '—') },
      ], rp.top) : null,
      h('h3', {}, 'Growing prompts'),
      h('p', {}, g.conversations ? `${fmt.int(g.growing)} of ${fmt.int(g.conversations)} conversations with ${g.min_turns}+ turns `
        + 'send more input tokens each turn (the history is resent; summarising it saves tokens).'
        : `No conversation with ${g.min_turns ?? 3} or more turns in this range.`),
      g.fastest?.length ? table([
        { label: 'Conversation', value: x => x.conversation_id },
        { label: 'Turns', class: 'num', value: x => fmt.int(x.turns) },
        { label: 'Tokens / turn', class: 'num', value: x => `+${fmt.int(x.slope_tokens_per_turn)}` },
        { label: 'First → last', class: 'num', value: x => `${fmt.compact(x.first_turn_input_tokens)} → ${fmt.compact(x.last_turn_input_tokens)}` },
        { label: 'Cost', class: 'num', value: x => fmt.usd(x.cost_usd) },
      ], g.fastest) : null,
      h('h3', {}, 'Prompt caching', ' ', csvLink('/analytics/costs/waste', () => ({ ...range, table: 'cache' }), 'prompt caching per model')),
      table([
        { label: 'Model', value: x => x.model },
        { label: 'Calls', class: 'num', value: x => fmt.int(x.calls) },
        { label: 'Input from cache', class: 'num', value: x => fmt.pct(x.cache_read_ratio) },
        { label: 'Saved by cache', class: 'num', value: x => fmt.usd(x.realized_savings_usd) },
        { label: 'Could save at most', class: 'num', title: 'if every uncached input token were read from the cache: an upper bound',
          value: x => fmt.usd(x.potential_savings_usd) },
      ], w.cache || [], { emptyText: 'No LLM calls with token usage in this range.' }),
      h('p', { class: 'muted small' }, 'Savings are priced with the model\'s cache-read price where it has one; — where it has none.'));
  }, { wide: true, id: 'cost-waste' });
}
