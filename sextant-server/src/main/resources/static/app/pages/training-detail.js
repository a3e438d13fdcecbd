// One training run (`/training/:id`): header with status; live progress while it runs (the SSE
// `progress` events of GET .../progress); the error of a failed run; the loss chart with its marks
// and prediction; learning rate, gradient norm and a chosen custom metric; the quality cards;
// hyperparameters, dataset, resources; and the exact points, paged through the exact endpoint.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, failure, loading, field, empty, table } from '../ui.js';
import { useTrainingStyles, statusBadge, typeLabel, loss, gpuHours, duration, runSeconds, timeCell, facts, progressBar,
  KNOWN_METRICS } from './training-common.js';
import { lossChart, metricChart, marksList, predictionText } from './training-charts.js';
import { qualityCards } from './training-quality.js';
import { agentHref } from '../figures.js';

const CHART_BUCKETS = 1000;

export async function render(ctx) {
  useTrainingStyles();
  const id = ctx.params.id;
  const path = `/training/runs/${encodeURIComponent(id)}`;
  ctx.title('Training run');
  const page = h('div', { class: 'training-page run-page' });
  fill(ctx.main, page);
  const state = { stream: null, timer: null };
  ctx.onCleanup(() => { state.stream?.close(); clearTimeout(state.timer); });

  const show = async () => {
    fill(page, loading());
    let run;
    try {
      run = await api(path);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        fill(page, h('div', { class: 'state empty', id: 'run-not-found' },
          h('h1', {}, 'Training run not found in this workspace'),
          h('p', {}, e.detail), h('p', {}, h('a', { href: '/training' }, 'All training runs'))));
        return;
      }
      fill(page, failure(e, show));
      return;
    }
    if (!ctx.isCurrent()) return;
    ctx.title(run.name || run.id);
    const view = drawRun(ctx, page, run, path);
    if (run.status === 'running') follow(ctx, state, path, view, show);
  };
  await show();
}

function drawRun(ctx, page, run, path) {
  const head = h('div', { class: 'page-head' });
  const header = () => fill(head, h('div', {},
    h('p', { class: 'crumbs' }, h('a', { href: '/training' }, 'Training runs')),
    h('h1', { id: 'run-title' }, h('span', { class: 'run-title' }, run.name || run.id), ' ', statusBadge(run.status)),
    h('p', { class: 'muted run-sub' }, h('code', {}, run.id), ' · ', run.agent_id ? h('a', { href: agentHref(ctx, run.agent_id) }, run.agent_id) : 'no agent',
      ` · ${typeLabel(run.training_type)}`, run.base_model ? ` · ${run.base_model}` : '',
      ' · started ', timeCell(run.started_at), run.ended_at ? ' · ended ' : '', run.ended_at ? timeCell(run.ended_at) : '',
      ` · ${duration(runSeconds(run))}`)));
  header();

  const progress = run.status === 'running'
    ? h('section', { class: 'card wide', id: 'run-progress', 'aria-label': 'Progress' },
      h('header', { class: 'card-head' }, h('h2', {}, 'Progress'), h('span', { class: 'muted small', id: 'progress-live', role: 'status' }, 'connecting…')),
      h('div', { class: 'progress-body' }, loading()))
    : null;
  const error = run.status === 'failed' || run.error ? errorCard(run) : null;

  const lossEl = h('div', { class: 'chart loss-chart', id: 'loss-chart' });
  const marksEl = h('div', {});
  const lrEl = h('div', { class: 'chart', id: 'lr-chart' });
  const gradEl = h('div', { class: 'chart', id: 'grad-chart' });
  const customEl = h('div', { class: 'chart', id: 'custom-chart' });
  const customSelect = h('select', { id: 'custom-metric' });
  const qualityEl = h('div', { class: 'quality-grid', id: 'quality' });
  const summaryEl = h('div', { id: 'quality-summary' });

  const charts = {
    metrics: null, valSteps: null,
    async load() {
      const [metrics, valSteps] = await Promise.all([
        api(`${path}/metrics`, { params: { downsample: CHART_BUCKETS } }),
        evaluationSteps(path, run.quality),
      ]);
      this.metrics = metrics;
      this.valSteps = valSteps;
      this.draw();
    },
    draw() {
      const marks = marksOf(run, this.valSteps);
      lossChart(lossEl, this.metrics, marks, run.prediction);
      fill(marksEl, marksList(marks, run.prediction, run.quality));
      metricChart(lrEl, this.metrics, 'learning_rate');
      metricChart(gradEl, this.metrics, 'grad_norm');
      const custom = this.metrics.series.map(s => s.name).filter(n => !KNOWN_METRICS.includes(n));
      const wanted = new URLSearchParams(location.search).get('metric');
      const chosen = custom.includes(wanted) ? wanted : (customSelect.value && custom.includes(customSelect.value) ? customSelect.value : custom[0]);
      fill(customSelect, custom.map(n => h('option', { value: n, selected: n === chosen }, n)));
      customSelect.disabled = !custom.length;
      if (chosen) metricChart(customEl, this.metrics, chosen);
      else fill(customEl, empty('No custom metrics: this run logged only train_loss, val_loss, learning_rate and grad_norm.'));
      fill(summaryEl, summary(run));
      fill(qualityEl, run.quality ? qualityCards(run, this.valSteps) : empty('No quality analysis yet.'));
    },
  };
  customSelect.addEventListener('change', () => {
    const q = new URLSearchParams(location.search);
    q.set('metric', customSelect.value);
    history.replaceState(null, '', `${location.pathname}?${q}`);
    metricChart(customEl, charts.metrics, customSelect.value);
  });

  const lossCard = card('Loss', async () => {
    await charts.load();
    return h('div', {}, lossEl, marksEl);
  }, { wide: true, id: 'loss' });

  fill(page, head,
    h('div', { class: 'grid' },
      progress, error,
      lossCard,
      h('section', { class: 'card', 'aria-label': 'Learning rate' }, h('header', { class: 'card-head' }, h('h2', {}, 'Learning rate')), lrEl),
      h('section', { class: 'card', 'aria-label': 'Gradient norm' }, h('header', { class: 'card-head' }, h('h2', {}, 'Gradient norm')), gradEl),
      h('section', { class: 'card wide', 'aria-label': 'Custom metrics', id: 'custom' },
        h('header', { class: 'card-head' }, h('h2', {}, 'Custom metrics'),
          h('div', { class: 'card-actions' }, h('label', { for: 'custom-metric', class: 'muted small' }, 'Metric'), customSelect)),
        customEl),
      h('section', { class: 'card wide', 'aria-label': 'Run quality', id: 'run-quality' },
        h('header', { class: 'card-head' }, h('h2', {}, 'Run quality')), summaryEl, qualityEl),
      setupCard(run), resourcesCard(run),
      exactCard(path, run)));

  return {
    run,
    /** A progress event: the bar at once; the figures and charts again, at most every 5 s. */
    progress(p) {
      if (progress) drawProgress(progress.querySelector('.progress-body'), p);
    },
    async refresh() {
      const next = await api(path);
      Object.assign(run, next);
      header();
      await charts.load();
      const res = page.querySelector('#resources');
      res?.replaceWith(resourcesCard(run));
    },
  };
}

/** The steps of the val_loss points in order, which the quality's indices count (one page of the exact endpoint). */
async function evaluationSteps(path, quality) {
  if (!quality) return [];
  const steps = [];
  let cursor = null;
  for (let pages = 0; pages < 10; pages++) {
    const page = await api(`${path}/metrics`, { params: { name: 'val_loss', exact: true, limit: 10000, cursor } });
    for (const p of page.points) steps.push(p.step);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return steps;
}

function marksOf(run, valSteps) {
  const q = run.quality;
  const s = q?.summary;
  const best = s && s.best_step !== null && s.best_validation_loss !== null
    ? { step: s.best_step, value: s.best_validation_loss, epoch: s.best_epoch } : null;
  const onset = q?.overfitting?.overfitting && q.overfitting.onset_index !== null ? valSteps?.[q.overfitting.onset_index] ?? null : null;
  const stop = q?.early_stopping?.stop_index !== null && q?.early_stopping?.stop_index !== undefined
    ? valSteps?.[q.early_stopping.stop_index] ?? null : null;
  return { best, onset, stop };
}

function summary(run) {
  const s = run.quality?.summary;
  if (!s) return null;
  const kind = { converged: 'good', improving: 'good', overfitting: 'bad', diverged: 'bad', unstable: 'warn', no_data: '' }[s.status] ?? '';
  return h('div', { class: 'kpis run-kpis' },
    h('div', { class: 'kpi', dataset: { kpi: 'status' } }, h('div', { class: 'kpi-label' }, 'Verdict'),
      h('div', { class: 'kpi-value' }, h('span', { class: `badge ${kind}`, dataset: { status: s.status } }, s.status.replace('_', ' ')))),
    kpiOf('best_validation_loss', 'Best validation loss', loss(s.best_validation_loss), s.best_step === null ? null : `at step ${fmt.int(s.best_step)}`),
    kpiOf('best_epoch', 'Best epoch', loss(s.best_epoch)),
    kpiOf('final_training_loss', 'Final training loss', loss(s.final_training_loss)),
    kpiOf('final_validation_loss', 'Final validation loss', loss(s.final_validation_loss)));
}

function kpiOf(key, label, value, sub) {
  return h('div', { class: 'kpi', dataset: { kpi: key } }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value),
    sub ? h('div', { class: 'muted small' }, sub) : null);
}

function errorCard(run) {
  const e = run.error || {};
  return h('section', { class: 'card wide run-error', id: 'run-error', 'aria-label': 'Error' },
    h('header', { class: 'card-head' }, h('h2', {}, run.status === 'failed' ? 'Why it failed' : 'Error')),
    e.type ? h('p', {}, h('strong', { class: 'error-type' }, e.type)) : null,
    h('p', { class: 'error-message' }, e.message || 'The run failed without an error message.'),
    e.traceback ? h('details', {}, h('summary', {}, 'Traceback'), h('pre', { class: 'code traceback' }, e.traceback)) : null);
}

function setupCard(run) {
  const hp = Object.entries(run.hyperparameters || {});
  const d = run.dataset;
  return h('section', { class: 'card', id: 'setup', 'aria-label': 'Hyperparameters and dataset' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Hyperparameters and dataset')),
    hp.length ? facts(hp.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]), { id: 'hyperparameters', caption: 'Hyperparameters' })
      : empty('No hyperparameters were given.'),
    d ? facts([['Id', d.id], ['Name', d.name], ['Examples', d.size === null || d.size === undefined ? null : fmt.int(d.size)],
      ['Source', d.source], ['Split', d.split]], { id: 'dataset', caption: 'Dataset' }) : empty('No dataset was given.'),
    Object.keys(run.tags || {}).length ? facts(Object.entries(run.tags), { id: 'tags', caption: 'Tags' }) : null);
}

function resourcesCard(run) {
  const r = run.resources || {};
  return h('section', { class: 'card', id: 'resources', 'aria-label': 'Resources' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Resources')),
    facts([['GPU hours', gpuHours(r.gpu_hours)], ['Peak memory', r.peak_memory_gb === null || r.peak_memory_gb === undefined ? null : `${fmt.num(r.peak_memory_gb, 1)} GB`],
      ['Cost', fmt.usd(r.cost_usd)], ['Tokens processed', r.tokens_processed === null || r.tokens_processed === undefined ? null : fmt.int(r.tokens_processed)],
      ['Metric values logged', fmt.int(run.point_count)], ['Last step', run.total_steps ? `${fmt.int(run.last_step)} of ${fmt.int(run.total_steps)}` : fmt.int(run.last_step)],
      ['Last logged', run.last_logged_at ? timeCell(run.last_logged_at) : null]]));
}

function drawProgress(body, p) {
  const pct = p.fraction_done === null ? null : p.fraction_done;
  Object.assign(body.dataset, { lastStep: p.last_step ?? '', fraction: p.fraction_done ?? '', predicted: p.predicted_final_loss ?? '' });
  fill(body,
    progressBar(pct, 'Steps done'),
    h('div', { class: 'progress-figures' },
      h('span', { id: 'progress-steps' }, p.total_steps ? `Step ${fmt.int(p.last_step)} of ${fmt.int(p.total_steps)} (${fmt.pct(pct, 1)})` : `Step ${fmt.int(p.last_step)}`),
      h('span', { id: 'progress-rate' }, p.steps_per_second === null ? '' : `${fmt.num(p.steps_per_second, 2)} steps/s`),
      h('span', { id: 'progress-eta' }, p.eta ? `ETA ${fmt.time(p.eta)} (in ${duration(p.eta_seconds)})` : 'ETA unknown'),
      h('span', { id: 'progress-predicted' }, p.predicted_final_loss === null ? 'no predicted final loss yet'
        : predictionText({ metric: p.metric, target_step: p.total_steps, predicted_final_loss: p.predicted_final_loss, interval: p.interval }))),
    p.reason ? h('p', { class: 'muted small', id: 'progress-reason' }, p.reason) : null);
}

/**
 * Follows a running run: the progress stream (EventSource retries by itself); each event updates
 * the bar, and the charts and figures follow at most every 5 s; `finished` closes the stream and
 * draws the page again as the finished run.
 */
function follow(ctx, state, path, view, redraw) {
  const live = document.getElementById('progress-live');
  const source = new EventSource(`/api/v1${path}/progress`);
  state.stream = source;
  let last = 0;
  const schedule = () => {
    if (state.timer) return;
    state.timer = setTimeout(async () => {
      state.timer = null;
      last = Date.now();
      if (!ctx.isCurrent()) return;
      try { await view.refresh(); } catch (e) { console.error(e); }
    }, Math.max(0, last + 5000 - Date.now()));
  };
  let first = true;
  source.addEventListener('open', () => fill(live, 'live'));
  // EventSource retries a dropped stream by itself; a refused one (e.g. 503: the server's live
  // connections are all taken) stays closed: say so, Refresh still works
  source.addEventListener('error', () => fill(live, source.readyState === EventSource.CLOSED
    ? 'live updates unavailable; Refresh (r) reloads' : 'reconnecting…'));
  source.addEventListener('progress', e => {
    let p;
    try { p = JSON.parse(e.data); } catch { return; }
    fill(live, `live · updated ${fmt.time(new Date().toISOString())}`);
    view.progress(p);
    if (!first) schedule();
    first = false;
  });
  source.addEventListener('finished', () => {
    source.close();
    state.stream = null;
    if (ctx.isCurrent()) redraw();
  });
}

/** The exact points, a page at a time (the exact endpoint's cursor), one metric or all. */
function exactCard(path, run) {
  const select = h('select', { id: 'exact-metric' }, h('option', { value: '' }, 'all metrics'));
  const size = h('select', { id: 'exact-size' }, [100, 500, 1000].map(n => h('option', { value: n }, String(n))));
  const body = h('div', { class: 'exact-body' });
  const stack = [];
  let next = null;
  const load = async cursor => {
    fill(body, loading());
    try {
      const page = await api(`${path}/metrics`, { params: { exact: true, limit: size.value, cursor, name: select.value || null } });
      next = page.next_cursor;
      const rows = table([
        { label: 'Step', value: p => fmt.int(p.step), class: 'num' },
        { label: 'Epoch', value: p => (p.epoch === null ? '—' : loss(p.epoch)), class: 'num' },
        { label: 'Metric', value: p => p.name },
        { label: 'Value', value: p => loss(p.value), class: 'num' },
        { label: 'Logged at', value: p => p.timestamp ? fmt.time(p.timestamp) : '—' },
      ], page.points, { emptyText: 'No points.' });
      rows.querySelector('table')?.setAttribute('id', 'exact-table');
      const pager = h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'btn small', id: 'exact-first', disabled: !stack.length, onclick: () => { stack.length = 0; load(null); } }, '« First'),
        h('button', { type: 'button', class: 'btn small', id: 'exact-prev', disabled: !stack.length, onclick: () => { stack.pop(); load(stack[stack.length - 1] ?? null); } }, '‹ Previous'),
        h('button', { type: 'button', class: 'btn small', id: 'exact-next', disabled: !next, onclick: () => { stack.push(next); load(next); } }, 'Next ›'),
        h('span', { class: 'muted', id: 'exact-page' }, `page ${stack.length + 1} · ${fmt.int(page.points.length)} points`));
      fill(body, rows, pager);
    } catch (e) {
      fill(body, failure(e, () => load(cursor)));
    }
  };
  const names = async () => {
    try {
      const m = await api(`${path}/metrics`, { params: { downsample: 1 } });
      for (const s of m.series) select.append(h('option', { value: s.name }, s.name));
    } catch (e) { console.error(e); }
  };
  select.addEventListener('change', () => { stack.length = 0; load(null); });
  size.addEventListener('change', () => { stack.length = 0; load(null); });
  const section = h('section', { class: 'card wide', id: 'exact-points', 'aria-label': 'Exact points' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Exact points'),
      h('div', { class: 'card-actions' }, field('Metric', select), field('Per page', size))),
    h('p', { class: 'muted small' }, `Every logged value in step order, as stored (${fmt.int(run.point_count)} in all); the charts draw ${CHART_BUCKETS.toLocaleString('en-US')} step buckets.`),
    body);
  names();
  load(null);
  return section;
}
