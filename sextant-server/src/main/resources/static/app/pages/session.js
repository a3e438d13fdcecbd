// One working session (GET /api/v1/sessions/{id}): what was recorded, its totals, a timeline of its
// traces, tool calls and code generations, and the tables of both with links to each interaction.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, table, kpi, empty, failure, loading, badge } from '../ui.js';
import { sessionStyles, statusBadge, rating } from '../sessions-shared.js';

export async function render(ctx) {
  sessionStyles();
  delete ctx.main.dataset.sessionStatus;
  ctx.onCleanup(() => { delete ctx.main.dataset.sessionStatus; });
  const id = ctx.params.id;
  ctx.title(`Session ${id}`);
  fill(ctx.main, loading('Loading the session…'));
  let detail;
  try {
    detail = await api(`/sessions/${encodeURIComponent(id)}`);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    if (e instanceof ApiError && e.status === 404) {
      fill(ctx.main, h('div', { class: 'state empty sx-sessions', 'data-testid': 'session-not-found' },
        h('h1', {}, 'Session not found'),
        h('p', {}, `This workspace has no session "${id}".`),
        h('p', {}, h('a', { href: '/sessions' }, 'Back to the sessions')), ));
      return;
    }
    fill(ctx.main, failure(e, () => render(ctx)));
    return;
  }
  if (!ctx.isCurrent()) return;
  const s = detail.session;
  const t = s.totals;
  ctx.main.dataset.sessionStatus = s.status;
  const ctxEntries = s.context && typeof s.context === 'object' && !Array.isArray(s.context) ? Object.entries(s.context) : [];

  fill(ctx.main, h('div', { class: 'sx-sessions' },
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'muted' }, h('a', { href: '/sessions' }, '← Sessions')),
        h('h1', {}, 'Session ', h('code', {}, s.id), ' ', statusBadge(s.status)))),
    h('div', { class: 'kpis', 'data-testid': 'session-kpis' },
      kpi('Traces', fmt.int(t.traces), undefined, { testid: 'traces', hint: t.error_traces ? `${t.error_traces} ended in error` : 'none ended in error' }),
      kpi('Tool calls', fmt.int(t.tool_calls), undefined, { testid: 'tool_calls', hint: `${t.tool_errors} failed` }),
      kpi('Failed tool calls', fmt.int(t.tool_errors), undefined, { testid: 'tool_errors' }),
      kpi('Code generations', fmt.int(t.code_generations), undefined, { testid: 'code_generations' }),
      kpi('Tokens', fmt.int(t.tokens.total), undefined, { testid: 'tokens', hint: `${fmt.int(t.tokens.input)} in, ${fmt.int(t.tokens.output)} out` }),
      kpi('Cost', fmt.usd(t.cost_usd), undefined, { testid: 'cost', hint: `$${t.cost_usd}` }),
      kpi('Duration', fmt.ms(s.duration_ms), undefined, { testid: 'duration', hint: s.duration_ms === null ? 'not ended yet' : undefined }),
      kpi('Rating', rating(t.rating), undefined, { testid: 'rating', hint: 'mean of the user_rating scores on its traces' })),
    h('div', { class: 'grid' },
      card('Details', async () => h('dl', { class: 'session-meta' },
        h('dt', {}, 'Agent'), h('dd', {}, s.agent_id ?? '—'),
        h('dt', {}, 'User'), h('dd', {}, s.user_id ?? '—'),
        h('dt', {}, 'Started'), h('dd', {}, fmt.time(s.started_at)),
        h('dt', {}, 'Ended'), h('dd', {}, s.ended_at ? fmt.time(s.ended_at) : 'not yet (open)'),
        h('dt', {}, 'Spans'), h('dd', {}, fmt.int(t.spans)),
        h('dt', {}, 'Traces in error'), h('dd', {}, fmt.int(t.error_traces)),
        ctxEntries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, typeof v === 'string' ? v : JSON.stringify(v))]),
        s.context && !ctxEntries.length ? [h('dt', {}, 'Context'), h('dd', {}, JSON.stringify(s.context))] : null)),
      card('Timeline', async () => timeline(detail), { wide: true }),
      card(`Traces (${fmt.int(t.traces)})`, async () => h('div', {},
        table([
          { label: 'Interaction', value: r => r.id },
          { label: 'Name', value: r => r.name ?? '—' },
          { label: 'Status', value: r => statusBadge(r.status) },
          { label: 'Started', value: r => fmt.time(r.started_at) },
          { label: 'Duration', value: r => fmt.ms(r.duration_ms), class: 'num' },
          { label: 'Spans', value: r => fmt.int(r.span_count), class: 'num' },
          { label: 'Tokens', value: r => fmt.int(r.tokens.total), class: 'num' },
          { label: 'Cost', value: r => fmt.usd(r.cost_usd), class: 'num' },
        ], detail.traces, { rowHref: r => `/interactions/${encodeURIComponent(r.id)}`, emptyText: 'No trace names this session yet (traces join it with "session_id").' }),
        detail.traces_truncated ? h('p', { class: 'truncated' }, `Showing the first ${detail.traces.length}; the totals count all ${fmt.int(t.traces)}.`) : null),
      { wide: true, id: 'session-traces' }),
      card(`Tool calls and code generations (${fmt.int(t.tool_calls + t.code_generations)})`, async () => h('div', {},
        table([
          { label: 'Step', value: r => r.tool_name || r.name || r.id },
          { label: 'Kind', value: r => badge(r.kind === 'code_generation' ? 'code generation' : r.kind) },
          { label: 'Status', value: r => r.status ? statusBadge(r.status) : '—' },
          { label: 'Error', value: r => r.error ?? '' },
          { label: 'Started', value: r => fmt.time(r.started_at) },
          { label: 'Duration', value: r => fmt.ms(r.duration_ms), class: 'num' },
          { label: 'Interaction', value: r => h('a', { href: `/interactions/${encodeURIComponent(r.trace_id)}` }, r.trace_id) },
        ], detail.steps, { emptyText: 'No tool calls or code generations in this session.' }),
        detail.steps_truncated ? h('p', { class: 'truncated' }, `Showing the first ${detail.steps.length}; the totals count all of them.`) : null),
      { wide: true, id: 'session-steps' }))));
}

/** Traces and steps in time order, each a bar on the session's time axis. */
function timeline(detail) {
  const s = detail.session;
  const items = [
    ...detail.traces.map(r => ({ at: r.started_at, end: r.ended_at, kind: 'trace', label: r.name || r.id, status: r.status, trace: r.id, ms: r.duration_ms })),
    ...detail.steps.map(r => ({ at: r.started_at, end: r.ended_at, kind: r.kind, label: r.tool_name || r.name || r.id, status: r.status, trace: r.trace_id, ms: r.duration_ms })),
  ].filter(i => i.at).sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  if (!items.length) return empty('Nothing recorded in this session yet: its traces and tool calls show here as they arrive.');
  const times = items.flatMap(i => [Date.parse(i.at), i.end ? Date.parse(i.end) : Date.parse(i.at)]);
  if (s.started_at) times.push(Date.parse(s.started_at));
  if (s.ended_at) times.push(Date.parse(s.ended_at));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const span = Math.max(1, t1 - t0);
  return h('ol', { class: 'timeline', 'aria-label': 'Session timeline' }, items.map(i => {
    const start = Date.parse(i.at), end = i.end ? Date.parse(i.end) : start;
    const left = ((start - t0) / span) * 100, width = Math.max(0.3, ((end - start) / span) * 100);
    const kindLabel = i.kind === 'code_generation' ? 'code gen' : i.kind;
    return h('li', {},
      h('span', { class: 'offset', title: fmt.time(i.at) }, `+${fmt.ms(start - t0)}`),
      h('span', { class: 'kind' }, badge(kindLabel, i.status === 'error' ? 'bad' : ''), ),
      h('span', { class: 'what' }, h('a', { href: `/interactions/${encodeURIComponent(i.trace)}`, title: i.label }, i.label)),
      h('span', { class: 'lane', 'aria-hidden': 'true' },
        h('span', { class: `bar ${i.kind}${i.status === 'error' ? ' error' : ''}`, style: { left: `${Math.min(left, 99.7)}%`, width: `${Math.min(width, 100 - Math.min(left, 99.7))}%` } })),
      h('span', { class: 'dur' }, fmt.ms(i.ms)));
  }));
}

/** New data may extend an open session: reload it. */
export function onData(ctx) {
  if (ctx.isCurrent() && ctx.main.dataset.sessionStatus === 'open') render(ctx);
}
