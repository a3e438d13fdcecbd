// Experiments: the workspace's A/B experiments (GET /api/v1/experiments) with their status,
// variants and winner; "New experiment" for users with config:write; and a power calculator
// (GET /api/v1/experiments/power) that says how many units each variant needs.
import { api } from '../api.js';
import { h, fill, fmt, card, table, empty } from '../ui.js';
import { useAdminCss, named, numberOrText, showErrors, clearErrors } from '../admin-forms.js';
import { experimentDialog } from './experiments-form.js';
import { useExperimentStyles, statusBadge, metricLabel, STATUSES } from './experiments-common.js';

export async function render(ctx) {
  useAdminCss();
  useExperimentStyles();
  ctx.title('Experiments');
  const writer = ctx.can('config:write');
  const status = STATUSES.includes(ctx.query.get('status')) ? ctx.query.get('status') : '';
  const statusSelect = h('select', { id: 'experiment-status', onchange: () => ctx.setQuery({ status: statusSelect.value }) },
    h('option', { value: '' }, 'all'), STATUSES.map(s => h('option', { value: s, selected: s === status }, s)));
  const create = writer ? h('button', { class: 'btn small primary', id: 'new-experiment', type: 'button' }, 'New experiment') : null;
  const list = card('Experiments', () => loadList(ctx, status, writer), {
    wide: true, id: 'experiments',
    actions: [h('label', { for: 'experiment-status', class: 'muted small' }, 'Status'), statusSelect, create],
  });
  create?.addEventListener('click', async () => {
    const created = await experimentDialog(null);
    if (created) ctx.navigate(`/experiments/${encodeURIComponent(created.id)}`);
  });
  fill(ctx.main, h('div', { class: 'admin-page experiments-page' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Experiments'),
        h('p', { class: 'muted' }, 'A/B tests of configuration versions: each unit (user, session or conversation) is assigned a variant '
          + 'by a hash, and the results judge the variants by their success metrics while guardrails must not get worse.')),
      writer ? null : h('span', { class: 'muted', id: 'read-only-note' }, 'Read-only: creating experiments needs a member or admin role.')),
    h('div', { class: 'grid' }, list, powerCard())));
}

async function loadList(ctx, status, writer) {
  const { experiments } = await api('/experiments', { params: { status } });
  if (!experiments.length) {
    if (status) return empty(`No ${status} experiments.`);
    return empty(writer
      ? 'No experiments yet. Create one to split an agent\'s users between configuration versions and see which does better; '
        + 'the power calculator below tells how many users that takes.'
      : 'No experiments yet. A member or admin of this workspace can create one.');
  }
  // newest first: the API lists oldest first
  const rows = [...experiments].reverse();
  return table([
    { label: 'Experiment', value: x => h('span', { class: 'experiment-name' }, x.name) },
    { label: 'Status', value: x => statusBadge(x.status) },
    { label: 'Agent', value: x => x.agent_id || h('span', { class: 'muted' }, 'any') },
    { label: 'Variants', value: x => x.variants.map(v => `${v.id} ${v.allocation}%${v.control ? ' (control)' : ''}`).join(' · ') },
    { label: 'Primary metric', value: x => (x.success_metrics?.[0] ? metricLabel(x.success_metrics[0]) : '—') },
    { label: 'Started', value: x => x.started_at ? h('time', { datetime: x.started_at, title: fmt.time(x.started_at) }, fmt.shortTime(x.started_at)) : '—' },
    { label: 'Winner', value: x => x.status === 'concluded' ? (x.winner ? h('strong', {}, x.winner) : 'no difference') : '—' },
  ], rows, { rowHref: x => `/experiments/${encodeURIComponent(x.id)}` });
}

/** The power calculator: the inputs of GET /experiments/power, its answer, and its errors under their fields. */
function powerCard() {
  const baseline = h('input', { name: 'baseline', inputmode: 'decimal', autocomplete: 'off', value: '0.1' });
  const mde = h('input', { name: 'mde', inputmode: 'decimal', autocomplete: 'off', value: '0.02' });
  const kind = h('select', { name: 'kind' }, h('option', { value: 'absolute' }, 'absolute'),
    h('option', { value: 'relative' }, 'relative'));
  const alpha = h('input', { name: 'alpha', inputmode: 'decimal', autocomplete: 'off', value: '0.05' });
  const power = h('input', { name: 'power', inputmode: 'decimal', autocomplete: 'off', value: '0.8' });
  const variants = h('input', { name: 'variants', inputmode: 'numeric', autocomplete: 'off', value: '2' });
  const answer = h('div', { class: 'power-answer', id: 'power-answer', 'aria-live': 'polite' });
  const form = h('form', { class: 'power-form', id: 'power-form', novalidate: true, 'aria-label': 'Power calculator' },
    h('div', { class: 'row' },
      named('baseline', 'Baseline rate', baseline, 'The primary rate now, 0 to 1.'),
      named('mde', 'Minimum detectable effect', mde),
      named('kind', 'Effect is', kind, 'Rate points, or a share of the baseline.'),
      named('alpha', 'Alpha', alpha), named('power', 'Power', power), named('variants', 'Variants', variants)),
    h('div', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn primary' }, 'Calculate'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    fill(answer);
    const params = {};
    for (const [k, input] of Object.entries({ baseline, mde, kind, alpha, power, variants })) {
      const v = numberOrText(input.value);
      if (v !== undefined) params[k] = v;
    }
    try {
      const r = await api('/experiments/power', { params });
      fill(answer,
        h('p', { class: 'power-figure' },
          h('strong', { id: 'power-per-variant', dataset: { value: r.per_variant } }, fmt.int(r.per_variant)), ' units per variant, ',
          h('strong', { id: 'power-total', dataset: { value: r.total } }, fmt.int(r.total)), ` in total (${r.variants} variants)`),
        h('p', { class: 'muted small' }, `To tell ${fmt.num(r.baseline, 4)} from ${fmt.num(r.target, 4)} with a two-sided test at `
          + `alpha ${r.alpha} and power ${r.power} (normal approximation, as R's power.prop.test).`));
    } catch (err) {
      showErrors(form, err);
    }
  });
  const c = h('section', { class: 'card', id: 'power', 'aria-label': 'Power calculator' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Power calculator')),
    h('p', { class: 'muted small' }, 'How many units each variant needs before the start, to detect the smallest change worth knowing about.'),
    form, answer);
  return c;
}
