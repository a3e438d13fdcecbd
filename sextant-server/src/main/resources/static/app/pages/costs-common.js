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

/** A "CSV" download link of an analytics answer's table (the API's format=csv). */
export function csvLink(path, params, what) {
  return h('a', { class: 'btn small csv', href: downloadUrl(path, params, 'csv'), download: '',
    title: `Download ${what} as CSV`, 'aria-label': `Download ${what} as CSV` }, 'CSV');
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
