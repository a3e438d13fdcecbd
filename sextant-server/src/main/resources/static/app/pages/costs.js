// Costs: what the range cost (total, per interaction, against the previous period), cost over time
// by model or agent, breakdowns by model, agent, operation and tag, budgets, the forecast with its
// prediction interval, and where money could be saved (recommendations, waste).
import { api } from '../api.js';
import { h, fill, fmt, card, table, kpi, empty } from '../ui.js';
import { timeSeries } from '../charts.js';
import { budgetsCard } from './costs-budgets.js';
import { recommendationsCard, wasteCard } from './costs-savings.js';
import { useStyles, csvLink, rangeParams, trendInterval, stackedBars, reloadOnData, advance, shared } from './costs-common.js';

const TOP_SERIES = 8;

export async function render(ctx) {
  ctx.title('Costs');
  useStyles();
  const range = rangeParams(ctx);
  const cards = [];
  const keep = c => { cards.push(c); return c; };
  // several blocks show parts of these two answers: one request each
  const stats = shared(() => api('/interactions/stats', { params: range }));
  const ops = shared(() => api('/analytics/costs/operations', { params: { ...range, limit: 10 } }));

  const rangeText = h('span', {});
  const head = h('div', { class: 'page-head' },
    h('div', {},
      h('h1', {}, 'Costs'),
      h('p', { class: 'muted costs-range' }, rangeText, ` (last ${ctx.range.key}); `,
        'money is the stored cost of each interaction\'s LLM calls.')));
  // the exact from/to every block asked for, for scripts and tests to repeat the query
  const paint = () => {
    Object.assign(head.dataset, { from: range.from, to: range.to });
    rangeText.textContent = `${fmt.time(range.from)} – ${fmt.time(range.to)}`;
  };
  paint();

  const kpis = keep(card('Spend in this range', () => totals(range, stats), { wide: true, id: 'cost-totals' }));
  const overTime = keep(costOverTime(ctx, range));
  const byModel = keep(card('By model', () => modelTable(stats), { wide: true, id: 'cost-by-model' }));
  const byAgent = keep(card('By agent', () => operations(ops, 'by_agent', 'Agent'), {
    id: 'cost-by-agent', actions: csvLink('/analytics/costs/operations', () => ({ ...range, table: 'by_agent' }), 'cost by agent') }));
  const byTag = keep(card('By tag', () => tagTable(range), {
    wide: true, id: 'cost-by-tag', actions: csvLink('/analytics/costs/breakdown', () => ({ ...range, by: 'tag', table: 'groups' }), 'cost by tag') }));
  const byOperation = keep(card('Costliest operations', () => operations(ops, 'by_trace_name', 'Operation (trace name)'), {
    id: 'cost-by-operation', actions: csvLink('/analytics/costs/operations', () => ({ ...range, table: 'by_trace_name' }), 'costliest operations') }));
  const bySpan = keep(card('Costliest steps', () => operations(ops, 'by_span', 'Step (span name)', true), {
    wide: true, id: 'cost-by-span', actions: csvLink('/analytics/costs/operations', () => ({ ...range, table: 'by_span' }), 'costliest steps') }));
  const budgets = keep(budgetsCard(ctx));
  const forecast = keep(forecastCard(ctx));
  const savings = keep(recommendationsCard(ctx, range));
  const waste = keep(wasteCard(range));

  ctx.main.append(h('div', { class: 'spend-page' }, head, h('div', { class: 'grid' },
    kpis, overTime, byModel, byAgent, byOperation, byTag, bySpan, budgets, forecast, savings, waste)));
  ctx.costPage = { cards, range, paint, answers: [stats, ops] };
}

/** New data: reload every block, at most every 15 s (a busy workspace sends many signals). */
export function onData(ctx) {
  const page = ctx.costPage;
  if (!page) return;
  reloadOnData(ctx, () => {
    advance(ctx, page.range);
    page.paint();
    page.answers.forEach(a => a.reset());
    for (const c of page.cards) c.reload();
  });
}

async function totals(range, stats) {
  const previous = { from: new Date(Date.parse(range.from) - (Date.parse(range.to) - Date.parse(range.from))).toISOString(), to: range.from };
  const [now, before] = await Promise.all([
    stats(),
    api('/interactions/stats', { params: previous }).catch(() => null),
  ]);
  const missing = v => v === null || v === undefined;
  const rel = (a, b) => (missing(a) || missing(b) || Number(b) === 0 ? null : (Number(a) - Number(b)) / Number(b));
  const total = kpi('Total cost', fmt.usd(now.total_cost_usd), rel(now.total_cost_usd, before?.total_cost_usd),
    { goodWhenUp: false, testid: 'total-cost', hint: `${now.total_cost_usd} USD exactly` });
  total.dataset.value = String(now.total_cost_usd ?? '');
  const perInteraction = kpi('Cost per interaction', fmt.usd(now.avg_cost_usd), rel(now.avg_cost_usd, before?.avg_cost_usd),
    { goodWhenUp: false, testid: 'cost-per-interaction' });
  const interactions = kpi('Interactions', fmt.int(now.interactions), rel(now.interactions, before?.interactions),
    { testid: 'interactions' });
  const tokens = kpi('Tokens (input + output)', fmt.compact(now.tokens?.total), rel(now.tokens?.total, before?.tokens?.total),
    { goodWhenUp: false, testid: 'tokens', hint: `${fmt.int(now.tokens?.input)} input, ${fmt.int(now.tokens?.output)} output, `
      + `${fmt.int(now.tokens?.cache_read)} read from cache` });
  const cacheShare = now.tokens?.input ? now.tokens.cache_read / now.tokens.input : null;
  const cache = kpi('Input read from cache', fmt.pct(cacheShare), undefined,
    { testid: 'cache-share', hint: 'cache-read tokens / input tokens (input includes cache reads)' });
  return h('div', {},
    h('div', { class: 'kpis' }, total, perInteraction, interactions, tokens, cache),
    now.interactions === 0 ? empty('No interactions in this range. Send traces with LLM spans (model and token usage) '
      + 'and Sextant prices them from its model catalog; see docs/API.md "Ingest".') : null,
    h('p', { class: 'muted small' }, 'Change against the previous ', h('span', {}, 'period of the same length'), '.'));
}

function costOverTime(ctx, range) {
  let groupBy = ctx.query.get('cost_by') === 'agent' ? 'agent' : 'model';
  const select = h('select', { 'aria-label': 'Group cost over time by', id: 'cost-by' },
    h('option', { value: 'model', selected: groupBy === 'model' }, 'by model'),
    h('option', { value: 'agent', selected: groupBy === 'agent' }, 'by agent'));
  const params = () => ({ metric: 'cost', group_by: groupBy, interval: trendInterval(ctx.range.key), ...range });
  const link = h('span', {});
  const c = card('Cost over time', async body => {
    link.replaceChildren(csvLink('/analytics/trends', params, `cost over time by ${groupBy}`));
    const answer = await api('/analytics/trends', { params: params() });
    const series = (answer.series || [])
      .map(s => ({ name: s.key ?? `(no ${groupBy})`, total: s.buckets.reduce((a, b) => a + (b.value || 0), 0), buckets: s.buckets }))
      .filter(s => s.total > 0)
      .sort((a, b) => b.total - a.total);
    if (series.length === 0) return empty(`No cost in this range. Cost appears once LLM spans with a model and token usage arrive.`);
    const shown = series.slice(0, TOP_SERIES);
    const rest = series.slice(TOP_SERIES);
    if (rest.length) {
      shown.push({ name: `${rest.length} more`, buckets: rest[0].buckets.map((b, i) => ({ start: b.start,
        value: rest.reduce((a, s) => a + (s.buckets[i]?.value || 0), 0) })) });
    }
    const el = h('div', { class: 'chart', role: 'img', 'aria-label': `Cost per ${answer.interval} ${groupBy === 'model' ? 'by model' : 'by agent'}` });
    const holder = h('div', {}, el, h('p', { class: 'muted small' },
      `Per ${answer.interval} (UTC)${groupBy === 'model' ? '; a trace that called several models counts under each' : ''}.`));
    fill(body, holder);
    stackedBars(el, shown.map(s => ({ name: s.name, points: s.buckets.map(b => [b.start, b.value || 0]) })), answer.interval);
    return undefined;
  }, { wide: true, id: 'cost-over-time', actions: [select, link] });
  select.addEventListener('change', () => {
    groupBy = select.value;
    const q = new URLSearchParams(location.search);
    if (groupBy === 'model') q.delete('cost_by'); else q.set('cost_by', groupBy);
    history.replaceState(null, '', `${location.pathname}${q.toString() ? `?${q}` : ''}`);
    c.reload();
  });
  return c;
}

async function modelTable(answer) {
  const stats = await answer();
  const total = (stats.by_model || []).reduce((a, m) => a + Number(m.cost_usd || 0), 0);
  const rows = [...(stats.by_model || [])].sort((a, b) => Number(b.cost_usd) - Number(a.cost_usd));
  return table([
    { label: 'Model', class: 'nowrap', value: m => m.model ?? '(no model)' },
    { label: 'Calls', class: 'num', value: m => fmt.int(m.calls) },
    { label: 'Input tokens', class: 'num', value: m => fmt.compact(m.input_tokens) },
    { label: 'Output tokens', class: 'num', value: m => fmt.compact(m.output_tokens) },
    { label: 'Per call', class: 'num', value: m => (m.calls ? fmt.usd(Number(m.cost_usd) / m.calls) : '—') },
    { label: 'Cost', class: 'num', value: m => fmt.usd(m.cost_usd) },
    { label: 'Share', class: 'num', value: m => (total > 0 ? fmt.pct(Number(m.cost_usd) / total) : '—') },
  ], rows, { emptyText: 'No LLM calls with a model in this range.' });
}

async function operations(ops, list, label, wide = false) {
  const answer = await ops();
  const columns = [{ label, value: r => r.name ?? '(none)' }];
  const withModel = wide;
  if (withModel) columns.push({ label: 'Model', value: r => r.model ?? '—' });
  columns.push(
    { label: 'Count', class: 'num', value: r => fmt.int(r.count) },
    { label: 'Total', class: 'num', value: r => fmt.usd(r.total_cost_usd) },
    { label: 'Per call', class: 'num', value: r => fmt.usd(r.cost_per_call_usd) },
    wide ? { label: 'p95', class: 'num', title: '95th percentile of the cost of one', value: r => fmt.usd(r.p95_cost_usd) } : null,
    { label: 'Share', class: 'num', value: r => fmt.pct(r.share_of_total) });
  return table(columns.filter(Boolean), answer[list] || [], {
    rowHref: list === 'by_agent' ? r => (r.name ? `/agents/${encodeURIComponent(r.name)}` : null) : null,
    emptyText: 'No costed interactions in this range.' });
}

async function tagTable(range) {
  const answer = await api('/analytics/costs/breakdown', { params: { ...range, by: 'tag', limit: 10 } });
  return h('div', {},
    table([
      { label: 'Tag', value: g => g.key },
      { label: 'Interactions', class: 'num', value: g => fmt.int(g.traces) },
      { label: 'Total', class: 'num', value: g => fmt.usd(g.total_cost_usd) },
      { label: 'Mean', class: 'num', value: g => fmt.usd(g.mean_cost_usd) },
      { label: 'Median', class: 'num', value: g => fmt.usd(g.p50_cost_usd) },
      { label: 'p95', class: 'num', value: g => fmt.usd(g.p95_cost_usd) },
    ], answer.groups || [], { emptyText: 'No tagged interactions in this range. Send "tags" on traces (e.g. "campaign:spring") to split cost by them.' }),
    answer.group_count ? h('p', { class: 'muted small' }, `${fmt.int(answer.group_count)} tags${answer.group_count > 10 ? ', the 10 costliest shown' : ''}. `,
      answer.ungrouped_traces ? `${fmt.int(answer.ungrouped_traces)} interactions without a tag cost ${fmt.usd(answer.ungrouped_cost_usd)}. ` : '',
      'An interaction with several tags counts under each.') : null);
}

function forecastCard(ctx) {
  const allowed = ['7', '14', '30', '90'];
  let days = allowed.includes(ctx.query.get('forecast_days')) ? ctx.query.get('forecast_days') : '30';
  const select = h('select', { 'aria-label': 'Forecast days', id: 'forecast-days' },
    allowed.map(d => h('option', { value: d, selected: d === days }, `next ${d} days`)));
  const link = h('span', {});
  const c = card('Forecast: daily cost', async body => {
    link.replaceChildren(csvLink('/analytics/forecast', { metric: 'cost', days }, 'forecast'));
    const f = await api('/analytics/forecast', { params: { metric: 'cost', days } });
    const notes = h('div', { class: 'forecast-notes' },
      h('p', {}, h('strong', {}, 'Method: '), h('code', { dataset: { method: f.method } }, f.method), ' — ', f.reason ?? ''),
      f.total?.predicted !== null && f.total?.predicted !== undefined
        ? h('p', { id: 'forecast-total' }, `Next ${f.days} days: ${fmt.usd(f.total.predicted)} expected, `
          + `${Math.round(f.level * 100)}% prediction interval ${fmt.usd(f.total.lower)} – ${fmt.usd(f.total.upper)}.`)
        : null,
      f.fitted_days ? h('p', { class: 'muted small' }, `Fitted on ${f.fitted_days} complete days (${f.history_from} to ${f.history_to}); `
        + `today is still running and is forecast, not fitted.`
        + (f.slope_per_day !== null && f.slope_per_day !== undefined ? ` Trend: ${f.slope_per_day >= 0 ? '+' : ''}${fmt.usd(f.slope_per_day)} per day.` : '')) : null);
    if (!f.forecast?.length || f.forecast.every(p => p.predicted === null)) {
      return h('div', {}, empty('Not enough history to forecast: at least 3 complete days with cost are needed.'), notes);
    }
    // the actual daily cost over the fitted history, so the forecast reads as its continuation
    let history = [];
    if (f.history_from) {
      const t = await api('/analytics/trends', { params: { metric: 'cost', interval: 'day', from: `${f.history_from}T00:00:00Z` } })
        .catch(() => null);
      // a partial bucket (today, still running) would read as a drop
      history = (t?.series?.[0]?.buckets || []).filter(b => !b.partial).map(b => [b.start, b.value || 0]);
    }
    const at = p => `${p.day}T00:00:00Z`;
    const el = h('div', { class: 'chart', id: 'forecast-chart', role: 'img',
      'aria-label': `Daily cost history and forecast for the next ${f.days} days with a ${Math.round(f.level * 100)}% prediction interval` });
    fill(body, h('div', {}, el, notes));
    timeSeries(el, {
      unit: 'usd',
      series: [
        ...(history.length ? [{ name: 'Actual', points: history }] : []),
        { name: 'Forecast', dashed: true, points: f.forecast.map(p => [at(p), p.predicted]) },
      ],
      bands: [{ name: `${Math.round(f.level * 100)}% interval`, lower: f.forecast.map(p => [at(p), p.lower]),
        upper: f.forecast.map(p => [at(p), p.upper]) }],
    });
    return undefined;
  }, { wide: true, id: 'cost-forecast', actions: [select, link] });
  select.addEventListener('change', () => {
    days = select.value;
    const q = new URLSearchParams(location.search);
    if (days === '30') q.delete('forecast_days'); else q.set('forecast_days', days);
    history.replaceState(null, '', `${location.pathname}${q.toString() ? `?${q}` : ''}`);
    c.reload();
  });
  return c;
}
