// The charts of one training run, from the downsampled metrics (GET .../metrics, 1,000 step
// buckets, each drawn as its mean at its middle step): the loss chart with its marks and the
// learning-curve prediction, and small charts of one metric each. A redraw replaces a chart's
// option in place, so live updates do not flicker or leak chart instances.
import { h, fill } from '../ui.js';
import { chart } from '../charts.js';
import { loss } from './training-common.js';

/** Where a bucket is drawn: its only point, or the middle of its steps. */
export function bucketStep(b) {
  return b.count === 1 ? b.last_step : (b.first_step + b.last_step) / 2;
}

/** A series' buckets as [step, mean] points (buckets with no finite value are left out). */
export function seriesPoints(metrics, name) {
  const s = metrics.series.find(x => x.name === name);
  if (!s) return [];
  return s.buckets.filter(b => b.mean !== null && b.mean !== undefined).map(b => [bucketStep(b), b.mean]);
}

function draw(el, option) {
  if (el.chart && !el.chart.isDisposed()) {
    el.chart.setOption(option, { notMerge: true });
    return el.chart;
  }
  return chart(el, option);
}

const axis = { type: 'value', name: 'step', nameLocation: 'end', nameGap: 6, scale: true, axisLabel: { hideOverlap: true } };

/**
 * The loss chart: train_loss and val_loss against step, the best validation point, the overfitting
 * onset and the early-stopping point as marks, and the prediction as a dashed line from the last
 * drawn point of its metric to (target_step, predicted_final_loss) inside its interval band.
 * `marks` = {best: {step, value, epoch}, onset: step, stop: step}; `prediction` is the run's.
 * Returns the element (its data attributes carry the figures for scripts and tests).
 */
export function lossChart(el, metrics, marks, prediction) {
  const train = seriesPoints(metrics, 'train_loss');
  const val = seriesPoints(metrics, 'val_loss');
  const series = [];
  if (train.length) series.push({ name: 'train_loss', type: 'line', data: train, showSymbol: false, sampling: 'lttb' });
  const lines = [];
  if (marks.onset !== null && marks.onset !== undefined) {
    lines.push({ xAxis: marks.onset, name: 'overfitting onset', label: { formatter: 'overfitting', position: 'insideEndTop' },
      lineStyle: { color: '#c0392b', type: 'solid' } });
  }
  if (marks.stop !== null && marks.stop !== undefined) {
    lines.push({ xAxis: marks.stop, name: 'early-stopping point', label: { formatter: 'early stop', position: 'insideEndBottom' },
      lineStyle: { color: '#b7791f', type: 'dotted' } });
  }
  if (val.length || marks.best) {
    series.push({
      name: 'val_loss', type: 'line', data: val, showSymbol: val.length < 60,
      markPoint: marks.best ? { symbol: 'pin', symbolSize: 38, data: [{ name: 'best', coord: [marks.best.step, marks.best.value],
        value: 'best', label: { formatter: 'best', fontSize: 10 } }] } : undefined,
      markLine: lines.length ? { symbol: 'none', silent: true, data: lines } : undefined,
    });
  } else if (lines.length && series.length) {
    series[0].markLine = { symbol: 'none', silent: true, data: lines };
  }
  const from = prediction?.metric === 'train_loss' ? train : val;
  const predicted = prediction && prediction.predicted_final_loss !== null && prediction.predicted_final_loss !== undefined
    && prediction.target_step && from.length ? prediction : null;
  if (predicted) {
    const last = from[from.length - 1];
    const target = predicted.target_step;
    series.push({ name: 'prediction', type: 'line', data: [last, [target, predicted.predicted_final_loss]], showSymbol: true,
      symbol: 'circle', symbolSize: 5, lineStyle: { type: 'dashed' }, z: 3 });
    const iv = predicted.interval;
    if (iv && iv.low !== null && iv.high !== null) {
      series.push({ name: 'interval (lower)', type: 'line', stack: 'band', data: [last, [target, iv.low]], symbol: 'none',
        lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } });
      series.push({ name: `${Math.round(iv.level * 100)}% interval`, type: 'line', stack: 'band',
        data: [[last[0], 0], [target, iv.high - iv.low]], symbol: 'none', lineStyle: { opacity: 0 },
        areaStyle: { opacity: 0.18 }, silent: true, tooltip: { show: false } });
    }
  }
  Object.assign(el.dataset, {
    trainPoints: String(train.length), valPoints: String(val.length),
    bestStep: marks.best?.step ?? '', bestLoss: marks.best?.value ?? '',
    onsetStep: marks.onset ?? '', stopStep: marks.stop ?? '',
    predicted: predicted?.predicted_final_loss ?? '', targetStep: predicted?.target_step ?? '',
  });
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', describe(train, val, marks, predicted));
  draw(el, {
    grid: { left: 60, right: 24, top: 34, bottom: 30 },
    legend: { top: 0, type: 'scroll', data: series.map(s => s.name).filter(n => n !== 'interval (lower)') },
    tooltip: { trigger: 'axis', valueFormatter: v => loss(v) },
    xAxis: { ...axis, max: predicted ? predicted.target_step : undefined },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => loss(v) } },
    series,
  });
  return el;
}

function describe(train, val, marks, predicted) {
  const parts = [`train_loss (${train.length} points) and val_loss (${val.length} points) by step`];
  if (marks.best) parts.push(`best val_loss ${loss(marks.best.value)} at step ${marks.best.step}`);
  if (marks.onset !== null && marks.onset !== undefined) parts.push(`overfitting from step ${marks.onset}`);
  if (marks.stop !== null && marks.stop !== undefined) parts.push(`early-stopping point at step ${marks.stop}`);
  if (predicted) parts.push(`predicted final ${predicted.metric} ${loss(predicted.predicted_final_loss)} at step ${predicted.target_step}`);
  return parts.join('; ');
}

/** A small chart of one metric against step (its bucket means, with the min–max range shaded when buckets hold several points). */
export function metricChart(el, metrics, name, { height = 180 } = {}) {
  const s = metrics.series.find(x => x.name === name);
  const buckets = (s?.buckets || []).filter(b => b.mean !== null && b.mean !== undefined);
  el.style.height = `${height}px`;
  el.dataset.metric = name;
  el.dataset.points = String(buckets.length);
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', buckets.length ? `${name} by step, ${buckets.length} points` : `${name}: not logged`);
  const ranged = buckets.some(b => b.count > 1 && b.max !== b.min);
  const series = [];
  if (ranged) {
    series.push({ name: 'min', type: 'line', stack: 'range', data: buckets.map(b => [bucketStep(b), b.min]), symbol: 'none',
      lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } });
    series.push({ name: 'range', type: 'line', stack: 'range', data: buckets.map(b => [bucketStep(b), b.max - b.min]),
      symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.15 }, silent: true, tooltip: { show: false } });
  }
  series.push({ name, type: 'line', data: buckets.map(b => [bucketStep(b), b.mean]), showSymbol: buckets.length < 40 });
  draw(el, {
    grid: { left: 60, right: 16, top: 14, bottom: 26 },
    tooltip: { trigger: 'axis', valueFormatter: v => loss(v) },
    xAxis: axis,
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => loss(v) } },
    title: { show: !buckets.length, text: `${name} was not logged`, left: 'center', top: 'middle',
      textStyle: { fontSize: 13, fontWeight: 'normal', color: '#8a93a3' } },
    series,
  });
  return el;
}

/** The marks in words, under the loss chart (for readers who do not see the chart). */
export function marksList(marks, prediction, quality) {
  const items = [];
  if (marks.best) {
    items.push(h('li', { dataset: { mark: 'best' } }, `Best validation loss ${loss(marks.best.value)} at step ${marks.best.step}`
      + (marks.best.epoch !== null && marks.best.epoch !== undefined ? ` (epoch ${loss(marks.best.epoch)})` : '')));
  }
  if (marks.onset !== null && marks.onset !== undefined) {
    items.push(h('li', { dataset: { mark: 'onset' } }, `Overfitting from step ${marks.onset}: validation loss rises while training loss falls`));
  }
  if (marks.stop !== null && marks.stop !== undefined) {
    items.push(h('li', { dataset: { mark: 'stop' } }, `Early-stopping point at step ${marks.stop}`
      + (quality?.early_stopping?.stopped_early ? ' (the run stopped there)' : ' (patience ran out here)')));
  }
  if (prediction) {
    items.push(h('li', { dataset: { mark: 'prediction' } }, predictionText(prediction)));
  }
  const ul = h('ul', { class: 'marks', id: 'loss-marks' });
  return fill(ul, items);
}

export function predictionText(p) {
  if (p.predicted_final_loss === null || p.predicted_final_loss === undefined) {
    return `No prediction of the final loss (${p.status}${p.reason ? `: ${p.reason}` : ''})`;
  }
  const iv = p.interval && p.interval.low !== null && p.interval.high !== null
    ? `, ${Math.round(p.interval.level * 100)}% interval ${loss(p.interval.low)} – ${loss(p.interval.high)}`
    : (p.reason ? ` (no interval: ${p.reason})` : '');
  return `Predicted final ${p.metric} at step ${p.target_step}: ${loss(p.predicted_final_loss)}${iv}`
    + (p.model ? ` — ${p.model.replace('_', ' ')} curve fitted to ${p.points_used} points, dashed on the chart` : '');
}
