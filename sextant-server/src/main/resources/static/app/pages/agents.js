// Agents: every agent of the workspace in the range (volume, success, hand-offs, latency, cost),
// each linking to its own page, and the volume per agent over time.
import { api } from '../api.js';
import { h, fill, fmt, table, empty } from '../ui.js';
import { useStyles, period, liveCard, throttledRefresh, trendChartByGroup, rankingChart, agentHref } from '../figures.js';

export async function render(ctx) {
  useStyles(ctx);
  ctx.title('Agents');
  const per = period(ctx);
  const list = liveCard('Agents', () => agentsTable(ctx, per), { wide: true, id: 'agents' });
  const volume = liveCard('Interactions per agent', body => trendChartByGroup(body, per, 'interactions', 'agent',
    { unit: 'int', testid: 'agents-volume' }), { id: 'agents-volume' });
  const cost = liveCard('Cost per agent', body => costRanking(body, per), { id: 'agents-cost' });
  fill(ctx.main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Agents'),
      h('p', { class: 'muted subtitle' }, `Every agent that reported interactions in the last ${ctx.range.key}; open one for its details.`))),
    list, h('div', { class: 'grid' }, volume, cost));
  ctx.live = throttledRefresh(ctx, async () => {
    per.advance();
    await Promise.all([list.refresh(), volume.refresh(), cost.refresh()]);
  });
}

export function onData(ctx) {
  ctx.live?.();
}

/** Hand-off rate per agent: the trends' hand-off rate buckets weighted by their interactions. */
async function handoffRates(per) {
  const answer = await api('/analytics/trends', { params: { metric: 'handoff_rate', group_by: 'agent', interval: 'month',
    from: per.from, to: per.to } });
  const rates = new Map();
  for (const s of answer.series) {
    let handoffs = 0, samples = 0;
    for (const b of s.buckets) {
      samples += b.samples;
      handoffs += b.value === null ? 0 : b.value * b.samples;
    }
    rates.set(s.key, samples ? handoffs / samples : null);
  }
  return rates;
}

async function agentsTable(ctx, per) {
  const [answer, rates] = await Promise.allSettled([
    api('/analytics/agents', { params: { from: per.from, to: per.to, limit: 1000 } }),
    handoffRates(per)]);
  if (answer.status === 'rejected') throw answer.reason;
  const agents = answer.value.agents;
  if (!agents.length) {
    return empty(`No agent reported an interaction in the last ${per.key}.`,
      h('p', {}, 'Interactions name their agent in ', h('code', {}, 'agent_id'), '; try a longer range, or see the ',
        h('a', { href: '/' }, 'overview'), ' for how to send data.'));
  }
  const handoff = rates.status === 'fulfilled' ? rates.value : null;
  const link = a => a.agent_id === null ? null : agentHref(ctx, a.agent_id);
  const node = table([
    { label: 'Agent', value: a => a.agent_id ?? h('span', { class: 'muted' }, '(no agent_id)') },
    { label: 'Interactions', class: 'num', value: a => fmt.int(a.executions) },
    { label: 'Success rate', class: 'num', value: a => fmt.pct(a.success_rate) },
    { label: 'Errors', class: 'num', value: a => fmt.int(a.executions - a.successes) },
    { label: 'Hand-off rate', class: 'num', value: a => handoff ? fmt.pct(handoff.get(a.agent_id)) : '—',
      title: 'share of the agent\'s interactions handed off' },
    { label: 'Avg latency', class: 'num', value: a => fmt.ms(a.avg_latency_ms) },
    { label: 'p95 latency', class: 'num', value: a => fmt.ms(a.p95_latency_ms) },
    { label: 'Cost', class: 'num', value: a => fmt.usd(a.total_cost_usd) },
    { label: 'Cost / interaction', class: 'num', value: a => fmt.usd(a.cost_per_execution_usd) },
    { label: 'Cost / success', class: 'num', value: a => fmt.usd(a.cost_per_success_usd) },
  ], agents, { rowHref: link });
  for (const tr of node.querySelectorAll('tbody tr')) {
    const a = agents[tr.sectionRowIndex];
    tr.dataset.agent = a.agent_id ?? '';
  }
  return rates.status === 'rejected'
    ? h('div', {}, node, h('p', { class: 'muted small' }, `Hand-off rates could not be loaded: ${rates.reason?.message || rates.reason}`))
    : node;
}

async function costRanking(body, per) {
  const answer = await api('/analytics/agents', { params: { from: per.from, to: per.to, limit: 1000 } });
  const items = answer.agents.filter(a => Number(a.total_cost_usd) > 0)
    .map(a => ({ name: a.agent_id ?? '(no agent_id)', value: Number(a.total_cost_usd) }))
    .sort((x, y) => y.value - x.value).slice(0, 15);
  if (!items.length) return empty(`No cost recorded in the last ${per.key}.`);
  return rankingChart(body, items, { unit: 'usd', testid: 'agents-cost', label: 'Cost per agent' });
}
