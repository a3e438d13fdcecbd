// The results of an experiment (GET /api/v1/experiments/{id}/results): the verdict and its
// recommendation first, the sample-ratio check as a warning when the split does not fit, progress
// toward the minimum sample, the variants, and each comparison with its always-valid interval drawn
// against zero (fixed-horizon figures, CUPED and power secondary).
import { api } from '../api.js';
import { h, fmt, card, table, badge, empty } from '../ui.js';
import { chart } from '../charts.js';
import { metricLabel, metricValue, metricDifference, pValue } from './experiments-common.js';

const VERDICTS = {
  winner: ['Winner', 'good'], no_difference: ['No difference', ''], keep_running: ['Keep running', 'warn'], invalid: ['Invalid', 'bad'],
};

export function resultsCard(ctx, x) {
  return card('Results', async () => {
    if (x.status === 'draft') {
      return empty('This experiment is a draft: start the experiment to see results. Units are assigned, and traces counted, from the start.');
    }
    const r = await api(`/experiments/${encodeURIComponent(x.id)}/results`);
    return h('div', { class: 'results' },
      verdict(r), srm(r), dataNotes(r), progress(r),
      h('h3', {}, 'Variants'), variants(r),
      h('h3', {}, 'Comparisons'),
      h('p', { class: 'muted small' }, 'Intervals are always-valid (sequential, mSPRT) at the experiment\'s alpha: they stay valid however '
        + 'often the results are looked at, and they decide. The line marks zero, no difference. Fixed-horizon figures hold only for '
        + 'one look at the planned end.'),
      comparisons(r));
  }, { wide: true, id: 'experiment-results' });
}

function verdict(r) {
  const v = r.verdict || {};
  const [label, kind] = VERDICTS[v.kind] || [v.kind, ''];
  return h('div', { class: `verdict ${v.kind || ''}`, id: 'verdict', dataset: { kind: v.kind || '' } },
    h('div', { class: 'verdict-head' }, badge(label, kind),
      v.winner ? h('strong', {}, ` ${v.winner}`) : null,
      h('span', { class: 'muted small' }, ` as of ${fmt.time(r.until)}, ${r.days} day${r.days === 1 ? '' : 's'} since the start`)),
    h('p', { class: 'recommendation', id: 'recommendation' }, v.recommendation || ''),
    v.missing?.length ? h('p', { class: 'small' }, 'Still missing: ', v.missing.join(', ')) : null);
}

function srm(r) {
  const s = r.sample_ratio;
  if (!s) return null;
  if (!s.mismatch) {
    return h('p', { class: 'muted small', id: 'srm-ok' }, `Sample ratio: ${s.reason}`);
  }
  return h('div', { class: 'warning-banner', id: 'srm-warning', role: 'alert' },
    h('strong', {}, 'Sample ratio mismatch: '), 'the units are not split as allocated, so assignment or logging is broken and the '
      + 'comparisons cannot be trusted. ', h('span', { class: 'small' }, s.reason));
}

function dataNotes(r) {
  const notes = [
    [r.units_without_id, 'Without a unit id (left out)', 'units_without_id'],
    [r.traces_without_variant, 'Traces without a variant id', 'traces_without_variant'],
    [r.units_in_unknown_variants, 'Units in variants the experiment does not define (left out)', 'units_in_unknown_variants'],
    [r.units_in_several_variants, 'Units seen in more than one variant', 'units_in_several_variants'],
  ].filter(([n]) => n > 0);
  if (!notes.length) return null;
  return h('ul', { class: 'data-notes small' }, notes.map(([n, text, key]) => h('li', { dataset: { note: key } }, `${text}: ${fmt.int(n)}`)));
}

function progress(r) {
  const min = r.minimum_sample_per_variant;
  if (!min) return h('p', { class: 'muted small' }, 'No minimum sample size was set.');
  return h('div', { class: 'sample-progress', id: 'sample-progress' },
    h('h3', {}, `Progress toward the minimum sample (${fmt.int(min)} units per variant)`),
    r.variants.map(v => {
      const share = Math.min(1, v.units / min);
      return h('div', { class: 'progress-row' },
        h('span', { class: 'progress-label' }, v.variant_id),
        h('div', { class: 'progress-bar', role: 'progressbar', 'aria-label': `${v.variant_id}: units toward the minimum sample`,
          'aria-valuemin': 0, 'aria-valuemax': min, 'aria-valuenow': Math.min(v.units, min) },
        h('div', { class: `progress-fill${share >= 1 ? ' done' : ''}`, style: { width: `${share * 100}%` } })),
        h('span', { class: 'small' }, `${fmt.int(v.units)} of ${fmt.int(min)} (${fmt.pct(v.units / min, 0)})`));
    }));
}

function variants(r) {
  const t = table([
    { label: 'Variant', value: v => h('span', {}, v.variant_id, v.variant_id === r.control_id ? h('span', { class: 'muted' }, ' (control)') : null) },
    { label: 'Allocation', class: 'num', value: v => `${v.allocation_percent}%` },
    { label: 'Units', class: 'num', value: v => h('span', { dataset: { units: v.units } }, fmt.int(v.units)) },
    { label: 'Traces', class: 'num', value: v => fmt.int(v.traces) },
    { label: 'Success rate', class: 'num', value: v => metricValue('success_rate', v.success_rate) },
    { label: 'Satisfaction', class: 'num', value: v => metricValue('satisfaction', v.satisfaction) },
    { label: 'Response time', class: 'num', value: v => metricValue('response_time', v.response_time_ms) },
    { label: 'Error rate', class: 'num', value: v => metricValue('error_rate', v.error_rate) },
    { label: 'Hand-off rate', class: 'num', value: v => metricValue('handoff_rate', v.handoff_rate) },
    { label: 'Cost per unit', class: 'num', value: v => metricValue('cost', v.cost_per_unit) },
  ], r.variants, { emptyText: 'No variants.' });
  t.id = 'results-variants';
  return t;
}

function comparisons(r) {
  if (!r.comparisons?.length) return empty('No comparisons yet: they need units in the control and in a treatment.');
  return h('div', { class: 'comparisons', id: 'comparisons' }, r.comparisons.map(c => comparison(c, r)));
}

function comparison(c, r) {
  const s = c.sequential || {};
  const fh = c.fixed_horizon || {};
  const m = c.metric;
  const status = c.role === 'guardrail'
    ? (c.guardrail_violated ? badge('guardrail violated', 'bad') : badge('guardrail ok', 'good'))
    : (c.significant ? badge('significant', 'good') : badge('not significant'));
  const plot = h('div', { class: 'interval-chart', role: 'img',
    'aria-label': `${metricLabel(m)}, ${c.treatment_id} minus ${c.control_id}: ${metricDifference(m, c.difference)}, `
      + `always-valid interval ${metricDifference(m, s.lower)} to ${metricDifference(m, s.upper)}; zero is no difference` });
  requestAnimationFrame(() => intervalChart(plot, c));
  return h('article', { class: 'comparison', dataset: { metric: m, treatment: c.treatment_id, role: c.role } },
    h('header', { class: 'comparison-head' },
      h('h4', {}, `${metricLabel(m)}: ${c.treatment_id} vs ${c.control_id}`), h('span', { class: 'muted small' }, c.role), status),
    h('div', { class: 'comparison-body' },
      h('dl', { class: 'facts' },
        h('dt', {}, 'Control → treatment'), h('dd', {}, `${metricValue(m, c.control)} → ${metricValue(m, c.treatment)}`,
          h('span', { class: 'muted small' }, ` (${fmt.int(c.control_units)} and ${fmt.int(c.treatment_units)} units)`)),
        h('dt', {}, 'Difference'), h('dd', { class: 'difference' }, metricDifference(m, c.difference),
          c.relative_difference === null || c.relative_difference === undefined ? null
            : h('span', { class: 'muted' }, ` (${c.relative_difference > 0 ? '+' : ''}${fmt.pct(c.relative_difference)})`)),
        h('dt', {}, 'Always-valid interval'), h('dd', {}, `[${metricDifference(m, s.lower)}, ${metricDifference(m, s.upper)}]`),
        h('dt', {}, 'Sequential p'), h('dd', { class: 'p-sequential' }, pValue(s.p_value), h('span', { class: 'muted small' }, ` after ${s.looks ?? 0} looks`)),
        h('dt', {}, 'Corrected p'), h('dd', { class: 'p-corrected' }, c.p_value_corrected === null || c.p_value_corrected === undefined
          ? h('span', { class: 'muted' }, c.role === 'guardrail' ? 'not corrected (guardrail)' : '—')
          : `${pValue(c.p_value_corrected)} (${c.correction === 'benjamini_hochberg' ? 'Benjamini-Hochberg' : c.correction})`),
        h('dt', {}, 'Achieved power'), h('dd', {}, c.achieved_power === null || c.achieved_power === undefined ? '—' : fmt.pct(c.achieved_power, 2))),
      plot),
    s.reason ? h('p', { class: 'muted small' }, s.reason) : null,
    h('details', { class: 'secondary' }, h('summary', {}, 'Fixed-horizon test, effect size and CUPED'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Fixed horizon'), h('dd', {}, `${fh.test || '—'}: p = ${pValue(fh.p_value)}, `
          + `${Math.round((fh.confidence || 1 - r.alpha) * 100)}% interval [${metricDifference(m, fh.lower)}, ${metricDifference(m, fh.upper)}]`),
        h('dt', {}, 'Effect size'), h('dd', {}, c.effect_size ? `${c.effect_size.kind === 'cohens_h' ? 'Cohen\'s h' : 'Cohen\'s d'} = ${fmt.num(c.effect_size.value, 3)}` : '—'),
        h('dt', {}, 'CUPED'), h('dd', { class: 'cuped' }, cuped(m, c.cuped)))));
}

function cuped(m, cu) {
  if (!cu) return '—';
  if (!cu.applied) return h('span', { class: 'muted' }, `not applied: ${cu.reason || ''}`);
  return h('span', {}, `applied: difference ${metricDifference(m, cu.difference)} (raw ${metricDifference(m, cu.raw_difference)}), `
    + `interval [${metricDifference(m, cu.lower)}, ${metricDifference(m, cu.upper)}], p = ${pValue(cu.p_value)}, `
    + `variance × ${fmt.num(cu.variance_ratio, 3)}. `, h('span', { class: 'muted' }, cu.reason || ''));
}

/** The difference with its always-valid interval (and the fixed-horizon one, thinner) against zero. */
function intervalChart(el, c) {
  if (!el.isConnected) return;
  const s = c.sequential || {};
  const fh = c.fixed_horizon || {};
  const values = [0, c.difference, s.lower, s.upper, fh.lower, fh.upper].filter(v => v !== null && v !== undefined && Number.isFinite(v));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  const styles = getComputedStyle(document.documentElement);
  const good = styles.getPropertyValue('--good').trim() || '#166c3a';
  const bad = styles.getPropertyValue('--bad').trim() || '#b02a2a';
  const muted = styles.getPropertyValue('--muted').trim() || '#5a6374';
  const better = c.difference === null || c.difference === undefined ? null : (c.difference > 0) === !!c.higher_is_better;
  const colour = (c.significant || c.guardrail_violated) ? (better ? good : bad) : muted;
  const rows = [
    ['fixed horizon', fh.lower, fh.upper, c.difference, muted, 2],
    ['always-valid', s.lower, s.upper, c.difference, colour, 4],
  ];
  chart(el, {
    animation: false,
    grid: { left: 90, right: 16, top: 6, bottom: 22 },
    tooltip: { show: false },
    xAxis: { type: 'value', min: lo - pad, max: hi + pad, axisLabel: { formatter: v => metricDifference(c.metric, v), hideOverlap: true, showMinLabel: false, showMaxLabel: false },
      splitLine: { show: false } },
    yAxis: { type: 'category', data: rows.map(r => r[0]), axisTick: { show: false } },
    series: [{
      type: 'custom', silent: true,
      data: rows.map((r, i) => [i, r[1] ?? r[3] ?? 0, r[2] ?? r[3] ?? 0, r[3] ?? 0]),
      renderItem: (params, api) => {
        const [, color, width] = [null, rows[params.dataIndex][4], rows[params.dataIndex][5]];
        const y = api.value(0);
        const a = api.coord([api.value(1), y]);
        const b = api.coord([api.value(2), y]);
        const mid = api.coord([api.value(3), y]);
        return { type: 'group', children: [
          { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: color, lineWidth: width } },
          { type: 'line', shape: { x1: a[0], y1: a[1] - 5, x2: a[0], y2: a[1] + 5 }, style: { stroke: color, lineWidth: 2 } },
          { type: 'line', shape: { x1: b[0], y1: b[1] - 5, x2: b[0], y2: b[1] + 5 }, style: { stroke: color, lineWidth: 2 } },
          { type: 'circle', shape: { cx: mid[0], cy: mid[1], r: 4 }, style: { fill: color } },
        ] };
      },
      markLine: { silent: true, symbol: 'none', label: { show: false },
        lineStyle: { type: 'dashed', color: muted }, data: [{ xAxis: 0 }] },
    }],
  });
}
