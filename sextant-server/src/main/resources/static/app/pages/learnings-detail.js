// One learning (`/learnings/:id`): its statement, evidence and pattern, its figures (applications,
// success rate against the agent's baseline, confidence), the confidence trend chart — the Beta
// posterior mean at the end of every week (`?interval=day` for days) with its 95% credible band —
// the applications (paged by `?page=`, each trace linked to its interaction), and Retire/Reactivate
// (PATCH; config:write — another role sees the server's 403 answer).
// GET /api/v1/learnings/{id}, …/applications, PATCH /api/v1/learnings/{id}.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, empty, failure, badge } from '../ui.js';
import { chart } from '../charts.js';
import { notice } from '../admin-forms.js';
import { useLearningStyles, seg, rate, difference, direction, statusBadge, confidence, rateText } from './learnings-common.js';

const PAGE_SIZE = 25;

export async function render(ctx) {
  useLearningStyles();
  const id = ctx.params.id;
  ctx.title(`Learning ${id}`);
  const interval = ctx.query.get('interval') === 'day' ? 'day' : 'week';
  const pageNo = Math.max(1, Number.parseInt(ctx.query.get('page') || '1', 10) || 1);
  const base = `/learnings/${seg(id)}`;
  let learning;
  try {
    learning = await api(base, { params: { interval: interval === 'week' ? null : interval } });
  } catch (e) {
    if (!ctx.isCurrent()) return;
    if (e instanceof ApiError && e.status === 404) {
      fill(ctx.main, h('div', { class: 'state empty', id: 'learning-not-found' }, h('h1', {}, 'Learning not found in this workspace'),
        h('p', {}, e.detail), h('p', {}, h('a', { href: '/learnings' }, 'All learnings'))));
      return;
    }
    fill(ctx.main, failure(e, () => ctx.setQuery({})));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.title(`${learning.statement} · Learnings`);
  const writer = ctx.can('config:write');
  const said = notice();
  said.id = 'learning-notice';
  const retired = learning.status === 'retired';
  const toggle = h('button', { class: `btn small${retired ? ' primary' : ' danger'}`, type: 'button', id: 'learning-status-toggle',
    onclick: async () => {
      toggle.disabled = true;
      try {
        const changed = await api(base, { method: 'PATCH', body: { status: retired ? 'active' : 'retired' } });
        said.ok(changed.status === 'retired' ? 'Retired: it keeps its figures and leaves the active list and the recommendations.' : 'Reactivated.');
        ctx.setQuery({});
      } catch (e) {
        if (e instanceof ApiError && e.status === 403) {
          said.className = 'notice bad';
          fill(said, `Not allowed (HTTP 403): ${e.detail}`);
        } else {
          said.fail(e);
        }
        toggle.disabled = false;
      }
    } }, retired ? 'Reactivate' : 'Retire');
  const a = learning.applications;
  fill(ctx.main, h('div', { class: 'admin-page learnings-page', dataset: { learning: learning.id, status: learning.status } },
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'muted small crumbs' }, h('a', { href: '/learnings' }, 'Learnings'), ' / ', h('code', {}, learning.id)),
        h('h1', { id: 'learning-statement' }, learning.statement),
        h('div', { class: 'facts' },
          h('span', {}, 'Status ', h('b', { id: 'learning-status' }, statusBadge(learning.status))),
          h('span', {}, 'Agent ', h('b', {}, learning.agent_id
            ? h('a', { href: `/agents/${seg(learning.agent_id)}` }, learning.agent_id) : 'any (the whole workspace)')),
          h('span', { title: fmt.time(learning.created_at) }, 'Created ', h('b', {}, fmt.shortTime(learning.created_at)), ` by ${learning.created_by}`),
          h('span', { title: fmt.time(learning.updated_at) }, 'Updated ', h('b', {}, fmt.ago(learning.updated_at))))),
      h('div', { class: 'head-actions' }, toggle,
        writer ? null : h('p', { class: 'muted small', id: 'read-only-note' }, 'Changing a learning needs config:write.'))),
    said,
    h('div', { class: 'grid' },
      h('section', { class: 'card', id: 'learning-figures', 'aria-label': 'Figures' },
        h('header', { class: 'card-head' }, h('h2', {}, 'Figures')),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Applications'), h('dd', { id: 'learning-applications', dataset: { value: String(a.total) } },
            `${fmt.int(a.total)}: ${fmt.int(a.successes)} succeeded, ${fmt.int(a.failures)} failed, ${fmt.int(a.pending)} pending`),
          h('dt', {}, 'Success rate (95% CI)'), h('dd', { id: 'learning-success' },
            rate('success_rate', a.success_rate, a.ci_low, a.ci_high, a.successes + a.failures, 'outcomes')),
          h('dt', {}, 'Baseline (95% CI)'), h('dd', { id: 'learning-baseline' },
            rate('baseline', learning.baseline.success_rate, learning.baseline.ci_low, learning.baseline.ci_high, learning.baseline.traces, 'traces'),
            h('div', { class: 'muted small' }, `traces of ${learning.baseline.agent_id ?? 'the workspace'} it was not applied to`)),
          h('dt', {}, 'Against baseline'), h('dd', { id: 'learning-difference' }, difference('difference', learning.difference.value,
            learning.difference.ci_low, learning.difference.ci_high, learning.difference.p_value),
          h('div', { class: 'muted small' }, '95% Newcombe interval, Fisher\'s exact p; an association, not proof of cause.')),
          h('dt', {}, 'Confidence (95% credible)'), h('dd', { id: 'learning-confidence' }, confidence(learning.confidence), ' ',
            h('span', { id: 'learning-direction' }, direction(learning.confidence.direction))))),
      evidenceCard(learning),
      h('section', { class: 'card wide', id: 'learning-trend', 'aria-label': 'Confidence trend' },
        h('header', { class: 'card-head' }, h('h2', {}, 'Confidence trend'),
          h('div', { class: 'card-actions' }, h('label', { for: 'trend-interval' }, 'Per '),
            (() => {
              const s = h('select', { id: 'trend-interval', onchange: () => ctx.setQuery({ interval: s.value === 'week' ? null : s.value }) },
                ['week', 'day'].map(v => h('option', { value: v, selected: v === interval }, v)));
              return s;
            })())),
        trendBlock(learning)),
      card('Applications', body => applications(ctx, base, pageNo, body), { wide: true, id: 'learning-applications-card' }))));
  const chartEl = document.getElementById('trend-chart');
  if (chartEl) drawTrend(chartEl, learning);
}

function evidenceCard(l) {
  const e = l.evidence || {};
  const p = l.confidence.prior;
  const row = (label, v) => [h('dt', {}, label), h('dd', {}, v === null || v === undefined ? h('span', { class: 'muted' }, 'not given') : v)];
  return h('section', { class: 'card', id: 'learning-evidence', 'aria-label': 'Evidence and pattern' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Evidence and pattern')),
    h('dl', { class: 'facts' },
      row('Support', e.support === undefined || e.support === null ? null : fmt.pct(e.support)),
      row('Confidence', e.confidence === undefined || e.confidence === null ? null : fmt.pct(e.confidence)),
      row('Lift', e.lift === undefined || e.lift === null ? null : fmt.num(e.lift, 3)),
      row('n', e.n === undefined || e.n === null ? null : fmt.int(e.n)),
      row('Source', e.source),
      row('Initial confidence', l.initial_confidence === undefined || l.initial_confidence === null ? null : fmt.pct(l.initial_confidence)),
      row('Prior', `Beta(${fmt.num(p.alpha, 2)}, ${fmt.num(p.beta, 2)}), mean ${fmt.pct(p.mean)}`)),
    h('h3', {}, 'Pattern'),
    h('pre', { class: 'pattern', id: 'learning-pattern', tabindex: '0', 'aria-label': 'Pattern (JSON)' }, JSON.stringify(l.pattern, null, 2)));
}

function trendBlock(l) {
  const c = l.confidence;
  const trend = c.trend || [];
  if (!trend.length) {
    return h('div', { class: 'card-body' }, empty(`No application with an outcome yet: the confidence is the prior's, ${rateText(c.value, c.ci_low, c.ci_high)}.`));
  }
  const per = c.interval === 'day' ? 'day' : 'week (from Monday, UTC)';
  return h('div', { class: 'card-body' },
    h('div', { class: 'chart', id: 'trend-chart', role: 'img', dataset: { points: String(trend.length) },
      'aria-label': `confidence at the end of each ${c.interval} with its 95% credible band, ${c.direction}; the table below lists the same numbers` }),
    h('p', { class: 'muted small' }, `The Beta posterior mean after each ${per} with applications, cumulatively from the prior `
      + `(${rateText(c.prior.mean)}), with its 95% credible band. Direction: `, direction(c.direction),
    ' — the latest mean against the one 4 buckets earlier (±5 points, at least 5 outcomes since).'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'trend-table' },
      h('caption', { class: 'sr-only' }, 'Confidence trend'),
      h('thead', {}, h('tr', {}, ['Start', 'Successes', 'Failures', 'Pending', 'Confidence (95% credible)'].map((t, i) =>
        h('th', { scope: 'col', class: i ? 'num' : null }, t)))),
      h('tbody', {}, trend.map(p => h('tr', { dataset: { start: p.start } },
        h('td', {}, p.start), h('td', { class: 'num' }, fmt.int(p.successes)), h('td', { class: 'num' }, fmt.int(p.failures)),
        h('td', { class: 'num' }, fmt.int(p.pending)),
        h('td', { class: 'num', dataset: { value: String(p.confidence), ciLow: String(p.ci_low), ciHigh: String(p.ci_high) } },
          rateText(p.confidence, p.ci_low, p.ci_high))))))));
}

function drawTrend(el, l) {
  const trend = l.confidence.trend;
  const labels = trend.map(p => p.start);
  const pct = v => fmt.pct(v, 0);
  el.style.height = '260px';
  chart(el, {
    grid: { left: 56, right: 44, top: 30, bottom: 30 },
    legend: { top: 0, data: ['posterior mean', '95% credible band'] },
    tooltip: { trigger: 'axis', formatter: items => {
      const p = trend[items[0]?.dataIndex ?? 0];
      return `${l.confidence.interval} of ${p.start}<br>confidence ${rateText(p.confidence, p.ci_low, p.ci_high)}`
        + `<br>${p.successes} succeeded, ${p.failures} failed, ${p.pending} pending`;
    } },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: pct } },
    series: [
      { name: '95% credible band (lower)', type: 'line', data: trend.map(p => p.ci_low), stack: 'band', symbol: 'none',
        lineStyle: { opacity: 0 }, silent: true },
      { name: '95% credible band', type: 'line', data: trend.map(p => p.ci_high - p.ci_low), stack: 'band', symbol: 'none',
        lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.25 }, silent: true },
      { name: 'posterior mean', type: 'line', data: trend.map(p => p.confidence), symbolSize: 7, z: 3 },
    ],
  });
}

async function applications(ctx, base, pageNo, body) {
  const answer = await api(`${base}/applications`, { params: { page: pageNo, page_size: PAGE_SIZE } });
  const rows = answer.applications || [];
  const total = answer.total ?? 0;
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pager = total > PAGE_SIZE || pageNo > 1 ? h('div', { class: 'pager', id: 'applications-pager' },
    h('button', { class: 'btn small', type: 'button', disabled: pageNo <= 1, onclick: () => ctx.setQuery({ page: pageNo > 2 ? pageNo - 1 : null }, { push: true }) }, '← Newer'),
    h('span', { class: 'muted' }, `page ${pageNo} of ${last}`),
    h('button', { class: 'btn small', type: 'button', disabled: pageNo >= last, onclick: () => ctx.setQuery({ page: pageNo + 1 }, { push: true }) }, 'Older →'))
    : null;
  if (!rows.length) {
    return h('div', {}, empty(pageNo > 1 ? 'No applications on this page.' : 'Not applied yet. Agents record an application with POST '
      + `/api/v1${base}/applications or a span of kind learning with attributes.learning_id.`), pager);
  }
  const outcome = o => {
    const b = badge(o, o === 'success' ? 'good' : o === 'failure' ? 'bad' : 'warn');
    b.dataset.outcome = o;
    return b;
  };
  const from = (pageNo - 1) * PAGE_SIZE + 1;
  fill(body, h('div', {},
    h('p', { class: 'muted small', id: 'applications-count' }, `${fmt.int(from)}–${fmt.int(from + rows.length - 1)} of ${fmt.int(total)}, newest first.`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'applications-table' },
      h('caption', { class: 'sr-only' }, 'Applications'),
      h('thead', {}, h('tr', {}, ['Trace', 'Outcome', 'Declared', 'Source', 'When'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map(r => h('tr', { dataset: { trace: r.trace_id } },
        h('td', {}, h('a', { href: `/interactions/${seg(r.trace_id)}`, class: 'trace' }, r.trace_id)),
        h('td', {}, outcome(r.outcome)),
        h('td', {}, r.declared_outcome ?? h('span', { class: 'muted' }, 'from the trace')),
        h('td', {}, r.source),
        h('td', { class: 'nowrap' }, h('time', { datetime: r.applied_at, title: fmt.time(r.applied_at) }, fmt.shortTime(r.applied_at)))))))),
    pager));
  return undefined;
}
