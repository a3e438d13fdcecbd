// One model version (`/models/:id`): the version, its evaluations, the comparison with its parent
// (accuracy per benchmark, production reliability with its interval and p-value, the assessment)
// and the drift of its production success rate against its first week.
// GET /api/v1/model-versions/{id}, …/evaluations, …/comparison, …/drift.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, empty, failure, loading } from '../ui.js';
import { chart } from '../charts.js';
import { pValue } from '../figures.js';
import { sortableTable } from '../sortable-table.js';
import { useModelStyles, versionHref, accuracy, points, pointsKind, assessmentBadge, changeBadge, when } from './models-common.js';

export async function render(ctx) {
  useModelStyles();
  ctx.title('Model version');
  const id = ctx.params.id;
  const page = h('div', { class: 'models-page version-page' });
  fill(ctx.main, page);
  const show = async () => {
    fill(page, loading());
    let v;
    try {
      v = await api(`/model-versions/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        fill(page, h('div', { class: 'state empty', id: 'version-not-found' },
          h('h1', {}, 'Model version not found in this workspace'), h('p', {}, h('a', { href: '/models' }, 'All model versions'))));
        return;
      }
      fill(page, failure(e, show));
      return;
    }
    if (!ctx.isCurrent()) return;
    ctx.title(`${v.agent_id} ${v.version_label}`);
    const path = `/model-versions/${encodeURIComponent(v.id)}`;
    fill(page,
      h('div', { class: 'page-head' },
        h('div', {},
          h('p', { class: 'crumbs' }, h('a', { href: `/models?agent=${encodeURIComponent(v.agent_id)}` }, `Model versions of ${v.agent_id}`)),
          h('h1', {}, h('span', { class: 'version-label' }, v.version_label), ' ', h('code', { class: 'model-id' }, v.model_id)))),
      h('div', { class: 'grid' },
        facts(v),
        card('Comparison with its parent', () => comparison(v, path), { id: 'version-comparison' }),
        card('Evaluations', () => evaluations(path), { wide: true, id: 'version-evaluations' }),
        card('Drift in production', body => drift(body, v, path), { wide: true, id: 'version-drift' })));
  };
  await show();
}

function facts(v) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value ?? h('span', { class: 'muted' }, '—'))];
  return h('section', { class: 'card', id: 'version-facts', 'aria-label': 'Version' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Version')),
    h('dl', { class: 'facts' },
      row('Agent', v.agent_id), row('Label', v.version_label), row('Model id', h('code', { class: 'model-id' }, v.model_id)),
      row('Base model', v.base_model),
      row('Parent', v.parent_version_id ? h('a', { href: versionHref(v.parent_version_id), id: 'version-parent' }, v.parent_version_id) : 'none'),
      row('Training run', v.run_id), row('Training', v.training_type?.replaceAll('_', ' ')),
      row('Deployed', when(v.deployed_at)), row('Notes', v.notes),
      row('Tags', v.tags.length ? v.tags.join(', ') : null), row('Registered', fmt.time(v.created_at))));
}

async function evaluations(path) {
  const { evaluations: list } = await api(`${path}/evaluations`);
  if (!list.length) return empty('No evaluations yet. Add benchmark results with POST …/evaluations.');
  return sortableTable([
    { label: 'Benchmark', value: e => e.benchmark, sort: e => e.benchmark },
    { label: 'Primary metric', value: e => e.primary_metric, sort: e => e.primary_metric },
    { label: 'Primary value', class: 'num', value: e => h('span', { dataset: { value: String(e.primary_value) } }, fmt.num(e.primary_value, 4)),
      sort: e => e.primary_value },
    { label: 'Metrics', value: e => Object.entries(e.metrics).map(([k, x]) => `${k} ${fmt.num(x, 4)}`).join(' · ') },
    { label: 'Dataset', value: e => e.dataset ?? '—', sort: e => e.dataset },
    { label: 'Examples', class: 'num', value: e => fmt.int(e.sample_size), sort: e => e.sample_size },
    { label: 'Evaluated', value: e => when(e.evaluated_at), sort: e => e.evaluated_at },
  ], list, { id: 'evaluations-table', rowAttrs: e => ({ dataset: { benchmark: e.benchmark } }) });
}

async function comparison(v, path) {
  let c;
  try {
    c = await api(`${path}/comparison`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      return empty('A first version: there is no parent to compare with.', h('p', { class: 'muted small' }, e.detail));
    }
    throw e;
  }
  const r = c.reliability;
  const side = (s, label) => s ? `${label}: ${fmt.pct(s.success_rate)} of ${fmt.int(s.traces)} traces succeeded` : `${label}: no traces`;
  return h('div', {},
    h('div', { class: `assessment ${c.assessment}`, id: 'assessment', dataset: { assessment: c.assessment } },
      assessmentBadge(c.assessment),
      h('span', {}, ' against ', h('a', { href: versionHref(c.baseline.id) }, c.baseline.version_label), ` (${c.baseline_kind})`),
      h('p', { id: 'assessment-reason' }, c.reason)),
    h('h3', {}, 'Accuracy ', changeBadge(c.accuracy.change)),
    c.accuracy.benchmarks.length ? h('div', {},
      h('p', { class: 'small' }, 'Mean primary difference: ',
        h('strong', { id: 'accuracy-delta', class: `delta ${pointsKind(c.accuracy.primary_delta)}`,
          dataset: { value: String(c.accuracy.primary_delta) } }, points(c.accuracy.primary_delta))),
      sortableTable([
        { label: 'Benchmark', value: b => b.benchmark, sort: b => b.benchmark },
        { label: 'Metric', value: b => b.primary_metric },
        { label: c.candidate.version_label, class: 'num', value: b => accuracy(b.candidate), sort: b => b.candidate },
        { label: c.baseline.version_label, class: 'num', value: b => accuracy(b.baseline), sort: b => b.baseline },
        { label: 'Delta', class: 'num', value: b => h('span', { class: `delta ${pointsKind(b.delta)}`, dataset: { value: String(b.delta) } },
          points(b.delta)), sort: b => b.delta },
      ], c.accuracy.benchmarks, { id: 'accuracy-table', rowAttrs: b => ({ dataset: { benchmark: b.benchmark } }) }))
      : h('p', { class: 'muted' }, 'The two versions share no benchmark.'),
    h('h3', {}, 'Production reliability ', changeBadge(r.change)),
    h('p', { class: 'small' }, side(r.candidate, c.candidate.version_label), '; ', side(r.baseline, c.baseline.version_label), '.'),
    r.tested ? h('p', { id: 'reliability' }, 'Difference ',
      h('strong', { id: 'reliability-difference', dataset: { value: String(r.difference) } }, points(r.difference)),
      h('span', { id: 'reliability-interval' }, ` (95% interval ${points(r.ci_low)} to ${points(r.ci_high)})`),
      `, Fisher's exact p `, h('span', { id: 'reliability-p' }, pValue(r.p_value)))
      : null,
    h('p', { class: 'muted small', id: 'reliability-reason' }, r.reason));
}

/** Daily success rate against the baseline week's range, with the fitted trend line and its direction. */
async function drift(body, v, path) {
  let d;
  try {
    d = await api(`${path}/drift`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) return empty('Not deployed: drift is measured from the deployment.', h('p', { class: 'muted small' }, e.detail));
    throw e;
  }
  if (!d.days.length) return empty(`No production traces of ${v.model_id} for ${v.agent_id} since the deployment.`);
  const t = d.success_rate_trend, rt = d.rating_trend;
  const deployDay = Date.parse(`${v.deployed_at.slice(0, 10)}T00:00:00Z`);
  const baselineEnd = deployDay + d.baseline_days * 86400e3;
  const baseDays = d.days.filter(x => Date.parse(`${x.day}T00:00:00Z`) < baselineEnd && x.success_rate !== null);
  const lo = baseDays.length ? Math.min(...baseDays.map(x => x.success_rate)) : null;
  const hi = baseDays.length ? Math.max(...baseDays.map(x => x.success_rate)) : null;
  const series = d.days.map(x => [`${x.day}T12:00:00Z`, x.success_rate]);
  // the least-squares line passes through the mean day and the mean rate: drawn from the API's slope
  let trendLine = [];
  if (t.per_week !== null && series.length) {
    const xs = d.days.map(x => Date.parse(`${x.day}T00:00:00Z`) / 86400e3), ys = d.days.map(x => x.success_rate);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length, my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const at = x => my + (t.per_week / 7) * (x - mx);
    trendLine = [[series[0][0], at(xs[0])], [series[series.length - 1][0], at(xs[xs.length - 1])]];
  }
  const el = h('div', { class: 'chart', role: 'img', dataset: { chart: 'drift', days: String(d.days.length) },
    'aria-label': 'daily production success rate against the baseline week\'s range, with the trend' });
  const trendText = (trend, unit) => trend.per_week === null ? 'not enough days for a trend'
    : `${unit(trend.per_week)} per week (95% ${unit(trend.ci_low)} to ${unit(trend.ci_high)}) over ${trend.days} days`;
  fill(body,
    h('p', {}, 'Success rate ', changeBadge(t.direction), ' ',
      h('span', { id: 'drift-success-trend', dataset: { direction: t.direction, value: String(t.per_week) } }, trendText(t, points))),
    h('p', { class: 'small' }, `Baseline (first ${d.baseline_days} days): ${fmt.pct(d.baseline.success_rate)} of ${fmt.int(d.baseline.traces)} traces`,
      d.recent ? `; last 7 days: ${fmt.pct(d.recent.success_rate)} of ${fmt.int(d.recent.traces)}` : '; the baseline week is still running',
      `. Rating ${rt.direction.replaceAll('_', ' ')}`, rt.per_week === null ? '' : `: ${trendText(rt, x => fmt.num(x, 3))}`, '.'),
    el,
    h('p', { class: 'muted small' }, 'The band spans the lowest to the highest daily success rate of the baseline week; the dashed line is the '
      + 'least-squares trend of the daily rates (one point per day).'));
  const band = lo === null ? [] : [
    { name: 'baseline range (low)', type: 'line', data: series.map(([x]) => [x, lo]), stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
      silent: true, tooltip: { show: false } },
    { name: 'baseline range', type: 'line', data: series.map(([x]) => [x, hi - lo]), stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
      areaStyle: { opacity: 0.18 }, silent: true, tooltip: { show: false } },
  ];
  chart(el, {
    grid: { left: 56, right: 16, top: 30, bottom: 28 },
    legend: { top: 0, data: ['success rate', 'baseline range', 'trend'] },
    tooltip: { trigger: 'axis', valueFormatter: x => fmt.pct(x) },
    xAxis: { type: 'time' },
    // rates near 100% differ in tenths of a percent; a rate never exceeds 100% (the trend line may point there)
    yAxis: { type: 'value', scale: true, max: r => Math.min(1, r.max), axisLabel: { formatter: x => fmt.pct(x, 1) } },
    series: [...band,
      { name: 'success rate', type: 'line', data: series, symbolSize: 6 },
      { name: 'trend', type: 'line', data: trendLine, symbol: 'none', lineStyle: { type: 'dashed' }, tooltip: { show: false } }],
  });
  return undefined;
}
