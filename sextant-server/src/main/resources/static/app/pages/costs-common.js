// Helpers shared by the costs and feedback pages (kept here rather than in the shared ui.js).
import { downloadUrl } from '../api.js';
import { h, fmt } from '../ui.js';
import { chart } from '../charts.js';

/** Adds the pages' own stylesheet once. */
export function useStyles() {
  if (document.querySelector('link[data-style="costs"]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/app/costs.css', dataset: { style: 'costs' } }));
}

/** The page's range as the API's from/to. */
export function rangeParams(ctx) {
  return { from: ctx.range.from, to: ctx.range.to };
}

/** Hourly buckets for the short ranges, daily ones otherwise. */
export function trendInterval(rangeKey) {
  return rangeKey === '1h' || rangeKey === '24h' ? 'hour' : 'day';
}

/**
 * A "CSV" download link of an analytics answer's table (the API's format=csv). params may be a
 * function, read again whenever the link is about to be used (the range moves with live data).
 */
export function csvLink(path, params, what) {
  const url = () => downloadUrl(path, typeof params === 'function' ? params() : params, 'csv');
  const a = h('a', { class: 'btn small csv', href: url(), download: '',
    title: `Download ${what} as CSV`, 'aria-label': `Download ${what} as CSV` }, 'CSV');
  if (typeof params === 'function') {
    for (const event of ['pointerenter', 'focus', 'click']) a.addEventListener(event, () => { a.href = url(); });
  }
  return a;
}

/**
 * Moves the range to end now (same length; the end rounded up to the minute as the frame does, so
 * the server's answer cache can reuse answers), for a reload after new data; answers the range.
 */
export function advance(ctx, range) {
  const to = Math.ceil(Date.now() / 60000) * 60000;
  range.to = new Date(to).toISOString();
  range.from = new Date(to - ctx.range.ms).toISOString();
  return range;
}

/** Stacked bars over time: series [{name, points: [[iso, value]]}], money on the axis. */
export function stackedBars(el, series, interval) {
  return chart(el, {
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: v => fmt.usd(v) },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', axisLabel: { formatter: v => fmt.usd(v) } },
    series: series.map(s => ({ name: s.name, type: 'bar', stack: 'total', data: s.points,
      barMaxWidth: interval === 'hour' ? 14 : 28, emphasis: { focus: 'series' } })),
  });
}

/** A p-value in words: "p = 0.0008" or "p < 0.0001". */
export function pValue(p) {
  if (p === null || p === undefined) return 'p not computed';
  if (p < 0.0001) return 'p < 0.0001';
  return `p = ${p < 0.01 ? p.toPrecision(2) : p.toFixed(3)}`;
}

/**
 * Live data: runs reload at most once per minGapMs, and once more after the gap when signals came
 * during it (so the page never stays behind the last change); nothing after the page is left.
 */
export function reloadOnData(ctx, reload, minGapMs = 15000) {
  const live = ctx.liveReload ||= { last: 0, timer: null };
  if (live.timer) return;
  if (!live.watched) {
    live.watched = true;
    ctx.onCleanup(() => clearTimeout(live.timer));
  }
  live.timer = setTimeout(() => {
    live.timer = null;
    if (!ctx.isCurrent()) return;
    live.last = Date.now();
    reload();
  }, Math.max(0, live.last + minGapMs - Date.now()));
}

/**
 * One request shared by the blocks that show parts of the same answer: the first caller starts it,
 * the others get the same promise; a failure is forgotten (so Retry asks again), and reset() forgets
 * the answer (new data).
 */
export function shared(load) {
  let pending = null;
  const get = () => (pending ||= load().catch(e => { pending = null; throw e; }));
  get.reset = () => { pending = null; };
  return get;
}
