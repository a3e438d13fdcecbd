// Overview: the workspace's KPIs for the range against the previous period, trend charts, firing
// alerts, top insights and budget burn; each block loads (and fails) on its own. A workspace
// without any interaction gets the first steps instead, with snippets for this server.
import { api } from '../api.js';
import { h, fill, fmt, empty, badge, failure } from '../ui.js';
import { useStyles, period, liveCard, throttledRefresh, kpiTiles, trendChart, pValue, agentHref, rangeHolding } from '../figures.js';
import { firstSteps } from '../first-steps.js';

export async function render(ctx) {
  useStyles(ctx);
  ctx.title('Overview');
  // Does the workspace have any interaction at all (not only in this range)? The newest one also
  // tells a range without data where the data is. Asked beside the blocks, not before them (one
  // round trip less); undefined when the question failed (the blocks then say what fails).
  const probe = api('/interactions', { params: { page_size: 1 } })
    .then(page => page.items[0] || null, e => { console.error(e); return undefined; });
  const per = period(ctx);
  const notice = h('div', { class: 'range-notice-slot' });
  const kpis = liveCard('Key figures', async () => {
    const [{ node, stats }, newest] = await Promise.all([kpiTiles(per), probe]);
    fill(notice, stats.interactions === 0 && newest ? rangeEmpty(ctx, newest) : null);
    return node;
  }, { wide: true, id: 'kpis' });

  const trend = (title, id, lines, unit) => liveCard(title,
    body => trendChart(body, per, lines, { unit, testid: id }), { id: `trend-${id}` });
  const trends = [
    trend('Interactions', 'interactions', [{ metric: 'interactions', name: 'Interactions' }], 'int'),
    trend('Cost', 'cost', [{ metric: 'cost', name: 'Cost' }], 'usd'),
    trend('Latency', 'latency', [{ metric: 'latency_p50', name: 'p50' }, { metric: 'latency_p95', name: 'p95' }], 'ms'),
    trend('Error and hand-off rate', 'rates',
      [{ metric: 'error_rate', name: 'Error rate' }, { metric: 'handoff_rate', name: 'Hand-off rate' }], 'pct'),
  ];

  fill(ctx.main, head(ctx), notice, kpis,
    h('div', { class: 'grid' }, trends,
      liveCard('Firing alerts', () => alerts(), { id: 'alerts', actions: h('a', { href: '/alerts' }, 'All alerts') }),
      liveCard('Top insights', () => insights(ctx, per), { id: 'insights' }),
      liveCard('Budget burn', () => budgets(ctx), { id: 'budgets' })));

  const newest = await probe;
  if (!ctx.isCurrent()) return;
  if (newest === null) { // an empty workspace: the first steps instead, until data arrives
    fill(ctx.main, head(ctx), firstSteps(ctx));
    ctx.live = throttledRefresh(ctx, async () => ctx.setQuery({}));
    return;
  }
  const refreshed = [kpis, ...trends];
  ctx.live = throttledRefresh(ctx, async () => {
    per.advance();
    await Promise.all(refreshed.map(c => c.refresh()));
  });
}

/** Live data: the KPI tiles and trend charts follow, at most every 5 s, without blanking. */
export function onData(ctx) {
  ctx.live?.();
}

function head(ctx) {
  return h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Overview'),
      h('p', { class: 'muted subtitle' }, `${ctx.me.workspace.name || ctx.me.workspace.slug} · last ${ctx.range.key}, `
        + 'changes against the period of the same length before it')));
}

function rangeEmpty(ctx, newest) {
  const target = rangeHolding(ctx, newest.started_at);
  return h('div', { class: 'range-notice', role: 'status', dataset: { testid: 'range-empty' } },
    h('strong', {}, `No interactions in the last ${ctx.range.key}.`), ' ',
    `The newest one started ${fmt.ago(newest.started_at)} (${fmt.time(newest.started_at)}). `,
    target ? h('button', { class: 'btn small', onclick: () => ctx.setQuery({ range: target === '7d' ? null : target }) },
      `Show the last ${target}`) : null);
}

// ---- firing alerts ---------------------------------------------------------------------------
const SEVERITY = { critical: 'bad', warning: 'warn', info: '' };

async function alerts() {
  const answer = await api('/alerts', { params: { status: 'firing', page_size: 5 } });
  if (!answer.items.length) {
    return empty('No alert is firing.', h('p', {}, 'Alert rules and budgets raise alerts here; ',
      h('a', { href: '/alerts' }, 'set up a rule'), '.'));
  }
  return h('ul', { class: 'plain-list' }, answer.items.map(a => h('li', { dataset: { alert: a.id } },
    badge(a.severity, SEVERITY[a.severity] ?? ''), ' ',
    h('a', { href: '/alerts' }, a.title),
    h('div', { class: 'muted small' }, `firing since ${fmt.ago(a.started_at)}`,
      a.value === null || a.value === undefined ? '' : ` · value ${fmt.num(a.value, 4)}`,
      a.occurrences > 1 ? ` · seen ${fmt.int(a.occurrences)} times` : '', a.source === 'budget' ? ' · budget' : ''))),
    answer.has_more ? h('li', {}, h('a', { href: '/alerts' }, 'More firing alerts…')) : null);
}

// ---- insights --------------------------------------------------------------------------------
const UNIT = { ratio: v => fmt.pct(v), usd: fmt.usd, ms: fmt.ms, rating: v => fmt.num(v, 2), count: fmt.int };

/** An API link of an insight (/api/v1/interactions?...) as the dashboard page that shows it. */
function dashboardLink(apiLink) {
  if (!apiLink || !apiLink.startsWith('/api/v1/interactions')) return null;
  return apiLink.replace('/api/v1/interactions', '/interactions');
}

async function insights(ctx, per) {
  // A window that ends now, asked by its number of days, is answered from the server's snapshot at
  // once (API.md, Insights); insights compare whole days, so the 1 h range looks at the last day.
  const days = Math.max(1, Math.round(per.ms / 86400e3));
  const answer = await api('/insights', { params: { days, limit: 5 } });
  const over = days === 1 ? 'day' : `${days} days`;
  if (!answer.insights.length) {
    const tested = answer.considered.reduce((n, c) => n + c.tested, 0);
    const skipped = answer.considered.reduce((n, c) => n + c.skipped_too_little_data, 0);
    return empty(`Nothing changed significantly in the last ${over} against the ${over} before.`,
      h('p', { class: 'small' }, `${fmt.int(tested)} comparisons tested, ${fmt.int(skipped)} skipped for too little data`,
        answer.snapshot ? ` (computed ${fmt.ago(answer.computed_at || answer.to)})` : '', '.'));
  }
  return h('ol', { class: 'plain-list insights' }, answer.insights.map(i => {
    const n = i.numbers, show = UNIT[n.unit] || (v => fmt.num(v));
    const where = dashboardLink(i.links?.interactions);
    return h('li', { dataset: { insight: i.kind } },
      h('div', {}, badge(i.severity, i.impact === 'worse' ? 'bad' : 'good'), ' ', i.title),
      h('div', { class: 'muted small' },
        `${show(n.current)} now, ${show(n.baseline)} before`,
        n.change_ratio === null || n.change_ratio === undefined ? '' : ` (${n.change_ratio > 0 ? '+' : ''}${fmt.pct(n.change_ratio)})`,
        ` · adjusted p ${pValue(n.adjusted_p_value)}`,
        where ? [' · ', h('a', { href: where }, 'interactions')] : null,
        i.subject?.agent_id ? [' · ', h('a', { href: agentHref(ctx, i.subject.agent_id) }, `agent ${i.subject.agent_id}`)] : null));
  }));
}

// ---- budgets ---------------------------------------------------------------------------------
const STATE = { ok: 'good', warning: 'warn', exceeded: 'bad' };

async function budgets(ctx) {
  const answer = await api('/budgets');
  if (!answer.budgets.length) {
    return empty('No budget is set.', h('p', {}, ctx.can('config:write')
      ? ['Cap what the workspace, an agent or a model may spend per day, week or month on the ', h('a', { href: '/costs' }, 'Costs'), ' page.']
      : 'A member or admin can set budgets on the Costs page.'));
  }
  const rows = await Promise.all(answer.budgets.map(async b => {
    try {
      return budgetRow(b, b.status || await api(`/budgets/${encodeURIComponent(b.id)}/status`));
    } catch (e) {
      return h('li', {}, h('strong', {}, b.name), failure(e));
    }
  }));
  return h('ul', { class: 'plain-list budgets' }, rows);
}

function budgetRow(b, s) {
  const used = Number(s.used_fraction);
  const p = s.projection || {};
  return h('li', { dataset: { budget: b.id } },
    h('div', { class: 'budget-line' }, h('strong', {}, b.name), h('span', { class: 'muted small' }, ` ${b.scope} · per ${b.period}`),
      ' ', badge(s.state, STATE[s.state] ?? '')),
    h('div', { class: 'burn' },
      h('meter', { min: 0, max: 1, low: 0.8, high: 0.999, optimum: 0, value: Math.min(used, 1),
        'aria-label': `${b.name}: ${fmt.pct(used)} of the budget used` }),
      h('span', { class: 'small' }, `${fmt.usd(s.spent_usd)} of ${fmt.usd(b.amount_usd)} (${fmt.pct(used, 0)})`)),
    h('div', { class: 'muted small' },
      p.predicted_usd === null || p.predicted_usd === undefined
        ? `Projection: ${p.reason || 'not available'}`
        : [`Projected by ${fmt.shortTime(s.period_end)}: ${fmt.usd(p.predicted_usd)} (${fmt.usd(p.lower_usd)}–${fmt.usd(p.upper_usd)}) `,
          p.over_budget ? badge('over budget', 'bad') : null],
      ` · burn ${fmt.usd(s.burn_rate_usd_per_day)}/day`));
}
