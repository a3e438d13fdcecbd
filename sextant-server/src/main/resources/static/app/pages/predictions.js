// Predictions (`/predictions`): one row per target with its newest model — status and why,
// version, when it was trained, the training and test sizes, the headline quality with its 95%
// interval and the Brier skill score. GET /api/v1/predictions/models.
import { api } from '../api.js';
import { h, fill, fmt, card } from '../ui.js';
import { sortableTable } from '../sortable-table.js';
import { usePredictionStyles, TARGETS, statusBadge, targetHref, headline, num3, figure, when } from './predictions-common.js';

export async function render(ctx) {
  usePredictionStyles();
  ctx.title('Predictions');
  const page = h('div', { class: 'predictions-page' });
  fill(ctx.main, page);
  const head = h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Predictions'),
      h('p', { class: 'muted' }, 'Models trained on this workspace\'s own traces, one per target, judged on the newest 20% of the rows '
        + 'held out, and offered to agents only when they beat a baseline (binary: the AUC\'s lower bound above 0.5 and a positive '
        + 'Brier skill; regression: the MAE gain\'s interval above 0).')));
  const body = card('Models', async () => {
    const { models } = await api('/predictions/models');
    const untrained = models.filter(m => m.status === 'not_trained').length;
    return h('div', {},
      untrained ? h('p', { class: 'muted small', id: 'not-trained-note' },
        `${untrained} of ${models.length} targets have no model yet. Models are trained on a schedule (and, in the demo, once on a `
        + 'background thread after loading, which can take a minute or two): refresh to pick them up, or open a target and '
        + 'retrain it now.') : null,
      modelTable(models));
  }, { wide: true, id: 'prediction-models' });
  fill(page, head, h('div', { class: 'grid' }, body));
}

function modelTable(models) {
  return sortableTable([
    { label: 'Target', value: m => h('div', {}, h('a', { href: targetHref(m.target), class: 'target-name' }, m.target),
      h('div', { class: 'muted small' }, `${m.kind}: ${TARGETS[m.target] ?? ''}`)), sort: m => m.target },
    { label: 'Status', value: m => h('div', {}, statusBadge(m.status), h('div', { class: 'reason small' }, m.reason)),
      sort: m => m.status },
    { label: 'Version', class: 'num', value: m => m.version ?? '—', sort: m => m.version },
    { label: 'Trained', value: m => when(m.trained_at), sort: m => m.trained_at },
    { label: 'Train / test rows', class: 'num', value: m => m.train_n === null ? '—'
      : h('span', { dataset: { metric: 'sizes' } }, `${fmt.int(m.train_n)} / ${fmt.int(m.test_n)}`), sort: m => m.train_n },
    { label: 'Quality (95% interval)', value: m => headline(m) },
    { label: 'Brier skill', class: 'num', value: m => m.quality?.brier_skill === undefined ? '—'
      : figure(m.quality.brier_skill, num3(m.quality.brier_skill), { dataset: { metric: 'brier_skill' } }),
    sort: m => m.quality?.brier_skill ?? null },
    { label: 'Learner', value: m => m.algorithm?.replaceAll('_', ' ') ?? '—', sort: m => m.algorithm },
  ], models, { id: 'models-table', rowAttrs: m => ({ dataset: { target: m.target, status: m.status } }) });
}
