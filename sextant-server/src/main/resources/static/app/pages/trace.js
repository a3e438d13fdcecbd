// One interaction: its header, input and output, scores, intents and hand-off, and the span tree
// as a waterfall. The waterfall renders only the rows in view (fixed row height, virtual
// scrolling), so a trace of 10,000 spans opens as fast as one of ten.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, failure, empty, badge, kpi, copyButton } from '../ui.js';
import { explorerStyles, statusBadge, filteredList, rememberedList } from '../explorer-common.js';

const ROW_H = 28;
const MAX_VIEWPORT = 560;
const OVERSCAN = 12;
const MAX_INDENT_DEPTH = 24;
const LONG_TEXT = 700;

export const KINDS = {
  agent: { label: 'agent', short: 'AGT' },
  llm: { label: 'LLM call', short: 'LLM' },
  tool: { label: 'tool call', short: 'TOOL' },
  decision: { label: 'decision', short: 'DEC' },
  retrieval: { label: 'retrieval', short: 'RET' },
  handoff: { label: 'hand-off', short: 'HAND' },
  code_generation: { label: 'code generation', short: 'CODE' },
  learning: { label: 'learning', short: 'LRN' },
  event: { label: 'event', short: 'EVT' },
  custom: { label: 'custom', short: 'CUS' },
};
const kindOf = k => KINDS[k] || { label: k || 'span', short: (k || '?').slice(0, 4).toUpperCase() };

export async function render(ctx) {
  explorerStyles();
  const id = ctx.params.id;
  ctx.title(`Interaction ${id}`);
  const back = h('a', { href: rememberedList(), class: 'ex-back' }, '← Interactions');
  let trace;
  try {
    trace = await api(`/interactions/${encodeURIComponent(id)}`);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    if (e instanceof ApiError && e.status === 404) {
      fill(ctx.main, back, h('div', { class: 'state empty', id: 'trace-not-found', role: 'status' },
        h('h1', {}, 'Interaction not found in this workspace'),
        h('p', {}, 'No interaction ', h('code', {}, id), ` exists in the workspace “${ctx.me.workspace.name || ctx.me.workspace.slug}”. `,
          'It may belong to another workspace (switch workspace at the top), or its id may be misspelt.'),
        h('p', {}, h('a', { href: '/interactions' }, 'Search the interactions'))));
      return;
    }
    fill(ctx.main, back, failure(e, () => render(ctx)));
    return;
  }
  if (!ctx.isCurrent()) return;
  live.set(ctx, { signature: signature(trace), notice: null });
  ctx.title(`${trace.name || trace.id} · Interaction`);
  fill(ctx.main, back, header(trace, ctx), io(trace), waterfall(trace, ctx), details(trace, ctx));
}

// ---- live -------------------------------------------------------------------------------------
const live = new WeakMap();

/** What would change when more of the interaction arrives (spans, its end, status, scores). */
function signature(t) {
  return JSON.stringify([(t.spans || []).length, t.ended_at, t.status, (t.scores || []).length, t.cost_usd, t.output?.length]);
}

/**
 * New data in the workspace: if this interaction changed (a running one gets spans, its end,
 * scores), say so with a button to show it; never re-render under the reader's hands.
 */
export async function onData(ctx) {
  const state = live.get(ctx);
  if (!state || state.checking || state.notice) return;
  state.checking = true;
  try {
    const t = await api(`/interactions/${encodeURIComponent(ctx.params.id)}`);
    if (!ctx.isCurrent() || signature(t) === state.signature) return;
    state.notice = h('div', { class: 'ex-update', id: 'trace-updated', role: 'status' },
      'This interaction has new data (', spanCount((t.spans || []).length), '). ',
      h('button', { type: 'button', class: 'btn small primary', onclick: () => render(ctx) }, 'Show it'));
    ctx.main.prepend(state.notice);
  } catch { /* the page keeps what it shows; the next event tries again */ } finally {
    state.checking = false;
  }
}

// ---- header and details -----------------------------------------------------------------------
function header(t, ctx) {
  const spans = t.spans || [];
  return [
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', { id: 'trace-title' }, t.name || t.id),
        h('div', { class: 'muted ex-id' }, 'id ', h('code', {}, t.id), ' ', copyButton(t.id, 'Copy id')))),
    h('div', { class: 'kpis ex-kpis', id: 'trace-kpis' },
      kpi('Agent', t.agent_id ? h('a', { href: filteredList('agent_id', t.agent_id, ctx.query) }, t.agent_id) : '—', undefined, { testid: 'agent' }),
      kpi('Status', statusBadge(t.status, t.error), undefined, { testid: 'status' }),
      kpi('Started', h('span', { title: `${fmt.time(t.started_at)} (${t.started_at || ''})` }, startTime(t.started_at)), undefined, { testid: 'started' }),
      kpi('Duration', fmt.ms(t.duration_ms), undefined, { testid: 'duration' }),
      kpi('Tokens', t.tokens?.total ? fmt.int(t.tokens.total) : '—', undefined,
        { testid: 'tokens', hint: t.tokens ? `input ${fmt.int(t.tokens.input)} (cache read ${fmt.int(t.tokens.cache_read)}, write ${fmt.int(t.tokens.cache_write)}) · output ${fmt.int(t.tokens.output)} (reasoning ${fmt.int(t.tokens.reasoning)})` : null }),
      kpi('Cost', t.cost_usd == null ? '—' : fmt.usd(t.cost_usd), undefined, { testid: 'cost', hint: t.cost_usd == null ? null : `$${t.cost_usd}` }),
      kpi('Spans', fmt.int(spans.length), undefined, { testid: 'spans' })),
    meta(t, ctx),
    t.error ? h('div', { class: 'state error', role: 'alert' }, h('strong', {}, 'Error'), h('p', {}, t.error)) : null,
  ];
}

/** Who and what the interaction belongs to, each a link to the explorer filtered by it. */
function meta(t, ctx) {
  const items = [];
  const add = (label, value) => { if (value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) items.push(h('span', { class: 'ex-meta-item' }, h('span', { class: 'muted' }, `${label} `), value)); };
  add('User', link('user_id', t.user_id, ctx));
  add('Session', t.session_id == null ? null : [link('session_id', t.session_id, ctx), ' ',
    h('a', { href: `/sessions/${encodeURIComponent(t.session_id)}`, class: 'muted', title: 'The session page' }, '↗')]);
  add('Conversation', link('conversation_id', t.conversation_id, ctx));
  add('Hand-off', t.handoff?.triggered ? badge(`→ ${t.handoff.target || 'hand-off'}${t.handoff.reason ? ` (${t.handoff.reason})` : ''}`, 'warn') : null);
  add('Config', t.config_version);
  add('Experiment', t.experiment_id == null ? null : [t.experiment_id, t.variant_id ? ` · variant ${t.variant_id}` : '']);
  if (t.experiment_id == null) add('Variant', t.variant_id);
  add('Tags', (t.tags || []).map(tag => h('a', { class: 'badge ex-chip', href: filteredList('tag', tag, ctx.query) }, tag)));
  return items.length ? h('div', { class: 'ex-meta', id: 'trace-meta' }, items) : null;
}

function startTime(iso) {
  return iso ? new Date(iso).toLocaleString('en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '—';
}

function link(param, value, ctx) {
  return value == null ? null : h('a', { href: filteredList(param, value, ctx.query), title: `All interactions with this ${param.replace('_id', '')}` }, value);
}

function details(t, ctx) {
  const rows = [];
  const add = (label, value) => { if (value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) rows.push([label, value]); };
  add('Message type', link('message_type', t.message_type, ctx));
  add('Ended', t.ended_at ? fmt.time(t.ended_at) : null);
  add('Confidence', t.confidence == null ? null : fmt.num(t.confidence, 3));
  add('Intents', (t.intents || []).map(i => h('span', { class: 'badge ex-chip' }, i.name, i.confidence == null ? '' : ` ${fmt.num(i.confidence, 2)}`)));
  add('Hand-off', t.handoff?.triggered
    ? [badge('handed off', 'warn'), t.handoff.target ? ` to ${t.handoff.target}` : '', t.handoff.reason ? ` · reason: ${t.handoff.reason}` : '']
    : (t.handoff ? h('span', { class: 'muted' }, 'none') : null));
  add('Context size', t.context_size == null ? null : `${fmt.int(t.context_size)} tokens`);
  add('Metadata', t.metadata == null || (typeof t.metadata === 'object' && !Object.keys(t.metadata).length) ? null : json(t.metadata));
  add('Context', contextItems(t.context));
  const scores = t.scores || [];
  return h('div', { class: 'grid ex-detail-grid' },
    h('section', { class: 'card', 'aria-label': 'Details', id: 'trace-details' },
      h('header', { class: 'card-head' }, h('h2', {}, 'Details')),
      rows.length ? h('dl', { class: 'ex-dl' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : empty('No further fields were sent.')),
    h('section', { class: 'card', 'aria-label': 'Scores and feedback', id: 'trace-scores' },
      h('header', { class: 'card-head' }, h('h2', {}, `Scores and feedback (${scores.length})`)),
      scores.length ? scoreTable(scores) : empty('No scores or feedback on this interaction yet. They arrive as "score" items of the ingest API.')));
}

function scoreTable(scores) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, ['Name', 'Value', 'Comment', 'Source', 'On', 'When'].map(l => h('th', { scope: 'col' }, l)))),
    h('tbody', {}, scores.map(s => h('tr', {},
      h('td', {}, s.name),
      h('td', { class: 'num' }, s.value == null ? (s.string_value ?? '—') : [fmt.num(s.value, 3), s.string_value ? ` (${s.string_value})` : '']),
      h('td', {}, s.comment ?? ''),
      h('td', {}, [s.source ?? '', s.user_id ? ` · ${s.user_id}` : '']),
      h('td', {}, s.span_id ? h('code', {}, s.span_id) : 'trace'),
      h('td', {}, s.created_at ? fmt.shortTime(s.created_at) : '—'))))));
}

function io(t) {
  return h('div', { class: 'grid ex-io' },
    h('section', { class: 'card', 'aria-label': 'Input', id: 'trace-input' }, h('header', { class: 'card-head' }, h('h2', {}, 'Input')), longText(t.input)),
    h('section', { class: 'card', 'aria-label': 'Output', id: 'trace-output' }, h('header', { class: 'card-head' }, h('h2', {}, 'Output')), longText(t.output)));
}

/** Pretty JSON of a value (as text). */
function json(value) {
  return longText(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

/** A text as pre-wrapped text; JSON is indented; long text is clamped with a Show all button. */
function longText(text) {
  if (text === null || text === undefined || text === '') return h('p', { class: 'muted' }, '— (not sent)');
  let shown = String(text);
  const trimmed = shown.trim();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length < 200_000) {
    try { shown = JSON.stringify(JSON.parse(trimmed), null, 2); } catch { /* not JSON: as is */ }
  }
  const pre = h('pre', { class: 'ex-text' }, shown);
  const lines = shown.length > LONG_TEXT ? Infinity : shown.split('\n').length;
  if (lines <= 14) return pre;
  pre.classList.add('clamped');
  const toggle = h('button', { type: 'button', class: 'btn small ex-more-text', 'aria-expanded': 'false' }, `Show all (${fmt.int(shown.length)} characters)`);
  toggle.addEventListener('click', () => {
    const open = pre.classList.toggle('clamped') === false;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Show less' : `Show all (${fmt.int(shown.length)} characters)`;
  });
  return h('div', {}, pre, toggle);
}

// ---- the waterfall ----------------------------------------------------------------------------
/**
 * The spans in tree order (each parent followed by its subtree, children by start), from the flat
 * list the API gives (ordered by start, with parent_id). Spans whose parent is missing, and any
 * caught in a parent cycle, are roots. Iterative, so a 10,000-deep chain cannot overflow the stack.
 */
export function treeOrder(spans) {
  const byId = new Map(spans.map(s => [s.id, s]));
  const children = new Map();
  const roots = [];
  for (const s of spans) {
    if (s.parent_id != null && s.parent_id !== s.id && byId.has(s.parent_id)) {
      if (!children.has(s.parent_id)) children.set(s.parent_id, []);
      children.get(s.parent_id).push(s);
    } else {
      roots.push(s);
    }
  }
  const out = [];
  const seen = new Set();
  const walk = list => {
    const stack = [...list].reverse().map(s => [s, 0]);
    while (stack.length) {
      const [s, level] = stack.pop();
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      const kids = children.get(s.id) || [];
      out.push({ span: s, level, childCount: kids.length, end: -1 });
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], level + 1]);
    }
  };
  walk(roots);
  for (const s of spans) if (!seen.has(s.id)) walk([s]); // cycles: whatever is left, as roots
  // the index just past each node's subtree, so collapsing skips it in O(1)
  for (let i = out.length - 1; i >= 0; i--) {
    let end = i + 1;
    while (end < out.length && out[end].level > out[i].level) end = out[end].end;
    out[i].end = end;
  }
  return out;
}

function timeBounds(t, spans) {
  let start = Date.parse(t.started_at);
  let end = Date.parse(t.ended_at);
  for (const s of spans) {
    const a = Date.parse(s.started_at), b = Date.parse(s.ended_at);
    if (Number.isFinite(a) && (!Number.isFinite(start) || a < start)) start = a;
    if (Number.isFinite(b) && (!Number.isFinite(end) || b > end)) end = b;
    if (Number.isFinite(a) && (!Number.isFinite(end) || a > end)) end = a;
  }
  if (!Number.isFinite(start)) return null;
  if (!Number.isFinite(end) || end <= start) end = start + 1;
  return { start, total: end - start };
}

function tokensOf(s) {
  const u = s.usage;
  return u ? (u.input_tokens || 0) + (u.output_tokens || 0) : 0;
}

function waterfall(t, ctx) {
  const spans = t.spans || [];
  const section = h('section', { class: 'card wide ex-waterfall', 'aria-label': 'Span waterfall', id: 'trace-waterfall' });
  if (!spans.length) {
    fill(section, h('header', { class: 'card-head' }, h('h2', {}, 'Spans')),
      empty('This interaction has no spans. Spans (LLM calls, tool calls, decisions, hand-offs…) arrive as "span" items with its trace_id.'));
    return section;
  }
  const nodes = treeOrder(spans);
  const bounds = timeBounds(t, spans);
  const collapsed = new Set();
  let visible = [];            // indices into nodes
  let active = 0;              // position in `visible` of the row that takes focus
  let selected = null;         // the span shown in the panel

  const recompute = () => {
    visible = [];
    for (let i = 0; i < nodes.length;) {
      visible.push(i);
      i = collapsed.has(i) ? nodes[i].end : i + 1;
    }
    if (active >= visible.length) active = visible.length - 1;
  };

  const spacer = h('div', { class: 'wf-spacer' });
  const rowsEl = h('div', { class: 'wf-rows' });
  const viewport = h('div', { class: 'wf-viewport', id: 'waterfall', role: 'tree', 'aria-label': `Spans of ${t.name || t.id}`,
    'aria-multiselectable': 'false' }, spacer, rowsEl);
  const panel = h('aside', { class: 'wf-panel', id: 'span-detail', 'aria-label': 'Span detail', hidden: true });
  const counter = h('span', { class: 'muted', id: 'wf-count' });
  const find = h('input', { type: 'search', placeholder: 'Find a span by name…', 'aria-label': 'Find a span by name', id: 'wf-find', size: 22 });
  const findNote = h('span', { class: 'muted', 'aria-live': 'polite' });

  const paint = () => {
    const height = Math.min(MAX_VIEWPORT, visible.length * ROW_H);
    viewport.style.height = `${height + 2}px`;
    spacer.style.height = `${visible.length * ROW_H}px`;
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_H) - OVERSCAN);
    const last = Math.min(visible.length, Math.ceil((viewport.scrollTop + (viewport.clientHeight || height)) / ROW_H) + OVERSCAN);
    rowsEl.style.transform = `translateY(${first * ROW_H}px)`;
    const hadFocus = viewport.contains(document.activeElement) && document.activeElement !== viewport;
    const out = [];
    for (let p = first; p < last; p++) out.push(row(p));
    rowsEl.replaceChildren(...out);
    if (hadFocus) rowsEl.querySelector('[tabindex="0"]')?.focus({ preventScroll: true });
    viewport.tabIndex = rowsEl.querySelector('[tabindex="0"]') ? -1 : 0;
    counter.textContent = `${spanCount(nodes.length)}${visible.length < nodes.length ? ` · ${fmt.int(visible.length)} shown` : ''}`;
  };

  const row = p => {
    const i = visible[p];
    const n = nodes[i];
    const s = n.span;
    const k = kindOf(s.kind);
    const indent = Math.min(n.level, MAX_INDENT_DEPTH) * 14;
    const isCollapsed = collapsed.has(i);
    const toggle = n.childCount
      ? h('button', { type: 'button', class: 'wf-toggle', tabindex: '-1', 'aria-label': `${isCollapsed ? 'Expand' : 'Collapse'} ${s.name || s.id}`,
        onclick: e => { e.stopPropagation(); active = p; toggleAt(p); } }, isCollapsed ? '▸' : '▾')
      : h('span', { class: 'wf-toggle-space', 'aria-hidden': 'true' });
    const llm = s.kind === 'llm' || s.model || s.usage;
    const meta = llm
      ? [s.model, tokensOf(s) ? `${fmt.compact(tokensOf(s))} tok` : null, s.cost_usd == null ? null : fmt.usd(s.cost_usd)].filter(Boolean).join(' · ')
      : (s.tool_name && s.tool_name !== s.name ? s.tool_name : (s.decision?.chosen ? `→ ${s.decision.chosen}` : (s.handoff?.target ? `→ ${s.handoff.target}` : '')));
    let bar = null;
    const a = Date.parse(s.started_at);
    if (bounds && Number.isFinite(a)) {
      const left = ((a - bounds.start) / bounds.total) * 100;
      const width = s.duration_ms == null ? 0 : (s.duration_ms / bounds.total) * 100;
      bar = h('div', { class: `wf-bar k-${cssKind(s.kind)}${s.status === 'error' ? ' err' : ''}${s.duration_ms == null ? ' open' : ''}`,
        style: { left: `${Math.min(left, 99.6)}%`, width: `max(2px, ${Math.min(width, 100 - left)}%)` } });
    }
    const r = h('div', {
      class: `wf-row${s.status === 'error' ? ' err' : ''}${selected === s ? ' selected' : ''}`,
      role: 'treeitem', 'aria-level': n.level + 1, 'aria-expanded': n.childCount ? String(!isCollapsed) : null,
      'aria-selected': String(selected === s), tabindex: p === active ? '0' : '-1',
      dataset: { spanId: s.id, pos: p },
      style: { height: `${ROW_H}px` },
      title: `${k.label}: ${s.name || s.id}${s.error ? `\nerror: ${s.error}` : ''}`,
    },
      h('div', { class: 'wf-label', style: { paddingLeft: `${indent + 4}px` } },
        n.level > MAX_INDENT_DEPTH ? h('span', { class: 'wf-depth', title: `depth ${n.level}` }, `${n.level}`) : null,
        toggle,
        h('span', { class: `wf-kind k-${cssKind(s.kind)}`, title: k.label }, k.short),
        s.status === 'error' ? h('span', { class: 'wf-err', 'aria-label': 'error' }, '!') : null,
        h('span', { class: 'wf-name' }, s.name || s.id),
        meta ? h('span', { class: 'wf-meta' }, meta) : null),
      h('div', { class: 'wf-dur' }, fmt.ms(s.duration_ms)),
      h('div', { class: 'wf-track' }, bar));
    return r;
  };

  const scrollTo = p => {
    const top = p * ROW_H;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + ROW_H > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + ROW_H - viewport.clientHeight;
  };

  const focusAt = p => {
    active = Math.max(0, Math.min(visible.length - 1, p));
    scrollTo(active);
    paint();
    rowsEl.querySelector('[tabindex="0"]')?.focus({ preventScroll: true });
  };

  const toggleAt = p => {
    const i = visible[p];
    if (!nodes[i].childCount) return;
    if (collapsed.has(i)) collapsed.delete(i); else collapsed.add(i);
    recompute();
    paint();
  };

  const select = (s, { scroll = false, focus = true } = {}) => {
    selected = s;
    showPanel(panel, s, bounds, nodes, {
      close: () => { selected = null; panel.hidden = true; section.classList.remove('with-panel'); setSpanInUrl(null); paint(); focusAt(active); },
      open: other => revealAndSelect(other),
    });
    section.classList.add('with-panel');
    setSpanInUrl(s.id);
    if (scroll) {
      const p = visible.findIndex(i => nodes[i].span === s);
      if (p >= 0) { active = p; viewport.scrollTop = Math.max(0, p * ROW_H - viewport.clientHeight / 2); }
    }
    paint();
    if (focus) rowsEl.querySelector('[tabindex="0"]')?.focus({ preventScroll: true });
  };

  /** Expands the ancestors of a span so its row is shown, then selects it. */
  const revealAndSelect = s => {
    const index = nodes.findIndex(n => n.span === s);
    if (index < 0) return;
    for (const c of [...collapsed]) if (c < index && nodes[c].end > index) collapsed.delete(c);
    recompute();
    select(s, { scroll: true });
  };

  viewport.addEventListener('scroll', () => requestAnimationFrame(paint), { passive: true });
  viewport.addEventListener('click', e => {
    const r = e.target.closest('.wf-row');
    if (!r) return;
    active = Number(r.dataset.pos);
    select(nodes[visible[active]].span, { focus: true });
  });
  viewport.addEventListener('focus', e => { if (e.target === viewport) focusAt(active); });
  viewport.addEventListener('keydown', e => {
    const r = e.target.closest?.('.wf-row');
    const p = r ? Number(r.dataset.pos) : active;
    const page = Math.max(1, Math.floor(viewport.clientHeight / ROW_H) - 1);
    const n = nodes[visible[p]];
    switch (e.key) {
      case 'ArrowDown': focusAt(p + 1); break;
      case 'ArrowUp': focusAt(p - 1); break;
      case 'PageDown': focusAt(p + page); break;
      case 'PageUp': focusAt(p - page); break;
      case 'Home': focusAt(0); break;
      case 'End': focusAt(visible.length - 1); break;
      case 'ArrowRight':
        if (n.childCount && collapsed.has(visible[p])) { active = p; toggleAt(p); focusAt(p); } else focusAt(p + 1);
        break;
      case 'ArrowLeft':
        if (n.childCount && !collapsed.has(visible[p])) { active = p; toggleAt(p); focusAt(p); } else {
          const parent = visible.slice(0, p).findLastIndex(i => nodes[i].level < n.level);
          if (parent >= 0) focusAt(parent);
        }
        break;
      case 'Enter': case ' ': active = p; select(n.span); break;
      case 'Escape': if (selected) { selected = null; panel.hidden = true; section.classList.remove('with-panel'); setSpanInUrl(null); paint(); focusAt(p); } break;
      default: return;
    }
    e.preventDefault();
  });

  const collapseAll = h('button', { type: 'button', class: 'btn small', id: 'wf-collapse-all', onclick: () => {
    nodes.forEach((n, i) => { if (n.childCount && n.level === 0) collapsed.add(i); });
    active = 0; viewport.scrollTop = 0; recompute(); paint();
  } }, 'Collapse all');
  const expandAll = h('button', { type: 'button', class: 'btn small', id: 'wf-expand-all', onclick: () => {
    collapsed.clear(); recompute(); paint();
  } }, 'Expand all');
  find.addEventListener('keydown', e => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const needle = find.value.trim().toLowerCase();
    if (!needle) return;
    const start = selected ? nodes.findIndex(n => n.span === selected) + 1 : 0;
    const matches = i => `${nodes[i].span.name || ''} ${nodes[i].span.id} ${nodes[i].span.tool_name || ''} ${nodes[i].span.model || ''}`.toLowerCase().includes(needle);
    let hit = -1;
    for (let k = 0; k < nodes.length; k++) { const i = (start + k) % nodes.length; if (matches(i)) { hit = i; break; } }
    if (hit < 0) { findNote.textContent = 'no span matches'; return; }
    findNote.textContent = '';
    revealAndSelect(nodes[hit].span);
    find.focus();
  });

  const ticks = bounds ? [0, 0.25, 0.5, 0.75, 1].map(f => h('span', { class: 'wf-tick', style: { left: `${f * 100}%` } }, fmt.ms(bounds.total * f))) : [];
  fill(section,
    h('header', { class: 'card-head' }, h('h2', {}, 'Spans'), counter,
      h('div', { class: 'card-actions' }, find, findNote, collapseAll, expandAll)),
    h('p', { class: 'muted wf-help' }, 'Click a span (or use ↑ ↓ and Enter) to see everything it holds; ← → fold and unfold a subtree.'),
    h('div', { class: 'wf-layout' },
      h('div', { class: 'wf-main' },
        h('div', { class: 'wf-head', 'aria-hidden': 'true' }, h('div', { class: 'wf-label' }, 'Span'), h('div', { class: 'wf-dur' }, 'Duration'),
          h('div', { class: 'wf-track' }, ticks)),
        viewport),
      panel));
  recompute();
  // first paint once the viewport is in the document (it needs its height)
  requestAnimationFrame(() => {
    paint();
    const wanted = new URLSearchParams(location.search).get('span');
    const s = wanted && nodes.find(n => n.span.id === wanted)?.span;
    if (s) select(s, { scroll: true, focus: false });
  });
  paint();
  return section;
}

function spanCount(n) {
  return `${fmt.int(n)} span${n === 1 ? '' : 's'}`;
}

function cssKind(kind) {
  return KINDS[kind] ? kind : 'custom';
}

/** The selected span in the URL (?span=), so a link opens the trace at it; no re-render. */
function setSpanInUrl(id) {
  const q = new URLSearchParams(location.search);
  if (id) q.set('span', id); else q.delete('span');
  const s = q.toString();
  history.replaceState(history.state, '', `${location.pathname}${s ? `?${s}` : ''}`);
}

// ---- the span panel ---------------------------------------------------------------------------
function showPanel(panel, s, bounds, nodes, { close, open }) {
  const k = kindOf(s.kind);
  const rows = [];
  const add = (label, value) => { if (value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) rows.push([label, value]); };
  const parent = s.parent_id ? nodes.find(n => n.span.id === s.parent_id)?.span : null;
  add('Status', statusBadge(s.status, s.error));
  add('Span id', [h('code', {}, s.id), ' ', copyButton(s.id)]);
  add('Parent', s.parent_id ? (parent
    ? h('button', { type: 'button', class: 'linkish', onclick: () => open(parent) }, parent.name || parent.id)
    : [h('code', {}, s.parent_id), h('span', { class: 'muted' }, ' (not in this trace)')]) : null);
  const a = Date.parse(s.started_at);
  add('Started', s.started_at ? [fmt.time(s.started_at), bounds && Number.isFinite(a) ? h('span', { class: 'muted' }, ` (+${fmt.ms(a - bounds.start)})`) : ''] : null);
  add('Ended', s.ended_at ? fmt.time(s.ended_at) : (s.started_at ? h('span', { class: 'muted' }, 'not ended (or not sent)') : null));
  add('Duration', s.duration_ms == null ? null : fmt.ms(s.duration_ms));
  add('Confidence', s.confidence == null ? null : fmt.num(s.confidence, 3));

  const sections = [];
  if (s.error) sections.push(h('div', { class: 'state error wf-error' }, h('strong', {}, 'Error'), h('p', {}, s.error)));
  if (s.model || s.usage || s.cost_usd != null) {
    const u = s.usage || {};
    sections.push(h('h3', {}, 'LLM call'), h('dl', { class: 'ex-dl' },
      h('dt', {}, 'Model'), h('dd', {}, s.model ?? '—', s.provider ? h('span', { class: 'muted' }, ` · ${s.provider}`) : ''),
      h('dt', {}, 'Input tokens'), h('dd', {}, fmt.int(u.input_tokens), u.cache_read_tokens || u.cache_write_tokens
        ? h('span', { class: 'muted' }, ` (cache read ${fmt.int(u.cache_read_tokens)}, write ${fmt.int(u.cache_write_tokens)})`) : ''),
      h('dt', {}, 'Output tokens'), h('dd', {}, fmt.int(u.output_tokens), u.reasoning_tokens ? h('span', { class: 'muted' }, ` (reasoning ${fmt.int(u.reasoning_tokens)})`) : ''),
      u.estimated ? [h('dt', {}, 'Tokens'), h('dd', {}, badge('estimated', 'warn'))] : null,
      h('dt', {}, 'Cost'), h('dd', { title: s.cost_usd == null ? '' : `$${s.cost_usd}` }, s.cost_usd == null ? '—' : fmt.usd(s.cost_usd),
        s.cost_source ? [' ', badge(s.cost_source, s.cost_source === 'estimated' ? 'warn' : '')] : '')));
  }
  if (s.tool_name || s.kind === 'tool') {
    sections.push(h('h3', {}, 'Tool call'), h('dl', { class: 'ex-dl' }, h('dt', {}, 'Tool'), h('dd', {}, s.tool_name ?? '—')));
  }
  if (s.decision) {
    const d = s.decision;
    sections.push(h('h3', {}, 'Decision'), h('dl', { class: 'ex-dl' },
      h('dt', {}, 'Point'), h('dd', {}, d.point ?? '—'),
      h('dt', {}, 'Chosen'), h('dd', {}, d.chosen ? badge(d.chosen, 'good') : '—'),
      h('dt', {}, 'Alternatives'), h('dd', { class: 'wf-alts' }, (d.alternatives || []).length
        ? d.alternatives.map(x => h('span', { class: `badge ex-chip${x === d.chosen ? ' good' : ''}` }, x)) : '—'),
      s.confidence == null ? null : [h('dt', {}, 'Confidence'), h('dd', {}, fmt.num(s.confidence, 3))]),
    d.reasoning ? [h('h3', {}, 'Reasoning'), longText(d.reasoning)] : null);
  }
  if (s.handoff) {
    sections.push(h('h3', {}, 'Hand-off'), h('dl', { class: 'ex-dl' },
      h('dt', {}, 'Triggered'), h('dd', {}, s.handoff.triggered ? badge('yes', 'warn') : 'no'),
      h('dt', {}, 'Target'), h('dd', {}, s.handoff.target ?? '—'),
      h('dt', {}, 'Reason'), h('dd', {}, s.handoff.reason ?? '—')));
  }
  sections.push(h('h3', {}, 'Input'), longText(s.input), h('h3', {}, 'Output'), longText(s.output));
  if (s.attributes != null) sections.push(h('h3', {}, 'Attributes'), json(s.attributes));

  const closeBtn = h('button', { type: 'button', class: 'btn small', id: 'span-detail-close', onclick: close, 'aria-label': 'Close the span detail' }, '✕');
  fill(panel,
    h('header', { class: 'wf-panel-head' },
      h('div', {}, h('span', { class: `wf-kind k-${cssKind(s.kind)}` }, k.short), ' ', h('strong', { id: 'span-detail-name' }, s.name || s.id),
        h('div', { class: 'muted' }, k.label)),
      closeBtn),
    h('dl', { class: 'ex-dl' }, rows.map(([label, v]) => [h('dt', {}, label), h('dd', {}, v)])),
    sections);
  panel.hidden = false;
  panel.scrollTop = 0;
}

/** The interaction's effective context (type → number, string or strings) as type=value chips, linking to /context. */
function contextItems(context) {
  if (!context || typeof context !== 'object' || Array.isArray(context)) return null;
  const types = Object.keys(context).sort();
  if (!types.length) return null;
  return h('span', { class: 'ex-context', id: 'trace-context' },
    types.flatMap(type => [].concat(context[type]).map(v => h('span', { class: 'badge ex-chip', dataset: { type } },
      `${type}=${typeof v === 'number' ? fmt.num(v, 3) : v}`))),
    ' ', h('a', { href: '/context', class: 'small' }, 'What context goes with success'));
}
