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
