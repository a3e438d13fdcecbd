// Helpers shared by the model-version pages: their stylesheet, links, how accuracies and their
// differences are written (fractions as percent and points), and the assessment badge.
import { h, fmt, badge } from '../ui.js';

/** Adds models.css once. */
export function useModelStyles() {
  if (!document.querySelector('link[data-css="models"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/models.css', dataset: { css: 'models' } }));
  }
}

export function versionHref(id) {
  return `/models/${encodeURIComponent(id)}`;
}

/** An accuracy (a fraction 0-1) in percent with one decimal. */
export function accuracy(v) {
  return v === null || v === undefined ? '—' : fmt.pct(v, 1);
}

/** A difference of fractions in points: +6.0 pts, −1.5 pts. */
export function points(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  return `${sign}${(Math.abs(v) * 100).toFixed(1)} pts`;
}

export function pointsKind(v) {
  if (v === null || v === undefined) return '';
  return v >= 0.01 ? 'good' : v <= -0.01 ? 'bad' : '';
}

const ASSESSMENTS = {
  major_improvement: ['major improvement', 'good'], improvement: ['improvement', 'good'],
  mixed_results: ['mixed results', 'warn'], regression: ['regression', 'bad'], no_change: ['no change', ''],
};

export function assessmentBadge(assessment) {
  const [text, kind] = ASSESSMENTS[assessment] ?? [assessment, ''];
  const el = badge(text, kind);
  el.dataset.assessment = assessment;
  return el;
}

export function changeBadge(change) {
  const el = badge(change, { better: 'good', worse: 'bad', improving: 'good', degrading: 'bad' }[change] ?? '');
  el.dataset.change = change;
  return el;
}

export function when(iso) {
  return iso ? h('time', { datetime: iso, title: fmt.time(iso) }, fmt.shortTime(iso)) : h('span', { class: 'muted' }, 'not deployed');
}
