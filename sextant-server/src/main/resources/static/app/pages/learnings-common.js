// Helpers shared by the learnings pages (pages/learnings*.js): their stylesheet, links, and how a
// rate, its interval and sample size, a difference in points with its p-value, and a confidence
// trend direction (arrow and word, never colour alone) are written.
import { h, fmt, badge } from '../ui.js';
import { useAdminCss } from '../admin-forms.js';

/** Adds learnings.css (and the admin sheet its forms and notices use) once. */
export function useLearningStyles() {
  useAdminCss();
  if (!document.querySelector('link[data-css="learnings"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/learnings.css', dataset: { css: 'learnings' } }));
  }
}

export function seg(id) {
  return encodeURIComponent(id);
}

export function learningHref(id) {
  return `/learnings/${seg(id)}`;
}

/** A rate with its 95% interval: "18.9% (9.5%–34.2%)"; "—" without data. */
export function rateText(rate, low, high) {
  if (rate === null || rate === undefined) return '—';
  return low === null || low === undefined ? fmt.pct(rate) : `${fmt.pct(rate)} (${fmt.pct(low)}–${fmt.pct(high)})`;
}

/** A rate element with its interval and n, carrying the numbers as data attributes for tests. */
export function rate(metric, rateValue, low, high, n, nLabel = 'n') {
  return h('span', { class: 'rate', dataset: { metric, value: String(rateValue), ciLow: String(low), ciHigh: String(high) } },
    rateText(rateValue, low, high),
    n === null || n === undefined ? null : h('span', { class: 'muted n' }, ` ${nLabel} = ${fmt.int(n)}`));
}

/** A difference of fractions in points: "+6.0 pts", "−1.5 pts". */
export function points(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  return `${sign}${(Math.abs(v) * 100).toFixed(1)} pts`;
}

/** A p-value: "p < 0.001", "p = 0.042". */
export function pText(p) {
  if (p === null || p === undefined || Number.isNaN(p)) return 'p —';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A difference with its 95% interval and p: "−80.5 pts (−89.9 to −65.2 pts), p < 0.001". */
export function difference(metric, value, low, high, p) {
  if (value === null || value === undefined) {
    return h('span', { class: 'difference muted', dataset: { metric, value: 'null' } }, 'no data on one side');
  }
  const kind = low > 0 ? 'good' : high < 0 ? 'bad' : '';
  return h('span', { class: `difference ${kind}`, dataset: { metric, value: String(value), ciLow: String(low), ciHigh: String(high),
    p: String(p) } },
  h('span', { class: 'value' }, points(value)), h('span', { class: 'muted n' }, `${points(low)} to ${points(high)}, ${pText(p)}`));
}

const DIRECTIONS = { rising: ['▲', 'good'], falling: ['▼', 'bad'], stable: ['▶', ''] };

/** The confidence trend direction as an arrow and the word (the colour only repeats it). */
export function direction(dir) {
  const [arrow, kind] = DIRECTIONS[dir] ?? ['•', ''];
  return h('span', { class: `direction ${kind}`, dataset: { direction: dir } },
    h('span', { 'aria-hidden': 'true' }, `${arrow} `), dir);
}

export function statusBadge(status) {
  const el = badge(status, status === 'active' ? 'good' : '');
  el.dataset.status = status;
  return el;
}

/** The confidence (posterior mean) with its 95% credible interval. */
export function confidence(c) {
  return h('span', { class: 'confidence', dataset: { metric: 'confidence', value: String(c.value), ciLow: String(c.ci_low),
    ciHigh: String(c.ci_high) } }, rateText(c.value, c.ci_low, c.ci_high));
}
