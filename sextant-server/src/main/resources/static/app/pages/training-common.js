// Helpers shared by the training pages: their stylesheet, status badges, how losses, GPU hours and
// durations are written, and a table whose headers sort it (by mouse or keyboard: they are buttons).
import { h, fill, fmt, badge, empty } from '../ui.js';

export const STATUSES = ['running', 'completed', 'failed', 'stopped'];
export const TYPES = ['fine_tuning', 'few_shot', 'reinforcement', 'transfer_learning'];
/** The metric names with a meaning; any other name is a custom metric. */
export const KNOWN_METRICS = ['train_loss', 'val_loss', 'learning_rate', 'grad_norm'];

/** Adds training.css once. */
export function useTrainingStyles() {
  if (!document.querySelector('link[data-css="training"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/training.css', dataset: { css: 'training' } }));
  }
}

export function statusBadge(status) {
  const kind = { running: 'warn', completed: 'good', failed: 'bad', stopped: '' }[status] ?? '';
  const el = badge(status, kind);
  el.dataset.status = status;
  return el;
}

export function typeLabel(type) {
  return String(type ?? '').replaceAll('_', ' ');
}

/** A loss (or any metric value) with up to four significant decimals; NaN/Infinity as the API writes them. */
export function loss(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return Number(v).toExponential(3);
  return fmt.num(v, 4);
}

export function gpuHours(v) {
  return v === null || v === undefined ? '—' : `${fmt.num(v, 2)} h`;
}

/** Seconds as "2 h 05 min", "4 min 10 s" or "12 s". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

/** How long a run ran: to its end, or to now while it runs. */
export function runSeconds(run) {
  if (!run.started_at) return null;
  const end = run.ended_at ? new Date(run.ended_at) : new Date();
  return (end.getTime() - new Date(run.started_at).getTime()) / 1000;
}

export function timeCell(iso) {
  return iso ? h('time', { datetime: iso, title: fmt.time(iso) }, fmt.shortTime(iso)) : '—';
}

/** A two-column table of facts: [[label, value], ...]; values that are null show as —. */
export function facts(rows, { id, caption } = {}) {
  return h('table', { class: 'data facts', id }, caption ? h('caption', {}, caption) : null,
    h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v ?? '—')))));
}

/**
 * A table whose headers sort it. columns: {label, value: row => node|text, sort?: row => number|string,
 * class, key}; a column without `sort` does not sort. Rows without a value for the sort key go last
 * either way. `rowHref` makes the first cell a link (the row opens it). `state` ({key, dir}) is the
 * sort, changed in place, so a redrawn table can keep the reader's choice.
 */
export function sortableTable(columns, rows, { rowHref, emptyText = 'Nothing here.', id, state = { key: null, dir: 'asc' } } = {}) {
  if (!rows || rows.length === 0) return empty(emptyText);
  const tbody = h('tbody');
  const heads = columns.map(c => {
    if (!c.sort) return h('th', { scope: 'col', class: c.class, title: c.title }, c.label);
    const button = h('button', { type: 'button', class: 'sort', dataset: { sort: c.key } }, c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }));
    const th = h('th', { scope: 'col', class: c.class, title: c.title, 'aria-sort': 'none' }, button);
    button.addEventListener('click', () => {
      state.dir = state.key === c.key && state.dir === 'asc' ? 'desc' : 'asc';
      state.key = c.key;
      draw();
    });
    return th;
  });
  const draw = () => {
    const col = columns.find(c => c.key === state.key && c.sort);
    const sorted = col ? [...rows].sort((a, b) => compare(col.sort(a), col.sort(b), state.dir)) : rows;
    columns.forEach((c, i) => {
      if (!c.sort) return;
      const on = c.key === state.key;
      heads[i].setAttribute('aria-sort', on ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      heads[i].querySelector('.sort-mark').textContent = on ? (state.dir === 'asc' ? ' ▲' : ' ▼') : '';
    });
    fill(tbody, sorted.map(r => {
      const href = rowHref ? rowHref(r) : null;
      return h('tr', href ? { class: 'link-row', dataset: { id: r.id } } : { dataset: { id: r.id } },
        columns.map((c, i) => {
          const v = c.value(r);
          const cell = i === 0 && href ? h('a', { href }, v ?? '—') : (v ?? '—');
          return h('td', { class: c.class, dataset: c.key ? { col: c.key } : undefined }, cell);
        }));
    }));
  };
  tbody.addEventListener('click', e => {
    const tr = e.target.closest('tr.link-row');
    if (tr && !e.target.closest('a,button,input,select')) tr.querySelector('a')?.click();
  });
  draw();
  const t = h('table', { class: 'data sortable', id }, h('thead', {}, h('tr', {}, heads)), tbody);
  const wrap = h('div', { class: 'table-wrap' }, t);
  wrap.redraw = draw;
  return wrap;
}

function compare(a, b, dir) {
  const missing = v => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
  if (missing(a) && missing(b)) return 0;
  if (missing(a)) return 1;
  if (missing(b)) return -1;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return dir === 'asc' ? c : -c;
}

/** A horizontal progress bar with a label, for a fraction from 0 to 1. */
export function progressBar(fraction, label) {
  const pct = fraction === null || fraction === undefined ? 0 : Math.max(0, Math.min(1, fraction)) * 100;
  return h('div', { class: 'run-bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
    'aria-valuenow': String(Math.round(pct)), 'aria-label': label },
  h('div', { class: 'run-bar-fill', style: { width: `${pct}%` } }));
}
