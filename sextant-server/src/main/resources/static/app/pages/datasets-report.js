// The sections of a dataset's quality report (docs/API.md "Datasets", GET /api/v1/datasets/{id}/report),
// each a card: what the report says, as it says it (line numbers only: the report holds no content).
import { h, fmt, empty } from '../ui.js';
import { chart, ranking } from '../charts.js';
import { readiness, lineList, sortableTable } from './datasets-common.js';

/** Every card of the report, recommendations first after the score. */
export function reportCards(r) {
  return [
    h('div', { class: 'grid' },
      section('Quality score', 'dataset-score', scoreBlock(r.score)),
      section('Recommendations', 'dataset-recommendations', recommendations(r.recommendations))),
    h('div', { class: 'grid', id: 'dataset-sections' },
      section('Completeness', 'dataset-completeness', completeness(r.completeness)),
      section('Consistency', 'dataset-consistency', consistency(r.consistency)),
      section('Diversity', 'dataset-diversity', diversity(r.diversity)),
      section('Class balance', 'dataset-balance', balance(r.class_balance)),
      section('Noise', 'dataset-noise', noise(r.noise)),
      section('Duplicates', 'dataset-duplicates', duplicates(r.duplicates), true),
      section('Label conflicts', 'dataset-labels', labelConflicts(r.label_quality)),
      section('Bias signals', 'dataset-bias', bias(r.bias)),
      section('Personal data found', 'dataset-pii', pii(r.pii)),
      section('Token lengths', 'dataset-tokens', tokens(r.token_lengths)),
      section('Malformed lines', 'dataset-malformed', malformed(r.malformed), true)),
  ];
}

function section(title, id, content, wide = false) {
  return h('section', { class: `card${wide ? ' wide' : ''}`, id, 'aria-label': title },
    h('header', { class: 'card-head' }, h('h2', {}, title)), h('div', { class: 'card-body' }, content));
}

/** Figures in a row: [[label, value, key?]], each value carrying data-figure=<key> for tests and scripts. */
function figures(items) {
  return h('div', { class: 'figures-row' }, items.filter(Boolean).map(([label, value, key]) =>
    h('div', {}, h('span', { class: 'label' }, label), h('span', { class: 'value', dataset: key ? { figure: key } : undefined }, value))));
}

function bar(value, { ok, mark, label, cls = '' } = {}) {
  const v = Math.max(0, Math.min(1, Number(value) || 0));
  return h('div', { class: `bar ${cls}`, role: 'img', 'aria-label': label },
    h('div', { class: `fill${ok ? ' ok' : ''}`, style: { width: `${(v * 100).toFixed(1)}%` } }),
    mark === undefined ? null : h('div', { class: 'mark', style: { left: `${(mark * 100).toFixed(1)}%` } }));
}

function scoreBlock(s) {
  return h('div', {},
    h('div', { class: 'score-head' },
      h('span', { class: 'score-value', id: 'score-value', dataset: { value: s.value } }, fmt.num(s.value, 2)),
      readiness(s.training_ready),
      h('span', { class: 'muted small' }, `ready above ${s.ready_above}`)),
    bar(s.value, { ok: s.training_ready, mark: s.ready_above, cls: 'score-bar',
      label: `score ${fmt.num(s.value, 4)} of 1; training ready above ${s.ready_above}` }),
    h('p', { class: 'muted small' }, 'The weighted geometric mean of the components (each floored at 0.01), so one very bad aspect '
      + 'cannot be outvoted by the clean ones.'),
    sortableTable([
      { label: 'Component', value: c => c.name.replaceAll('_', ' '), sort: c => c.name },
      { label: 'Value', class: 'num', value: c => fmt.num(c.value, 4), sort: c => c.value },
      { label: h('span', { class: 'sr-only' }, 'Bar'), value: c => bar(c.value, { ok: c.value > 0.7, cls: 'component-bar',
        label: `${c.name} ${fmt.num(c.value, 4)}` }) },
      { label: 'Weight', class: 'num', value: c => fmt.num(c.weight, 2), sort: c => c.weight },
    ], s.components, { rowId: c => c.name }));
}

function recommendations(list) {
  if (!list?.length) return empty('Nothing to fix: every check passed.');
  return h('ol', { class: 'recommendations' }, list.map(t => h('li', {}, t)));
}

function completeness(c) {
  return h('div', {},
    figures([['Complete records', fmt.int(c.complete_records), 'complete_records'], ['Ratio', fmt.pct(c.ratio, 2), 'completeness_ratio']]),
    sortableTable([
      { label: 'Field', value: f => h('code', {}, f.field), sort: f => f.field },
      { label: 'Missing', class: 'num', value: f => fmt.int(f.missing), sort: f => f.missing },
      { label: 'Empty', class: 'num', value: f => fmt.int(f.empty), sort: f => f.empty },
    ], c.fields, { emptyText: 'No fields to check for this format.' }));
}

function consistency(c) {
  return h('div', {},
    figures([['Format mismatches', fmt.int(c.format_mismatches.total), 'format_mismatches'],
      ['Role-order issues', fmt.int(c.role_order_issues), 'role_order_issues'],
      ['Off the main schema', fmt.int(c.off_main_schema), 'off_main_schema']]),
    c.format_mismatches.total ? h('p', { class: 'small' }, 'Format mismatches: ', lineList(c.format_mismatches.total, c.format_mismatches.lines)) : null,
    c.role_order_examples?.length ? h('div', {}, h('h3', {}, 'Role order'),
      sortableTable([
        { label: 'Line', class: 'num', value: x => fmt.int(x.line), sort: x => x.line },
        { label: 'Why', value: x => x.reason, sort: x => x.reason },
      ], c.role_order_examples)) : null,
    c.schemas?.length ? h('div', {}, h('h3', {}, 'Field sets'),
      sortableTable([
        { label: 'Fields', value: x => h('code', {}, x.keys.join(', ')), sort: x => x.keys.join(',') },
        { label: 'Records', class: 'num', value: x => fmt.int(x.records), sort: x => x.records },
        { label: 'First line', class: 'num', value: x => fmt.int(x.first_line), sort: x => x.first_line },
      ], c.schemas)) : null);
}

function diversity(d) {
  return h('div', {},
    figures([['Words', fmt.int(d.words_sampled), 'words_sampled'], ['Vocabulary', fmt.int(d.vocabulary_size), 'vocabulary_size'],
      ['Type-token ratio', fmt.num(d.type_token_ratio, 4), 'type_token_ratio']]),
    figures([['distinct-1', fmt.num(d.distinct_1, 4), 'distinct_1'], ['distinct-2', fmt.num(d.distinct_2, 4), 'distinct_2'],
      ['distinct-3', fmt.num(d.distinct_3, 4), 'distinct_3']]),
    h('p', { class: 'muted small' }, `Distinct n-grams over all n-grams${d.sampled ? ', over the first words only (sampled)' : ''}.`));
}

function balance(b) {
  if (!b) return empty('No labels: class balance applies to labelled data (text_label, or a CSV with a label column).');
  const el = h('div', { class: 'chart', dataset: { chart: 'class-balance' }, role: 'img',
    'aria-label': `records per label: ${b.labels.map(l => `${l.label} ${l.count}`).join(', ')}` });
  const out = h('div', {},
    figures([['Labels', fmt.int(b.distinct_labels), 'distinct_labels'], ['Imbalance ratio', fmt.num(b.imbalance_ratio, 2), 'imbalance_ratio'],
      ['Normalized entropy', fmt.num(b.normalized_entropy, 4), 'normalized_entropy']]),
    b.labels_truncated ? h('p', { class: 'muted small' }, 'More distinct labels than are counted one by one; the rest are left out.') : null,
    el,
    sortableTable([
      { label: 'Label', value: l => l.label, sort: l => l.label },
      { label: 'Records', class: 'num', value: l => fmt.int(l.count), sort: l => l.count },
      { label: 'Share', class: 'num', value: l => fmt.pct(l.share, 1), sort: l => l.share },
    ], b.labels, { initial: [1, 'descending'] }));
  // drawn once the card is in the page, so that ECharts knows its width
  requestAnimationFrame(() => ranking(el, { items: b.labels.slice(0, 30).map(l => ({ name: l.label, value: l.count })), unit: 'int' }));
  return out;
}

function noise(n) {
  const rows = [['Empty', n.empty, 'empty'], [`Shorter than ${n.min_tokens} tokens`, n.too_short, 'too_short'],
    [`Longer than ${fmt.int(n.max_tokens)} tokens`, n.too_long, 'too_long'], ['Encoding damage', n.encoding_damage, 'encoding_damage']];
  return h('div', {},
    figures([['Noisy records', fmt.int(n.noisy_records), 'noisy_records']]),
    sortableTable([
      { label: 'Kind', value: r => r[0] },
      { label: 'Records', class: 'num', value: r => h('span', { dataset: { noise: r[2] } }, fmt.int(r[1].total)), sort: r => r[1].total },
      { label: 'Where', value: r => lineList(r[1].total, r[1].lines) },
    ], rows));
}

function duplicates(d) {
  const ex = d.exact, near = d.near;
  return h('div', {},
    figures([['Exact duplicates', fmt.int(ex.total), 'exact_duplicates'], ['Near duplicates', fmt.int(near.total), 'near_duplicates'],
      ['Jaccard threshold', fmt.num(near.jaccard_threshold, 2)], ['Checked for near duplicates', `${fmt.int(near.records_checked)}${near.sampled ? ' (sampled)' : ''}`]]),
    h('div', { class: 'grid' },
      h('div', { id: 'exact-pairs' }, h('h3', {}, 'Exact: line, and the earlier line it repeats'),
        sortableTable([
          { label: 'Line', class: 'num', value: p => fmt.int(p.line), sort: p => p.line },
          { label: 'Same as line', class: 'num', value: p => fmt.int(p.duplicate_of), sort: p => p.duplicate_of },
        ], ex.examples, { emptyText: 'No exact duplicates.' })),
      h('div', { id: 'near-pairs' }, h('h3', {}, 'Near: line, the earlier line it resembles, and how much'),
        sortableTable([
          { label: 'Line', class: 'num', value: p => fmt.int(p.line), sort: p => p.line },
          { label: 'Similar to line', class: 'num', value: p => fmt.int(p.similar_to), sort: p => p.similar_to },
          { label: 'Jaccard', class: 'num', value: p => fmt.num(p.jaccard, 3), sort: p => p.jaccard },
        ], near.examples, { emptyText: 'No near duplicates.' }))));
}

function labelConflicts(q) {
  if (!q) return empty('No labels to compare.');
  return h('div', {},
    figures([['Inputs with different labels', fmt.int(q.conflicting_inputs), 'conflicting_inputs'],
      ['Records affected', fmt.int(q.records_affected), 'records_affected']]),
    sortableTable([
      { label: 'Line', class: 'num', value: p => fmt.int(p.line), sort: p => p.line },
      { label: 'Labelled differently from line', class: 'num', value: p => fmt.int(p.conflicts_with), sort: p => p.conflicts_with },
    ], q.examples, { emptyText: 'No input carries two different labels.' }));
}

function flag(flagged) {
  return flagged ? h('span', { class: 'flagged', dataset: { flagged: 'true' } }, 'flagged') : h('span', { class: 'muted', dataset: { flagged: 'false' } }, 'not flagged');
}

function bias(b) {
  return h('div', {}, labelByLength(b?.label_by_length), genderedTerms(b?.gendered_terms));
}

function labelByLength(l) {
  if (!l) return h('div', {}, h('h3', {}, 'Label by input length'), h('p', { class: 'muted small' }, 'No labels: not tested.'));
  return h('div', {},
    h('h3', {}, 'Label by input length ', flag(l.flagged)),
    l.note ? h('p', { class: 'muted small' }, l.note) : null,
    figures([['Chi-square', l.chi_square === null ? '—' : fmt.num(l.chi_square, 3)], ['p-value', l.p_value === null ? '—' : fmt.num(l.p_value, 4)],
      ["Cramér's V", l.cramers_v === null ? '—' : fmt.num(l.cramers_v, 3)]]),
    l.buckets?.length ? sortableTable([
      { label: 'Length', value: x => x.bucket },
      { label: 'Labels (records)', value: x => x.labels.map(c => `${c.label} ${fmt.int(c.count)}`).join(', ') || '—' },
    ], l.buckets) : null);
}

function genderedTerms(g) {
  if (!g) return h('div', {}, h('h3', {}, 'Gendered terms'), h('p', { class: 'muted small' }, 'Not counted.'));
  return h('div', {},
    h('h3', {}, 'Gendered terms ', flag(g.flagged)),
    figures([['Only female terms', fmt.int(g.female_only)], ['Only male terms', fmt.int(g.male_only)], ['Both', fmt.int(g.both)],
      ['Ratio', g.ratio === null ? '—' : fmt.num(g.ratio, 2)]]),
    g.note ? h('p', { class: 'muted small' }, g.note) : null);
}

function pii(p) {
  return h('div', {},
    figures([['Records with personal data', fmt.int(p.records_with_pii), 'records_with_pii']]),
    sortableTable([
      { label: 'Kind', value: k => k.kind.replaceAll('_', ' '), sort: k => k.kind },
      { label: 'Matches', class: 'num', value: k => fmt.int(k.matches), sort: k => k.matches },
      { label: 'Records', class: 'num', value: k => h('span', { dataset: { pii: k.kind } }, fmt.int(k.records)), sort: k => k.records },
      { label: 'Lines', value: k => lineList(k.records, k.lines) },
    ], p.kinds, { emptyText: 'No e-mail addresses, phone numbers, card numbers, IP addresses or keys found.' }),
    h('p', { class: 'muted small' }, 'Counts and line numbers only: the report never holds what was found.'));
}

function tokens(t) {
  if (!t.records || t.min === null) return empty('No records to measure.');
  const points = [['min', t.min], ['p50', t.p50], ['p90', t.p90], ['p99', t.p99], ['max', t.max]];
  const el = h('div', { class: 'chart', dataset: { chart: 'token-lengths' }, role: 'img',
    'aria-label': `tokens per record (${t.encoding}): ${points.map(([k, v]) => `${k} ${v}`).join(', ')}, mean ${fmt.num(t.mean, 1)}` });
  requestAnimationFrame(() => chart(el, {
    grid: { left: 56, right: 16, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: points.map(p => p[0]) },
    yAxis: { type: 'value', name: 'tokens' },
    series: [{ type: 'bar', data: points.map(p => p[1]), label: { show: true, position: 'top' },
      markLine: { symbol: 'none', data: [{ yAxis: t.mean, name: 'mean' }], label: { position: 'insideEndTop', formatter: `mean ${fmt.num(t.mean, 1)}` } } }],
  }));
  return h('div', {},
    figures([['Records', fmt.int(t.records)], ['Mean', fmt.num(t.mean, 1), 'token_mean'], ['p50', fmt.int(t.p50), 'token_p50'],
      ['p99', fmt.int(t.p99), 'token_p99'], ['Max', fmt.int(t.max), 'token_max']]),
    el,
    h('p', { class: 'muted small' }, `Input and output tokens per record, ${t.encoding}; percentiles by nearest rank.`));
}

function malformed(m) {
  return h('div', {},
    figures([['Malformed lines', fmt.int(m.total), 'malformed']]),
    sortableTable([
      { label: 'Line', class: 'num', value: x => fmt.int(x.line), sort: x => x.line },
      { label: 'Why', value: x => x.reason, sort: x => x.reason },
    ], m.examples, { emptyText: 'Every line was read.', rowId: x => String(x.line), fold: 20 }),
    m.total > m.examples.length ? h('p', { class: 'muted small' }, `The first ${m.examples.length} of ${fmt.int(m.total)}.`) : null);
}
