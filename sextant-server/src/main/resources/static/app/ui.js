// Small DOM and formatting helpers shared by the pages. Text always goes in as text (never as
// HTML), so data from traces cannot inject markup.
import { ApiError } from './api.js';

/** Creates an element: h('a', {href: '/x', class: 'btn', onclick: fn}, 'text', child, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Empties a node and fills it with the given children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// ---- formatting -------------------------------------------------------------------------------
const nf = new Intl.NumberFormat('en-US');
export const fmt = {
  int: v => v === null || v === undefined ? '—' : nf.format(Math.round(v)),
  num: (v, digits = 2) => v === null || v === undefined || Number.isNaN(v) ? '—'
    : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits }),
  compact: v => v === null || v === undefined ? '—'
    : Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(v),
  usd: v => {
    if (v === null || v === undefined) return '—';
    const n = Number(v);
    if (n !== 0 && Math.abs(n) < 0.01) return `$${n.toPrecision(2)}`;
    return n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: n >= 100 ? 0 : 2 });
  },
  ms: v => {
    if (v === null || v === undefined) return '—';
    if (v < 1000) return `${Math.round(v)} ms`;
    if (v < 60000) return `${(v / 1000).toFixed(v < 10000 ? 2 : 1)} s`;
    return `${(v / 60000).toFixed(1)} min`;
  },
  pct: (v, digits = 1) => v === null || v === undefined || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(digits)}%`,
  time: v => v ? new Date(v).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }) : '—',
  shortTime: v => v ? new Date(v).toLocaleString('en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—',
  ago: v => {
    if (!v) return '—';
    const s = Math.round((Date.now() - new Date(v).getTime()) / 1000);
    if (s < 5) return 'just now';
    if (s < 60) return `${s} s ago`;
    if (s < 3600) return `${Math.floor(s / 60)} min ago`;
    if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
    return `${Math.floor(s / 86400)} d ago`;
  },
};

/** A relative change (0.12 = +12%) as a badge; `goodWhenUp` colours it. */
export function change(rel, goodWhenUp = true) {
  if (rel === null || rel === undefined || Number.isNaN(rel) || !Number.isFinite(rel)) {
    return h('span', { class: 'change none', title: 'no previous value to compare with' }, 'n/a');
  }
  const up = rel > 0;
  const cls = Math.abs(rel) < 0.005 ? 'flat' : (up === goodWhenUp ? 'good' : 'bad');
  return h('span', { class: `change ${cls}`, title: 'change against the previous period of the same length' },
    `${up ? '▲' : (rel < 0 ? '▼' : '')} ${(Math.abs(rel) * 100).toFixed(1)}%`);
}

// ---- states -----------------------------------------------------------------------------------
export function loading(label = 'Loading…') {
  return h('div', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
}

export function empty(message, ...more) {
  return h('div', { class: 'state empty' }, h('p', {}, message), ...more);
}

/** What failed (the request and the server's answer), with a retry button when one is given. */
export function failure(error, retry) {
  const isApi = error instanceof ApiError;
  const lines = isApi ? error.fieldErrors() : [];
  return h('div', { class: 'state error', role: 'alert' },
    h('strong', {}, isApi ? `Could not load: ${error.method} ${error.path.split('?')[0]}` : 'Something went wrong'),
    h('p', {}, isApi ? `${error.status ? `HTTP ${error.status}: ` : ''}${error.detail}` : String(error?.message || error)),
    lines.length ? h('ul', {}, lines.map(l => h('li', {}, l))) : null,
    retry ? h('button', { class: 'btn small', onclick: retry }, 'Retry') : null);
}

/**
 * A titled card whose body is produced by an async function; shows loading, then the result, or
 * the failure with a retry (the rest of the page keeps working). Returns the card element.
 */
export function card(title, load, { actions, wide, id } = {}) {
  const body = h('div', { class: 'card-body' });
  const el = h('section', { class: `card${wide ? ' wide' : ''}`, id, 'aria-label': title },
    h('header', { class: 'card-head' }, h('h2', {}, title), actions ? h('div', { class: 'card-actions' }, actions) : null),
    body);
  const run = async () => {
    fill(body, loading());
    try {
      const content = await load(body);
      if (content !== undefined) fill(body, content);
    } catch (e) {
      if (e?.name === 'AbortError') return;
      console.error(e);
      fill(body, failure(e, run));
    }
  };
  run();
  el.reload = run;
  return el;
}

/**
 * A table: columns are {label, value: row => node|text, class, sort: row => comparable}.
 * Rows may carry `href` (the row opens it) or `onclick`.
 */
export function table(columns, rows, { rowHref, caption, emptyText = 'Nothing here for this range.' } = {}) {
  if (!rows || rows.length === 0) return empty(emptyText);
  const head = h('tr', {}, columns.map(c => h('th', { class: c.class, scope: 'col', title: c.title }, c.label)));
  const body = h('tbody', {}, rows.map(r => {
    const href = rowHref ? rowHref(r) : null;
    return h('tr', href ? { class: 'link-row', dataset: { href } } : {},
      columns.map((c, i) => {
        const v = c.value(r);
        if (i === 0 && href) return h('td', { class: c.class }, h('a', { href }, v ?? '—'));
        return h('td', { class: c.class }, v ?? '—');
      }));
  }));
  const t = h('table', { class: 'data' }, caption ? h('caption', {}, caption) : null, h('thead', {}, head), body);
  body.addEventListener('click', e => {
    const tr = e.target.closest('tr.link-row');
    if (tr && !e.target.closest('a,button,input,select')) tr.querySelector('a')?.click();
  });
  return h('div', { class: 'table-wrap' }, t);
}

/** A KPI tile. */
export function kpi(label, value, rel, { goodWhenUp = true, hint, testid } = {}) {
  return h('div', { class: 'kpi', title: hint, dataset: testid ? { kpi: testid } : undefined },
    h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value),
    rel === undefined ? null : change(rel, goodWhenUp));
}

export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}` }, text);
}

/** A modal dialog (native <dialog>): resolves with the form's values or null when cancelled. */
export function dialog(title, content, { submitLabel = 'Save' } = {}) {
  return new Promise(resolve => {
    const form = h('form', { method: 'dialog', class: 'dialog-form' }, h('h2', {}, title), content,
      h('div', { class: 'form-error', role: 'alert' }),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn', onclick: () => { d.close(); resolve(null); } }, 'Cancel'),
        h('button', { type: 'submit', class: 'btn primary', value: 'ok' }, submitLabel)));
    const d = h('dialog', { class: 'modal' }, form);
    d.addEventListener('close', () => d.remove());
    form.addEventListener('submit', e => {
      e.preventDefault();
      resolve({ form, close: () => d.close(), error: msg => fill(form.querySelector('.form-error'), msg) });
    });
    document.body.append(d);
    d.showModal();
  });
}

/** A labelled form field. */
export function field(label, input, help) {
  const id = input.id || `f-${Math.random().toString(36).slice(2)}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, help ? h('small', {}, help) : null);
}

/** Copy-to-clipboard button for a text. */
export function copyButton(text, label = 'Copy') {
  const b = h('button', { type: 'button', class: 'btn small', onclick: async () => {
    try { await navigator.clipboard.writeText(text); b.textContent = 'Copied'; } catch { b.textContent = 'Select and copy'; }
    setTimeout(() => { b.textContent = label; }, 1500);
  } }, label);
  return b;
}
