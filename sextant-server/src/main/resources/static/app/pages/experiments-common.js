// Helpers shared by the experiment pages: their stylesheet, status badges and how each metric's
// values and differences are written.
import { h, fmt, badge } from '../ui.js';

export const STATUSES = ['draft', 'running', 'stopped', 'concluded'];

/** Adds experiments.css once. */
export function useExperimentStyles() {
  if (!document.querySelector('link[data-css="experiments"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/experiments.css', dataset: { css: 'experiments' } }));
  }
}

export function statusBadge(status) {
  const kind = { draft: '', running: 'warn', stopped: 'bad', concluded: 'good' }[status] ?? '';
  const el = badge(status, kind);
  el.dataset.status = status;
  return el;
}

const RATES = new Set(['success_rate', 'error_rate', 'handoff_rate']);

export function metricLabel(metric) {
  return String(metric).replaceAll('_', ' ').replace('handoff', 'hand-off');
}

/** A metric's value as people read it: rates in percent, times in ms, cost in USD. */
export function metricValue(metric, v) {
  if (v === null || v === undefined) return '—';
  if (RATES.has(metric)) return fmt.pct(v, 2);
  if (metric.startsWith('response_time')) return fmt.ms(v);
  if (metric.startsWith('cost')) return fmt.usd(v);
  return fmt.num(v, 3);
}

/** A difference of a metric, signed: rate points (pp) for rates. */
export function metricDifference(metric, v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  const a = Math.abs(v);
  if (RATES.has(metric)) return `${sign}${(a * 100).toFixed(2)} pp`;
  if (metric.startsWith('response_time')) return `${sign}${fmt.ms(a)}`;
  if (metric.startsWith('cost')) return `${sign}${fmt.usd(a)}`;
  return `${sign}${fmt.num(a, 4)}`;
}

/** A p-value: 4 decimals, or scientific below 0.0001. */
export function pValue(p) {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  return p < 1e-4 ? Number(p).toExponential(1) : Number(p).toFixed(4);
}
