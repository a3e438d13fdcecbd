// Helpers of the prompt template pages: the performance category badge and the figures' cells.
import { h, badge, fmt } from '../ui.js';

const CATEGORY = {
  high_performing: ['high performing', 'good'],
  good_performing: ['good performing', 'good'],
  acceptable: ['acceptable', 'warn'],
  needs_improvement: ['needs improvement', 'bad'],
};

export function categoryBadge(category) {
  if (!category) return h('span', { class: 'muted', dataset: { metric: 'category' }, title: 'no uses in this range' }, '—');
  const [text, kind] = CATEGORY[category] || [category, ''];
  const b = badge(text, kind);
  b.dataset.metric = 'category';
  b.dataset.category = category;
  return b;
}

/** A figure in a cell, tagged with its metric's name for tests and scripts. */
export function metric(name, text, title) {
  return h('span', { dataset: { metric: name }, title }, text);
}

export function rating(avg, count) {
  return avg === null || avg === undefined ? '—' : `${fmt.num(avg)} (${fmt.int(count)})`;
}

/** Errors about variables[3].name and the like belong to the variables field. */
export function toTopField(e) {
  for (const err of e?.problem?.errors || []) {
    if (err.field && /^variables[[.]/.test(err.field)) err.field = 'variables';
  }
  return e;
}

/** The variables textarea's JSON; a syntax error is shown under the field like the server's errors. */
export function parseVariables(text) {
  try {
    return JSON.parse(text || '[]');
  } catch (e) {
    throw { problem: { errors: [{ field: 'variables', message: `variables is not valid JSON: ${e.message}` }] } };
  }
}
