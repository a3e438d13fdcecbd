// Helpers shared by the dataset pages: their stylesheet, status and readiness badges, sizes, line
// lists, and a table whose columns sort by a click on their header (aria-sort says how).
import { h, fill, fmt, badge, empty } from '../ui.js';

export const FORMATS = ['chat', 'prompt_completion', 'text_label', 'csv'];

/** Adds datasets.css once. */
export function useDatasetStyles() {
  if (!document.querySelector('link[data-css="datasets"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/datasets.css', dataset: { css: 'datasets' } }));
  }
}

export function statusBadge(d) {
  const kind = { ready: 'good', failed: 'bad', uploading: 'warn', analyzing: 'warn' }[d.status] ?? '';
  const el = badge(d.status, kind);
  el.dataset.status = d.status;
  if (d.status === 'failed' && d.error) el.title = d.error;
  return el;
}

/** The score with its readiness: "0.87" and "training ready" (green) or "not training ready" (red); a dash before the report. */
export function scoreCell(d) {
  if (d.score === null || d.score === undefined) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'score-cell', dataset: { score: d.score } }, h('span', { class: 'num' }, fmt.num(d.score, 2)), ' ',
    readiness(d.training_ready));
}

export function readiness(ready) {
  const el = badge(ready ? 'training ready' : 'not training ready', ready ? 'good' : 'bad');
  el.dataset.ready = String(!!ready);
  el.title = ready ? 'training ready: the score is above 0.7' : 'not training ready: the score is 0.7 or less';
  return el;
}

/** Bytes as people read them (1,024 based). */
export function bytes(n) {
  if (n === null || n === undefined) return '—';
  if (n < 1024) return `${fmt.int(n)} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024, i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** A finding's line numbers: "lines 3, 9, 14" and how many more the report counted than it lists. */
export function lineList(total, lines) {
  if (!total) return h('span', { class: 'muted' }, 'none');
  const shown = lines || [];
  return h('span', { class: 'line-list' }, `line${shown.length === 1 ? '' : 's'} ${shown.join(', ')}`,
    total > shown.length ? h('span', { class: 'muted' }, ` (the first ${shown.length} of ${fmt.int(total)})`) : null);
}

export function seg(id) {
  return encodeURIComponent(id);
}

/**
 * A table whose headers sort it: columns are {label, value: row => node|text, sort?: row => comparable,
 * class}; a column without `sort` does not sort. `initial` is [column index, 'ascending'|'descending'].
 */
export function sortableTable(columns, rows, { caption, emptyText = 'Nothing here.', initial, rowId, fold } = {}) {
  if (!rows || rows.length === 0) return empty(emptyText);
  let [by, dir] = initial || [-1, 'ascending'];
  const body = h('tbody');
  const heads = columns.map((c, i) => {
    if (!c.sort) return h('th', { class: c.class, scope: 'col', title: c.title }, c.label);
    const button = h('button', { type: 'button', class: 'sort', onclick: () => {
      dir = by === i && dir === 'ascending' ? 'descending' : 'ascending';
      by = i;
      draw();
    } }, c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }));
    return h('th', { class: c.class, scope: 'col', title: c.title }, button);
  });
  const draw = () => {
    heads.forEach((th, i) => {
      if (i === by) th.setAttribute('aria-sort', dir); else th.removeAttribute('aria-sort');
      const mark = th.querySelector('.sort-mark');
      if (mark) mark.textContent = i === by ? (dir === 'ascending' ? ' ▲' : ' ▼') : '';
    });
    const sorted = [...rows];
    if (by >= 0) {
      const key = columns[by].sort;
      sorted.sort((a, b) => {
        const x = key(a), y = key(b);
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        const c = typeof x === 'string' ? x.localeCompare(y) : x < y ? -1 : 1;
        return dir === 'ascending' ? c : -c;
      });
    }
    fill(body, (folded ? sorted.slice(0, fold) : sorted).map(r => h('tr', rowId ? { dataset: { id: rowId(r) } } : {},
      columns.map(c => h('td', { class: c.class }, c.value(r) ?? '—')))));
  };
  // a long table shows its first `fold` rows until asked for the rest
  let folded = fold && rows.length > fold;
  const more = folded ? h('button', { type: 'button', class: 'btn small show-all', onclick: () => {
    folded = false;
    more.remove();
    draw();
  } }, `Show all ${rows.length}`) : null;
  draw();
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data sortable' }, caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, heads)), body), more);
}
