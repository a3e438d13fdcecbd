// Shared by the interactions explorer and the trace detail: their stylesheet, status badges and
// links to the explorer filtered by one value.
import { h, badge } from './ui.js';

let styled = false;

/** Adds the explorer's stylesheet to the document once. */
export function explorerStyles() {
  if (styled || document.querySelector('link[data-explorer-css]')) { styled = true; return; }
  document.head.append(h('link', { rel: 'stylesheet', href: '/app/explorer.css', dataset: { explorerCss: '' } }));
  styled = true;
}

/** A trace's or span's status as a badge: ok (good), error (bad, with the message as title), unset. */
export function statusBadge(status, error) {
  if (status === 'error') {
    const b = badge('error', 'bad');
    if (error) b.title = error;
    return b;
  }
  if (status === 'ok') return badge('ok', 'good');
  return badge(status || 'unset');
}

/** The explorer filtered by one parameter, keeping the time range of the current URL. */
export function filteredList(param, value, query) {
  const q = new URLSearchParams();
  q.set(param, value);
  const range = query?.get('range');
  if (range) q.set('range', range);
  return `/interactions?${q}`;
}

/** Where the trace page's "back" link goes: the explorer page (with filters) the user came from. */
const LIST_KEY = 'sextant.explorer.list';
export function rememberList(url) {
  try { sessionStorage.setItem(LIST_KEY, url); } catch { /* private mode: the plain list then */ }
}
export function rememberedList() {
  try {
    const url = sessionStorage.getItem(LIST_KEY);
    if (url && url.startsWith('/interactions') && !url.startsWith('//')) return url;
  } catch { /* ignore */ }
  return '/interactions';
}
