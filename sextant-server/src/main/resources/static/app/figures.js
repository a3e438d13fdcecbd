// Building blocks of the overview, agents and agent pages: the period and the one before it,
// KPI tiles against the previous period, trend charts, and cards that refresh on live data
// without blanking what they show.
import { api } from './api.js';
import { h, fill, fmt, card, kpi } from './ui.js';
import { timeSeries, ranking } from './charts.js';

/** Adds the pages' stylesheet once, and marks the main area as one of these pages while it shows one. */
export function useStyles(ctx) {
  if (!document.querySelector('link[data-style="overview"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/overview.css', dataset: { style: 'overview' } }));
  }
  ctx.main.classList.add('figures');
  ctx.onCleanup(() => ctx.main.classList.remove('figures'));
}

/**
 * The period a page shows. It starts as the frame's range; a live refresh moves it to end now
 * (the same length), so new data falls inside it, rounded up to the minute as the frame does (the
 * same question within a minute can be answered from the server's cache).
 */
export function period(ctx) {
  const p = { from: ctx.range.from, to: ctx.range.to, ms: ctx.range.ms, key: ctx.range.key };
  p.advance = () => {
    const to = new Date(Math.ceil(Date.now() / 60000) * 60000);
    p.to = to.toISOString();
    p.from = new Date(to.getTime() - p.ms).toISOString();
  };
  p.previous = () => ({ from: new Date(new Date(p.from).getTime() - p.ms).toISOString(), to: p.from });
  return p;
}

/** Buckets that make a readable chart for the range: hours up to a day, days beyond (hourly rates are mostly noise). */
export function intervalFor(ms) {
  return ms <= 86400e3 ? 'hour' : 'day';
}

/** A dashboard link that keeps the page's time range (the default range is not written out). */
export function withRange(ctx, href) {
  if (ctx.range.key === '7d') return href;
  return `${href}${href.includes('?') ? '&' : '?'}range=${ctx.range.key}`;
}

/**
 * The page of an agent, keeping the range. The server refuses paths holding "/", ";", "%" or "\\"
 * (even encoded), so such an agent links to its interactions instead.
 */
export function agentHref(ctx, id) {
  return /[\/;%\\]/.test(id) ? withRange(ctx, `/interactions?agent_id=${encodeURIComponent(id)}`)
    : withRange(ctx, `/agents/${encodeURIComponent(id)}`);
}

/**
 * The shortest range of the picker that holds an interaction that started at `iso`, if it is
 * not the current one; else the next longer range (null after 90d).
 */
export function rangeHolding(ctx, iso) {
  const ranges = { '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3, '90d': 90 * 86400e3 };
  const keys = Object.keys(ranges);
  const age = Date.now() - new Date(iso).getTime();
  const fits = keys.find(k => ranges[k] > age);
  if (fits && fits !== ctx.range.key) return fits;
  return keys[keys.indexOf(ctx.range.key) + 1] || null;
}

/** A p-value as text; tiny ones as "< 0.0001" rather than 0. */
export function pValue(p) {
  if (p === null || p === undefined) return '—';
  return p < 0.0001 ? '< 0.0001' : `= ${fmt.num(p, 4)}`;
}

/**
 * The buckets worth drawing: a first bucket that began before the period holds only its tail,
 * so it would draw a dip that is not there (it stays when it is nearly all there is).
 */
export function drawn(buckets) {
  return buckets.length > 2 && buckets[0].partial ? buckets.slice(1) : buckets;
}

/** The relative change of a figure against the previous period's; null when there is nothing to compare with. */
export function relative(current, previous) {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (Number(previous) === 0) return Number(current) === 0 ? 0 : null;
  return (Number(current) - Number(previous)) / Math.abs(Number(previous));
}

/**
 * A card whose content a live refresh replaces only once the new content is there: `load(body,
 * refreshing)` returns the new content (or fills the body itself and returns undefined). A
 * failed refresh keeps the old content and says so in the card's header.
 */
export function liveCard(title, load, opts = {}) {
  const note = h('span', { class: 'stale-note', role: 'status' });
  const actions = h('span', { class: 'live-actions' }, note, opts.actions || null);
  const el = card(title, body => load(body, false), { ...opts, actions });
  const body = el.querySelector('.card-body');
  el.refresh = async () => {
    if (!body.firstElementChild || body.querySelector(':scope > .state.error, :scope > .state.loading')) {
      return el.reload(); // nothing worth keeping on screen
    }
    try {
      const content = await load(body, true);
      if (content !== undefined) fill(body, content);
      fill(note);
      el.classList.remove('stale');
    } catch (e) {
      if (e?.name === 'AbortError') return;
      el.classList.add('stale');
      fill(note, 'not updated');
      note.title = `The refresh failed (${e?.message || e}); this shows the previous data.`;
    }
  };
  return el;
}

/**
 * Calls `refresh` when live data arrives, at most every `gapMs` (a burst of ingests is one
 * refresh, and the last change is always picked up). Returns the function onData calls.
 */
export function throttledRefresh(ctx, refresh, gapMs = 5000) {
  let last = Date.now(), timer = null, running = false, again = false;
  const run = async () => {
    timer = null;
    if (!ctx.isCurrent()) return;
    if (running) { again = true; return; }
    running = true;
    last = Date.now();
    try { await refresh(); } catch (e) { console.error(e); } finally { running = false; }
    if (again) { again = false; schedule(); }
  };
  const schedule = () => {
    if (timer || !ctx.isCurrent()) return;
    timer = setTimeout(run, Math.max(0, last + gapMs - Date.now()));
  };
  ctx.onCleanup(() => { clearTimeout(timer); timer = null; });
  return schedule;
}

/** The KPI tiles' definitions: what to read from the stats answer and which way is good. */
const TILES = [
  { id: 'interactions', label: 'Interactions', value: s => s.interactions, show: fmt.int, goodWhenUp: true },
  { id: 'cost', label: 'Cost', value: s => s.total_cost_usd, show: fmt.usd, goodWhenUp: false },
  { id: 'tokens', label: 'Tokens', value: s => s.tokens?.total, show: fmt.compact, goodWhenUp: false,
    hint: 'input + output + cache + reasoning tokens of the LLM calls' },
  { id: 'latency_p95', label: 'p95 latency', value: s => s.p95_duration_ms, show: fmt.ms, goodWhenUp: false,
    hint: '95th percentile of the interactions\' durations' },
  { id: 'error_rate', label: 'Error rate', value: s => s.error_rate, show: v => fmt.pct(v), goodWhenUp: false,
    hint: s => `${fmt.int(s.errors)} interactions with status error` },
  { id: 'handoff_rate', label: 'Hand-off rate', value: s => s.handoff_rate, show: v => fmt.pct(v), goodWhenUp: false,
    hint: s => `${fmt.int(s.handoffs)} interactions handed off` },
];

/**
 * The KPI tiles for a period (`filters` narrows them, e.g. to one agent), each with its change
 * against the previous period of the same length. The interaction stats must load; the previous
 * period and the satisfaction (feedback analytics) may fail on their own: their tile says so.
 */
export async function kpiTiles(per, filters = {}) {
  const prev = per.previous();
  const [cur, before, fb, fbBefore] = await Promise.allSettled([
    api('/interactions/stats', { params: { ...filters, from: per.from, to: per.to } }),
    api('/interactions/stats', { params: { ...filters, from: prev.from, to: prev.to } }),
    api('/analytics/feedback', { params: { ...filters, from: per.from, to: per.to, interval: intervalFor(per.ms), themes: 1 } }),
    api('/analytics/feedback', { params: { ...filters, from: prev.from, to: prev.to, interval: intervalFor(per.ms), themes: 1 } }),
  ]);
  if (cur.status === 'rejected') throw cur.reason;
  const s = cur.value, p = before.status === 'fulfilled' ? before.value : null;
  const tiles = TILES.map(t => {
    const hint = typeof t.hint === 'function' ? t.hint(s) : t.hint;
    const rel = p ? relative(t.value(s), t.value(p)) : null;
    return kpi(t.label, t.show(t.value(s)), rel, { goodWhenUp: t.goodWhenUp, testid: t.id,
      hint: p ? hint : `${hint ? `${hint}; ` : ''}the previous period could not be loaded` });
  });
  if (fb.status === 'fulfilled') {
    const mean = fb.value.mean;
    const prevMean = fbBefore.status === 'fulfilled' ? fbBefore.value.mean : null;
    tiles.push(kpi('Satisfaction', mean === null ? '—' : fmt.num(mean, 2), relative(mean, prevMean), {
      goodWhenUp: true, testid: 'satisfaction',
      hint: mean === null ? 'no user_rating scores in this period'
        : `mean user_rating of ${fmt.int(fb.value.numeric_count)} ratings` }));
  } else {
    const tile = kpi('Satisfaction', '—', undefined, { testid: 'satisfaction',
      hint: `could not load the feedback analytics: ${fb.reason?.message || fb.reason}` });
    tile.append(h('div', { class: 'kpi-error' }, 'could not load'));
    tiles.push(tile);
  }
  return { node: h('div', { class: 'kpis' }, tiles), stats: s };
}

/**
 * A trend chart card body: each line is one `/analytics/trends` metric for the period; `map`
 * turns a bucket's value into what is drawn (e.g. success = 1 - error rate). On a refresh the
 * chart's data is replaced in place.
 */
export async function trendChart(body, per, lines, { unit, filters = {}, testid }) {
  const interval = intervalFor(per.ms);
  const answers = await Promise.all(lines.map(l => api('/analytics/trends',
    { params: { ...filters, metric: l.metric, interval, from: per.from, to: per.to } })));
  const series = answers.map((a, i) => ({
    name: lines[i].name,
    area: lines.length === 1 && (unit === 'int' || unit === 'usd'),
    points: drawn(a.series[0]?.buckets || []).map(b => [b.start, b.value === null ? null
      : (lines[i].map ? lines[i].map(b.value) : b.value)]),
  }));
  const samples = answers.reduce((n, a) => n + (a.series[0]?.buckets || []).reduce((m, b) => m + (b.samples || 0), 0), 0);
  const existing = body.querySelector(':scope > .chart');
  if (existing?.chart && !existing.chart.isDisposed()) {
    existing.chart.setOption({ series: series.map(s => ({ name: s.name, data: s.points })), title: noData(per, samples) });
    existing.dataset.samples = String(samples);
    return undefined;
  }
  const el = h('div', { class: 'chart', dataset: { chart: testid, samples: String(samples) }, role: 'img',
    'aria-label': `${lines.map(l => l.name).join(' and ')} per ${interval}` });
  fill(body, el);
  timeSeries(el, { series, unit }).setOption({ title: noData(per, samples) });
  return undefined;
}

/** The words over a chart with nothing to draw (hidden when there is something). */
function noData(per, samples) {
  return { show: samples === 0, text: `No data in the last ${per.key}`, left: 'center', top: 'middle',
    textStyle: { fontSize: 13, fontWeight: 'normal', color: '#8a93a3' } };
}

/**
 * A chart of one trends metric split by `group_by` (a line per agent, model, ...). A refresh with
 * the same groups replaces the data in place; new groups redraw the chart.
 */
export async function trendChartByGroup(body, per, metric, groupBy, { unit, filters = {}, testid, limit = 8 }) {
  const interval = intervalFor(per.ms);
  const answer = await api('/analytics/trends', { params: { ...filters, metric, group_by: groupBy, interval, from: per.from, to: per.to } });
  const total = s => s.buckets.reduce((n, b) => n + (b.samples || 0), 0);
  const series = [...answer.series].sort((a, b) => total(b) - total(a)).slice(0, limit).map(s => ({
    name: s.key ?? '(none)', points: drawn(s.buckets).map(b => [b.start, b.value]),
  }));
  if (!series.length) return h('div', { class: 'state empty' }, h('p', {}, `No interactions in the last ${per.key}.`));
  const existing = body.querySelector(':scope > .chart');
  if (existing?.chart && !existing.chart.isDisposed()) {
    const names = existing.chart.getOption().series.map(s => s.name);
    if (names.length === series.length && series.every((s, i) => s.name === names[i])) {
      existing.chart.setOption({ series: series.map(s => ({ name: s.name, data: s.points })) });
      return undefined;
    }
    existing.chart.dispose();
  }
  const el = h('div', { class: 'chart', dataset: { chart: testid }, role: 'img', 'aria-label': `${metric} per ${interval} by ${groupBy}` });
  fill(body, el);
  timeSeries(el, { series, unit });
  return undefined;
}

/** A ranking chart (horizontal bars) that a refresh updates in place. */
export function rankingChart(body, items, { unit, testid, label }) {
  const existing = body.querySelector(':scope > .chart');
  if (existing?.chart && !existing.chart.isDisposed() && existing.dataset.count === String(items.length)) {
    const sorted = [...items].reverse();
    existing.chart.setOption({ yAxis: { data: sorted.map(i => i.name) }, series: [{ data: sorted.map(i => i.value) }] });
    return undefined;
  }
  existing?.chart?.dispose();
  const el = h('div', { class: 'chart', dataset: { chart: testid, count: String(items.length) }, role: 'img', 'aria-label': label });
  fill(body, el);
  ranking(el, { items, unit });
  return undefined;
}
