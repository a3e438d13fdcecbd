// Agent topology: which agent calls or hands off to which (GET /api/v1/analytics/topology), as a
// layered graph with volumes, cost and failure rates on the edges, plus the same edges and agents
// as tables for keyboard and screen-reader users. The focus agent lives in the URL (?focus=).
import { api } from '../api.js';
import { h, fill, fmt, card, empty } from '../ui.js';
import { chart } from '../charts.js';

const KIND_LABEL = { calls: 'calls', hands_off: 'hands off to' };

function css(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function useStyles() {
  if (document.getElementById('topology-css')) return;
  document.head.append(h('link', { id: 'topology-css', rel: 'stylesheet', href: '/app/topology.css' }));
}

/** The page's own links keep the range. */
function withRange(ctx, path) {
  return `${path}?range=${encodeURIComponent(ctx.range.key)}`;
}

function agentHref(ctx, id) {
  return withRange(ctx, `/agents/${encodeURIComponent(id)}`);
}

/** Failure rate → the colour of the edge: good under 2%, warn under 10%, bad from there. */
function failureColour(rate) {
  if (rate === null || rate === undefined) return css('--muted', '#888');
  if (rate < 0.02) return css('--good', '#1e8a4c');
  if (rate < 0.10) return css('--warn', '#b7791f');
  return css('--bad', '#c43d3d');
}

/**
 * Positions: each connected group of agents gets its own band, top to bottom by volume; inside a
 * band, agents nobody calls are on the left and every other agent one step right of its deepest
 * caller (calls and hand-offs both count; a cycle is cut where it closes). Agents without any
 * edge share the last row.
 */
function positions(nodes, edges) {
  const out = new Map();
  const neighbours = new Map(nodes.map(n => [n.agent_id, new Set()]));
  for (const e of edges) {
    if (!out.has(e.source)) out.set(e.source, []);
    out.get(e.source).push(e.target);
    neighbours.get(e.source)?.add(e.target);
    neighbours.get(e.target)?.add(e.source);
  }
  const seen = new Set();
  const groups = [];
  const singles = [];
  for (const n of nodes) { // nodes come by invocations, so the busiest group is drawn first
    if (seen.has(n.agent_id)) continue;
    const group = [];
    const stack = [n.agent_id];
    seen.add(n.agent_id);
    while (stack.length) {
      const id = stack.pop();
      group.push(id);
      for (const m of neighbours.get(id) || []) if (!seen.has(m)) { seen.add(m); stack.push(m); }
    }
    if (group.length === 1) singles.push(group[0]); else groups.push(group);
  }
  const incoming = new Set(edges.map(e => e.target));
  const at = new Map();
  let top = 0;
  for (const group of groups) {
    const depth = new Map(group.map(id => [id, 0]));
    const visit = (id, d, path) => {
      if (path.has(id)) return;
      if (d > depth.get(id)) depth.set(id, d);
      path.add(id);
      for (const t of out.get(id) || []) visit(t, d + 1, path);
      path.delete(id);
    };
    const roots = group.filter(id => !incoming.has(id));
    for (const r of roots.length ? roots : group.slice(0, 1)) visit(r, 0, new Set());
    const rows = new Map();
    for (const id of group) {
      const d = depth.get(id);
      const row = rows.get(d) ?? 0;
      rows.set(d, row + 1);
      at.set(id, [d * 280, top + row * 110]);
    }
    top += Math.max(...rows.values()) * 110 + 40;
  }
  singles.forEach((id, i) => at.set(id, [i * 280, top]));
  return at;
}

function nodeTooltip(n) {
  if (!n.invocations) {
    return `<b>${escape(n.agent_id)}</b><br/>received hand-offs; never ran in these traces`;
  }
  return `<b>${escape(n.agent_id)}</b><br/>${fmt.int(n.invocations)} invocations in ${fmt.int(n.traces)} traces`
    + `<br/>error rate ${fmt.pct(n.error_rate)}<br/>p50 ${fmt.ms(n.p50_duration_ms)} · p95 ${fmt.ms(n.p95_duration_ms)}`
    + `<br/>own cost ${fmt.usd(n.cost_usd)}`;
}

function edgeTooltip(e) {
  const received = e.kind === 'hands_off' ? `<br/>${fmt.int(e.received)} followed by a run of ${escape(e.target)}` : '';
  return `<b>${escape(e.source)}</b> ${KIND_LABEL[e.kind]} <b>${escape(e.target)}</b>`
    + `<br/>${fmt.int(e.count)} times in ${fmt.int(e.traces)} traces${received}`
    + `<br/>failure rate ${fmt.pct(e.failure_rate)} (${fmt.int(e.failures)})`
    + `<br/>p95 ${fmt.ms(e.p95_duration_ms)} · cost ${fmt.usd(e.cost_usd)}`;
}

/** ECharts tooltips take HTML: every name from the data is escaped. */
function escape(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function drawGraph(ctx, el, topology) {
  const { nodes, edges } = topology;
  const at = positions(nodes, edges);
  const maxInv = Math.max(1, ...nodes.map(n => n.invocations));
  const maxCount = Math.max(1, ...edges.map(e => e.count));
  const data = nodes.map(n => {
    const [x, y] = at.get(n.agent_id);
    return {
      id: n.agent_id, name: n.agent_id, x, y, value: n.invocations,
      symbolSize: n.invocations ? 22 + 38 * Math.sqrt(n.invocations / maxInv) : 18,
      itemStyle: n.invocations
        ? { color: css('--accent', '#3b6fd8') }
        : { color: css('--panel', '#fff'), borderColor: css('--muted', '#888'), borderType: 'dashed', borderWidth: 2 },
      label: { show: true, position: 'bottom', color: css('--text', '#1d2330') },
      tooltip: { formatter: () => nodeTooltip(n) },
      raw: n,
    };
  });
  const pairs = new Set(edges.map(e => `${e.source}\u0000${e.target}`));
  // a call and a hand-off between the same two agents bend apart, so does a reverse edge, and a
  // call that jumps over a layer bends below the agents in between
  const curve = e => {
    if (e.kind === 'hands_off') return 0.3;
    if (pairs.has(`${e.target}\u0000${e.source}`)) return 0.15;
    const [sx, sy] = at.get(e.source), [tx, ty] = at.get(e.target);
    return sy === ty && Math.abs(tx - sx) > 280 ? -0.25 : 0;
  };
  const links = edges.map(e => ({
    source: e.source, target: e.target, value: e.count,
    lineStyle: {
      width: 1.5 + 7 * Math.sqrt(e.count / maxCount), color: failureColour(e.failure_rate),
      type: e.kind === 'hands_off' ? 'dashed' : 'solid',
      curveness: curve(e),
      opacity: 0.9,
    },
    label: { show: true, formatter: () => fmt.compact(e.count), color: css('--text', '#1d2330'), fontSize: 12 },
    tooltip: { formatter: () => edgeTooltip(e) },
  }));
  const instance = chart(el, {
    tooltip: { trigger: 'item', confine: true },
    series: [{
      type: 'graph', layout: 'none', roam: true, draggable: false, data, links,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: [0, 10],
      emphasis: { focus: 'adjacency', lineStyle: { width: 6 } },
      left: 80, right: 80, top: 40, bottom: 50,
    }],
  });
  instance.on('click', p => {
    if (p.dataType === 'node' && p.data.raw.invocations) ctx.navigate(agentHref(ctx, p.data.id));
  });
  return instance;
}

function legend() {
  const swatch = (cls, label) => h('span', { class: 'topo-key' }, h('span', { class: `topo-line ${cls}`, 'aria-hidden': 'true' }), label);
  return h('div', { class: 'topo-legend muted', 'aria-label': 'Legend' },
    swatch('calls', 'calls (solid)'), swatch('hands-off', 'hands off (dashed)'),
    swatch('good', 'failures < 2%'), swatch('warn', '2–10%'), swatch('bad', '≥ 10%'),
    h('span', { class: 'topo-key' }, 'node size: invocations · edge width: count · dashed circle: a hand-off target that never ran'));
}

function edgeTable(ctx, edges, nodes) {
  // hand-off targets that never ran (a human queue, say) have no agent page
  const ran = new Set(nodes.filter(n => n.invocations).map(n => n.agent_id));
  const link = id => ran.has(id) ? h('a', { href: agentHref(ctx, id) }, id) : h('span', {}, id);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'data-testid': 'topology-edges' },
    h('caption', { class: 'muted' }, 'Every edge of the graph, most frequent first'),
    h('thead', {}, h('tr', {}, ['From', 'Edge', 'To', 'Count', 'Traces', 'Failure rate', 'p95', 'Cost of the callee']
      .map((l, i) => h('th', { scope: 'col', class: i >= 3 ? 'num' : null }, l)))),
    h('tbody', {}, edges.map(e => h('tr', { dataset: { edge: `${e.source}|${e.kind}|${e.target}` } },
      h('td', {}, link(e.source)),
      h('td', {}, e.kind === 'hands_off' ? 'hands off to' : 'calls'),
      h('td', {}, link(e.target)),
      h('td', { class: 'num', dataset: { col: 'count' } }, fmt.int(e.count)),
      h('td', { class: 'num' }, fmt.int(e.traces)),
      h('td', { class: 'num' }, h('span', { style: { color: failureColour(e.failure_rate) } }, fmt.pct(e.failure_rate))),
      h('td', { class: 'num' }, fmt.ms(e.p95_duration_ms)),
      h('td', { class: 'num' }, fmt.usd(e.cost_usd)))))));
}

function nodeTable(ctx, nodes) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'data-testid': 'topology-agents' },
    h('thead', {}, h('tr', {}, ['Agent', 'Invocations', 'Traces', 'Error rate', 'p50', 'p95', 'Own cost']
      .map((l, i) => h('th', { scope: 'col', class: i ? 'num' : null }, l)))),
    h('tbody', {}, nodes.map(n => h('tr', {},
      h('td', {}, n.invocations ? h('a', { href: agentHref(ctx, n.agent_id) }, n.agent_id)
        : h('span', { title: 'received hand-offs but never ran in these traces' }, n.agent_id, ' ', h('span', { class: 'muted' }, '(hand-off target)'))),
      h('td', { class: 'num' }, fmt.int(n.invocations)),
      h('td', { class: 'num' }, fmt.int(n.traces)),
      h('td', { class: 'num' }, fmt.pct(n.error_rate)),
      h('td', { class: 'num' }, fmt.ms(n.p50_duration_ms)),
      h('td', { class: 'num' }, fmt.ms(n.p95_duration_ms)),
      h('td', { class: 'num' }, fmt.usd(n.cost_usd)))))));
}

const EXAMPLE = JSON.stringify({ batch: [
  { type: 'trace', body: { id: 't-1', agent_id: 'orchestrator', started_at: '2026-11-01T10:00:00Z' } },
  { type: 'span', body: { id: 's-1', trace_id: 't-1', kind: 'agent', name: 'orchestrator' } },
  { type: 'span', body: { id: 's-2', trace_id: 't-1', parent_id: 's-1', kind: 'agent', name: 'writer' } },
  { type: 'span', body: { id: 's-3', trace_id: 't-1', parent_id: 's-2', kind: 'handoff', name: 'to_editor',
    handoff: { triggered: true, reason: 'draft_ready', target: 'editor' } } },
] }, null, 1);

function emptyState(ctx, focus) {
  if (focus) {
    return empty(`${focus} neither calls nor hands off to another agent in the last ${ctx.range.key}.`,
      h('p', {}, h('a', { href: withRange(ctx, '/topology') }, 'Show every agent')));
  }
  return empty(`No multi-agent traces in the last ${ctx.range.key}: no agent called or handed off to another.`,
    h('p', {}, 'The graph draws agents from spans of kind ', h('code', {}, 'agent'), ' (the name is the agent) nested by ',
      h('code', {}, 'parent_id'), ' inside another agent or the trace\'s ', h('code', {}, 'agent_id'),
      ', and from hand-offs (a span or trace with ', h('code', {}, 'handoff.triggered'), ' and a ',
      h('code', {}, 'target'), '). For example, to POST /api/v1/ingest:'),
    h('pre', { class: 'secret topo-example' }, EXAMPLE));
}

export async function render(ctx) {
  useStyles();
  ctx.title('Agent topology');
  const focus = ctx.query.get('focus') || null;
  const select = h('select', { id: 'topology-focus', onchange: () => ctx.setQuery({ focus: select.value || null }) },
    h('option', { value: '' }, 'All agents'));
  const graphBody = h('div', {});
  const tables = h('div', {});
  // the window ends now at every (re)load, so live updates move it along
  const params = () => ({ from: new Date(Date.now() - ctx.range.ms).toISOString(), to: new Date().toISOString(),
    agent_id: focus });

  const graphCard = card('Who calls whom', async () => {
    const topology = await api('/analytics/topology', { params: params() });
    if (!ctx.isCurrent()) return undefined;
    fill(tables, edgesCardOf(topology), agentsCardOf(topology));
    if (!topology.edges.length) return emptyState(ctx, focus);
    const el = h('div', { class: 'chart topo-chart', 'data-testid': 'topology-graph', role: 'img',
      'aria-label': `Graph of ${topology.nodes.length} agents and ${topology.edges.length} edges; the tables below list them` });
    fill(graphBody, el, legend());
    requestAnimationFrame(() => { if (ctx.isCurrent()) drawGraph(ctx, el, topology); });
    return graphBody;
  }, { wide: true, id: 'topology-graph-card' });

  const edgesCardOf = topology => card('Edges', async () => topology.edges.length ? edgeTable(ctx, topology.edges, topology.nodes)
    : empty('No edges to list.'), { wide: true, id: 'topology-edges-card' });
  const agentsCardOf = topology => card('Agents in the graph', async () => topology.nodes.length ? nodeTable(ctx, topology.nodes)
    : empty('No agents ran in the selected traces.'), { wide: true, id: 'topology-agents-card' });

  fill(ctx.main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Agent topology'),
      h('p', { class: 'muted subtitle' }, `Which agent calls or hands off to which in the last ${ctx.range.key}, `
        + 'with volumes, failure rates and cost on the edges. Click an agent for its page.'))),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'topology-focus' }, 'Focus on agent'), select)),
    graphCard, tables);

  // the focus choices: every agent of the unfocused graph, so another can be picked
  try {
    const all = await api('/analytics/topology', { params: { from: ctx.range.from, to: ctx.range.to } });
    if (!ctx.isCurrent()) return;
    const ids = all.nodes.map(n => n.agent_id).sort();
    if (focus && !ids.includes(focus)) ids.unshift(focus);
    for (const id of ids) select.append(h('option', { value: id, selected: id === focus }, id));
  } catch (e) {
    select.append(h('option', { disabled: true }, 'could not load the agents'));
    if (focus) select.append(h('option', { value: focus, selected: true }, focus));
  }

  let pending = null;
  ctx.refresh = () => {
    if (pending) return;
    pending = setTimeout(() => { pending = null; if (ctx.isCurrent()) graphCard.reload(); }, 2000);
  };
  ctx.onCleanup(() => clearTimeout(pending));
}

export function onData(ctx) {
  ctx.refresh?.();
}
