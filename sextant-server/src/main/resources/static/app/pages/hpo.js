// Hyperparameter optimization (`/hpo`): the workspace's studies (GET /api/v1/hpo/studies), each
// with its best score and the improvement over its baseline from GET /api/v1/hpo/studies/{id}.
import { api } from '../api.js';
import { h, fill, fmt, card, empty } from '../ui.js';
import { sortableTable } from '../sortable-table.js';
import { useHpoStyles, score, improvementText, improvementKind, methodBadge, objectiveText, studyHref } from './hpo-common.js';

export async function render(ctx) {
  useHpoStyles();
  ctx.title('HPO studies');
  fill(ctx.main, h('div', { class: 'hpo-page' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Hyperparameter optimization'),
        h('p', { class: 'muted' }, 'Studies of a training setup\'s hyperparameters: each trial reports a score on the objective; '
          + 'a study finds the best configuration, what it gains over the baseline, and which parameters matter.'))),
    h('div', { class: 'grid' }, card('Studies', () => studies(), { wide: true, id: 'hpo-studies' }))));
}

async function studies() {
  const { studies: list } = await api('/hpo/studies');
  if (!list.length) {
    return empty('No studies yet. A training script creates one with POST /api/v1/hpo/studies (its search space and objective), '
      + 'reports each trial to …/trials, and asks …/suggest for the next point to try (see docs/API.md, "Hyperparameter optimization").');
  }
  // the summaries (best score, improvement) come with each study's own answer
  const details = await Promise.all(list.map(s => api(`/hpo/studies/${encodeURIComponent(s.id)}`)));
  const rows = details.map(d => ({ ...d, best: d.summary.best_trial?.score ?? null, imp: d.summary.improvement }));
  return sortableTable([
    { label: 'Study', value: s => h('a', { href: studyHref(s.id), class: 'study-name' }, s.name), sort: s => s.name },
    { label: 'Method', value: s => methodBadge(s.method), sort: s => s.method },
    { label: 'Objective', value: s => objectiveText(s.objective), sort: s => s.objective.metric },
    { label: 'Agent', value: s => s.agent_id || h('span', { class: 'muted' }, '—'), sort: s => s.agent_id },
    { label: 'Trials', class: 'num', value: s => h('span', { dataset: { metric: 'trials', value: String(s.summary.trials) } },
      fmt.int(s.summary.trials)), sort: s => s.summary.trials },
    { label: 'Best score', class: 'num', value: s => h('span', { dataset: { metric: 'best', value: String(s.best) } }, score(s.best)),
      sort: s => s.best === null ? null : (s.objective.direction === 'minimize' ? -s.best : s.best),
      title: 'the best completed trial\'s score in the objective\'s direction' },
    { label: 'Improvement over baseline', class: 'num', value: s => s.imp
      ? h('span', { class: `improvement ${improvementKind(s.imp)}`, dataset: { metric: 'improvement', value: String(s.imp.absolute) } },
        improvementText(s.imp))
      : h('span', { class: 'muted', title: s.baseline ? 'no completed trial yet' : 'the study has no baseline score' }, '—'),
      sort: s => s.imp?.absolute ?? null },
    { label: 'Created', value: s => h('time', { datetime: s.created_at, title: fmt.time(s.created_at) }, fmt.shortTime(s.created_at)),
      sort: s => s.created_at },
  ], rows, { rowAttrs: s => ({ dataset: { study: s.id } }), id: 'studies-table' });
}
