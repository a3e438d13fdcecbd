// One agent: its KPIs against the previous period, volume, cost, latency and success over time,
// its tools ranked, its decision points, hand-offs and recent interactions. An agent without any
// data in this workspace (unknown, or another workspace's) gets a clear empty state.
import { api } from '../api.js';
import { h, fill, fmt, table, empty, badge, failure } from '../ui.js';
import { useStyles, period, liveCard, throttledRefresh, kpiTiles, trendChart, rankingChart, pValue, withRange, rangeHolding } from '../figures.js';

export async function render(ctx) {
  useStyles(ctx);
  const id = ctx.params.id;
  ctx.title(`Agent ${id}`);
  const enc = encodeURIComponent(id);
  const head = h('div', { class: 'page-head' },
    h('div', {}, h('p', { class: 'muted crumbs' }, h('a', { href: withRange(ctx, '/agents') }, 'Agents'), ' / '),
      h('h1', { class: 'agent-name' }, id),
      h('p', { class: 'muted subtitle' }, `Last ${ctx.range.key}, changes against the period of the same length before it`)),
    h('a', { class: 'btn', href: `/interactions?agent_id=${enc}` }, 'Interactions of this agent'));

  // Has this workspace ever heard of the agent? (Ids of another workspace are unknown here.)
  let newest;
  try {
    newest = (await api('/interactions', { params: { agent_id: id, page_size: 1 } })).items[0] || null;
  } catch (e) {
    if (!ctx.isCurrent()) return;
    fill(ctx.main, head, failure(e, () => ctx.setQuery({})));
    return;
  }
  if (!ctx.isCurrent()) return;
  if (!newest) {
    fill(ctx.main, head, h('section', { class: 'card wide', 'aria-label': 'No data for this agent' }, h('div', { class: 'state empty', dataset: { testid: 'unknown-agent' } },
      h('p', {}, h('strong', {}, `No data for agent “${id}” in this workspace.`)),
      h('p', {}, 'No interaction of this workspace names this agent_id, at any time. ',
        h('a', { href: '/agents' }, 'See the agents that reported'), '.'))));
    // its first interaction may be on its way: show the agent once it is there (and only then redraw)
    ctx.live = throttledRefresh(ctx, async () => {
      const page = await api('/interactions', { params: { agent_id: id, page_size: 1 } });
      if (page.items.length && ctx.isCurrent()) ctx.setQuery({});
    });
    return;
  }

  const per = period(ctx);
  const filters = { agent_id: id };
  const notice = h('div');
  const longer = rangeHolding(ctx, newest.started_at);
  const kpis = liveCard('Key figures', async () => {
    const { node, stats } = await kpiTiles(per, filters);
    fill(notice, stats.interactions === 0 ? h('div', { class: 'range-notice', role: 'status', dataset: { testid: 'range-empty' } },
      h('strong', {}, `No data for agent “${id}” in the last ${ctx.range.key}.`), ' ',
      `Its newest interaction started ${fmt.ago(newest.started_at)} (${fmt.time(newest.started_at)}).`,
      longer ? h('button', { class: 'btn small', onclick: () => ctx.setQuery({ range: longer === '7d' ? null : longer }) }, `Show the last ${longer}`) : null)
      : null);
    return node;
  }, { wide: true, id: 'kpis' });

  const trend = (title, testid, lines, unit) => liveCard(title,
    body => trendChart(body, per, lines, { unit, filters, testid }), { id: `trend-${testid}` });
  const trends = [
    trend('Volume', 'interactions', [{ metric: 'interactions', name: 'Interactions' }], 'int'),
    trend('Cost', 'cost', [{ metric: 'cost', name: 'Cost' }], 'usd'),
    trend('Latency', 'latency', [{ metric: 'latency_p50', name: 'p50' }, { metric: 'latency_p95', name: 'p95' }], 'ms'),
    trend('Success rate', 'success', [{ metric: 'error_rate', name: 'Success rate', map: v => 1 - v }], 'pct'),
  ];

  fill(ctx.main, head, notice, kpis,
    h('div', { class: 'grid' }, trends,
      liveCard('Tools', body => tools(body, per, filters), { id: 'tools', wide: true }),
      liveCard('Decision points', () => decisions(per, filters), { id: 'decisions', wide: true }),
      liveCard('Hand-offs', () => handoffs(per, filters), { id: 'handoffs' }),
      liveCard('Recent interactions', () => recent(per, filters), { id: 'recent',
        actions: h('a', { href: `/interactions?agent_id=${enc}` }, 'All') })));

  const refreshed = [kpis, ...trends];
  ctx.live = throttledRefresh(ctx, async () => {
    per.advance();
    await Promise.all(refreshed.map(c => c.refresh()));
  });
}

export function onData(ctx) {
  ctx.live?.();
}

// ---- tools -----------------------------------------------------------------------------------
async function tools(body, per, filters) {
  const answer = await api('/analytics/tools', { params: { ...filters, from: per.from, to: per.to, limit: 20 } });
  if (!answer.tools.length) {
    return empty(`No tool calls in the last ${per.key}.`,
      h('p', { class: 'small' }, 'Tool calls are spans of kind ', h('code', {}, 'tool'), ' with a ', h('code', {}, 'tool_name'), '.'));
  }
  const chart = h('div');
  const list = table([
    { label: 'Tool', value: t => t.tool_name ?? '(no name)' },
    { label: 'Calls', class: 'num', value: t => fmt.int(t.calls) },
    { label: 'Success rate', class: 'num', value: t => fmt.pct(t.success_rate) },
    { label: 'Failures', class: 'num', value: t => fmt.int(t.failures) },
    { label: 'p50', class: 'num', value: t => fmt.ms(t.p50_latency_ms) },
    { label: 'p95', class: 'num', value: t => fmt.ms(t.p95_latency_ms) },
    { label: 'Top failure reason', class: 'reason', value: t => t.top_failure_reasons?.[0]
      ? h('span', { title: t.top_failure_reasons[0].example }, `${t.top_failure_reasons[0].pattern} (${fmt.int(t.top_failure_reasons[0].count)})`) : '' },
  ], answer.tools);
  fill(body, h('div', { class: 'two-col' }, h('div', {}, h('h3', {}, 'Calls'), chart), list));
  rankingChart(chart, answer.tools.map(t => ({ name: t.tool_name ?? '(no name)', value: t.calls })),
    { unit: 'int', testid: 'tools', label: 'Tool calls ranked' });
  return undefined;
}

// ---- decisions -------------------------------------------------------------------------------
async function decisions(per, filters) {
  const answer = await api('/analytics/decisions', { params: { ...filters, from: per.from, to: per.to, examples: 3 } });
  if (!answer.points.length) {
    return empty(`No decisions recorded in the last ${per.key}.`,
      h('p', { class: 'small' }, 'Decisions are spans of kind ', h('code', {}, 'decision'), ' with a point, the chosen option and the alternatives.'));
  }
  return table([
    { label: 'Decision point', value: p => p.point ?? '(no point)' },
    { label: 'Decisions', class: 'num', value: p => fmt.int(p.decisions) },
    { label: 'Chosen', value: p => h('span', { class: 'alternatives' }, p.alternatives.slice(0, 6).map(a =>
      badge(`${a.alternative} ${fmt.pct(p.decisions ? a.chosen / p.decisions : null, 0)}`, a.chosen ? '' : 'muted'))) },
    { label: 'Mean confidence', class: 'num', value: p => p.confidence.count ? fmt.num(p.confidence.mean, 2) : '—' },
    { label: `Below ${fmt.num(answer.low_confidence_threshold, 2)}`, class: 'num', value: p => fmt.int(p.low_confidence.count),
      title: 'decisions with a confidence below the threshold' },
    { label: 'Choice vs errors', value: p => outcome(p.outcome_tests?.error) },
    { label: 'Choice vs hand-offs', value: p => outcome(p.outcome_tests?.handoff) },
  ], answer.points);
}

function outcome(test) {
  if (!test) return '—';
  if (test.status !== 'tested') return h('span', { class: 'muted', title: test.reason }, 'too little data');
  return h('span', { title: test.reason }, test.significant ? badge('related', 'warn') : badge('no relation'),
    ` p ${pValue(test.p_value)}`);
}

// ---- hand-offs -------------------------------------------------------------------------------
async function handoffs(per, filters) {
  const a = await api('/analytics/handoffs', { params: { ...filters, from: per.from, to: per.to } });
  if (!a.handoffs) {
    return h('div', {}, stats([['Interactions', fmt.int(a.interactions)], ['Hand-offs', '0']]),
      empty(`No hand-offs in the last ${per.key}.`),
      a.span_only_handoffs ? h('p', { class: 'small muted' }, `${fmt.int(a.span_only_handoffs)} interactions hold a hand-off span between agents inside one run.`) : null);
  }
  const rating = a.after?.comparison?.rating;
  return h('div', {},
    stats([['Hand-offs', fmt.int(a.handoffs)], ['Rate', fmt.pct(a.handoff_rate)],
      ['Time to hand-off p50', fmt.ms(a.time_to_handoff?.p50_ms)], ['p95', fmt.ms(a.time_to_handoff?.p95_ms)]]),
    table([
      { label: 'Reason', value: r => r.reason ?? h('span', { class: 'muted' }, '(not given)') },
      { label: 'Hand-offs', class: 'num', value: r => fmt.int(r.handoffs) },
      { label: 'Share', class: 'num', value: r => fmt.pct(r.share) },
    ], a.by_reason.slice(0, 6)),
    a.by_target.length ? h('p', { class: 'small' }, 'To: ', a.by_target.slice(0, 4).map((t, i) =>
      [i ? ', ' : '', `${t.target ?? '(not given)'} (${fmt.pct(t.share, 0)})`])) : null,
    rating ? h('p', { class: 'small muted' }, 'Ratings after a hand-off: ',
      rating.status === 'tested' ? `${fmt.num(a.after.handed_off.feedback.mean_rating, 2)} against ${fmt.num(a.after.not_handed_off.feedback.mean_rating, 2)} without (${rating.significant ? 'a significant difference' : 'no significant difference'}, p ${pValue(rating.p_value)})`
        : rating.reason) : null);
}

function stats(pairs) {
  return h('div', { class: 'stat-line' }, pairs.map(([k, v]) => h('span', {}, h('span', { class: 'muted' }, `${k} `), h('b', {}, v))));
}

// ---- recent interactions ---------------------------------------------------------------------
async function recent(per, filters) {
  const answer = await api('/interactions', { params: { ...filters, from: per.from, to: per.to, page_size: 10 } });
  return table([
    { label: 'Started', value: t => fmt.shortTime(t.started_at) },
    { label: 'Name', value: t => t.name ?? '' },
    { label: 'Status', value: t => t.status === 'error' ? badge('error', 'bad') : (t.handoff?.triggered ? badge('handed off', 'warn') : badge(t.status ?? 'unset', 'good')) },
    { label: 'Duration', class: 'num', value: t => fmt.ms(t.duration_ms) },
    { label: 'Cost', class: 'num', value: t => fmt.usd(t.cost_usd) },
  ], answer.items, { rowHref: t => `/interactions/${encodeURIComponent(t.id)}`, emptyText: `No interactions in the last ${per.key}.` });
}
