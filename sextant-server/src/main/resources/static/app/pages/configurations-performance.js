// How each version of a configuration performed over the page's range: executions, response time,
// success rate, satisfaction, cost per execution, and each version against its parent and against
// the default (v1) with the significance of the difference.
import { api, ApiError } from '../api.js';
import { h, fmt, card, badge, empty } from '../ui.js';
import { diff, example, jsonText, labelledTable } from './configurations-common.js';

const VERDICT = {
  better: ['significantly better', 'good'],
  worse: ['significantly worse', 'bad'],
  no_significant_difference: ['no significant difference', ''],
  insufficient_data: ['not enough data', ''],
};

/** A comparison's verdict as a badge with its reason. */
export function verdict(answer, against) {
  if (!answer) return h('span', { class: 'muted' }, '—');
  if (answer.error) return h('span', { class: 'muted small', title: answer.error }, 'no comparison');
  const [text, kind] = VERDICT[answer.verdict] || [answer.verdict, ''];
  return h('div', { class: 'verdict', dataset: { verdict: answer.verdict } }, badge(text, kind),
    h('details', {}, h('summary', {}, `against ${against}`), h('p', { class: 'small' }, answer.reason || '')));
}

async function compare(a, b, agent, range) {
  try {
    return await api('/analytics/config-versions/compare', { params: { a, b, agent_id: agent, from: range.from, to: range.to } });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return { error: e.detail };
    throw e;
  }
}

export function performanceCard(ctx, config, versions) {
  const range = { from: ctx.range.from, to: ctx.range.to };
  return card(`Performance per version (last ${ctx.range.key})`, async () => {
    let answer;
    try {
      answer = await api(`/configurations/${encodeURIComponent(config.id)}/performance`, { params: range });
    } catch (e) {
      // a server without the per-configuration endpoint: the per-version figures and comparisons one by one
      if (e instanceof ApiError && e.status === 404) return fromVersionFigures(config, versions, range);
      throw e;
    }
    return fromPerformance(config, answer);
  }, { wide: true, id: 'config-performance' });
}

const NOTE = 'Comparisons test success rate (Fisher), satisfaction, response time and cost (Welch) with Holm\'s adjustment; '
  + '"significantly" means adjusted p < 0.05 (docs/API.md "Configuration performance"). Satisfaction: mean user_rating (ratings).';

function noTraffic(config) {
  return empty(`No interactions of ${config.agent_id} named a version of this configuration in this range. `
    + 'Traces count for a version when they carry its id in config_version (the SDK stamps it).',
  example('For example, one trace of the active version:',
    `curl -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' $SERVER/api/v1/ingest \\\n`
    + `  -d '${JSON.stringify({ batch: [{ type: 'trace', body: { id: 't-1', agent_id: config.agent_id,
      config_version: config.active_version_id, started_at: new Date().toISOString() } }] })}'`));
}

const LEVEL_KIND = { extensive: 'bad', moderate: 'warn', minimal: '' };

/** How far a version departs from its baseline, from the server's customization level. */
function level(against) {
  if (!against) return null;
  const parts = [`${against.parameters_changed} parameter${against.parameters_changed === 1 ? '' : 's'}`];
  if (against.steps_changed) parts.push(`${against.steps_changed} workflow step${against.steps_changed === 1 ? '' : 's'}`);
  const b = badge(against.customization_level, LEVEL_KIND[against.customization_level] ?? '');
  b.dataset.level = against.customization_level;
  return h('span', { class: 'small', title: (against.changed_parameters || []).join(', ') || 'no parameter changed' },
    b, ` ${parts.join(', ')} changed`);
}

function againstCell(against, none) {
  if (!against) return h('span', { class: 'muted small' }, none);
  return h('div', {}, verdict(against, against.baseline), level(against));
}

/** The answer of GET /configurations/{id}/performance: every version, with figures and comparisons. */
function fromPerformance(config, answer) {
  const rows = answer.versions || [];
  if (!rows.some(r => r.figures?.executions)) return noTraffic(config);
  const f = r => r.figures || {};
  return h('div', {}, labelledTable('Performance per version', [
    { label: 'Version', class: 'nowrap', value: r => h('span', { dataset: { version: r.version_id } }, h('code', {}, r.version_id),
      r.active ? [' ', badge('active', 'good')] : null) },
    { label: 'Executions', class: 'num', value: r => h('span', { dataset: { metric: 'executions' } }, fmt.int(f(r).executions)) },
    { label: 'Avg response', class: 'num', value: r => fmt.ms(f(r).avg_response_ms) },
    { label: 'p95 response', class: 'num', value: r => fmt.ms(f(r).p95_response_ms) },
    { label: 'Success rate', class: 'num', value: r => h('span', { dataset: { metric: 'success_rate' } }, fmt.pct(f(r).success_rate)) },
    { label: 'Satisfaction', class: 'num', value: r => (f(r).satisfaction === null || f(r).satisfaction === undefined ? '—' : `${fmt.num(f(r).satisfaction)} (${fmt.int(f(r).rating_count)})`) },
    { label: 'Cost / execution', class: 'num', value: r => fmt.usd(f(r).cost_per_execution_usd) },
    { label: 'vs parent', value: r => againstCell(r.against_parent, r.version === 1 ? 'the default has no parent' : 'no parent') },
    { label: `vs default (${answer.default_version})`, value: r => againstCell(r.against_default, 'is the default') },
  ], rows), h('p', { class: 'muted small' }, NOTE,
    ' Customization level: extensive (6+ parameters or 3+ workflow steps), moderate (3+ or 1+), else minimal.'));
}

async function fromVersionFigures(config, versions, range) {
  {
    const [all, answer] = await Promise.all([versions(),
      api('/analytics/config-versions', { params: { agent_id: config.agent_id, ...range } })]);
    const byId = new Map(all.map(v => [v.version_id, v]));
    const rows = (answer.versions || []).filter(r => byId.has(r.config_version))
      .sort((x, y) => byId.get(x.config_version).version - byId.get(y.config_version).version);
    if (rows.length === 0) return noTraffic(config);
    const seen = new Set(rows.map(r => r.config_version));
    const defaultId = `${config.id}-v1`;
    const withComparisons = await Promise.all(rows.map(async r => {
      const v = byId.get(r.config_version);
      const parent = v.parent_version_id;
      const [vsParent, vsDefault] = await Promise.all([
        parent && seen.has(parent) ? compare(r.config_version, parent, config.agent_id, range) : null,
        r.config_version !== defaultId && seen.has(defaultId) ? compare(r.config_version, defaultId, config.agent_id, range) : null,
      ]);
      const changed = byId.has(defaultId) ? diff(byId.get(defaultId).content, v.content).length : null;
      return { ...r, v, vsParent, vsDefault, changed, parent };
    }));
    return h('div', {}, labelledTable('Performance per version', [
      { label: 'Version', class: 'nowrap', value: r => h('span', { dataset: { version: r.config_version } }, h('code', {}, r.config_version),
        r.v.active ? [' ', badge('active', 'good')] : null) },
      { label: 'Executions', class: 'num', value: r => h('span', { dataset: { metric: 'executions' } }, fmt.int(r.executions)) },
      { label: 'Avg response', class: 'num', value: r => fmt.ms(r.avg_response_ms) },
      { label: 'p95 response', class: 'num', value: r => fmt.ms(r.p95_response_ms) },
      { label: 'Success rate', class: 'num', value: r => h('span', { dataset: { metric: 'success_rate' } }, fmt.pct(r.success_rate)) },
      { label: 'Satisfaction', class: 'num', value: r => (r.satisfaction === null ? '—' : `${fmt.num(r.satisfaction)} (${fmt.int(r.rating_count)})`) },
      { label: 'Cost / execution', class: 'num', value: r => fmt.usd(r.cost_per_execution_usd) },
      { label: 'vs parent', value: r => (r.parent ? (r.vsParent ? verdict(r.vsParent, r.parent)
        : h('span', { class: 'muted small' }, `${r.parent} has no interactions in this range`)) : h('span', { class: 'muted small' }, 'no parent')) },
      { label: 'vs default (v1)', value: r => (r.config_version === defaultId ? h('span', { class: 'muted small' }, 'is the default')
        : r.vsDefault ? verdict(r.vsDefault, defaultId) : h('span', { class: 'muted small' }, `${defaultId} has no interactions in this range`)) },
      { label: 'Customization', value: r => (r.changed === null ? '—'
        : h('span', { title: 'parameters that differ from v1' }, r.changed === 0 ? 'as default' : `${r.changed} parameter${r.changed === 1 ? '' : 's'} changed`)) },
    ], withComparisons), h('p', { class: 'muted small' }, NOTE));
  }
}

const OUTCOMES = [['success_rate', 'success rate'], ['satisfaction', 'satisfaction'], ['response_time', 'response time'], ['cost', 'cost']];
const IMPACT_KIND = { high: 'bad', medium: 'warn', low: '', none: '' };

/**
 * Which behaviour parameters moved an outcome over the versions' days, and the recommendation (or
 * why there is none): GET /configurations/{id}/parameter-impact over the server's default window
 * (90 days up to today), the outcome chosen here and kept in the URL (impact_outcome).
 */
export function parameterImpactCard(ctx, config) {
  let outcome = OUTCOMES.some(([v]) => v === ctx.query.get('impact_outcome')) ? ctx.query.get('impact_outcome') : 'success_rate';
  const select = h('select', { id: 'impact-outcome', 'aria-label': 'Outcome' },
    OUTCOMES.map(([v, l]) => h('option', { value: v, selected: v === outcome }, l)));
  const c = card('Parameter impact (last 90 days)', async () => {
    let a;
    try {
      a = await api(`/configurations/${encodeURIComponent(config.id)}/parameter-impact`, { params: { outcome } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return empty('This server does not analyse parameter impact yet.');
      throw e;
    }
    const r = a.recommendation;
    const recommendation = h('div', { id: 'impact-recommendation', class: 'recommendation' },
      r?.recommended
        ? h('p', {}, badge('recommendation', 'good'), ' Try ',
          Object.entries(r.parameters || {}).map(([k, v], i) => [i ? ', ' : '', h('code', {}, k), ` = ${jsonText(v)}`]),
          `: expected ${outcomeText(outcome)} improvement ${fmt.num(r.expected_improvement, 3)}`
          + ` (interval ${fmt.num(r.improvement_low, 3)} to ${fmt.num(r.improvement_high, 3)}).`)
        : h('p', {}, badge('no recommendation'), ' ', r?.reason || 'no recommendation was made.'));
    const params = a.parameters || [];
    return h('div', {},
      h('p', { class: 'muted small' }, `${fmt.int(a.observations)} observations (one per version and day with traffic) from `,
        `${(a.versions || []).length} version${(a.versions || []).length === 1 ? '' : 's'}, ${a.from?.slice(0, 10)} to ${a.to?.slice(0, 10)}.`),
      recommendation,
      params.length ? labelledTable('Parameter impact', [
        { label: 'Parameter', value: p => h('code', {}, p.name) },
        { label: 'Kind', value: p => p.kind },
        { label: 'Observations', class: 'num', value: p => fmt.int(p.observations) },
        { label: 'Impact', value: p => (p.analysed ? badge(p.impact, IMPACT_KIND[p.impact] ?? '') : h('span', { class: 'muted small' }, p.reason)) },
        { label: 'Correlation', value: p => (!p.analysed ? '—' : p.kind === 'numeric'
          ? `Pearson ${fmt.num(p.pearson, 3)} (p ${fmt.num(p.pearson_p_value, 4)}), Spearman ${fmt.num(p.spearman, 3)}`
          : `η² ${fmt.num(p.eta_squared, 3)} (ANOVA p ${fmt.num(p.anova_p_value, 4)})`) },
        { label: 'Best', value: p => (!p.best ? '—' : p.best.value !== null && p.best.value !== undefined ? jsonText(p.best.value)
          : `${fmt.num(p.best.low)} – ${fmt.num(p.best.high)}`) },
      ], params) : empty('No behaviour parameters with observations in this window.'));
  }, { wide: true, id: 'config-parameter-impact', actions: select });
  select.addEventListener('change', () => {
    outcome = select.value;
    const q = new URLSearchParams(location.search);
    if (outcome === 'success_rate') q.delete('impact_outcome'); else q.set('impact_outcome', outcome);
    history.replaceState(null, '', `${location.pathname}${q.toString() ? `?${q}` : ''}`);
    c.reload();
  });
  return c;
}

function outcomeText(outcome) {
  return OUTCOMES.find(([v]) => v === outcome)?.[1] ?? outcome;
}

