// Helpers of the configurations and prompts pages: their stylesheet, flattened parameters and the
// diff between two contents, badges, and the "what would fill this" example requests.
import { h, badge, table } from '../ui.js';
import { useAdminCss } from '../admin-forms.js';

/** Adds this section's stylesheet (and the form styles of admin-forms.js) once. */
export function useConfigStyles() {
  useAdminCss();
  if (document.querySelector('link[data-css="configurations"]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/app/configurations.css', dataset: { css: 'configurations' } }));
}

/**
 * The parameters of a content as path → value, as the server names them for events: objects are
 * walked, arrays and scalars (and empty objects) are one parameter each.
 */
export function flatten(value, prefix = '', out = new Map()) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/** The changed parameters from content a to content b: [{parameter, change, old, new}] by path. */
export function diff(a, b) {
  const from = flatten(a || {}), to = flatten(b || {});
  const keys = [...new Set([...from.keys(), ...to.keys()])].sort();
  const rows = [];
  for (const k of keys) {
    const had = from.has(k), has = to.has(k);
    const o = had ? JSON.stringify(from.get(k)) : undefined, n = has ? JSON.stringify(to.get(k)) : undefined;
    if (had && has && o === n) continue;
    rows.push({ parameter: k, change: !had ? 'added' : !has ? 'removed' : 'changed', old: o, new: n });
  }
  return rows;
}

/** A JSON value as compact text ("absent" for a missing one). */
export function jsonText(v) {
  return v === undefined ? 'absent' : (typeof v === 'string' ? v : JSON.stringify(v));
}

export function impactBadge(level) {
  return badge(level ?? '—', level === 'high' ? 'bad' : level === 'medium' ? 'warn' : '');
}

/** A command that would fill an empty block, naming the server the browser talks to. */
export function example(text, request) {
  return h('div', { class: 'example' }, h('p', { class: 'muted small' }, text),
    h('pre', {}, h('code', {}, request.replaceAll('$SERVER', location.origin))));
}

/** A path segment of an id, encoded. */
export function seg(id) {
  return encodeURIComponent(id);
}

/** A table (ui.js) whose scrolling wrapper is a labelled, keyboard-focusable region, so a wide table scrolls by keyboard too. */
export function labelledTable(label, columns, rows, options) {
  const node = table(columns, rows, options);
  const wrap = node.classList?.contains('table-wrap') ? node : null;
  if (wrap) {
    wrap.setAttribute('tabindex', '0');
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', label);
  }
  return node;
}

/** A value as text; a long one (a prompt, workflow steps) folded behind its first characters. */
export function valueText(text, limit = 120) {
  const s = String(text);
  if (s.length <= limit) return h('span', { class: 'value' }, s);
  return h('details', { class: 'value' }, h('summary', {}, `${s.slice(0, 80)}… (${s.length} characters)`), h('span', {}, s));
}
