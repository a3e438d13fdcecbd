// The dashboard shell: login, the page frame (navigation, workspace, time range, freshness),
// client-side routing between the pages in ./pages/, and the live connection.
import { api, ApiError, setUnauthenticatedHandler } from './api.js';
import { h, fill, fmt, failure, loading, field } from './ui.js';
import { disposeAll } from './charts.js';

/** Path patterns → page modules; keep in step with DashboardController's @GetMapping. */
const ROUTES = [
  ['/', 'overview'], ['/overview', 'overview'],
  ['/interactions', 'interactions'], ['/interactions/:id', 'trace'],
  ['/topology', 'topology'],
  ['/agents', 'agents'], ['/agents/:id', 'agent'],
  ['/costs', 'costs'], ['/feedback', 'feedback'], ['/alerts', 'alerts'],
  ['/sessions', 'sessions'], ['/sessions/:id', 'session'],
  ['/settings', 'settings'], ['/settings/:section', 'settings'],
  ['/configurations', 'configurations'], ['/configurations/:id', 'configurations-detail'],
  ['/prompts', 'prompts'], ['/prompts/:id', 'prompts-detail'],
  ['/experiments', 'experiments'], ['/experiments/:id', 'experiments-detail'], ['/personalization', 'personalization'],
  ['/hpo', 'hpo'], ['/hpo/:id', 'hpo-detail'], ['/models', 'models'], ['/models/:id', 'models-detail'],
  ['/datasets', 'datasets'], ['/datasets/:id', 'datasets-detail'],
  ['/training', 'training'], ['/training/:id', 'training-detail'],
  ['/context', 'context'],
  ['/predictions', 'predictions'], ['/predictions/:target', 'predictions-detail'],
  ['/learnings', 'learnings'], ['/learnings/:id', 'learnings-detail'],
];

const NAV = [
  ['/', 'Overview', 'overview'], ['/interactions', 'Interactions', 'interactions'], ['/topology', 'Topology', 'topology'],
  ['/agents', 'Agents', 'agents'], ['/costs', 'Costs', 'costs'], ['/feedback', 'Feedback', 'feedback'],
  ['/alerts', 'Alerts', 'alerts'], ['/sessions', 'Sessions', 'sessions'],
  ['/configurations', 'Configurations', 'configurations'], ['/prompts', 'Prompts', 'prompts'],
  ['/experiments', 'Experiments', 'experiments'], ['/personalization', 'Personalization', 'personalization'],
  ['/training', 'Training', 'training'], ['/datasets', 'Datasets', 'datasets'],
  ['/hpo', 'HPO', 'hpo'], ['/models', 'Models', 'models'],
  ['/context', 'Context', 'context'],
  ['/predictions', 'Predictions', 'predictions'],
  ['/learnings', 'Learnings', 'learnings'],
  ['/settings', 'Settings', 'settings'],
];

/** The time ranges of the range picker (the `range` query parameter). */
export const RANGES = { '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3, '90d': 90 * 86400e3 };
const DEFAULT_RANGE = '7d';

function match(pathname) {
  for (const [pattern, page] of ROUTES) {
    const p = pattern.split('/'), a = pathname.replace(/\/+$/, '').split('/');
    if (pattern === '/' && (pathname === '/' || pathname === '')) return { page, params: {} };
    if (p.length !== a.length) continue;
    const params = {};
    let ok = true;
    for (let i = 0; i < p.length; i++) {
      if (p[i].startsWith(':')) {
        if (!a[i]) { ok = false; break; }
        params[p[i].slice(1)] = decodeURIComponent(a[i]);
      } else if (p[i] !== a[i]) { ok = false; break; }
    }
    if (ok) return { page, params };
  }
  return null;
}

// ---- login ------------------------------------------------------------------------------------
function safeNext() {
  const next = new URLSearchParams(location.search).get('next') || '/';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

function renderLogin(root) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const error = h('div', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'btn primary' }, 'Log in');
  const form = h('form', { class: 'login-form', 'aria-label': 'Log in' },
    h('h1', {}, h('img', { src: '/app/favicon.svg', alt: '', width: 28, height: 28 }), 'Sextant'),
    field('Email', email), field('Password', password), error, submit,
    h('p', { class: 'muted' }, 'The first admin\'s password is printed once by the server at its first start.'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    submit.disabled = true;
    fill(error);
    try {
      await api('/auth/login', { method: 'POST', body: { email: email.value.trim(), password: password.value } });
      location.assign(safeNext());
    } catch (err) {
      fill(error, err instanceof ApiError && err.status === 401 ? 'Wrong email or password.'
        : err instanceof ApiError ? err.detail : String(err));
      submit.disabled = false;
      password.select();
    }
  });
  fill(root, h('main', { class: 'login' }, form));
}

// ---- the frame --------------------------------------------------------------------------------
const state = { me: null, current: null, cleanups: [], renderToken: 0, lastData: null, liveStatus: 'connecting' };

function can(scope) { return state.me?.scopes?.includes(scope); }

function rangeOf(query) {
  const key = RANGES[query.get('range')] ? query.get('range') : DEFAULT_RANGE;
  // the end rounded up to the minute: the same look within a minute asks the same question, which the
  // server's answer cache can then reuse (a millisecond end would make every request new)
  const to = new Date(Math.ceil(Date.now() / 60000) * 60000);
  const from = new Date(to.getTime() - RANGES[key]);
  return { key, from: from.toISOString(), to: to.toISOString(), ms: RANGES[key] };
}

function frame(root) {
  const me = state.me;
  const workspaces = me.workspaces || [];
  const wsSelect = h('select', { 'aria-label': 'Workspace', id: 'workspace-switcher' },
    workspaces.map(w => h('option', { value: w.id, selected: w.id === me.workspace.id }, `${w.name || w.slug} (${w.role})`)));
  wsSelect.addEventListener('change', async () => {
    try {
      await api('/auth/workspace', { method: 'POST', body: { workspace: wsSelect.value } });
      // an id in the path belongs to the old workspace: go to the section's list
      location.assign(`/${location.pathname.split('/')[1] || ''}`);
    } catch (e) { alert(e.message); }
  });
  const rangeSelect = h('select', { 'aria-label': 'Time range', id: 'range' },
    Object.keys(RANGES).map(k => h('option', { value: k }, `Last ${k}`)));
  rangeSelect.addEventListener('change', () => setQuery({ range: rangeSelect.value === DEFAULT_RANGE ? null : rangeSelect.value }));
  const refresh = h('button', { class: 'btn small', id: 'refresh', title: 'Reload this page\'s data (r)', onclick: () => route() }, '↻ Refresh');
  const logout = h('button', { class: 'btn small', id: 'logout', onclick: async () => {
    // from here on a block's request answered 401 must not send the browser to /login?next=…
    // before the logout's own navigation: the user asked to leave, not to come back
    setUnauthenticatedHandler(() => {});
    try { await api('/auth/logout', { method: 'POST' }); } finally { location.assign('/login'); }
  } }, 'Log out');
  const nav = h('nav', { class: 'side', 'aria-label': 'Sections' },
    h('a', { href: '/', class: 'brand' }, h('img', { src: '/app/favicon.svg', alt: '', width: 22, height: 22 }), 'Sextant'),
    h('ul', {}, NAV.map(([href, label, page]) => h('li', {}, h('a', { href, dataset: { page } }, label)))));
  const top = h('header', { class: 'top' },
    h('div', { class: 'top-left' }, wsSelect),
    h('div', { class: 'top-right' },
      h('span', { id: 'freshness', class: 'freshness connecting', title: 'Live updates', 'aria-live': 'polite' }, 'connecting…'),
      refresh, rangeSelect,
      h('span', { class: 'user', title: me.user.email }, `${me.user.name || me.user.email} · ${me.role}`), logout));
  const main = h('main', { id: 'main', tabindex: '-1' });
  const skip = h('a', { href: '#main', class: 'skip', onclick: e => { e.preventDefault(); main.focus(); } }, 'Skip to content');
  fill(root, skip, h('div', { class: 'layout' }, nav, h('div', { class: 'content' }, top, main)));
  return { main, rangeSelect, nav };
}

let shell = null;

function setQuery(changes, { push = false } = {}) {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') q.delete(k); else q.set(k, v);
  }
  const s = q.toString();
  history[push ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${s ? `?${s}` : ''}`);
  route();
}

export function navigate(url) {
  history.pushState(null, '', url);
  route();
}

async function route() {
  const token = ++state.renderToken;
  for (const fn of state.cleanups.splice(0)) { try { fn(); } catch (e) { console.error(e); } }
  disposeAll();
  const found = match(location.pathname);
  const query = new URLSearchParams(location.search);
  const range = rangeOf(query);
  shell.rangeSelect.value = range.key;
  for (const a of shell.nav.querySelectorAll('a[data-page]')) {
    const active = found && (a.dataset.page === found.page || (found.page === 'trace' && a.dataset.page === 'interactions')
      || (found.page === 'agent' && a.dataset.page === 'agents') || (found.page === 'session' && a.dataset.page === 'sessions')
      || found.page === `${a.dataset.page}-detail`);
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const main = shell.main;
  if (!found) {
    fill(main, h('div', { class: 'state empty' }, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '/' }, 'Go to the overview'))));
    return;
  }
  fill(main, loading());
  const ctx = {
    main, params: found.params, query, range, me: state.me, can, setQuery, navigate,
    onCleanup: fn => state.cleanups.push(fn),
    title: text => { document.title = `${text} · Sextant`; },
    isCurrent: () => token === state.renderToken,
  };
  try {
    const mod = await import(`./pages/${found.page}.js`);
    if (token !== state.renderToken) return;
    state.current = { mod, ctx };
    fill(main);
    await mod.render(ctx);
  } catch (e) {
    if (token !== state.renderToken) return;
    console.error(e);
    fill(main, failure(e, () => route()));
  }
}

// ---- live -------------------------------------------------------------------------------------
function freshness() {
  const el = document.getElementById('freshness');
  if (!el) return;
  el.className = `freshness ${state.liveStatus}`;
  if (state.liveStatus === 'offline') {
    el.textContent = 'offline · retrying';
    el.title = 'The live connection is down; the browser retries on its own. Refresh still works.';
  } else if (state.liveStatus === 'connecting') {
    el.textContent = 'connecting…';
  } else {
    el.textContent = state.lastData ? `live · new data ${fmt.ago(state.lastData)}` : 'live · no new data yet';
    el.title = state.lastData ? `Last new data at ${fmt.time(state.lastData)}` : 'Connected; waiting for new data';
  }
}

function connectLive() {
  if (!window.EventSource) return;
  const source = new EventSource('/api/v1/events');
  source.addEventListener('open', () => { state.liveStatus = 'live'; freshness(); });
  // EventSource retries by itself (the stream asks for 3 s); until it is back, say so
  source.addEventListener('error', () => { state.liveStatus = 'offline'; freshness(); });
  source.addEventListener('data', e => {
    let event = {};
    try { event = JSON.parse(e.data); } catch { /* a bare signal is enough */ }
    state.lastData = event.at || new Date().toISOString();
    state.liveStatus = 'live';
    freshness();
    const cur = state.current;
    if (cur?.mod.onData && cur.ctx.isCurrent()) {
      try { cur.mod.onData(cur.ctx, event); } catch (err) { console.error(err); }
    }
  });
  setInterval(freshness, 1000);
}

// ---- start ------------------------------------------------------------------------------------
document.addEventListener('click', e => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/webjars/')
    || url.pathname === '/login' || !match(url.pathname)) return;
  if (a.getAttribute('href').startsWith('#')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', () => route());
document.addEventListener('keydown', e => {
  if (e.key === 'r' && !e.metaKey && !e.ctrlKey && !e.altKey && !(e.target.closest?.('input,textarea,select,[contenteditable]'))) route();
});

async function start() {
  const root = document.getElementById('app');
  if (location.pathname === '/login') {
    renderLogin(root);
    return;
  }
  try {
    state.me = await api('/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return; // api() is taking the browser to the login page
    fill(root, h('main', { class: 'login' }, failure(e, () => location.reload())));
    return;
  }
  document.documentElement.dataset.role = state.me.role;
  shell = frame(root);
  connectLive();
  freshness();
  route();
}

start();
