// The "Transfer learning" block of `/models` (GET /api/v1/model-versions/transfer?agent_id=, issue 7
// item 6): per version trained by transfer learning, the time, GPU hours and cost it saved against
// the agent's from-scratch runs, and its accuracy gain against the versions those runs produced;
// or the API's reason when there is nothing to compare. Its own card (loading, error with Retry).
import { api } from '../api.js';
import { h, fmt, card, empty } from '../ui.js';
import { sortableTable } from '../sortable-table.js';
import { versionHref, accuracy, points, pointsKind } from './models-common.js';

export function transferCard(agentId) {
  return card('Transfer learning', async () => {
    const t = await api('/model-versions/transfer', { params: { agent_id: agentId } });
    const base = baseline(t.baseline);
    if (t.status !== 'measured') {
      return h('div', { dataset: { status: t.status } },
        empty(t.reason ?? 'Not enough data to measure transfer learning.'), base);
    }
    return h('div', { dataset: { status: t.status } },
      h('div', { class: 'kpis', id: 'transfer-means' },
        mean('Mean time saved', 'mean_time_saved_hours', t.mean_time_saved_hours, hours),
        mean('Mean GPU hours saved', 'mean_gpu_hours_saved', t.mean_gpu_hours_saved, hours),
        mean('Mean cost saved', 'mean_cost_saved_usd', t.mean_cost_saved_usd, fmt.usd),
        mean('Mean accuracy gain', 'mean_accuracy_gain', t.mean_accuracy_gain, points)),
      versions(t.versions), base);
  }, { wide: true, id: 'model-transfer' });
}

/** A figure with its raw API value in data-value (the e2e test compares it with the JSON). */
function value(v, text, extra = {}) {
  return h('span', { ...extra, dataset: { value: v === null || v === undefined ? '' : String(v) } }, text);
}

function hours(v) {
  return v === null || v === undefined ? '—' : `${fmt.num(v, 2)} h`;
}

function mean(label, key, v, format) {
  return h('div', { class: 'kpi', dataset: { kpi: key } }, h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, value(v, format(v))));
}

function versions(rows) {
  const saved = (v, format) => value(v, format(v), { class: `delta ${v > 0 ? 'good' : v < 0 ? 'bad' : ''}` });
  return sortableTable([
    { label: 'Version', value: v => h('a', { href: versionHref(v.version_id), class: 'version-label' }, v.version_label ?? v.version_id),
      sort: v => v.version_label },
    { label: 'Run', value: v => v.run_id ? h('a', { href: `/training/${encodeURIComponent(v.run_id)}`, class: 'run-link' }, v.run_id) : '—',
      sort: v => v.run_id },
    { label: 'Hours', class: 'num', value: v => h('span', { dataset: { metric: 'hours' } }, value(v.hours, hours(v.hours))), sort: v => v.hours },
    { label: 'GPU hours', class: 'num', value: v => h('span', { dataset: { metric: 'gpu_hours' } }, value(v.gpu_hours, hours(v.gpu_hours))), sort: v => v.gpu_hours },
    { label: 'Cost', class: 'num', value: v => h('span', { dataset: { metric: 'cost_usd' } }, value(v.cost_usd, fmt.usd(v.cost_usd))), sort: v => v.cost_usd },
    { label: 'Time saved', class: 'num', value: v => h('span', { dataset: { metric: 'time_saved_hours' } }, saved(v.time_saved_hours, hours)),
      sort: v => v.time_saved_hours },
    { label: 'GPU hours saved', class: 'num', value: v => h('span', { dataset: { metric: 'gpu_hours_saved' } }, saved(v.gpu_hours_saved, hours)),
      sort: v => v.gpu_hours_saved },
    { label: 'Cost saved', class: 'num', value: v => h('span', { dataset: { metric: 'cost_saved_usd' } }, saved(v.cost_saved_usd, fmt.usd)),
      sort: v => v.cost_saved_usd },
    { label: 'Accuracy', class: 'num', value: v => h('span', { dataset: { metric: 'accuracy' } }, value(v.accuracy, accuracy(v.accuracy))),
      sort: v => v.accuracy },
    { label: 'Accuracy gain', class: 'num', value: v => h('span', { dataset: { metric: 'accuracy_gain' } },
      value(v.accuracy_gain, points(v.accuracy_gain), { class: `delta ${pointsKind(v.accuracy_gain)}` })), sort: v => v.accuracy_gain },
    { label: 'Against', value: v => v.compared_version_ids?.length
      ? h('span', {}, v.compared_version_ids.map((id, i) => [i ? ', ' : '', h('a', { href: versionHref(id), dataset: { compared: id } }, id)]))
      : h('span', { class: 'muted' }, 'no shared benchmark') },
  ], rows, { id: 'transfer-table', rowAttrs: v => ({ dataset: { version: v.version_id } }) });
}

/** Which runs and versions the savings and gains are measured against. */
function baseline(b) {
  if (!b) return null;
  const runs = b.run_ids ?? [];
  const versionIds = b.version_ids ?? [];
  return h('div', { id: 'transfer-baseline', class: 'small' }, h('h3', {}, 'From-scratch baseline'),
    runs.length === 0 ? h('p', { class: 'muted' }, 'No completed run trained from scratch.')
      : h('p', {}, 'Runs: ', runs.map((id, i) => [i ? ', ' : '', h('a', { href: `/training/${encodeURIComponent(id)}`, dataset: { baselineRun: id } }, id)]),
        versionIds.length ? ['; versions: ', versionIds.map((id, i) => [i ? ', ' : '', h('a', { href: versionHref(id), dataset: { baselineVersion: id } }, id)])]
          : '; no version produced by them.',
        ` Means: ${hours(b.mean_hours)}, ${hours(b.mean_gpu_hours)} of GPU, ${fmt.usd(b.mean_cost_usd)}, accuracy ${accuracy(b.mean_accuracy)}.`));
}
