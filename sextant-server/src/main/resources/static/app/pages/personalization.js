// Personalization: per agent, the users' behaviour segments (GET /analytics/personalization/segments),
// each user's weekly activity and rating trend (GET /analytics/personalization/users, paged by its
// cursor), and who customizes configurations (GET /analytics/personalization/customizations, when served).
// The window is the API's default (the 12 weeks before now) unless the URL names a range.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, table, badge, empty, loading, failure, field } from '../ui.js';

const TREND = {
  improving: ['improving', 'good'], declining: ['declining', 'bad'], stable: ['stable', ''],
  insufficient_weeks: ['insufficient (weeks)', ''], insufficient_ratings: ['insufficient (ratings)', ''],
};
const ALL = '*';
/** The frame's ranges (main.js's RANGES; not imported, as main.js is the entry module). */
const RANGE_KEYS = ['1h', '24h', '7d', '30d', '90d'];

export async function render(ctx) {
  usePersonalizationStyles();
  ctx.title('Personalization');
  const window = windowOf(ctx);
  const head = h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Personalization'),
      h('p', { class: 'muted' }, `Users over ${window.label}: how they behave, which segments they form, and whether their ratings improve.`)));
  const body = h('div', {}, loading('Finding the agents with users…'));
  fill(ctx.main, h('div', { class: 'admin-page personalization-page' }, head, body));

  let agents;
  try {
    agents = await agentsByUsers(window);
  } catch (e) {
    fill(body, failure(e, () => ctx.setQuery({})));
    return;
  }
  if (!ctx.isCurrent()) return;
  const wanted = ctx.query.get('agent');
  const agent = wanted === ALL ? null : (wanted ?? agents[0]?.agent_id ?? null);
  const select = h('select', { id: 'personalization-agent', onchange: () => ctx.setQuery({ agent: select.value, cursor: null }, { push: true }) },
    h('option', { value: ALL, selected: agent === null }, 'all agents'),
    agents.map(a => h('option', { value: a.agent_id, selected: a.agent_id === agent }, `${a.agent_id} (${fmt.int(a.users)} users)`)),
    agent !== null && !agents.some(a => a.agent_id === agent) ? h('option', { value: agent, selected: true }, agent) : null);
  const patterns = card('Customization patterns', () => customizations(window.params), { wide: true, id: 'customizations' });
  if (!agents.length && agent === null) {
    fill(body, h('div', { class: 'grid' },
      h('section', { class: 'card wide', id: 'no-users', 'aria-label': 'Users' },
        empty(`No interaction with a user_id in ${window.label}. Send user_id on your traces (the SDK's .user(...), or `
          + '"user_id" in the ingest body) and rate answers with a user_rating score to see users, trends and segments here.')),
      patterns));
    return;
  }
  const params = { ...window.params, agent_id: agent ?? undefined };
  fill(body,
    h('div', { class: 'filters' }, field('Agent', select), userFilter(ctx),
      h('p', { class: 'muted small' }, 'Segments compare like with like within one agent; the agent with the most users is chosen first.')),
    h('div', { class: 'grid' },
      card('Segments', () => segments(params, agent), { wide: true, id: 'segments' }),
      card('Users', () => users(ctx, params), { wide: true, id: 'users' }),
      patterns));
}

function windowOf(ctx) {
  const key = ctx.query.get('range');
  if (RANGE_KEYS.includes(key)) return { params: { from: ctx.range.from, to: ctx.range.to }, label: `the last ${key}` };
  return { params: {}, label: 'the last 12 weeks' };
}

/** The agents with users in the window, most users first (each counted by its own users page's total). */
async function agentsByUsers(window) {
  const to = window.params.to || new Date().toISOString();
  const from = window.params.from || new Date(Date.parse(to) - 84 * 86400e3).toISOString();
  const { agents } = await api('/analytics/agents', { params: { from, to, limit: 100 } });
  const counted = await Promise.all(agents.filter(a => a.agent_id !== null && a.agent_id !== undefined).slice(0, 20).map(async a => {
    const page = await api('/analytics/personalization/users', { params: { ...window.params, agent_id: a.agent_id, limit: 1 } });
    return { agent_id: a.agent_id, users: page.total };
  }));
  return counted.filter(a => a.users > 0).sort((a, b) => b.users - a.users || a.agent_id.localeCompare(b.agent_id));
}

async function segments(params, agent) {
  const r = await api('/analytics/personalization/segments', { params });
  if (!r.segments?.length) {
    return empty(`No segments: ${r.reason || 'not enough users'}.`);
  }
  return h('div', {},
    h('p', { class: 'muted small', id: 'segments-summary' },
      `${fmt.int(r.users)} users${agent ? ` of ${agent}` : ' of all agents'} in ${r.k} segments `
      + `(k by ${r.k_choice === 'silhouette' ? 'the best mean silhouette' : r.k_choice}${r.silhouette === null || r.silhouette === undefined ? '' : `, ${fmt.num(r.silhouette, 3)}`}; k-means++).`),
    h('div', { class: 'segments' }, r.segments.map(s => segment(s, r.features))));
}

function segment(s, features) {
  return h('article', { class: 'segment', dataset: { segment: s.id } },
    h('header', {}, h('h3', {}, s.name), h('span', { class: 'muted' }, `${fmt.int(s.size)} users · ${fmt.pct(s.share)}`)),
    s.traits?.length ? h('p', { class: 'traits' }, s.traits.map(t => badge(t))) : h('p', { class: 'muted small' }, 'Nothing stands out: typical users.'),
    s.recommendations?.length
      ? h('ul', { class: 'recommendations' }, s.recommendations.map(rec => h('li', { dataset: { code: rec.code } }, rec.text)))
      : h('p', { class: 'muted small' }, 'No recommendation for this segment.'),
    h('details', {}, h('summary', {}, 'Centroid'),
      h('table', { class: 'data centroid' }, h('tbody', {}, (features || Object.keys(s.centroid || {}))
        .filter(f => s.centroid && f in s.centroid)
        .map(f => h('tr', {}, h('th', { scope: 'row' }, f.replaceAll('_', ' ')), h('td', { class: 'num' }, centroidValue(f, s.centroid[f]))))))),
    s.sample_users?.length ? h('p', { class: 'muted small sample-users' }, 'Some users: ', s.sample_users.join(', ')) : null);
}

function centroidValue(feature, v) {
  if (v === null || v === undefined) return '—';
  if (feature.endsWith('_share') || feature.startsWith('share_')) return fmt.pct(v);
  return fmt.num(v, 2);
}

async function users(ctx, params) {
  const cursor = ctx.query.get('cursor');
  const user = ctx.query.get('user') || undefined;
  const page = await api('/analytics/personalization/users', { params: { ...params, user_id: user, limit: 50, cursor } });
  if (!page.users.length) {
    return cursor ? empty('No more users.', h('a', { href: withQuery(ctx.query, { cursor: null }) }, 'First page'))
      : empty(user ? `No user “${user}” with this agent in the window.` : 'No user of this agent in the window. Users appear when traces carry a user_id.');
  }
  const rule = page.trend_rule || {};
  const t = table([
    { label: 'User', value: u => h('span', { class: 'user-id' }, u.user_id) },
    { label: 'Agent', value: u => u.agent_id ?? '—' },
    { label: 'Interactions', class: 'num', value: u => fmt.int(u.interactions) },
    { label: 'Mean rating', class: 'num', value: u => (u.mean_rating === null ? '—' : fmt.num(u.mean_rating, 2)) },
    { label: 'Trend', value: u => trendBadge(u.trend) },
    { label: 'Slope / week', class: 'num', value: u => (u.slope === null || u.slope === undefined ? '—' : fmt.num(u.slope, 3)) },
    { label: 'Improvement', class: 'num', title: 'highest weekly mean rating minus the lowest',
      value: u => (u.rating_improvement === null || u.rating_improvement === undefined ? '—' : fmt.num(u.rating_improvement, 2)) },
    { label: 'Weekly rating', value: u => sparkline(u) },
  ], page.users);
  t.id = 'users-table';
  const pager = h('div', { class: 'pager' },
    cursor ? h('a', { class: 'btn small', href: withQuery(ctx.query, { cursor: null }) }, '« First page') : null,
    page.next_cursor ? h('a', { class: 'btn small', rel: 'next', href: withQuery(ctx.query, { cursor: page.next_cursor }) }, 'Next page »') : null,
    h('span', { class: 'muted' }, `${fmt.int(page.users.length)} on this page of ${fmt.int(page.total)} user–agent pairs`));
  return h('div', {}, t, pager,
    h('p', { class: 'muted small' }, `Trend: the least-squares slope of the weekly mean rating, improving above ${rule.threshold ?? 0.001}, `
      + `declining below −${rule.threshold ?? 0.001} rating points per week; it needs more than ${(rule.min_active_weeks ?? 3) - 1} active weeks `
      + `and ${rule.min_rated_weeks ?? 3} rated weeks.`));
}

/** The users table's user filter (`?user=` in the URL, the API's user_id). */
function userFilter(ctx) {
  const input = h('input', { id: 'personalization-user', value: ctx.query.get('user') || '', maxlength: 256, size: 16, placeholder: 'any',
    autocomplete: 'off' });
  const form = h('form', { class: 'inline-filter', role: 'search', 'aria-label': 'Find a user' }, field('User', input),
    h('button', { type: 'submit', class: 'btn small' }, 'Find'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    ctx.setQuery({ user: input.value.trim(), cursor: null }, { push: true });
  });
  return form;
}

function trendBadge(trend) {
  const [label, kind] = TREND[trend] || [trend, ''];
  const el = badge(label, kind);
  el.dataset.trend = trend;
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The weekly mean rating as a small line (rated weeks only), its numbers in the label. */
function sparkline(u) {
  const weeks = (u.weeks || []).filter(w => w.mean_rating !== null && w.mean_rating !== undefined);
  if (weeks.length < 2) return h('span', { class: 'muted small' }, weeks.length ? `one rated week: ${fmt.num(weeks[0].mean_rating, 2)}` : 'no ratings');
  const width = 96;
  const height = 24;
  const times = weeks.map(w => Date.parse(w.week));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const ratings = weeks.map(w => w.mean_rating);
  const lo = Math.min(...ratings);
  const hi = Math.max(...ratings);
  const x = t => 2 + (t1 === t0 ? 0 : (t - t0) / (t1 - t0)) * (width - 4);
  const y = v => height - 3 - (hi === lo ? 0.5 : (v - lo) / (hi - lo)) * (height - 6);
  const points = weeks.map((w, i) => `${x(times[i]).toFixed(1)},${y(w.mean_rating).toFixed(1)}`).join(' ');
  const el = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: `sparkline ${u.trend}`, role: 'img',
    'aria-label': `weekly mean rating: ${weeks.map(w => `${w.week.slice(0, 10)} ${fmt.num(w.mean_rating, 2)}`).join(', ')}` });
  el.append(svg('polyline', { points, fill: 'none', 'stroke-width': 1.5 }));
  const last = weeks.length - 1;
  el.append(svg('circle', { cx: x(times[last]).toFixed(1), cy: y(ratings[last]).toFixed(1), r: 2 }));
  return el;
}

async function customizations(params) {
  let r;
  try {
    r = await api('/analytics/personalization/customizations', { params });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && !e.problem?.errors) {
      return empty('This server does not serve customization patterns yet (GET /api/v1/analytics/personalization/customizations).');
    }
    throw e;
  }
  const rows = r.patterns || [];
  if (!rows.length) {
    return empty('No one in this workspace has customized a configuration in the window: patterns appear when people create '
      + 'configurations or add versions (each changed parameter counts).');
  }
  const types = Object.entries(r.user_types || {}).filter(([, n]) => n > 0);
  return h('div', {},
    types.length ? h('p', { class: 'traits', id: 'user-types' }, types.map(([t, n]) => badge(`${t.replaceAll('_', ' ')}: ${fmt.int(n)}`))) : null,
    table([
      { label: 'Who', value: a => h('span', { class: 'actor' }, a.actor) },
      { label: 'Changes', class: 'num', value: a => fmt.int(a.changes) },
      { label: 'User type', value: a => badge(String(a.user_type).replaceAll('_', ' ')) },
      { label: 'Primary focus', value: a => a.primary_focus ?? '—' },
      { label: 'Changes per section', value: a => Object.entries(a.sections || {}).map(([k, v]) => `${k} ${v}`).join(', ') || '—' },
      { label: 'Last change', value: a => (a.last_change ? fmt.shortTime(a.last_change) : '—') },
    ], rows),
    h('p', { class: 'muted small' }, 'User type by parameters changed in the window: power user over 20, active over 10, moderate over 5, '
      + 'light over 0; the primary focus is the section changed most.'));
}

function withQuery(query, changes) {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') next.delete(k); else next.set(k, v);
  }
  const s = next.toString();
  return `/personalization${s ? `?${s}` : ''}`;
}

function usePersonalizationStyles() {
  if (!document.querySelector('link[data-css="personalization"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/personalization.css', dataset: { css: 'personalization' } }));
  }
  if (!document.querySelector('link[data-css="admin"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/admin.css', dataset: { css: 'admin' } }));
  }
}
