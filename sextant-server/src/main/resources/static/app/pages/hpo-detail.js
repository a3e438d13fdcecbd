// One HPO study (`/hpo/:id`): the best configuration and its improvement over the baseline, a
// suggested next trial (any role: suggesting stores nothing), the score over the trials with the
// running best, parameter importance (fANOVA main effects), sensitivity per parameter, and the
// trials. GET /api/v1/hpo/studies/{id}, …/trials, POST …/suggest.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, empty, failure, loading } from '../ui.js';
import { chart } from '../charts.js';
import { sortableTable } from '../sortable-table.js';
import { useHpoStyles, score, paramValue, improvementText, improvementKind, methodBadge, statusBadge, objectiveText } from './hpo-common.js';

export async function render(ctx) {
  useHpoStyles();
  ctx.title('HPO study');
  const id = ctx.params.id;
  const page = h('div', { class: 'hpo-page study-page' });
  fill(ctx.main, page);
  const show = async () => {
    fill(page, loading());
    let study;
    try {
      study = await api(`/hpo/studies/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        fill(page, h('div', { class: 'state empty', id: 'study-not-found' },
          h('h1', {}, 'Study not found in this workspace'), h('p', {}, h('a', { href: '/hpo' }, 'All studies'))));
        return;
      }
      fill(page, failure(e, show));
      return;
    }
    if (!ctx.isCurrent()) return;
    ctx.title(study.name);
    const trials = api(`/hpo/studies/${encodeURIComponent(id)}/trials`).then(t => t.trials);
    trials.catch(() => {}); // each card shows its own failure
    fill(page,
      h('div', { class: 'page-head' },
        h('div', {},
          h('p', { class: 'crumbs' }, h('a', { href: '/hpo' }, 'HPO studies')),
          h('h1', {}, h('span', { class: 'study-name' }, study.name), ' ', methodBadge(study.method)),
          h('p', { class: 'muted' }, `Objective: ${objectiveText(study.objective)}`,
            study.agent_id ? ` · agent ${study.agent_id}` : '', ` · seed ${study.seed} · created ${fmt.time(study.created_at)}`))),
      h('div', { class: 'grid' },
        card('Best configuration', () => best(study), { id: 'study-best' }),
        suggestCard(study),
        card('Score over trials', body => progress(body, study, trials), { wide: true, id: 'study-progress' }),
        card('Parameter importance', body => importance(body, study), { id: 'study-importance' }),
        card('Sensitivity per parameter', body => sensitivity(body, study, trials), { id: 'study-sensitivity' }),
        card('Trials', () => trialTable(study, trials), { wide: true, id: 'study-trials' })));
  };
  await show();
}

function best(study) {
  const s = study.summary;
  const b = s.best_trial;
  const counts = h('p', { class: 'muted small', id: 'trial-counts' },
    `${fmt.int(s.trials)} trials: ${fmt.int(s.completed)} completed, ${fmt.int(s.failed)} failed, ${fmt.int(s.pruned)} pruned`
    + (s.overfitting.reported ? `; ${fmt.int(s.overfitting.count)} of ${fmt.int(s.overfitting.reported)} reported overfitting` : '')
    + (s.convergence_epochs?.count ? `; converged at epoch ${fmt.num(s.convergence_epochs.median, 1)} (median)` : ''));
  if (!b) return h('div', {}, empty('No completed trial yet: the best configuration appears with the first score.'), counts);
  const imp = s.improvement;
  return h('div', {},
    h('p', {}, h('span', { class: 'big-figure', id: 'best-score', dataset: { value: String(b.score) } }, score(b.score)),
      ` ${study.objective.metric}, trial ${b.number}`),
    imp ? h('p', { id: 'best-improvement' },
      h('span', { class: `improvement ${improvementKind(imp)}`, dataset: { value: String(imp.absolute) } }, improvementText(imp)),
      ` against the baseline's ${score(imp.baseline_score)}`)
      : h('p', { class: 'muted', id: 'best-improvement' }, 'No baseline score: the study was created without one.'),
    h('dl', { class: 'facts', id: 'best-hyperparameters' }, Object.entries(b.hyperparameters).flatMap(([k, v]) => [
      h('dt', { class: 'param-name' }, k),
      h('dd', { dataset: { param: k } }, paramValue(v),
        study.baseline?.hyperparameters && k in study.baseline.hyperparameters
          ? h('span', { class: 'muted small' }, ` (baseline ${paramValue(study.baseline.hyperparameters[k])})`) : null)])),
    counts);
}

/** "Suggest next trial": POST …/suggest, which any role may call; the answer is shown, nothing is stored. */
function suggestCard(study) {
  const out = h('div', { id: 'suggestion', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn primary', id: 'suggest' }, 'Suggest next trial');
  button.addEventListener('click', async () => {
    button.disabled = true;
    fill(out, loading('Asking the study…'));
    try {
      const s = await api(`/hpo/studies/${encodeURIComponent(study.id)}/suggest`, { method: 'POST' });
      fill(out, h('div', { class: 'suggestion' },
        s.exhausted ? h('p', { id: 'suggestion-exhausted' }, h('strong', {}, 'Nothing left to try.'))
          : h('dl', { class: 'facts', id: 'suggestion-hyperparameters' }, Object.entries(s.hyperparameters).flatMap(([k, v]) => [
            h('dt', { class: 'param-name' }, k), h('dd', { dataset: { param: k, value: String(v) } }, paramValue(v))])),
        h('p', {}, 'Expected improvement: ', h('strong', { id: 'suggestion-ei', dataset: { value: String(s.expected_improvement) } },
          s.expected_improvement === null ? 'not modelled yet' : score(s.expected_improvement)),
        s.expected_improvement === null ? '' : ` ${study.objective.metric}`),
        h('p', { class: 'muted small', id: 'suggestion-reason' }, s.reason),
        h('p', { class: 'muted small' }, `Method: ${s.method}. Run it and report the trial to record it; suggesting stores nothing.`)));
    } catch (e) {
      fill(out, failure(e, () => button.click()));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'card', id: 'study-suggest', 'aria-label': 'Next trial' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Next trial')),
    h('p', { class: 'muted small' }, study.method === 'bayesian'
      ? 'A Gaussian process over the completed trials proposes the point with the highest expected improvement.'
      : `The ${study.method} search proposes the next point to run.`),
    button, out);
}

const better = (study, a, b) => study.objective.direction === 'minimize' ? a < b : a > b;

/** Completed trials' scores by trial number, with the best so far as a step line. */
async function progress(body, study, trials) {
  const all = await trials;
  const done = all.filter(t => t.score !== null && t.score !== undefined);
  if (!done.length) return empty('No scores yet.');
  let runBest = null;
  const running = [];
  for (const t of all) {
    if (t.status === 'completed' && (runBest === null || better(study, t.score, runBest))) runBest = t.score;
    if (runBest !== null) running.push([t.number, runBest]);
  }
  const pick = status => done.filter(t => t.status === status).map(t => [t.number, t.score]);
  const el = h('div', { class: 'chart', role: 'img', dataset: { chart: 'score-over-trials', points: String(done.length) },
    'aria-label': `${study.objective.metric} of each trial by trial number, with the best so far; the trials table lists the same numbers` });
  fill(body, el);
  chart(el, {
    grid: { left: 64, right: 16, top: 30, bottom: 36 },
    legend: { top: 0 },
    tooltip: { trigger: 'item', valueFormatter: v => score(v) },
    xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: { type: 'value', scale: true, name: study.objective.metric, axisLabel: { formatter: v => score(v) } },
    series: [
      { name: 'completed', type: 'scatter', data: pick('completed'), symbolSize: 8 },
      // pruned trials that reported the score they had when stopped; failed ones have none to draw
      pick('pruned').length ? { name: 'pruned', type: 'scatter', data: pick('pruned'), symbol: 'emptyCircle', symbolSize: 8 } : null,
      { name: 'best so far', type: 'line', step: 'end', data: running, showSymbol: false },
    ].filter(Boolean),
  });
  return undefined;
}

function importance(body, study) {
  const imp = study.importance;
  if (!imp.parameters.length) {
    return empty(`Importance needs at least ${imp.min_trials} completed trials; this study has ${study.summary.completed}.`);
  }
  const el = h('div', { class: 'chart', role: 'img', dataset: { chart: 'importance' },
    'aria-label': 'share of the score\'s variance each parameter explains; the table below lists the same numbers' });
  el.style.height = `${Math.max(120, imp.parameters.length * 30 + 40)}px`;
  const sorted = [...imp.parameters].reverse();
  fill(body, el,
    h('table', { class: 'data', id: 'importance-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rank'), h('th', { scope: 'col' }, 'Parameter'),
        h('th', { scope: 'col', class: 'num' }, 'Importance'))),
      h('tbody', {}, imp.parameters.map(p => h('tr', { dataset: { param: p.parameter } },
        h('td', {}, String(p.rank)), h('td', { class: 'param-name' }, p.parameter),
        h('td', { class: 'num', dataset: { value: String(p.importance) } }, fmt.pct(p.importance)))))),
    h('p', { class: 'muted small' }, 'fANOVA main effects: the share of the score\'s variance each parameter explains on its own, '
      + 'fitted together over binned values and corrected for what noise alone would give (docs/API.md).'));
  chart(el, {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => fmt.pct(v) },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: v => fmt.pct(v, 0) } },
    yAxis: { type: 'category', data: sorted.map(p => p.parameter), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', data: sorted.map(p => p.importance), label: { show: true, position: 'right', formatter: p => fmt.pct(p.value) } }],
  });
  return undefined;
}

/** Per parameter: the scores against its values on its own scale, with the fitted slope and the best bin. */
async function sensitivity(body, study, trials) {
  if (!study.sensitivity.length) return empty('No completed trials to relate the score to the parameters.');
  const done = (await trials).filter(t => t.status === 'completed');
  const blocks = study.sensitivity.map(s => {
    const space = study.search_space[s.parameter];
    const el = h('div', { class: 'chart', role: 'img', 'aria-label': `${study.objective.metric} against ${s.parameter}` });
    const slope = s.slope === null ? null
      : `slope ${score(s.slope)} per ${s.scale === 'log10' ? 'tenfold' : 'unit'}`
        + (s.slope_ci_low === null ? '' : ` (95% ${score(s.slope_ci_low)} to ${score(s.slope_ci_high)})`);
    const block = h('div', { class: 'sensitivity', dataset: { param: s.parameter } },
      h('h3', {}, s.parameter, h('span', { class: 'muted small' }, ` · ${s.scale ?? 'categorical'}`)), el,
      h('p', { class: 'small' }, slope ? `${slope}; ` : '', `marginal range ${score(s.marginal_range)}; best `,
        h('code', {}, s.best_bin)));
    return { block, el, s, space };
  });
  fill(body, h('div', { class: 'sensitivity-grid' }, blocks.map(b => b.block)));
  for (const { el, s, space } of blocks) {
    const categorical = space.type === 'categorical';
    const points = done.map(t => [categorical ? String(t.hyperparameters[s.parameter]) : t.hyperparameters[s.parameter], t.score]);
    chart(el, {
      grid: { left: 56, right: 12, top: 10, bottom: 28 },
      tooltip: { trigger: 'item', formatter: p => `${paramValue(p.value[0])}: ${score(p.value[1])}` },
      xAxis: categorical ? { type: 'category', data: space.values.map(String) }
        : { type: space.log ? 'log' : 'value', min: space.low, max: space.high, axisLabel: { formatter: v => paramValue(v) } },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => score(v) } },
      series: [{ type: 'scatter', data: points, symbolSize: 7 }],
    });
  }
  return undefined;
}

async function trialTable(study, trials) {
  const all = await trials;
  if (!all.length) return empty('No trials yet. Report them with POST …/trials.');
  const bestNo = study.summary.best_trial?.number;
  const params = Object.keys(study.search_space);
  const dir = study.objective.direction === 'minimize' ? 1 : -1;
  return sortableTable([
    { label: '#', class: 'num', value: t => String(t.number), sort: t => t.number },
    { label: 'Status', value: t => statusBadge(t.status), sort: t => t.status },
    { label: study.objective.metric, class: 'num', value: t => h('span', { dataset: { metric: 'score', value: String(t.score) } }, score(t.score)),
      sort: t => t.score === null ? null : dir * t.score, title: 'sorted best first' },
    ...params.map(p => ({ label: p, class: 'num', value: t => paramValue(t.hyperparameters[p]),
      sort: t => (typeof t.hyperparameters[p] === 'number' ? t.hyperparameters[p] : String(t.hyperparameters[p])) })),
    { label: 'Training time', class: 'num', value: t => t.training_time_seconds === null ? '—' : fmt.ms(t.training_time_seconds * 1000),
      sort: t => t.training_time_seconds },
    { label: 'Converged at', class: 'num', value: t => t.convergence_epoch === null ? '—' : `epoch ${t.convergence_epoch}`,
      sort: t => t.convergence_epoch },
    { label: 'Overfitting', value: t => t.overfitting === null ? '—' : (t.overfitting ? 'yes' : 'no'),
      sort: t => t.overfitting === null ? null : Number(t.overfitting) },
    { label: 'Run', value: t => t.run_id ?? '—', sort: t => t.run_id },
  ], all, { id: 'trials-table', rowAttrs: t => ({ class: `trial-${t.status}${t.number === bestNo ? ' trial-best' : ''}`,
    dataset: { trial: String(t.number), status: t.status } }) });
}
