// The interactions explorer: every filter of GET /api/v1/interactions as a filter bar whose values
// live in the URL (shareable; back and forward work), a table of the matching traces, deep paging
// with the API's cursors (the stack of cursors is kept in the URL, so a shared link opens the same
// page), and live updates of the first page.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, loading, empty, failure, badge, field, copyButton } from '../ui.js';
import { explorerStyles, statusBadge, rememberList } from '../explorer-common.js';

/** The list API's filters, in the order the filter bar shows them; `more` ones sit behind "More filters". */
const FILTERS = [
  { key: 'agent_id', label: 'Agent', list: 'agents', placeholder: 'any agent' },
  { key: 'status', label: 'Status', options: [['', 'any'], ['ok', 'ok'], ['error', 'error'], ['unset', 'unset']] },
  { key: 'model', label: 'Model', list: 'models', placeholder: 'any model' },
  { key: 'message_type', label: 'Message type', list: 'message-types', placeholder: 'any' },
  { key: 'handoff', label: 'Hand-off', options: [['', 'any'], ['true', 'handed off'], ['false', 'not handed off']] },
  { key: 'tag', label: 'Tag', placeholder: 'e.g. channel:web' },
  { key: 'user_id', label: 'User', more: true },
  { key: 'session_id', label: 'Session', more: true },
  { key: 'conversation_id', label: 'Conversation', more: true },
  { key: 'min_confidence', label: 'Min confidence', more: true, placeholder: '0 – 1', inputmode: 'decimal', size: 7 },
  { key: 'max_confidence', label: 'Max confidence', more: true, placeholder: '0 – 1', inputmode: 'decimal', size: 7 },
  { key: 'from', label: 'From', more: true, placeholder: '2026-11-01 or …T10:00:00Z', size: 24 },
  { key: 'to', label: 'To', more: true, placeholder: '2026-11-02 or …T10:00:00Z', size: 24 },
];
const PAGE_SIZES = [25, 50, 100, 200];
const DEFAULT_PAGE_SIZE = 50;
const LIVE_MIN_INTERVAL_MS = 1500;

/** Per-render state, so live updates find the table of the page they belong to. */
const states = new WeakMap();

/** Suggestions for the agent/model/message type inputs, per time range, kept a minute. */
const optionCache = new Map();

function cursorStack(query) {
  const raw = query.get('cursor');
  return raw ? raw.split(',').filter(Boolean) : [];
}

/** The list API's parameters for the URL's filters (from/to default to the time range, computed now). */
function apiParams(ctx, { paging = true } = {}) {
  const q = ctx.query;
  const params = {};
  for (const f of FILTERS) {
    if (q.has(f.key)) params[f.key] = q.get(f.key);
  }
  if (!q.has('from')) params.from = new Date(Date.now() - ctx.range.ms).toISOString();
  if (!q.has('to') && !q.has('from')) params.to = new Date(Date.now() + 1000).toISOString();
  if (paging) {
    params.page_size = q.get('page_size') || DEFAULT_PAGE_SIZE;
    const stack = cursorStack(q);
    if (stack.length) params.cursor = stack[stack.length - 1];
  }
  return params;
}

function urlWith(ctx, changes) {
  const q = new URLSearchParams(ctx.query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') q.delete(k); else q.set(k, v);
  }
  const s = q.toString();
  return `/interactions${s ? `?${s}` : ''}`;
}

export async function render(ctx) {
  explorerStyles();
  ctx.title('Interactions');
  rememberList(location.pathname + location.search);
  const state = { ctx, ids: new Set(), fetching: false, pending: false, lastLive: 0 };
  states.set(ctx, state);

  const summary = h('p', { class: 'muted ex-summary', id: 'ex-summary', 'aria-live': 'polite' });
  const results = h('div', { id: 'ex-results' });
  state.results = results;
  const filterBar = filters(ctx, state);
  fill(ctx.main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Interactions'), summary)),
    filterBar, results);

  fill(results, loading('Loading interactions…'));
  // the table first: the summary and the suggestions would compete with it for the database
  await loadPage(ctx, state);
  if (!ctx.isCurrent()) return;
  loadSummary(ctx, summary);
  loadOptions(ctx, state);
}

/** Live data: on the first page (no cursor) fetch again and highlight the new rows; otherwise leave the page alone. */
export function onData(ctx) {
  const state = states.get(ctx);
  if (!state || !ctx.isCurrent() || cursorStack(ctx.query).length || !state.loaded) return;
  const wait = state.lastLive + LIVE_MIN_INTERVAL_MS - Date.now();
  if (state.fetching || wait > 0) {
    if (!state.pending) {
      state.pending = true;
      setTimeout(() => { state.pending = false; onData(ctx); }, Math.max(wait, 300));
    }
    return;
  }
  state.lastLive = Date.now();
  loadPage(ctx, state, { live: true });
  loadSummary(ctx, document.getElementById('ex-summary'));
}

// ---- filter bar -------------------------------------------------------------------------------
function filters(ctx, state) {
  const q = ctx.query;
  const inputs = {};
  const control = f => {
    const value = q.get(f.key) ?? '';
    let input;
    if (f.options) {
      const options = [...f.options];
      if (value && !options.some(([v]) => v === value)) options.push([value, value]); // shows what the URL holds
      input = h('select', { name: f.key }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
    } else {
      input = h('input', { type: 'text', name: f.key, value, placeholder: f.placeholder, list: f.list ? `ex-${f.list}` : null,
        inputmode: f.inputmode, size: f.size || 16, autocomplete: 'off', spellcheck: 'false', maxlength: 1024 });
    }
    input.id = `ex-f-${f.key}`;
    inputs[f.key] = input;
    const wrap = field(f.label, input);
    wrap.dataset.filter = f.key;
    return wrap;
  };
  const moreOpen = FILTERS.some(f => f.more && q.has(f.key));
  const rangeNote = h('small', { class: 'muted' }, q.has('from') || q.has('to')
    ? 'From/To replace the time range picker. A date or a time without offset is in your time zone.'
    : `Without From/To: the time range (last ${ctx.range.key}). A date or a time without offset is in your time zone.`);
  const apply = h('button', { type: 'submit', class: 'btn primary', id: 'ex-apply' }, 'Apply');
  const activeCount = FILTERS.filter(f => q.has(f.key)).length;
  const clear = activeCount
    ? h('a', { href: urlWith(ctx, Object.fromEntries(FILTERS.map(f => [f.key, null]).concat([['cursor', null]]))), class: 'btn', id: 'ex-clear' }, 'Clear filters')
    : null;
  const form = h('form', { class: 'ex-filters', id: 'ex-filters', role: 'search', 'aria-label': 'Filter interactions' },
    h('div', { class: 'filters' }, FILTERS.filter(f => !f.more).map(control),
      h('div', { class: 'ex-actions' }, apply, clear)),
    h('details', { class: 'ex-more', open: moreOpen },
      h('summary', {}, 'More filters', moreOpen ? ` (${FILTERS.filter(f => f.more && q.has(f.key)).length} set)` : ''),
      h('div', { class: 'filters' }, FILTERS.filter(f => f.more).map(control)), rangeNote),
    h('datalist', { id: 'ex-agents' }), h('datalist', { id: 'ex-models' }), h('datalist', { id: 'ex-message-types' }));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const changes = { cursor: null, page: null };
    for (const f of FILTERS) changes[f.key] = inputs[f.key].value.trim();
    changes.from = asInstant(changes.from);
    changes.to = asInstant(changes.to);
    ctx.setQuery(changes, { push: true });
  });
  // selects apply at once (a keyboard user still confirms with the Apply button)
  for (const f of FILTERS.filter(x => x.options)) {
    inputs[f.key].addEventListener('change', () => form.requestSubmit());
  }
  state.inputs = inputs;
  return form;
}

/**
 * A typed date ("2026-11-01") or local time without an offset ("2026-11-01 14:30") as the RFC 3339
 * instant the API wants, in the browser's time zone; anything else goes to the API as typed (and a
 * wrong value comes back with the API's message).
 */
export function asInstant(value) {
  if (!value) return value;
  const local = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/.exec(value);
  if (!local) return value;
  const d = new Date(`${local[1]}T${local[2] || '00:00'}`);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** Marks the inputs the API refused and puts its message under each. */
function markInvalid(state, error) {
  const problems = error?.problem?.errors || [];
  for (const p of problems) {
    const input = state.inputs?.[p.parameter];
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    const msg = h('small', { class: 'ex-invalid', id: `${input.id}-error` }, p.message);
    input.setAttribute('aria-describedby', msg.id);
    input.closest('.field')?.append(msg);
  }
}

async function loadOptions(ctx, state) {
  const key = ctx.range.key;
  let cached = optionCache.get(key);
  if (!cached || cached.at < Date.now() - 60_000) {
    const from = new Date(Date.now() - ctx.range.ms).toISOString();
    cached = {
      at: Date.now(),
      agents: api('/analytics/agents', { params: { from, limit: 1000 } }).then(a => (a.agents || []).map(x => x.agent_id).filter(Boolean)),
      stats: api('/interactions/stats', { params: { from } }),
    };
    optionCache.set(key, cached);
    cached.agents.catch(() => optionCache.delete(key));
    cached.stats.catch(() => optionCache.delete(key));
  }
  const put = (id, values) => {
    const list = document.getElementById(id);
    if (list && ctx.isCurrent()) fill(list, values.map(v => h('option', { value: v })));
  };
  cached.agents.then(v => put('ex-agents', v), () => { /* suggestions only; free text still works */ });
  cached.stats.then(s => {
    put('ex-models', (s.by_model || []).map(m => m.model).filter(Boolean));
    put('ex-message-types', (s.by_message_type || []).map(m => m.message_type).filter(Boolean));
  }, () => {});
}

async function loadSummary(ctx, el) {
  if (!el) return;
  try {
    const s = await api('/interactions/stats', { params: apiParams(ctx, { paging: false }) });
    if (!ctx.isCurrent()) return;
    fill(el, `${fmt.int(s.interactions)} interactions match`,
      ` · ${fmt.int(s.errors)} errors (${fmt.pct(s.error_rate)})`,
      ` · ${fmt.int(s.handoffs)} hand-offs`,
      ` · ${fmt.usd(s.total_cost_usd)}`,
      s.p95_duration_ms == null ? '' : ` · p95 ${fmt.ms(s.p95_duration_ms)}`);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    // a refused filter is explained beside the filters already
    fill(el, e instanceof ApiError && e.status === 400 ? '' : `Summary unavailable: ${e.detail || e.message}`);
  }
}

// ---- the table --------------------------------------------------------------------------------
async function loadPage(ctx, state, { live = false } = {}) {
  state.fetching = true;
  let answer;
  try {
    answer = await api('/interactions', { params: apiParams(ctx) });
  } catch (e) {
    if (!ctx.isCurrent()) return;
    if (!live) {
      fill(state.results, failure(e, () => { fill(state.results, loading()); loadPage(ctx, state); }),
        e instanceof ApiError && e.status === 400 && cursorStack(ctx.query).length
          ? h('p', {}, h('a', { href: urlWith(ctx, { cursor: null }) }, 'Go to the first page')) : null);
      markInvalid(state, e);
    }
    return;
  } finally {
    state.fetching = false;
  }
  if (!ctx.isCurrent()) return;
  const items = answer.items || [];
  const fresh = live ? new Set(items.map(t => t.id).filter(id => !state.ids.has(id))) : new Set();
  state.ids = new Set(items.map(t => t.id));
  state.loaded = true;
  if (live && fresh.size === 0) return;
  const scroller = document.scrollingElement;
  const keep = scroller ? scroller.scrollTop : 0;
  fill(state.results, items.length ? resultTable(items, fresh) : noResults(ctx), pager(ctx, answer, items.length));
  if (live && scroller) scroller.scrollTop = keep;
}

function resultTable(items, fresh) {
  const rows = items.map(t => {
    const href = `/interactions/${encodeURIComponent(t.id)}`;
    const intent = (t.intents || [])[0];
    return h('tr', { class: `link-row${fresh.has(t.id) ? ' ex-fresh' : ''}`, dataset: { id: t.id, href } },
      h('td', { class: 'ex-time' }, h('a', { href, title: `${fmt.time(t.started_at)} · ${t.id}` }, fmt.shortTime(t.started_at))),
      h('td', { class: 'ex-agent' }, t.agent_id ?? h('span', { class: 'muted' }, '—')),
      h('td', { class: 'ex-name' }, h('span', {}, t.name || t.id),
        intent ? h('span', { class: 'muted ex-intent', title: `intent ${intent.name}${intent.confidence == null ? '' : ` (confidence ${fmt.num(intent.confidence)})`}` }, ` · ${intent.name}`) : null,
        t.error ? h('div', { class: 'ex-row-error', title: t.error }, t.error.length > 120 ? `${t.error.slice(0, 120)}…` : t.error) : null),
      h('td', {}, statusBadge(t.status, t.error)),
      h('td', { class: 'num' }, fmt.ms(t.duration_ms)),
      h('td', { class: 'num', title: t.tokens ? `input ${fmt.int(t.tokens.input)} · output ${fmt.int(t.tokens.output)}` : null },
        t.tokens?.total ? fmt.compact(t.tokens.total) : '—'),
      h('td', { class: 'num' }, t.cost_usd == null ? '—' : fmt.usd(t.cost_usd)),
      h('td', {}, t.handoff?.triggered
        ? badge(`→ ${t.handoff.target || 'hand-off'}`, 'warn') : h('span', { class: 'muted' }, '—')),
      h('td', { class: 'num' }, fmt.int(t.span_count)));
  });
  const head = ['Time', 'Agent', 'Name · intent', 'Status', 'Duration', 'Tokens', 'Cost', 'Hand-off', 'Spans'];
  const numeric = new Set(['Duration', 'Tokens', 'Cost', 'Spans']);
  const body = h('tbody', {}, rows);
  body.addEventListener('click', e => {
    const tr = e.target.closest('tr.link-row');
    if (tr && !e.target.closest('a,button,input,select') && !window.getSelection()?.toString()) tr.querySelector('a')?.click();
  });
  return h('div', { class: 'table-wrap card ex-table' },
    h('table', { class: 'data', id: 'ex-table' },
      h('thead', {}, h('tr', {}, head.map(l => h('th', { scope: 'col', class: numeric.has(l) ? 'num' : null }, l)))), body));
}

function noResults(ctx) {
  const filtered = FILTERS.some(f => ctx.query.has(f.key));
  if (filtered || cursorStack(ctx.query).length) {
    return empty(`No interactions match these filters${ctx.query.has('from') ? '' : ` in the last ${ctx.range.key}`}.`,
      h('p', {}, 'Widen the time range, or ', h('a', { href: '/interactions' }, 'clear the filters'), '.'));
  }
  const endpoint = `${location.origin}/api/v1/ingest`;
  const snippet = `curl -X POST -H "Authorization: Bearer $SEXTANT_KEY" -H 'Content-Type: application/json' \\\n  -d '{"batch":[{"type":"trace","body":{"id":"t-1","agent_id":"my-agent","name":"hello","input":"hi","output":"hello"}}]}' \\\n  ${endpoint}`;
  return empty(`No interactions in the last ${ctx.range.key}. Send a first trace (an API key with ingest:write comes from Settings → API keys):`,
    h('pre', {}, snippet), copyButton(snippet, 'Copy the command'));
}

function pager(ctx, answer, count) {
  const stack = cursorStack(ctx.query);
  const pageNo = stack.length + 1;
  const size = Number(ctx.query.get('page_size')) || answer.page_size || DEFAULT_PAGE_SIZE;
  const link = (label, href, id) => href
    ? h('a', { class: 'btn small', href, id }, label)
    : h('button', { class: 'btn small', type: 'button', disabled: true, id }, label);
  const sizeSelect = h('select', { id: 'ex-page-size', 'aria-label': 'Rows per page' },
    [...new Set([...PAGE_SIZES, size])].sort((a, b) => a - b).map(n => h('option', { value: n, selected: n === size }, `${n} per page`)));
  sizeSelect.addEventListener('change', () => ctx.setQuery({ page_size: Number(sizeSelect.value) === DEFAULT_PAGE_SIZE ? null : sizeSelect.value, cursor: null }, { push: true }));
  const first = (pageNo - 1) * size + 1;
  return h('nav', { class: 'ex-pager', 'aria-label': 'Pages' },
    link('« First', stack.length ? urlWith(ctx, { cursor: null }) : null, 'ex-first'),
    link('‹ Previous', stack.length ? urlWith(ctx, { cursor: stack.slice(0, -1).join(',') || null }) : null, 'ex-prev'),
    h('span', { class: 'ex-page', id: 'ex-page' }, `Page ${fmt.int(pageNo)}`,
      count ? h('span', { class: 'muted' }, ` · rows ${fmt.int(first)}–${fmt.int(first + count - 1)}`) : null),
    link('Next ›', answer.next_cursor ? urlWith(ctx, { cursor: [...stack, answer.next_cursor].join(',') }) : null, 'ex-next'),
    sizeSelect);
}
