// Charts through Apache ECharts (the WebJar the server serves). Each chart follows its container's
// size and the page's light or dark scheme, and is disposed of when the page changes.
import * as echarts from '/webjars/echarts/5.5.0/echarts.esm.min.js';
import { fmt } from './ui.js';

export { echarts };

const live = new Set();
const dark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches;

/** Renders an ECharts option into el; returns the instance (el.chart too). */
export function chart(el, option) {
  el.classList.add('chart');
  const instance = echarts.init(el, dark() ? 'dark' : null, { renderer: 'canvas' });
  instance.setOption({ backgroundColor: 'transparent', animationDuration: 300, ...option });
  const observer = new ResizeObserver(() => instance.resize());
  observer.observe(el);
  const entry = { instance, observer };
  live.add(entry);
  el.chart = instance;
  return instance;
}

/** Disposes of every chart (called by the app when it leaves a page). */
export function disposeAll() {
  for (const { instance, observer } of live) {
    observer.disconnect();
    instance.dispose();
  }
  live.clear();
}

const formatters = { usd: fmt.usd, ms: fmt.ms, pct: v => fmt.pct(v), int: fmt.compact, num: v => fmt.num(v) };

/**
 * A time series chart. series: [{name, points: [[isoTime, value], ...], type?: 'line'|'bar', area?, dashed?}],
 * unit: one of usd, ms, pct, int, num. Bands: [{name, lower: [[t,v]], upper: [[t,v]]}] drawn as a shaded interval.
 */
export function timeSeries(el, { series, unit = 'num', bands = [], height } = {}) {
  if (height) el.style.height = `${height}px`;
  const f = formatters[unit] || formatters.num;
  const out = [];
  for (const b of bands) {
    out.push({ name: `${b.name} (lower)`, type: 'line', data: b.lower, stack: b.name, lineStyle: { opacity: 0 },
      symbol: 'none', silent: true, tooltip: { show: false } });
    out.push({ name: b.name, type: 'line', symbol: 'none', stack: b.name, lineStyle: { opacity: 0 },
      areaStyle: { opacity: 0.18 },
      data: b.upper.map(([t, v], i) => [t, v - (b.lower[i]?.[1] ?? 0)]), tooltip: { show: false } });
  }
  for (const s of series) {
    out.push({ name: s.name, type: s.type || 'line', data: s.points, showSymbol: s.points.length < 40,
      smooth: false, areaStyle: s.area ? { opacity: 0.12 } : undefined,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined });
  }
  return chart(el, {
    grid: { left: 56, right: 16, top: 28, bottom: 28 },
    legend: { show: series.length > 1, top: 0, type: 'scroll', data: series.map(s => s.name).concat(bands.map(b => b.name)) },
    tooltip: { trigger: 'axis', valueFormatter: v => f(v) },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', axisLabel: { formatter: v => f(v) }, scale: unit !== 'usd' && unit !== 'int' },
    series: out,
  });
}

/** Horizontal bars for a ranking: items [{name, value}], unit as above. */
export function ranking(el, { items, unit = 'num', height } = {}) {
  const f = formatters[unit] || formatters.num;
  el.style.height = `${height || Math.max(120, items.length * 26 + 40)}px`;
  const sorted = [...items].reverse();
  return chart(el, {
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => f(v) },
    xAxis: { type: 'value', axisLabel: { formatter: v => f(v) } },
    yAxis: { type: 'category', data: sorted.map(i => i.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', data: sorted.map(i => i.value), label: { show: true, position: 'right', formatter: p => f(p.value) } }],
  });
}
