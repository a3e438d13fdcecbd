// Helpers shared by the HPO pages: their stylesheet, how scores, hyperparameter values and the
// improvement over the baseline are written, and the badges of methods and trial statuses.
import { h, fmt, badge } from '../ui.js';

/** Adds hpo.css once. */
export function useHpoStyles() {
  if (!document.querySelector('link[data-css="hpo"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/hpo.css', dataset: { css: 'hpo' } }));
  }
}

/** A score as the objective reports it: four significant digits (losses and accuracies alike). */
export function score(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return Number(v).toExponential(3);
  return Number(v).toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

/** A hyperparameter value: numbers with 3 significant digits (a learning rate of 0.000316), others as they are. */
export function paramValue(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return fmt.int(v);
    const a = Math.abs(v);
    return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(2) : String(Number(v.toPrecision(3)));
  }
  return String(v);
}

/** The improvement over the baseline: the absolute change (positive = better) and its share of the baseline. */
export function improvementText(imp) {
  if (!imp) return null;
  const sign = imp.absolute > 0 ? '+' : imp.absolute < 0 ? '−' : '±';
  const rel = imp.relative === null || imp.relative === undefined ? '' : ` (${sign}${fmt.pct(Math.abs(imp.relative))})`;
  return `${sign}${score(Math.abs(imp.absolute))}${rel}`;
}

export function improvementKind(imp) {
  if (!imp) return '';
  return imp.absolute > 0 ? 'good' : imp.absolute < 0 ? 'bad' : '';
}

export function methodBadge(method) {
  const el = badge(method, '');
  el.dataset.method = method;
  return el;
}

export function statusBadge(status) {
  const el = badge(status, { completed: 'good', failed: 'bad', pruned: 'warn' }[status] ?? '');
  el.dataset.status = status;
  return el;
}

/** "validation_loss ↓ (minimize)" */
export function objectiveText(objective) {
  return `${objective.metric} ${objective.direction === 'minimize' ? '↓' : '↑'} (${objective.direction})`;
}

export function studyHref(id) {
  return `/hpo/${encodeURIComponent(id)}`;
}
