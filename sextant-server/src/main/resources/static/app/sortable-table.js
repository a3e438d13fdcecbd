// A table whose columns sort on a click of their header (a button, so the keyboard works too):
// the first click sorts ascending, the next descending; aria-sort tells screen readers. Rows
// without a value (null) stay last either way. Used by the HPO and model-version pages.
import { h, fill, empty } from './ui.js';

/**
 * columns: {label, value: row => node|text, sort: row => number|string|null, class, title}
 * (a column without `sort` does not sort). Options: rowAttrs (row => attributes of its <tr>),
 * caption, emptyText, initial ({column: index, descending}).
 */
export function sortableTable(columns, rows, { rowAttrs, caption, emptyText = 'Nothing here yet.', initial, id } = {}) {
  if (!rows || rows.length === 0) return empty(emptyText);
  let order = initial ? { ...initial } : null;
  const body = h('tbody');
  const heads = columns.map((c, i) => {
    if (!c.sort) return h('th', { class: c.class, scope: 'col', title: c.title }, c.label);
    const button = h('button', { type: 'button', class: 'sort', onclick: () => {
      order = order?.column === i ? { column: i, descending: !order.descending } : { column: i, descending: false };
      draw();
    } }, c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }));
    return h('th', { class: c.class, scope: 'col', title: c.title, dataset: { column: String(i) } }, button);
  });
  const draw = () => {
    let shown = rows;
    if (order) {
      const key = columns[order.column].sort;
      const sign = order.descending ? -1 : 1;
      shown = rows.map((r, n) => ({ r, n, k: key(r) })).sort((a, b) => {
        if (a.k === null || a.k === undefined) return b.k === null || b.k === undefined ? a.n - b.n : 1;
        if (b.k === null || b.k === undefined) return -1;
        const c = typeof a.k === 'string' ? a.k.localeCompare(b.k) : a.k - b.k;
        return c === 0 ? a.n - b.n : sign * c;
      }).map(x => x.r);
    }
    heads.forEach((th, i) => {
      if (!columns[i].sort) return;
      const sorted = order?.column === i;
      th.setAttribute('aria-sort', sorted ? (order.descending ? 'descending' : 'ascending') : 'none');
      th.querySelector('.sort-mark').textContent = sorted ? (order.descending ? ' ▼' : ' ▲') : '';
    });
    fill(body, shown.map(r => h('tr', rowAttrs ? rowAttrs(r) : {}, columns.map(c => h('td', { class: c.class }, c.value(r) ?? '—')))));
  };
  draw();
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data sortable', id }, caption ? h('caption', {}, caption) : null, h('thead', {}, h('tr', {}, heads)), body));
}
