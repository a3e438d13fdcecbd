// One experiment (`/experiments/:id`): its definition, the lifecycle buttons for writers (edit
// and delete while a draft, start, stop, conclude), the sample size it needs, and its results.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, table, empty, failure, loading } from '../ui.js';
import { useAdminCss, named, confirmDialog, formDialog, notice } from '../admin-forms.js';
import { experimentDialog, METRIC_LABELS } from './experiments-form.js';
import { useExperimentStyles, statusBadge } from './experiments-common.js';
import { resultsCard } from './experiments-results.js';

export async function render(ctx) {
  useAdminCss();
  useExperimentStyles();
  const id = ctx.params.id;
  ctx.title('Experiment');
  const page = h('div', { class: 'admin-page experiments-page experiment-page' });
  fill(ctx.main, page);
  const show = async () => {
    fill(page, loading());
    let x;
    try {
      x = await api(`/experiments/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        fill(page, h('div', { class: 'state empty', id: 'experiment-not-found' },
          h('h1', {}, 'Experiment not found in this workspace'),
          h('p', {}, h('a', { href: '/experiments' }, 'All experiments'))));
        return;
      }
      fill(page, failure(e, show));
      return;
    }
    if (!ctx.isCurrent()) return;
    ctx.title(x.name);
    draw(ctx, page, x, show);
  };
  await show();
}

function draw(ctx, page, x, reload) {
  const writer = ctx.can('config:write');
  const said = notice();
  const act = (label, opts) => h('button', { type: 'button', class: `btn small ${opts.kind || ''}`, id: opts.id, onclick: opts.onclick }, label);
  const actions = [];
  const path = `/experiments/${encodeURIComponent(x.id)}`;
  if (writer) {
    if (x.status === 'draft') {
      actions.push(act('Edit', { id: 'experiment-edit', onclick: async () => {
        const saved = await experimentDialog(x);
        if (saved) reload();
      } }));
      actions.push(act('Start', { id: 'experiment-start', kind: 'primary', onclick: () => confirmDialog(`Start “${x.name}”?`,
        'Units are assigned to variants from now on, and the definition can no longer be edited.',
        async () => { await api(`${path}/start`, { method: 'POST' }); reload(); }, { confirmLabel: 'Start' }) }));
      actions.push(act('Delete', { id: 'experiment-delete', kind: 'danger', onclick: () => confirmDialog(`Delete “${x.name}”?`,
        'Only a draft can be deleted; this cannot be undone.',
        async () => { await api(path, { method: 'DELETE' }); ctx.navigate('/experiments'); }) }));
    }
    if (x.status === 'running') {
      actions.push(act('Stop', { id: 'experiment-stop', kind: 'danger', onclick: () => confirmDialog(`Stop “${x.name}”?`,
        'Assignment ends: without a winner every unit should be served the control.',
        async () => { await api(`${path}/stop`, { method: 'POST' }); reload(); }, { confirmLabel: 'Stop' }) }));
    }
    if (x.status === 'running' || x.status === 'stopped') {
      actions.push(act('Conclude', { id: 'experiment-conclude', onclick: () => conclude(x, path, reload) }));
    }
  }
  fill(page,
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'crumbs' }, h('a', { href: '/experiments' }, 'Experiments')),
        h('h1', {}, h('span', { class: 'experiment-name' }, x.name), ' ', statusBadge(x.status))),
      h('div', { class: 'actions-cell' }, actions)),
    said,
    x.status === 'concluded' ? h('div', { class: 'conclusion', id: 'experiment-conclusion', role: 'status' },
      h('strong', {}, x.winner ? `Winner: ${x.winner}` : 'Concluded: no difference'),
      x.conclusion ? h('p', {}, x.conclusion) : null,
      h('span', { class: 'muted small' }, `Concluded ${fmt.time(x.concluded_at)}`)) : null,
    h('div', { class: 'grid' },
      definition(x), sampleSize(x),
      resultsCard(ctx, x)));
}

function definition(x) {
  const metricList = list => (list?.length ? list.map(m => METRIC_LABELS[m] || m).join(', ') : 'none');
  const facts = [
    ['Id', h('code', {}, x.id)],
    ['Hypothesis', x.hypothesis || h('span', { class: 'muted' }, 'none given')],
    ['Agent', x.agent_id || h('span', { class: 'muted' }, 'any')],
    ['Unit', x.unit],
    ['Success metrics', `${metricList(x.success_metrics)} (primary: ${METRIC_LABELS[x.success_metrics?.[0]] || '—'})`],
    ['Guardrails', metricList(x.guardrails)],
    ['Minimum sample', x.minimum_sample_size ? `${fmt.int(x.minimum_sample_size)} units per variant` : 'not set'],
    ['MDE / baseline', `${x.minimum_detectable_effect ?? '—'} / ${x.baseline ?? '—'}`],
    ['Alpha / power', `${x.alpha} / ${x.power}`],
    ['Correction', x.correction === 'benjamini_hochberg' ? 'Benjamini-Hochberg' : 'Holm'],
    ['Auto-conclude', x.auto_conclude ? 'yes' : 'no'],
    ['Planned', `${x.starts_at ? fmt.time(x.starts_at) : 'no start'} – ${x.ends_at ? fmt.time(x.ends_at) : 'no end'}`],
    ['Created', fmt.time(x.created_at)],
    ['Started', x.started_at ? fmt.time(x.started_at) : '—'],
    ['Stopped', x.stopped_at ? fmt.time(x.stopped_at) : '—'],
  ];
  return h('section', { class: 'card', id: 'experiment-definition', 'aria-label': 'Definition' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Definition')),
    h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h3', {}, 'Variants'),
    table([
      { label: 'Variant', value: v => h('span', {}, v.id, v.control ? h('span', { class: 'muted' }, ' (control)') : null) },
      { label: 'Name', value: v => v.name },
      { label: 'Configuration version', value: v => h('code', {}, v.configuration_version) },
      { label: 'Allocation', class: 'num', value: v => `${v.allocation}%` },
    ], x.variants));
}

function sampleSize(x) {
  const s = x.required_sample_size || {};
  return h('section', { class: 'card', id: 'experiment-sample-size', 'aria-label': 'Required sample size' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Required sample size')),
    s.per_variant
      ? h('div', {},
        h('p', { class: 'power-figure' }, h('strong', { id: 'required-per-variant' }, fmt.int(s.per_variant)), ' units per variant, ',
          h('strong', {}, fmt.int(s.total)), ' in total'),
        h('p', { class: 'muted small' }, `For a change of ${x.minimum_detectable_effect} from a baseline of ${s.baseline} at alpha `
          + `${x.alpha} and power ${x.power} (two proportions).`))
      : empty(s.note || 'Set a minimum detectable effect and a baseline to compute it.'));
}

/** Conclude with a confirmation: the winner (or no difference) and the written conclusion. */
async function conclude(x, path, reload) {
  const winner = h('select', { name: 'winner' }, h('option', { value: '' }, 'no difference'),
    x.variants.map(v => h('option', { value: v.id }, `${v.id}${v.control ? ' (control)' : ''}`)));
  const text = h('textarea', { name: 'note', maxlength: 4000, rows: 3 });
  const verdict = h('p', { class: 'muted small', id: 'conclude-verdict' }, 'The results could not be read; the winner is yours to choose.');
  try {
    const r = await api(`${path}/results`);
    if (r?.verdict) {
      if (r.verdict.winner) winner.value = r.verdict.winner;
      fill(verdict, `The results say: ${r.verdict.kind.replaceAll('_', ' ')}. ${r.verdict.recommendation || ''}`);
    }
  } catch { /* concluding does not need the results */ }
  await formDialog(`Conclude “${x.name}”?`, h('div', {},
    h('p', {}, 'Concluding ends the experiment for good: units get the winner, or the control when there is none.'),
    verdict,
    named('winner', 'Winner', winner), named('note', 'Note', text, 'Optional; the results\' recommendation is recorded beside it.')), {
    submitLabel: 'Conclude', danger: true, testid: 'conclude-form',
    onSubmit: async () => {
      await api(`${path}/conclude`, { method: 'POST', body: { winner: winner.value || null, note: text.value.trim() || undefined } });
      reload();
    },
  });
}
