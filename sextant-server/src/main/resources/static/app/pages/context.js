// Context: which context items (channel, locale, retrieved documents, history length, …) go with
// success and failure, for the range and agent in the URL. Three blocks, each loading on its own:
// relevance (GET /context/relevance: lift with its Katz interval drawn around 1, Fisher p, BH q),
// correlations (GET /context/correlations: Spearman rho of numeric types, differences of
// categorical values with their intervals) and patterns (GET /context/patterns: FP-Growth rules
// with the thresholds in the URL). Bad thresholds go to the API as typed; its Problem text shows.
import { api } from '../api.js';
import { h, fill, fmt, card, empty, badge, field, failure } from '../ui.js';
import { sortableTable } from '../sortable-table.js';

const ALL = '*';
const OUTCOMES = ['both', 'success', 'failure'];
const METRICS = [['success', 'Success'], ['latency_ms', 'Latency'], ['cost_usd', 'Cost'], ['rating', 'Rating']];

export async function render(ctx) {
  useContextStyles();
  ctx.title('Context');
  const q = ctx.query;
  const agentParam = q.get('agent');
  const agent = agentParam && agentParam !== ALL ? agentParam : null;
  const window = { from: ctx.range.from, to: ctx.range.to, agent_id: agent ?? undefined };
  const minCount = q.get('min_count') ?? '';

  const agentSelect = h('select', { id: 'context-agent',
    onchange: () => ctx.setQuery({ agent: agentSelect.value === ALL ? null : agentSelect.value }, { push: true }) },
  h('option', { value: ALL, selected: agent === null }, 'all agents'),
  agent !== null ? h('option', { value: agent, selected: true }, agent) : null);
  const minCountInput = h('input', { type: 'text', inputmode: 'numeric', id: 'context-min-count', value: minCount,
    placeholder: '10', size: 7, autocomplete: 'off' });
  const minCountForm = h('form', { class: 'ctx-controls', 'aria-label': 'Relevance and correlation settings',
    onsubmit: e => { e.preventDefault(); ctx.setQuery({ min_count: minCountInput.value.trim() || null }, { push: true }); } },
  field('Agent', agentSelect),
  field('Minimum interactions per item (min_count)', minCountInput),
  h('button', { type: 'submit', class: 'btn small' }, 'Apply'));

  const head = h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Context'),
      h('p', { class: 'muted' }, `Which context items go with successful and failed interactions of ${agent ? `agent ${agent}` : 'all agents'}`
        + ` over the last ${ctx.range.key}. Success is a trace whose status is not error; every figure carries its 95% interval.`)));
  const rel = card('Relevance', () => relevance({ ...window, min_count: minCount || undefined }), { wide: true, id: 'context-relevance' });
  const cor = card('Correlations', () => correlations({ ...window, min_count: minCount || undefined }), { wide: true, id: 'context-correlations' });
  const pat = card('Patterns', () => patterns(ctx, window), { wide: true, id: 'context-patterns' });
  fill(ctx.main, h('div', { class: 'context-page' }, head, minCountForm, h('div', { class: 'grid' }, rel, cor, pat)));
  agents(ctx, agentSelect, agent);
}

/** Fills the agent picker with the agents that had interactions in the range (the page works without it). */
async function agents(ctx, select, chosen) {
  try {
    const { agents: list } = await api('/analytics/agents', { params: { from: ctx.range.from, to: ctx.range.to, limit: 100 } });
    if (!ctx.isCurrent()) return;
    const ids = list.map(a => a.agent_id).filter(id => id !== null && id !== undefined && id !== chosen);
    select.append(...ids.map(id => h('option', { value: id }, id)));
  } catch (e) {
    if (!ctx.isCurrent()) return;
    select.closest('form').append(h('div', { class: 'ctx-agents-failed' }, failure(e)));
  }
}

// ---- relevance --------------------------------------------------------------------------------
async function relevance(params) {
  const r = await api('/context/relevance', { params });
  const summary = h('p', { class: 'muted small', id: 'relevance-summary' },
    `${fmt.int(r.interactions)} interactions, ${fmt.int(r.successes)} succeeded`
    + `${r.success_rate === null || r.success_rate === undefined ? '' : ` (${fmt.pct(r.success_rate)})`}; items in at least `
    + `${fmt.int(r.min_count)} interactions`
    + `${r.items_below_min_count ? ` (${fmt.int(r.items_below_min_count)} rarer items not reported)` : ''}. ${r.reason || ''}`);
  if (r.status !== 'ok' || !r.items?.length) {
    return h('div', {}, h('div', { class: 'state empty', id: 'relevance-insufficient', role: 'status' },
      h('p', {}, `Not enough data for relevance: ${(r.reason || 'no item to report').replace(/\.$/, '')}.`),
      h('p', { class: 'small' }, 'Widen the time range, choose another agent or lower the minimum interactions per item.')), summary);
  }
  const scale = forestScale(r.items);
  const table = sortableTable([
    { label: 'Item', value: i => itemCell(i), sort: i => `${i.type}=${i.value}` },
    { label: 'In successes', class: 'num', title: 'successful interactions with the item, and their share of all successes',
      value: i => countShare(i.successes_with, i.success_share), sort: i => i.success_share },
    { label: 'In failures', class: 'num', title: 'failed interactions with the item, and their share of all failures',
      value: i => countShare(i.failures_with, i.failure_share), sort: i => i.failure_share },
    { label: 'Success with (95%)', class: 'num', value: i => rateCell(i.rate_with, i.rate_with_low, i.rate_with_high),
      sort: i => i.rate_with },
    { label: 'Success without (95%)', class: 'num', value: i => rateCell(i.rate_without, i.rate_without_low, i.rate_without_high),
      sort: i => i.rate_without },
    { label: 'Lift (95%) around 1', class: 'lift', title: 'P(success | item) / P(success), Katz log interval; the dashed line is 1',
      value: i => [h('span', { class: 'lift-text' }, `${ratio(i.lift)} [${ratio(i.lift_low)}–${ratio(i.lift_high)}]`), forest(i, scale)],
      sort: i => i.lift },
    { label: 'q', class: 'num', title: 'Benjamini–Hochberg q of the Fisher exact p', value: i => pValue(i.q_value), sort: i => i.q_value },
  ], r.items, { id: 'relevance-table', caption: 'Context items by evidence (q, then p, then distance of the lift from 1)',
    rowAttrs: i => ({ dataset: { type: i.type, value: i.value } }) });
  return h('div', {}, summary, table, forestAxis(scale));
}

function itemCell(i) {
  return h('span', { class: 'ctx-item' }, h('span', { class: 'badge ctx-chip' }, i.type), ' ',
    h('span', { class: 'ctx-value' }, i.value), i.numeric ? h('span', { class: 'muted small' }, ' (quartile)') : null,
    h('span', { class: 'muted small ctx-n block' }, `n = ${fmt.int(i.count)}`));
}

function countShare(count, share) {
  return [fmt.int(count), h('span', { class: 'muted small' }, ` (${fmt.pct(share)})`)];
}

function rateCell(rate, low, high) {
  return [fmt.pct(rate), h('span', { class: 'muted small block' }, `[${fmt.pct(low)}–${fmt.pct(high)}]`)];
}

function ratio(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return Number(v).toLocaleString('en-US', { minimumFractionDigits: v >= 10 ? 1 : 2, maximumFractionDigits: v >= 10 ? 1 : 3 });
}

function pValue(p) {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  if (p === 0) return '0';
  return p < 0.001 ? Number(p).toExponential(1) : Number(p).toFixed(3);
}

/** A log scale shared by every row, holding 1 and every interval. */
function forestScale(items) {
  let lo = 1, hi = 1;
  for (const i of items) {
    if (i.lift_low > 0 && Number.isFinite(i.lift_low)) lo = Math.min(lo, i.lift_low);
    if (i.lift_high > 0 && Number.isFinite(i.lift_high)) hi = Math.max(hi, i.lift_high);
  }
  const a = Math.log(lo), b = Math.log(hi), pad = Math.max((b - a) * 0.06, 0.02);
  return { min: a - pad, max: b + pad, width: 160 };
}

function x(scale, v) {
  const t = (Math.log(v) - scale.min) / (scale.max - scale.min);
  return Math.max(0, Math.min(1, t)) * scale.width;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The lift's interval as a bar on the shared log scale, with a line at 1 (no difference). */
function forest(i, scale) {
  if (!(i.lift > 0) || !(i.lift_low > 0) || !(i.lift_high > 0)) return h('span', { class: 'muted' }, '—');
  const side = i.lift_high < 1 ? 'below' : i.lift_low > 1 ? 'above' : 'across';
  const el = svg('svg', { class: `forest ${side}`, width: scale.width, height: 16, viewBox: `0 0 ${scale.width} 16`, role: 'img',
    'aria-label': `lift ${ratio(i.lift)}, 95% interval ${ratio(i.lift_low)} to ${ratio(i.lift_high)}, `
      + (side === 'across' ? 'includes 1' : side === 'below' ? 'entirely below 1' : 'entirely above 1') });
  el.dataset.side = side;
  const one = x(scale, 1);
  el.append(svg('line', { class: 'one', x1: one, x2: one, y1: 0, y2: 16 }),
    svg('line', { class: 'ci', x1: x(scale, i.lift_low), x2: x(scale, i.lift_high), y1: 8, y2: 8 }),
    svg('line', { class: 'ci', x1: x(scale, i.lift_low), x2: x(scale, i.lift_low), y1: 4, y2: 12 }),
    svg('line', { class: 'ci', x1: x(scale, i.lift_high), x2: x(scale, i.lift_high), y1: 4, y2: 12 }),
    svg('rect', { class: 'point', x: x(scale, i.lift) - 3, y: 5, width: 6, height: 6 }));
  return el;
}

function forestAxis(scale) {
  return h('p', { class: 'muted small forest-legend' },
    `Lift axis (log scale, the same for every row): ${fmt.num(Math.exp(scale.min), 3)} to ${fmt.num(Math.exp(scale.max), 3)}; `
    + 'the vertical line is 1. A bar entirely left of the line: the item goes with failure; entirely right: with success.');
}

// ---- correlations -----------------------------------------------------------------------------
async function correlations(params) {
  const r = await api('/context/correlations', { params });
  const summary = h('p', { class: 'muted small', id: 'correlations-summary' },
    `${fmt.int(r.interactions)} interactions; categorical values in at least ${fmt.int(r.min_count)} interactions, `
    + 'each against the interactions without it.');
  const numeric = r.numeric || [], categorical = r.categorical || [];
  if (!numeric.length && !categorical.length) {
    return h('div', {}, h('div', { class: 'state empty', id: 'correlations-insufficient', role: 'status' },
      h('p', {}, 'No context type to correlate in this range: no interaction carried enough context items.')), summary);
  }
  const metricCols = kind => METRICS.map(([m, label]) => ({
    label: kind === 'numeric' ? `ρ ${label} (95%)` : `${label}: with − without (95%)`, class: 'num',
    value: row => metricCell(row.metrics?.find(x => x.metric === m), kind),
    sort: row => row.metrics?.find(x => x.metric === m)?.estimate ?? null,
  }));
  return h('div', {}, summary,
    h('h3', {}, 'Numeric types: Spearman rank correlation'),
    numeric.length
      ? sortableTable([{ label: 'Type', value: t => h('span', { class: 'badge ctx-chip' }, t.type), sort: t => t.type }, ...metricCols('numeric')],
        numeric, { id: 'correlations-numeric', caption: 'Spearman ρ with its Fisher-z interval (Bonett–Wright), n pairs and p' })
      : empty('No numeric context type in this range.'),
    h('h3', {}, 'Categorical values: difference against the interactions without the value'),
    categorical.length
      ? sortableTable([{ label: 'Item', value: c => itemCell(c), sort: c => `${c.type}=${c.value}` }, ...metricCols('categorical')],
        categorical, { id: 'correlations-categorical', rowAttrs: c => ({ dataset: { type: c.type, value: c.value } }),
          caption: 'Success: difference of rates (Newcombe interval, Fisher p); latency, cost, rating: difference of means (Welch)' })
      : empty(`No categorical value in at least ${fmt.int(r.min_count)} interactions.`));
}

function metricCell(m, kind) {
  if (!m) return h('span', { class: 'muted' }, '—');
  if (m.status !== 'ok' || m.estimate === null || m.estimate === undefined) {
    return h('span', { class: 'muted small', title: m.reason || '' }, `insufficient data (n = ${fmt.int(m.n)})`);
  }
  const f = kind === 'numeric' ? v => signed(v, a => a.toFixed(3)) : differenceFormat(m.metric);
  const significant = m.low > 0 || m.high < 0;
  const n = kind === 'numeric' ? `n = ${fmt.int(m.n)}` : `n = ${fmt.int(m.n)} vs ${fmt.int(m.n_without)}`;
  return h('span', { class: `metric${significant ? ' significant' : ''}`, dataset: { metric: m.metric } },
    h('span', { class: 'estimate' }, f(m.estimate)), h('span', { class: 'muted small' }, ` [${f(m.low)}, ${f(m.high)}]`),
    h('span', { class: 'muted small block' }, `${n} · p ${pValue(m.p_value)}`),
    kind === 'categorical' && m.mean_with !== null && m.mean_with !== undefined
      ? h('span', { class: 'muted small block' }, `${meanFormat(m.metric)(m.mean_with)} vs ${meanFormat(m.metric)(m.mean_without)}`) : null);
}

function signed(v, f) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${f(Math.abs(v))}`;
}

function differenceFormat(metric) {
  if (metric === 'success') return v => signed(v, a => `${(a * 100).toFixed(1)} pp`);
  if (metric === 'latency_ms') return v => signed(v, fmt.ms);
  if (metric === 'cost_usd') return v => signed(v, fmt.usd);
  return v => signed(v, a => fmt.num(a, 2));
}

function meanFormat(metric) {
  if (metric === 'success') return v => fmt.pct(v);
  if (metric === 'latency_ms') return fmt.ms;
  if (metric === 'cost_usd') return fmt.usd;
  return v => fmt.num(v, 2);
}

// ---- patterns ---------------------------------------------------------------------------------
const PATTERN_PARAMS = ['min_support', 'min_confidence', 'max_length', 'outcome'];

async function patterns(ctx, window) {
  const q = ctx.query;
  const asked = Object.fromEntries(PATTERN_PARAMS.map(p => [p, q.get(p) ?? undefined]));
  const inputs = {
    min_support: h('input', { type: 'text', inputmode: 'decimal', id: 'patterns-min-support', size: 7, autocomplete: 'off' }),
    min_confidence: h('input', { type: 'text', inputmode: 'decimal', id: 'patterns-min-confidence', size: 7, autocomplete: 'off' }),
    max_length: h('input', { type: 'text', inputmode: 'numeric', id: 'patterns-max-length', size: 4, autocomplete: 'off' }),
    outcome: h('select', { id: 'patterns-outcome' }, OUTCOMES.map(o => h('option', { value: o }, o))),
  };
  for (const p of PATTERN_PARAMS) if (asked[p] !== undefined) inputs[p].value = asked[p];
  if (asked.outcome !== undefined && !OUTCOMES.includes(asked.outcome)) {
    inputs.outcome.append(h('option', { value: asked.outcome, selected: true }, asked.outcome));
  }
  const form = h('form', { class: 'ctx-controls', id: 'patterns-controls', 'aria-label': 'Pattern settings',
    onsubmit: e => {
      e.preventDefault();
      ctx.setQuery(Object.fromEntries(PATTERN_PARAMS.map(p => [p, inputs[p].value.trim() || null])), { push: true });
    } },
  field('Minimum support (share)', inputs.min_support), field('Minimum confidence', inputs.min_confidence),
  field('Up to items', inputs.max_length), field('Outcome', inputs.outcome),
  h('button', { type: 'submit', class: 'btn small' }, 'Find patterns'));
  const result = h('div', { id: 'patterns-result' });
  try {
    const r = await api('/context/patterns', { params: { ...window, ...asked } });
    const s = r.settings || {};
    for (const p of PATTERN_PARAMS) if (asked[p] === undefined && s[p] !== undefined) inputs[p].value = String(s[p]);
    fill(result, patternSummary(r), patternRules(r));
  } catch (e) {
    if (e?.name === 'AbortError') return undefined;
    fill(result, failure(e));
  }
  return h('div', {}, form, result);
}

function patternSummary(r) {
  const s = r.settings || {}, caps = r.caps || {};
  const analysed = caps.transactions_truncated
    ? `first ${fmt.int(r.transactions_analysed)} of ${fmt.int(r.transactions_in_range)} interactions analysed (in trace id order; narrow the range to analyse them all)`
    : `${fmt.int(r.transactions_analysed)} interactions analysed`;
  return h('div', { id: 'patterns-summary' },
    h('p', { class: 'small' }, `${analysed}${r.success_rate === null || r.success_rate === undefined ? '' : `, ${fmt.pct(r.success_rate)} succeeded`}; `
      + `min support ${fmt.pct(s.min_support)} (at least ${fmt.int(r.min_support_count)} interactions, never fewer than ${fmt.int(s.min_support_floor)}), `
      + `min confidence ${fmt.pct(s.min_confidence)}, up to ${fmt.int(s.max_length)} items, outcome ${s.outcome}, q ≤ ${s.max_q}.`),
    h('p', { class: 'muted small' }, `${fmt.int(r.itemsets_tested)} frequent itemsets tested`
      + `${caps.itemsets_truncated ? ` (mining stopped at the cap of ${fmt.int(caps.max_itemsets)} itemsets)` : ''}; `
      + `${fmt.int(r.rules_found)} rule${r.rules_found === 1 ? '' : 's'} found`
      + `${r.rules_found > (r.rules || []).length ? `, the first ${fmt.int(r.rules.length)} shown` : ''}. Method: ${s.algorithm || '—'}.`));
}

function patternRules(r) {
  if (!r.rules?.length) {
    const s = r.settings || {};
    return h('div', { class: 'state empty', id: 'patterns-none', role: 'status' },
      h('p', {}, r.transactions_analysed
        ? `No pattern passes min support ${fmt.pct(s.min_support)}, min confidence ${fmt.pct(s.min_confidence)}, lift above 1 and q ≤ ${s.max_q}.`
        : 'No interaction in this range to mine.'),
      r.transactions_analysed
        ? h('p', { class: 'small' }, 'Lower the minimum support or the minimum confidence (or allow more items) to see weaker patterns.')
        : null);
  }
  return sortableTable([
    { label: 'Pattern', value: rule => h('span', { class: 'chips' }, rule.items.map(i => h('span', { class: 'badge ctx-chip' }, i))),
      sort: rule => rule.items.join(' ') },
    { label: 'Outcome', value: rule => outcomeBadge(rule.outcome), sort: rule => rule.outcome },
    { label: 'Support', class: 'num', value: rule => [fmt.int(rule.support.count), h('span', { class: 'muted small' }, ` (${fmt.pct(rule.support.fraction)})`)],
      sort: rule => rule.support.count },
    { label: 'Confidence (95%)', class: 'num', value: rule => rateCell(rule.confidence.value, rule.confidence.low, rule.confidence.high),
      sort: rule => rule.confidence.value },
    { label: 'Lift', class: 'num', value: rule => ratio(rule.lift), sort: rule => rule.lift },
    { label: 'q', class: 'num', value: rule => pValue(rule.q), sort: rule => rule.q },
  ], r.rules, { id: 'patterns-table', caption: 'Rules sorted by q, then lift: support is the interactions holding every item of the pattern',
    rowAttrs: rule => ({ dataset: { outcome: rule.outcome, items: rule.items.join(' AND ') } }) });
}

function outcomeBadge(outcome) {
  const el = badge(outcome, outcome === 'success' ? 'good' : outcome === 'failure' ? 'bad' : '');
  el.dataset.outcome = outcome;
  return el;
}

/** Adds context.css once. */
function useContextStyles() {
  if (!document.querySelector('link[data-css="context"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/context.css', dataset: { css: 'context' } }));
  }
}
