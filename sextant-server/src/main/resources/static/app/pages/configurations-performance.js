// How each version of a configuration performed over the page's range: executions, response time,
// success rate, satisfaction, cost per execution, and each version against its parent and against
// the default (v1) with the significance of the difference.
import { api, ApiError } from '../api.js';
import { h, fmt, card, table, badge, empty } from '../ui.js';
import { diff, example } from './configurations-common.js';

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
  return h('span', { dataset: { verdict: answer.verdict } }, badge(text, kind),
    h('span', { class: 'verdict muted' }, answer.reason || `against ${against}`));
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
    const [all, answer] = await Promise.all([versions(),
      api('/analytics/config-versions', { params: { agent_id: config.agent_id, ...range } })]);
    const byId = new Map(all.map(v => [v.version_id, v]));
    const rows = (answer.versions || []).filter(r => byId.has(r.config_version))
      .sort((x, y) => byId.get(x.config_version).version - byId.get(y.config_version).version);
    if (rows.length === 0) {
      return empty(`No interactions of ${config.agent_id} named a version of this configuration in this range. `
        + `Traces count for a version when they carry its id in config_version (the SDK stamps it).`,
      example('For example, one trace of the active version:',
        `curl -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' $SERVER/api/v1/ingest \\\n`
        + `  -d '${JSON.stringify({ batch: [{ type: 'trace', body: { id: 't-1', agent_id: config.agent_id,
          config_version: config.active_version_id, started_at: new Date().toISOString() } }] })}'`));
    }
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
    return h('div', {}, table([
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
    ], withComparisons), h('p', { class: 'muted small' },
      'Comparisons test success rate (Fisher), satisfaction, response time and cost (Welch) with Holm\'s adjustment; ',
      '"significantly" means adjusted p < 0.05 (docs/API.md "Configuration performance"). Satisfaction: mean user_rating (ratings).'));
  }, { wide: true, id: 'config-performance' });
}

/** Parameter impact, when the server offers it (filled in below once the endpoint exists). */
export function parameterImpactCard() {
  return null;
}

