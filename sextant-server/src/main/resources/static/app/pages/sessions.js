// Sessions: the working sessions of the workspace (GET /api/v1/sessions), newest first, with their
// totals; filters and the page cursor live in the URL, so a filtered list is a shareable link.
import { api } from '../api.js';
import { h, fill, fmt, card, table, empty, field } from '../ui.js';
import { sessionStyles, statusBadge, rating, recordingHelp } from '../sessions-shared.js';

const FILTERS = ['agent_id', 'user_id', 'status'];

export async function render(ctx) {
  sessionStyles();
  ctx.title('Sessions');
  const q = ctx.query;
  const current = Object.fromEntries(FILTERS.map(k => [k, q.get(k) || '']));
  const cursor = q.get('cursor');

  const agent = h('input', { name: 'agent_id', value: current.agent_id, placeholder: 'any', maxlength: 256, size: 16 });
  const user = h('input', { name: 'user_id', value: current.user_id, placeholder: 'any', maxlength: 256, size: 16 });
  const status = h('select', { name: 'status' },
    [['', 'any'], ['open', 'open'], ['ended', 'ended']].map(([v, l]) => h('option', { value: v, selected: v === current.status }, l)));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter sessions' },
    field('Agent', agent), field('User', user), field('Status', status),
    h('button', { type: 'submit', class: 'btn primary' }, 'Apply'),
    FILTERS.some(k => current[k]) ? h('a', { class: 'btn', href: withQuery(q, { agent_id: null, user_id: null, status: null, cursor: null }) }, 'Clear') : null);
  form.addEventListener('submit', e => {
    e.preventDefault();
    ctx.setQuery({ agent_id: agent.value.trim(), user_id: user.value.trim(), status: status.value, cursor: null }, { push: true });
  });

  fill(ctx.main, h('div', { class: 'sx-sessions' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Sessions'),
        h('p', { class: 'muted' }, `Working sessions started in the last ${ctx.range.key}, newest first, with their traces, tool calls, code generations, tokens and cost.`))),
    form,
    card('Sessions', async () => {
      const params = { from: ctx.range.from, to: ctx.range.to, page_size: 50, cursor };
      for (const k of FILTERS) if (current[k]) params[k] = current[k];
      const page = await api('/sessions', { params });
      if (page.items.length === 0) {
        if (cursor) return empty('No more sessions.', h('a', { href: withQuery(q, { cursor: null }) }, 'Back to the first page'));
        if (FILTERS.some(k => current[k])) return empty('No session matches these filters in this time range.');
        return h('div', {}, empty(`No sessions started in the last ${ctx.range.key}.`), recordingHelp());
      }
      const rows = table([
        { label: 'Session', value: s => s.id },
        { label: 'Agent', value: s => s.agent_id ?? '—' },
        { label: 'User', value: s => s.user_id ?? '—' },
        { label: 'Started', value: s => h('time', { datetime: s.started_at ?? '' }, fmt.shortTime(s.started_at)) },
        { label: 'Duration', value: s => fmt.ms(s.duration_ms), class: 'num' },
        { label: 'Status', value: s => statusBadge(s.status) },
        { label: 'Traces', value: s => fmt.int(s.totals.traces), class: 'num' },
        { label: 'Tool calls', value: s => s.totals.tool_errors ? `${fmt.int(s.totals.tool_calls)} (${fmt.int(s.totals.tool_errors)} failed)` : fmt.int(s.totals.tool_calls), class: 'num' },
        { label: 'Code gens', value: s => fmt.int(s.totals.code_generations), class: 'num' },
        { label: 'Tokens', value: s => fmt.compact(s.totals.tokens.total), class: 'num' },
        { label: 'Cost', value: s => fmt.usd(s.totals.cost_usd), class: 'num' },
        { label: 'Rating', value: s => rating(s.totals.rating), class: 'num' },
      ], page.items, { rowHref: s => `/sessions/${encodeURIComponent(s.id)}` });
      rows.dataset.testid = 'sessions-table';
      const pager = h('div', { class: 'pager' },
        cursor ? h('a', { class: 'btn small', href: withQuery(q, { cursor: null }) }, '« First page') : null,
        page.next_cursor ? h('a', { class: 'btn small', href: withQuery(q, { cursor: page.next_cursor }), rel: 'next' }, 'Next page »') : null,
        h('span', { class: 'muted' }, `${fmt.int(page.items.length)} session${page.items.length === 1 ? '' : 's'} on this page`));
      return h('div', {}, rows, pager);
    }, { wide: true })));
}

/** The current URL with some query parameters changed (null removes one). */
function withQuery(query, changes) {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') next.delete(k); else next.set(k, v);
  }
  const s = next.toString();
  return `/sessions${s ? `?${s}` : ''}`;
}

/** New data: refresh the first page (a later page keeps its place). */
export function onData(ctx) {
  if (!ctx.query.get('cursor') && ctx.isCurrent()) {
    ctx.main.querySelector('section.card')?.reload?.();
  }
}
