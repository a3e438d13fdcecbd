// Feedback: one score's figures for the range (user_rating by default) — mean and trend over time,
// the distribution, thumbs up/down, groups (by agent, tag, message type), and the themes of the
// comments (terms in most comments, and those that mark low- and high-rated ones).
import { api } from '../api.js';
import { h, fill, fmt, card, table, kpi, badge, empty } from '../ui.js';
import { chart } from '../charts.js';
import { useStyles, csvLink, rangeParams, trendInterval, pValue, reloadOnData, advance, shared } from './costs-common.js';

const GROUPS = [['agent', 'agent'], ['tag', 'tag'], ['message_type', 'message type'], ['none', 'no grouping']];
const DIRECTION = { improving: 'good', declining: 'bad', stable: '' };
const SCORE_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;

export async function render(ctx) {
  ctx.title('Feedback');
  useStyles();
  const range = rangeParams(ctx);
  const typed = ctx.query.get('score');
  const score = typed && SCORE_NAME.test(typed) ? typed : 'user_rating';
  const groupBy = GROUPS.some(([v]) => v === ctx.query.get('group_by')) ? ctx.query.get('group_by') : 'agent';
  const params = () => ({ ...range, score, interval: trendInterval(ctx.range.key), group_by: groupBy === 'none' ? null : groupBy, themes: 10 });

  // one request feeds every block; a failed one is asked again by the next Retry
  const data = shared(() => api('/analytics/feedback', { params: params() }));

  const scoreInput = h('input', { id: 'feedback-score', name: 'score', value: score, size: 14, autocomplete: 'off',
    title: '1-64 letters, digits and _ . : -' });
  const groupSelect = h('select', { id: 'feedback-group' },
    GROUPS.map(([v, l]) => h('option', { value: v, selected: v === groupBy }, l)));
  const scoreError = h('span', { class: 'field-error', role: 'alert' },
    typed && typed !== score ? `“${typed.slice(0, 80)}” is not a score name (1-64 letters, digits and _ . : -); showing user_rating.` : '');
  const controls = h('form', { class: 'filters', 'aria-label': 'Feedback options', onsubmit: e => {
    e.preventDefault();
    if (!SCORE_NAME.test(scoreInput.value.trim())) {
      fill(scoreError, 'A score name is 1-64 letters, digits and _ . : -');
      return;
    }
    ctx.setQuery({ score: scoreInput.value.trim() === 'user_rating' ? null : scoreInput.value.trim() });
  } },
  h('div', { class: 'field' }, h('label', { for: 'feedback-score' }, 'Score name'), scoreInput),
  h('div', { class: 'field' }, h('label', { for: 'feedback-group' }, 'Group by'), groupSelect),
  h('button', { class: 'btn small', type: 'submit' }, 'Show'), scoreError);
  groupSelect.addEventListener('change', () => ctx.setQuery({ group_by: groupSelect.value === 'agent' ? null : groupSelect.value }));

  const rangeText = h('span', {});
  const head = h('div', { class: 'page-head', dataset: { score } },
    h('div', {}, h('h1', {}, 'Feedback'),
      h('p', { class: 'muted' }, rangeText, ` (last ${ctx.range.key}); scores named `,
        h('code', {}, score), ' on the interactions that started in the range.')),
    controls);
  // the exact from/to the request used, for scripts and tests to repeat the query
  const paint = () => {
    Object.assign(head.dataset, { from: range.from, to: range.to });
    rangeText.textContent = `${fmt.time(range.from)} – ${fmt.time(range.to)}`;
  };
  paint();

  const cards = [
    card('Satisfaction', async () => summary(await data(), score), { wide: true, id: 'feedback-summary' }),
    card('Rating over time', async body => overTime(body, await data()), { wide: true, id: 'feedback-trend' }),
    card('Distribution', async body => distribution(body, await data()), { id: 'feedback-distribution',
      actions: csvLink('/analytics/feedback', () => ({ ...params(), table: 'distribution' }), 'rating distribution') }),
    card('Thumbs up / down', async () => thumbs(await data()), { id: 'feedback-thumbs' }),
    groupBy !== 'none' ? card(`By ${GROUPS.find(([v]) => v === groupBy)[1]}`, async body => groups(body, await data(), groupBy), {
      wide: true, id: 'feedback-groups', actions: csvLink('/analytics/feedback', () => ({ ...params(), table: 'groups' }), 'ratings by group') }) : null,
    card('Themes in the comments', async () => themes(await data()), { wide: true, id: 'feedback-themes' }),
    card('Low-rated comments', async () => lowRated(await data()), { wide: true, id: 'feedback-low-rated',
      actions: csvLink('/analytics/feedback', () => ({ ...params(), table: 'low_rated_examples' }), 'low-rated comments') }),
  ].filter(Boolean);
  ctx.main.append(h('div', { class: 'spend-page' }, head, h('div', { class: 'grid' }, cards)));
  ctx.feedbackPage = { cards, range, paint, reset: data.reset };
}

/** New data: ask again, at most every 15 s. */
export function onData(ctx) {
  const f = ctx.feedbackPage;
  if (!f) return;
  reloadOnData(ctx, () => {
    advance(ctx, f.range);
    f.paint();
    f.reset();
    for (const c of f.cards) c.reload();
  });
}

function noFeedback(f, score) {
  return empty(`No “${score}” scores in this range. Send scores named ${score} with a numeric value and a comment `
    + '(and "thumbs" scores with true/false) on your interactions; see docs/API.md "What to send".',
  f.insufficient_data ? h('p', { class: 'small' }, f.insufficient_data) : null);
}

function summary(f, score) {
  if (!f.count) return noFeedback(f, score);
  const trend = f.over_time?.trend;
  const low = (f.distribution || []).filter(d => d.value !== null && d.value <= (f.themes?.low_max ?? 2))
    .reduce((a, d) => a + d.count, 0);
  const mean = kpi('Mean rating', fmt.num(f.mean, 2), undefined, { testid: 'mean-rating', hint: `${f.numeric_count} numeric scores` });
  mean.dataset.value = String(f.mean ?? '');
  return h('div', {},
    h('div', { class: 'kpis' },
      mean,
      kpi('Scores', fmt.int(f.count), undefined, { testid: 'score-count', hint: `${fmt.int(f.numeric_count)} numeric` }),
      kpi(`Low (≤ ${f.themes?.low_max ?? 2})`, f.numeric_count ? fmt.pct(low / f.numeric_count) : '—', undefined,
        { testid: 'low-share', hint: `${fmt.int(low)} of ${fmt.int(f.numeric_count)} numeric scores` }),
      kpi('Thumbs up', f.thumbs?.up_ratio === null || f.thumbs?.up_ratio === undefined ? '—' : fmt.pct(f.thumbs.up_ratio), undefined,
        { testid: 'thumbs-up-ratio', hint: 'up / (up + down)' })),
    trend ? h('p', { id: 'feedback-trend-direction' }, 'Trend: ', badge(trend.direction, DIRECTION[trend.direction] ?? ''), ' ',
      h('span', { class: 'muted small' }, trend.reason ?? '')) : null,
    f.insufficient_data ? h('p', { class: 'muted small' }, f.insufficient_data) : null);
}

function overTime(body, f) {
  const buckets = f.over_time?.buckets || [];
  if (!f.count || !buckets.length) return empty('No scores in this range, so no trend.');
  const el = h('div', { class: 'chart', id: 'feedback-chart', role: 'img', 'aria-label': `Mean ${f.score} and number of scores per ${f.interval}` });
  fill(body, el, h('p', { class: 'muted small' }, `Mean per ${f.interval} (UTC) of the numeric scores; bars: how many scores. `
    + 'An empty bucket has no mean.'));
  chart(el, {
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time' },
    yAxis: [{ type: 'value', name: 'mean', scale: true }, { type: 'value', name: 'scores', splitLine: { show: false } }],
    series: [
      { name: 'Scores', type: 'bar', yAxisIndex: 1, data: buckets.map(b => [b.start, b.count]), itemStyle: { opacity: 0.35 },
        barMaxWidth: 24, tooltip: { valueFormatter: v => fmt.int(v) } },
      { name: 'Mean', type: 'line', connectNulls: false, data: buckets.map(b => [b.start, b.mean]),
        showSymbol: buckets.length < 60, tooltip: { valueFormatter: v => fmt.num(v, 2) } },
    ],
  });
  return undefined;
}

function distribution(body, f) {
  const rows = f.distribution || [];
  if (!rows.length) return empty('No scores in this range.');
  const label = d => (d.category !== null && d.category !== undefined ? d.category : fmt.num(d.value, 2));
  const el = h('div', { class: 'chart', id: 'feedback-distribution-chart', role: 'img', 'aria-label': 'How many scores of each value' });
  fill(body, el, table([
    { label: 'Value', value: label },
    { label: 'Scores', class: 'num', value: d => fmt.int(d.count) },
    { label: 'Share', class: 'num', value: d => fmt.pct(d.count / f.count) },
  ], rows));
  chart(el, {
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map(label) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: 'Scores', data: rows.map(d => d.count), barMaxWidth: 48 }],
  });
  return undefined;
}

function thumbs(f) {
  const t = f.thumbs;
  if (!t || (!t.up && !t.down)) {
    return empty('No thumbs in this range. Send scores named "thumbs" with the value true or false (or 1/0).');
  }
  const total = t.up + t.down;
  return h('div', {},
    h('div', { class: 'thumbs', id: 'thumbs' },
      h('span', {}, h('strong', { dataset: { thumbs: 'up' } }, fmt.int(t.up)), ' up'),
      h('span', {}, h('strong', { dataset: { thumbs: 'down' } }, fmt.int(t.down)), ' down')),
    h('div', { class: 'budget-bar', role: 'img', 'aria-label': `${fmt.pct(t.up_ratio)} thumbs up` },
      h('div', { class: 'budget-fill', style: { width: `${(t.up / total) * 100}%` } })),
    h('p', { class: 'small' }, `${fmt.pct(t.up_ratio)} of ${fmt.int(total)} thumbs are up.`));
}

function groups(body, f, groupBy) {
  const rows = f.groups || [];
  if (!rows.length) return empty(`No scores with a ${groupBy === 'message_type' ? 'message type' : groupBy} in this range.`);
  const el = h('div', { class: 'chart', id: 'feedback-groups-chart', role: 'img', 'aria-label': `Mean rating over time per ${groupBy}` });
  const top = rows.slice(0, 8);
  fill(body, el, table([
    { label: groupBy === 'message_type' ? 'Message type' : groupBy[0].toUpperCase() + groupBy.slice(1),
      value: g => (groupBy === 'agent' && g.key ? h('a', { href: `/agents/${encodeURIComponent(g.key)}` }, g.key) : (g.key ?? '(none)')) },
    { label: 'Scores', class: 'num', value: g => fmt.int(g.count) },
    { label: 'Numeric', class: 'num', value: g => fmt.int(g.numeric_count) },
    { label: 'Mean', class: 'num', value: g => fmt.num(g.mean, 2) },
  ], rows), rows.length > top.length ? h('p', { class: 'muted small' }, `The chart shows the ${top.length} groups with most scores.`) : null);
  chart(el, {
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: v => fmt.num(v, 2) },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true },
    series: top.map(g => ({ name: g.key ?? '(none)', type: 'line', connectNulls: false,
      showSymbol: g.buckets.length < 60, data: g.buckets.map(b => [b.start, b.mean]) })),
  });
  return undefined;
}

function themes(f) {
  const t = f.themes;
  if (!t || !t.comments) return empty('No comments in this range. Themes come from the "comment" of the scores.');
  const list = (title, terms, explain, ranked) => h('section', { class: 'theme-list', 'aria-label': title },
    h('h3', {}, title), h('p', { class: 'muted small' }, explain),
    terms?.length ? terms.map(term => h('div', { class: 'term', dataset: { term: term.term } },
      h('div', { class: 'term-head' }, h('strong', {}, term.term),
        h('span', { class: 'small muted' }, ranked
          ? [`${fmt.int(term.low_comments)} low, ${fmt.int(term.high_comments)} high · G² ${fmt.num(term.g2, 1)}, ${pValue(term.p_value)} `,
            term.significant ? badge('p < 0.05', 'warn') : null]
          : `${fmt.int(term.comments)} comments`)),
      term.examples?.length ? h('ul', { class: 'term-examples' }, term.examples.map(x => h('li', {}, `“${x}”`))) : null))
      : h('p', { class: 'muted small' }, ranked ? (t.reason || 'No term stands out.') : 'No term is in 2 or more comments.'));
  return h('div', {},
    h('p', { class: 'small' }, `${fmt.int(t.comments)} comments${t.capped ? ' (the newest 5000)' : ''}: `
      + `${fmt.int(t.low_rated_comments)} rated ≤ ${t.low_max}, ${fmt.int(t.high_rated_comments)} rated ≥ ${t.high_min}.`),
    h('div', { class: 'themes' },
      list('Most mentioned', t.common, 'The words and word pairs in most comments.', false),
      list('In low-rated comments', t.low_rated, `Found proportionally more often with ratings ≤ ${t.low_max}; the examples are low-rated comments.`, true),
      list('In high-rated comments', t.high_rated, `Found proportionally more often with ratings ≥ ${t.high_min}.`, true)),
    h('p', { class: 'muted small' }, 'Ranked by Dunning\'s log-likelihood ratio (G²); p-values are not corrected for the many terms tested: '
      + 'read them as a ranking, not as proof.'));
}

function lowRated(f) {
  const rows = f.low_rated_examples || [];
  const lowMax = f.themes?.low_max ?? 2;
  if (!rows.length) {
    return empty(f.count ? `No comment with a rating of ${fmt.num(lowMax)} or less in this range.`
      : 'No comments in this range. Low-rated ones (with their interaction) appear here.');
  }
  return h('div', {}, table([
    { label: 'Interaction', value: r => h('a', { href: `/interactions/${encodeURIComponent(r.trace_id)}` }, r.trace_id) },
    { label: 'Rating', class: 'num', value: r => fmt.num(r.value, 2) },
    { label: 'Comment', value: r => r.comment },
    { label: 'Given', value: r => (r.created_at ? fmt.shortTime(r.created_at) : '—') },
  ], rows), h('p', { class: 'muted small' }, `The newest ${rows.length} comments rated ${fmt.num(lowMax)} or less; `
    + 'open one to see what the agent did.'));
}
