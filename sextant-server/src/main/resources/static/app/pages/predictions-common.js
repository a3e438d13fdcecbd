// Helpers shared by the prediction pages: their stylesheet, the targets as docs/API.md describes
// them, the status badge, and the headline quality of a model with its interval.
import { h, fmt, badge } from '../ui.js';

/** Adds predictions.css once. */
export function usePredictionStyles() {
  if (!document.querySelector('link[data-css="predictions"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/predictions.css', dataset: { css: 'predictions' } }));
  }
}

/** What each target predicts (docs/API.md, "Predictions"). */
export const TARGETS = {
  interaction_success: 'whether a trace succeeds (its status is not error)',
  handoff: 'whether a trace hands off to a human',
  code_accepted: 'whether a code generation is accepted',
  rating: 'the user rating a trace receives',
  task_duration: 'how long a trace takes (ms)',
  tool_failure: 'whether a tool span fails',
};

/** The features a prediction may be asked with: text, whole numbers (with their ranges), and context. */
export const TEXT_FEATURES = ['agent_id', 'trace_name', 'message_type', 'intent', 'config_version', 'model', 'tool_name'];
export const NUMBER_FEATURES = [
  ['hour_of_day', '0-23, UTC; now when left empty'],
  ['weekday', '1 = Monday … 7 = Sunday; today when left empty'],
  ['input_length', 'characters of the input'],
];

const STATUSES = {
  offered: ['offered', 'good'], not_offered: ['not offered', 'bad'],
  insufficient_data: ['insufficient data', 'warn'], not_trained: ['not trained yet', ''],
};

export function statusBadge(status) {
  const [text, kind] = STATUSES[status] ?? [status, ''];
  const el = badge(text, kind);
  el.classList.add('model-status');
  el.dataset.status = status;
  return el;
}

export function targetHref(target) {
  return `/predictions/${encodeURIComponent(target)}`;
}

/** A probability, AUC or skill score with three decimals. */
export function num3(v) {
  return v === null || v === undefined || Number.isNaN(v) ? '—' : Number(v).toFixed(3);
}

/** [lo, hi] of a 95% interval. */
export function interval(ci, f = num3) {
  return Array.isArray(ci) && ci.length === 2 ? `[${f(ci[0])}, ${f(ci[1])}]` : '';
}

/** A value with its raw number in data-value (what the tests compare with the API's JSON). */
export function figure(value, text, attrs = {}) {
  return h('span', { ...attrs, dataset: { ...(attrs.dataset || {}), value: String(value) } }, text);
}

/** The scale a regression target's errors are measured on. */
export function scaleText(q) {
  return q.scale === 'log1p_ms' ? ' (on the log1p(ms) scale)' : '';
}

/**
 * The headline quality: AUC with DeLong's 95% interval for a binary target, MAE against the mean
 * predictor with the interval of the gain for a regression target; nothing before a training.
 */
export function headline(m) {
  const q = m.quality || {};
  if (m.kind === 'binary' && q.auc !== undefined && q.auc !== null) {
    return h('span', { class: 'headline', dataset: { metric: 'auc', value: String(q.auc) } },
      `AUC ${num3(q.auc)} `, h('span', { class: 'ci', dataset: { ci: 'auc' } }, interval(q.auc_ci95)),
      h('span', { class: 'muted small' }, ` on ${fmt.int(m.test_n)} test rows`));
  }
  if (m.kind === 'regression' && q.mae !== undefined && q.mae !== null) {
    return h('span', { class: 'headline', dataset: { metric: 'mae', value: String(q.mae) } },
      `MAE ${num3(q.mae)} vs ${num3(q.baseline_mae)}${scaleText(q)}; gain `,
      h('span', { dataset: { metric: 'mae_improvement', value: String(q.mae_improvement) } }, num3(q.mae_improvement)), ' ',
      h('span', { class: 'ci', dataset: { ci: 'mae_improvement' } }, interval(q.mae_improvement_ci95)),
      h('span', { class: 'muted small' }, ` on ${fmt.int(m.test_n)} test rows`));
  }
  return h('span', { class: 'muted' }, m.status === 'not_trained' ? 'not trained yet' : 'no quality measured');
}

export function when(iso) {
  return iso ? h('time', { datetime: iso, title: fmt.time(iso) }, fmt.shortTime(iso)) : h('span', { class: 'muted' }, 'never');
}
