// Training runs (`/training`): the workspace's runs (GET /api/v1/training/runs, newest first) with
// agent, type, status, steps, the lowest validation loss, GPU hours, cost, start and duration.
// The filters (agent_id, status, training_type) and the page cursor live in the URL; new data on
// the live stream reloads the list in place (a running run's steps and loss move without a reload).
// Above the list, the efficiency of the filtered agent's runs (training-efficiency.js).
import { api } from '../api.js';
import { h, fill, fmt, field, empty } from '../ui.js';
import { liveCard, throttledRefresh } from '../figures.js';
import { useTrainingStyles, statusBadge, typeLabel, loss, gpuHours, duration, runSeconds, timeCell, sortableTable,
  progressBar, STATUSES, TYPES } from './training-common.js';
import { efficiencyCard } from './training-efficiency.js';

const FILTERS = ['agent_id', 'status', 'training_type'];
const PAGE = 50;

export async function render(ctx) {
  useTrainingStyles();
  ctx.title('Training runs');
  const q = ctx.query;
  const current = Object.fromEntries(FILTERS.map(k => [k, q.get(k) || '']));
  const cursors = (q.get('cursor') || '').split(',').filter(Boolean);

  const agent = h('input', { name: 'agent_id', value: current.agent_id, placeholder: 'any', maxlength: 256, size: 18, list: 'training-agents' });
  const agents = h('datalist', { id: 'training-agents' });
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'any'),
    STATUSES.map(s => h('option', { value: s, selected: s === current.status }, s)));
  const type = h('select', { name: 'training_type' }, h('option', { value: '' }, 'any'),
    TYPES.map(t => h('option', { value: t, selected: t === current.training_type }, typeLabel(t))));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter training runs', id: 'training-filters' },
    field('Agent', agent), agents, field('Status', status), field('Type', type),
    h('button', { type: 'submit', class: 'btn primary' }, 'Apply'),
    FILTERS.some(k => current[k]) ? h('a', { class: 'btn', href: '/training', id: 'clear-filters' }, 'Clear') : null);
  form.addEventListener('submit', e => {
    e.preventDefault();
    ctx.setQuery({ agent_id: agent.value.trim(), status: status.value, training_type: type.value, cursor: null }, { push: true });
  });

  const sort = { key: null, dir: 'asc' }; // kept across live refreshes
  const finishedBest = new Map(); // a finished run's lowest val_loss does not change: asked once per page view
  const list = liveCard('Runs', (body, refreshing) => loadList(ctx, current, cursors, agents, refreshing, sort, finishedBest),
    { wide: true, id: 'training-runs' });
  fill(ctx.main, h('div', { class: 'training-page' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Training runs'),
        h('p', { class: 'muted' }, 'Fine-tuning, few-shot, reinforcement and transfer-learning runs, newest first. Runs are started '
          + 'and logged through the training API (POST /api/v1/training/runs), the MLflow tracking API or the importers.'))),
    form, efficiencyCard(current.agent_id), list));
  const refresh = throttledRefresh(ctx, () => list.refresh(), 2000);
  ctx.training = { refresh };
}

async function loadList(ctx, current, cursors, agents, refreshing, sort, finishedBest) {
  const params = { limit: PAGE, cursor: cursors[cursors.length - 1] };
  for (const k of FILTERS) if (current[k]) params[k] = current[k];
  const page = await api('/training/runs', { params });
  if (!refreshing) suggestAgents(agents);
  if (page.runs.length === 0) {
    if (cursors.length) return empty('No more runs.', h('a', { href: withQuery(ctx.query, { cursor: null }) }, 'Back to the first page'));
    if (FILTERS.some(k => current[k])) return empty('No training run matches these filters.');
    return h('div', { id: 'training-empty' }, empty('No training runs yet.'), howTo());
  }
  const best = await bestLosses(page.runs, finishedBest);
  const rows = page.runs.map(r => ({ ...r, best_val_loss: best.get(r.id) ?? null, seconds: runSeconds(r) }));
  const table = sortableTable([
    { key: 'name', label: 'Run', sort: r => r.name ?? r.id,
      value: r => h('span', { class: 'run-name' }, h('span', { class: 'run-title' }, r.name || r.id), r.name ? h('small', { class: 'muted run-id' }, r.id) : null) },
    { key: 'agent', label: 'Agent', sort: r => r.agent_id, value: r => r.agent_id ?? '—' },
    { key: 'type', label: 'Type', sort: r => r.training_type, value: r => typeLabel(r.training_type) },
    { key: 'status', label: 'Status', sort: r => r.status, value: r => statusBadge(r.status) },
    { key: 'steps', label: 'Steps', class: 'num', sort: r => r.last_step, value: stepsCell },
    { key: 'best', label: 'Best val loss', class: 'num', sort: r => r.best_val_loss, title: 'the lowest val_loss the run logged',
      value: r => h('span', { dataset: { value: r.best_val_loss ?? '' } }, loss(r.best_val_loss)) },
    { key: 'gpu', label: 'GPU hours', class: 'num', sort: r => r.resources?.gpu_hours, value: r => gpuHours(r.resources?.gpu_hours) },
    { key: 'cost', label: 'Cost', class: 'num', sort: r => (r.resources?.cost_usd == null ? null : Number(r.resources.cost_usd)),
      value: r => fmt.usd(r.resources?.cost_usd) },
    { key: 'started', label: 'Started', sort: r => r.started_at, value: r => timeCell(r.started_at) },
    { key: 'duration', label: 'Duration', class: 'num', sort: r => r.seconds, value: r => duration(r.seconds) },
  ], rows, { rowHref: r => `/training/${encodeURIComponent(r.id)}`, id: 'runs-table', state: sort });
  const pager = h('div', { class: 'pager' },
    cursors.length ? h('a', { class: 'btn small', href: withQuery(ctx.query, { cursor: null }) }, '« First page') : null,
    cursors.length ? h('a', { class: 'btn small', href: withQuery(ctx.query, { cursor: cursors.slice(0, -1).join(',') || null }) }, '‹ Previous') : null,
    page.next_cursor ? h('a', { class: 'btn small', rel: 'next', href: withQuery(ctx.query, { cursor: [...cursors, page.next_cursor].join(',') }) }, 'Next page »') : null,
    h('span', { class: 'muted' }, `${fmt.int(page.runs.length)} run${page.runs.length === 1 ? '' : 's'} on this page`));
  return h('div', {}, table, pager);
}

function stepsCell(r) {
  const steps = r.last_step === null || r.last_step === undefined ? '—' : fmt.int(r.last_step);
  const text = r.total_steps ? `${steps} / ${fmt.int(r.total_steps)}` : steps;
  if (r.status !== 'running' || !r.total_steps) return text;
  return h('span', { class: 'steps-live' }, text,
    progressBar((r.last_step ?? 0) / r.total_steps, `${r.name || r.id}: ${steps} of ${fmt.int(r.total_steps)} steps`));
}

/**
 * The lowest val_loss of each run: one downsampled bucket over the whole run (its `min` is over the
 * finite values), a few requests at a time; a finished run's answer is kept for the page's live
 * refreshes. A run whose request fails just shows —.
 */
async function bestLosses(runs, finishedBest) {
  const out = new Map();
  for (const r of runs) if (r.status !== 'running' && finishedBest.has(r.id)) out.set(r.id, finishedBest.get(r.id));
  const queue = runs.filter(r => r.point_count > 0 && !out.has(r.id));
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      try {
        const m = await api(`/training/runs/${encodeURIComponent(r.id)}/metrics`, { params: { name: 'val_loss', downsample: 1 } });
        const b = m.series.find(s => s.name === 'val_loss')?.buckets?.[0];
        const min = b && b.min !== null && b.min !== undefined ? b.min : null;
        if (min !== null) out.set(r.id, min);
        if (r.status !== 'running') finishedBest.set(r.id, min);
      } catch (e) { console.error(e); }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out;
}

/** The agents of the workspace's recent runs, as suggestions for the agent filter. */
async function suggestAgents(datalist) {
  try {
    const { runs } = await api('/training/runs', { params: { limit: 200 } });
    const names = [...new Set(runs.map(r => r.agent_id).filter(Boolean))].sort();
    fill(datalist, names.map(n => h('option', { value: n })));
  } catch (e) { console.error(e); }
}

function howTo() {
  const origin = location.origin;
  return h('div', { class: 'how-to' },
    h('p', {}, 'Start a run, log its metrics while it trains, then finish it:'),
    h('pre', { class: 'code' }, `curl -X POST ${origin}/api/v1/training/runs -H "Authorization: Bearer $SEXTANT_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"id": "sft-1", "agent_id": "support-bot", "training_type": "fine_tuning", "total_steps": 3000}'
curl -X POST ${origin}/api/v1/training/runs/sft-1/metrics -H "Authorization: Bearer $SEXTANT_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"points": [{"step": 10, "metrics": {"train_loss": 2.3, "val_loss": 2.5}}]}'`),
    h('p', { class: 'muted' }, 'Every field and limit is in docs/API.md, "Training runs".'));
}

function withQuery(query, changes) {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') next.delete(k); else next.set(k, v);
  }
  const s = next.toString();
  return `/training${s ? `?${s}` : ''}`;
}

/** New data (a metrics batch, a run started or finished): the list again, in place. */
export function onData(ctx) {
  ctx.training?.refresh();
}
