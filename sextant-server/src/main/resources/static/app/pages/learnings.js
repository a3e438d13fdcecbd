// Learnings (`/learnings`): the workspace's learnings — statement, agent, status, applications,
// application success rate with its Wilson interval, the confidence (Beta posterior mean, 95%
// credible interval) with its trend direction, and the difference from the agent's baseline with
// its Newcombe interval and Fisher p — filtered by `?agent=` and `?status=`, paged by `?page=`;
// the recommendations (best tool and model per task type, learnings recommended for wider use);
// and the "New learning" form. GET /api/v1/learnings, /api/v1/learnings/recommendations,
// POST /api/v1/learnings.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, empty, badge } from '../ui.js';
import { sortableTable } from '../sortable-table.js';
import { formDialog, named, numberOrText, notice } from '../admin-forms.js';
import { useLearningStyles, learningHref, rate, difference, direction, statusBadge, confidence, points, pText, rateText }
  from './learnings-common.js';

const PAGE_SIZE = 50;
const STATUSES = ['active', 'retired'];

export async function render(ctx) {
  useLearningStyles();
  ctx.title('Learnings');
  const agent = ctx.query.get('agent') || '';
  const status = STATUSES.includes(ctx.query.get('status')) ? ctx.query.get('status') : '';
  const pageNo = Math.max(1, Number.parseInt(ctx.query.get('page') || '1', 10) || 1);
  const writer = ctx.can('config:write');
  const said = notice();
  said.id = 'learnings-notice';

  const create = h('button', { class: 'btn small primary', id: 'new-learning', type: 'button', onclick: async () => {
    const created = await newLearning(agent);
    if (created?.id) {
      fill(said, 'Created ', h('a', { href: learningHref(created.id), id: 'created-learning' }, created.id), '.');
      said.className = 'notice good';
      list.reload();
    }
  } }, 'New learning');

  const agentSelect = h('select', { id: 'learning-agent', onchange: () => ctx.setQuery({ agent: agentSelect.value, page: null }, { push: true }) },
    h('option', { value: '' }, 'All agents'), agent ? h('option', { value: agent, selected: true }, agent) : null);
  const statusSelect = h('select', { id: 'learning-status', onchange: () => ctx.setQuery({ status: statusSelect.value, page: null }, { push: true }) },
    h('option', { value: '' }, 'Any status'), STATUSES.map(s => h('option', { value: s, selected: s === status }, s)));
  // the agents that have learnings, for the picker (the list itself asks the API with the filters)
  api('/learnings', { params: { page_size: 200 } }).then(all => {
    const agents = [...new Set((all.learnings || []).map(l => l.agent_id).filter(Boolean))].sort();
    if (agent && !agents.includes(agent)) agents.unshift(agent);
    fill(agentSelect, h('option', { value: '' }, 'All agents'), agents.map(a => h('option', { value: a, selected: a === agent }, a)));
  }).catch(() => { /* the picker keeps the current choice; the list card shows any failure */ });

  const list = card('Learnings', async () => {
    const answer = await api('/learnings', { params: { agent_id: agent, status, page: pageNo, page_size: PAGE_SIZE } });
    const rows = answer.learnings || [];
    const pager = (pageNo > 1 || rows.length === PAGE_SIZE) ? h('div', { class: 'pager' },
      h('button', { class: 'btn small', type: 'button', disabled: pageNo <= 1, onclick: () => ctx.setQuery({ page: pageNo > 2 ? pageNo - 1 : null }, { push: true }) }, '← Newer'),
      h('span', { class: 'muted' }, `page ${pageNo}`),
      h('button', { class: 'btn small', type: 'button', disabled: rows.length < PAGE_SIZE, onclick: () => ctx.setQuery({ page: pageNo + 1 }, { push: true }) }, 'Older →'))
      : null;
    if (!rows.length) {
      return h('div', {}, empty(agent || status
        ? `No ${status || ''} learnings${agent ? ` of ${agent}` : ''}${pageNo > 1 ? ' on this page' : ''}.`
        : 'No learnings yet. A learning is a pattern with its evidence (from the context patterns, say); agents apply it in traces '
          + 'and its confidence follows the outcomes. Create one with "New learning" or POST /api/v1/learnings (docs/API.md, "Learnings").'), pager);
    }
    return h('div', {}, learningTable(rows), pager,
      h('p', { class: 'muted small' }, 'Newest first; click a column to sort. Success rate: of the applications with an outcome, with its 95% '
        + 'Wilson interval. Confidence: the mean of the Beta posterior (prior from the evidence) with its 95% credible interval; the arrow is '
        + 'its direction over the last 4 weeks. Against baseline: application success rate − the agent\'s rate in traces without it, 95% '
        + 'Newcombe interval, Fisher\'s exact p — an association, not proof of cause (agents choose when to apply a learning).'));
  }, { wide: true, id: 'learnings-list', actions: create });

  const recommendations = card('Recommendations', () => recommendationsBlock(agent), { wide: true, id: 'learnings-recommendations' });

  fill(ctx.main, h('div', { class: 'admin-page learnings-page' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Learnings'),
        h('p', { class: 'muted' }, 'Patterns agents apply, how often applying them succeeded, and how confident the evidence makes us.')),
      writer ? null : h('span', { class: 'muted', id: 'read-only-note' }, 'Read-only: creating and retiring learnings needs config:write.')),
    h('div', { class: 'filters', role: 'group', 'aria-label': 'Filters' },
      h('label', { for: 'learning-agent' }, 'Agent'), agentSelect,
      h('label', { for: 'learning-status' }, 'Status'), statusSelect),
    said, h('div', { class: 'grid' }, list, recommendations)));
}

function learningTable(rows) {
  const a = l => l.applications;
  return sortableTable([
    { label: 'Statement', value: l => h('a', { href: learningHref(l.id), class: 'statement' }, l.statement), sort: l => l.statement },
    { label: 'Agent', value: l => l.agent_id ?? h('span', { class: 'muted' }, 'any'), sort: l => l.agent_id },
    { label: 'Status', value: l => statusBadge(l.status), sort: l => l.status },
    { label: 'Applications', class: 'num', title: 'successes / failures / pending', value: l => h('span',
      { dataset: { metric: 'applications', value: String(a(l).total) }, title: `${a(l).successes} succeeded, ${a(l).failures} failed, ${a(l).pending} pending` },
      fmt.int(a(l).total), h('span', { class: 'muted small' }, ` (${a(l).successes}✓ ${a(l).failures}✗${a(l).pending ? ` ${a(l).pending}…` : ''})`)),
    sort: l => a(l).total },
    { label: 'Success rate (95% CI)', class: 'num', value: l => rate('success_rate', a(l).success_rate, a(l).ci_low, a(l).ci_high,
      a(l).successes + a(l).failures), sort: l => a(l).success_rate },
    { label: 'Confidence (95% credible), trend', class: 'num', value: l => h('span', {}, confidence(l.confidence),
      h('span', { class: 'n' }, direction(l.confidence.direction))), sort: l => l.confidence.value },
    { label: 'Against baseline (95% CI, p)', class: 'num', value: l => h('span', {},
      difference('difference', l.difference.value, l.difference.ci_low, l.difference.ci_high, l.difference.p_value),
      l.baseline?.success_rate === null || l.baseline?.success_rate === undefined ? null
        : h('span', { class: 'muted n' }, `baseline ${rateText(l.baseline.success_rate, l.baseline.ci_low, l.baseline.ci_high)}, n = ${fmt.int(l.baseline.traces)}`)),
    sort: l => l.difference.value },
  ], rows, { id: 'learnings-table', rowAttrs: l => ({ dataset: { learning: l.id } }) });
}

async function recommendationsBlock(agent) {
  const r = await api('/learnings/recommendations', { params: { agent_id: agent } });
  const rows = [];
  for (const t of r.tasks || []) {
    for (const pick of ['tool', 'model']) if (t[pick]) rows.push({ task: t.task_type, pick, c: t[pick] });
  }
  const side = x => (x ? h('span', {}, h('b', { class: 'name' }, x.name), h('br'),
    h('span', { class: 'rate' }, rateText(x.success_rate, x.ci_low, x.ci_high)), h('span', { class: 'muted n' }, `n = ${fmt.int(x.traces)}`))
    : h('span', { class: 'muted' }, 'none'));
  const tasks = rows.length ? sortableTable([
    { label: 'Task type', value: x => x.task, sort: x => x.task },
    { label: 'Pick', value: x => x.pick, sort: x => x.pick },
    { label: 'Verdict', value: x => {
      const b = badge(x.c.verdict === 'recommended' ? 'recommended' : 'no clear winner', x.c.verdict === 'recommended' ? 'good' : '');
      b.dataset.verdict = x.c.verdict;
      return b;
    }, sort: x => x.c.verdict },
    { label: 'Best (success, 95% CI)', value: x => side(x.c.best), sort: x => x.c.best?.success_rate },
    { label: 'Runner-up', value: x => side(x.c.runner_up), sort: x => x.c.runner_up?.success_rate },
    { label: 'Difference (95% CI)', class: 'num', value: x => (x.c.difference === null || x.c.difference === undefined
      ? h('span', { class: 'muted' }, x.c.runner_up ? '—' : 'no runner-up with enough traces')
      : h('span', { dataset: { metric: 'difference', value: String(x.c.difference) } }, points(x.c.difference),
        h('span', { class: 'muted' }, ` (${points(x.c.ci_low)} to ${points(x.c.ci_high)})`))), sort: x => x.c.difference },
    { label: 'p (Holm-adjusted)', class: 'num', value: x => (x.c.p_value === null || x.c.p_value === undefined ? '—'
      : h('span', {}, pText(x.c.p_value), h('span', { class: 'muted n' }, `adjusted ${pText(x.c.p_value_adjusted).replace('p ', '').replace('= ', '')}`))),
    sort: x => x.c.p_value_adjusted },
  ], rows, { id: 'recommendations-table', rowAttrs: x => ({ dataset: { task: x.task, pick: x.pick, verdict: x.c.verdict } }) })
    : empty('No task type has traces with tools or models yet: a task type is the trace\'s metadata.task_type or its most confident intent.');
  const wider = (r.learnings || []).length
    ? h('ul', { class: 'wider', id: 'wider-use' }, r.learnings.map(l => h('li', { dataset: { learning: l.id } },
      h('a', { href: learningHref(l.id) }, l.statement), ' ',
      h('span', { class: 'muted' }, `${l.agent_id ? `${l.agent_id} · ` : ''}confidence ${rateText(l.confidence, l.ci_low, l.ci_high)}, `),
      direction(l.direction),
      h('span', { class: 'muted' }, `, ${fmt.int(l.outcomes)} outcomes, success ${fmt.pct(l.success_rate)}, `
        + `${points(l.difference_from_baseline)} against baseline (${pText(l.p_value)})`))))
    : h('p', { class: 'muted', id: 'wider-use' }, 'None yet: a learning is recommended for wider use when its confidence is at least 75%, '
      + 'rising, with at least 10 outcomes.');
  return h('div', {},
    h('h3', {}, 'Best tool and model per task type'),
    h('p', { class: 'muted small' }, `All time${agent ? `, agent ${agent}` : ''}. Candidates with at least ${fmt.int(r.min_traces)} traces; the best `
      + `against the runner-up by Fisher's exact test, p-values adjusted together by ${r.correction === 'holm' ? 'Holm' : r.correction}, `
      + `recommended when the adjusted p is below ${r.alpha}.`),
    tasks,
    h('h3', {}, 'Learnings recommended for wider use'), wider);
}

/** The "New learning" dialog (POST /api/v1/learnings); the API's field errors appear under their fields. */
function newLearning(agent) {
  const id = h('input', { autocomplete: 'off', placeholder: 'generated when empty' });
  const statement = h('textarea', { rows: 2, placeholder: 'Acknowledge the problem in the first sentence' });
  const agentId = h('input', { autocomplete: 'off', value: agent || '', placeholder: 'e.g. support-bot' });
  const pattern = h('textarea', { class: 'json', rows: 3, spellcheck: 'false' }, '{"items": []}');
  const num = () => h('input', { autocomplete: 'off', inputmode: 'decimal' });
  const support = num(), conf = num(), lift = num(), n = h('input', { autocomplete: 'off', inputmode: 'numeric' });
  const source = h('input', { autocomplete: 'off', placeholder: 'manual' });
  const initial = num();
  const content = h('div', { class: 'learning-form' },
    named('statement', 'Statement', statement, 'Required, at most 2000 characters.'),
    h('div', { class: 'row' }, named('id', 'Id', id, 'Optional; letters, digits, . _ : -'), named('agent_id', 'Agent', agentId),
      named('initial_confidence', 'Initial confidence', initial, '0 to 1')),
    named('pattern', 'Pattern (JSON)', pattern, 'A JSON object or array, stored as given.'),
    h('fieldset', { dataset: { field: 'evidence' } }, h('legend', {}, 'Evidence (optional)'),
      h('div', { class: 'row' }, named('evidence.support', 'Support', support, '0 to 1'), named('evidence.confidence', 'Confidence', conf, '0 to 1'),
        named('evidence.lift', 'Lift', lift, '≥ 0'), named('evidence.n', 'n', n, 'whole number'), named('evidence.source', 'Source', source))));
  return formDialog('New learning', content, {
    submitLabel: 'Create', wide: true, testid: 'new-learning',
    onSubmit: async () => {
      const body = { statement: statement.value.trim() };
      let parsed;
      try { parsed = JSON.parse(pattern.value); } catch { parsed = pattern.value; } // the API names what is wrong with it
      body.pattern = parsed;
      if (id.value.trim()) body.id = id.value.trim();
      if (agentId.value.trim()) body.agent_id = agentId.value.trim();
      if (initial.value.trim()) body.initial_confidence = numberOrText(initial.value);
      const evidence = {};
      for (const [k, input] of [['support', support], ['confidence', conf], ['lift', lift], ['n', n]]) {
        if (input.value.trim()) evidence[k] = numberOrText(input.value);
      }
      if (source.value.trim()) evidence.source = source.value.trim();
      if (Object.keys(evidence).length) body.evidence = evidence;
      try {
        return await api('/learnings', { method: 'POST', body });
      } catch (e) {
        throw pointed(e);
      }
    },
  });
}

/** Errors inside `evidence` carry a JSON pointer (/evidence/confidence): place them under that field. */
function pointed(e) {
  if (!(e instanceof ApiError) || !Array.isArray(e.problem?.errors)) return e;
  for (const err of e.problem.errors) {
    if (err.pointer && err.pointer.startsWith('/')) err.field = err.pointer.slice(1).replaceAll('/', '.');
  }
  return e;
}
