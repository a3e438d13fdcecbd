// One prediction target (`/predictions/:target`): its newest model — status and why, every
// quality figure with its interval and sample sizes, the reliability (calibration) chart and ECE
// of a binary target or the model against the mean predictor of a regression target, the top
// features — with "Retrain now" (config:write; synchronous) and "Try a prediction".
// GET /api/v1/predictions/models/{target}, POST …/models/{target}/train, POST /api/v1/predictions/{target}.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, empty, failure, loading } from '../ui.js';
import { chart, ranking } from '../charts.js';
import { sortableTable } from '../sortable-table.js';
import {
  usePredictionStyles, TARGETS, TEXT_FEATURES, NUMBER_FEATURES, statusBadge, headline, num3, interval, figure, scaleText, when,
} from './predictions-common.js';

export async function render(ctx) {
  usePredictionStyles();
  const target = ctx.params.target;
  ctx.title(`Prediction: ${target}`);
  const page = h('div', { class: 'predictions-page target-page' });
  fill(ctx.main, page);
  const show = async (trainedNote) => {
    fill(page, loading());
    let m;
    try {
      m = await api(`/predictions/models/${encodeURIComponent(target)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        fill(page, h('div', { class: 'state empty', id: 'target-not-found' },
          h('h1', {}, 'No such prediction target'), h('p', {}, e.detail),
          h('p', {}, h('a', { href: '/predictions' }, 'All prediction targets'))));
        return;
      }
      fill(page, failure(e, () => show()));
      return;
    }
    if (!ctx.isCurrent()) return;
    const trained = m.status !== 'not_trained';
    fill(page,
      h('div', { class: 'page-head' },
        h('div', {},
          h('p', { class: 'crumbs' }, h('a', { href: '/predictions' }, 'Predictions')),
          h('h1', {}, h('span', { class: 'target-name' }, m.target), ' ', statusBadge(m.status)),
          h('p', { class: 'muted' }, `${m.kind}: ${TARGETS[m.target] ?? ''}`),
          h('p', { id: 'model-reason', class: `reason ${m.status}` }, m.reason),
          trainedNote ?? null)),
      h('div', { class: 'grid' },
        card('Model', () => facts(m), { id: 'model-facts' }),
        retrainCard(m, show),
        trained ? card('Quality on the held-out rows', () => quality(m), { id: 'model-quality', wide: true }) : null,
        trained && m.kind === 'binary' && m.quality.reliability
          ? card('Calibration (reliability)', body => calibration(body, m), { id: 'model-calibration', wide: true }) : null,
        trained && m.kind === 'regression' && m.quality.mae !== undefined
          ? card('Model against the baseline', body => regression(body, m), { id: 'model-baseline', wide: true }) : null,
        trained ? card('Top features', body => features(body, m), { id: 'model-features', wide: true }) : null,
        tryCard(m)));
    if (!trained) {
      page.querySelector('.grid').prepend(h('section', { class: 'card wide', id: 'not-trained', 'aria-label': 'Not trained yet' },
        empty('No model has been trained for this target yet. Models are trained on a schedule (in the demo, once on a background '
          + 'thread after loading, which can take a minute or two): refresh to pick it up, or retrain it now.')));
    }
  };
  await show();
}

function facts(m) {
  const q = m.quality || {};
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value ?? h('span', { class: 'muted' }, '—'))];
  const validation = q.validation_log_loss ?? q.validation_mae;
  return h('dl', { class: 'facts' },
    row('Version', m.version === null ? null : h('span', { id: 'model-version' }, String(m.version))),
    row('Trained', when(m.trained_at)),
    row('Learner', m.algorithm?.replaceAll('_', ' ')),
    row('Training rows', m.train_n === null ? null : h('span', { id: 'model-train-n' }, fmt.int(m.train_n))),
    row('Test rows', m.test_n === null ? null : h('span', { id: 'model-test-n' }, fmt.int(m.test_n))),
    m.kind === 'binary' && q.base_rate !== undefined
      ? row('Base rate', `${fmt.pct(q.base_rate)} of the test rows (${fmt.int(q.test_positives)} of ${fmt.int(m.test_n)}); `
        + `${fmt.pct(q.train_base_rate)} in training`) : null,
    validation ? row(`Validation ${q.validation_log_loss ? 'log loss' : 'MAE'}`,
      Object.entries(validation).map(([k, v]) => `${k.replaceAll('_', ' ')} ${num3(v)}`).join(' · ')) : null);
}

function quality(m) {
  const q = m.quality;
  const row = (label, value, note) => [h('dt', {}, label), h('dd', {}, value, note ? h('span', { class: 'muted small' }, ' ', note) : null)];
  if (m.kind === 'binary') {
    if (q.auc === undefined) return empty('No held-out quality: the training stopped before a model was fitted.', h('p', { class: 'muted small' }, m.reason));
    return h('div', {},
      h('p', {}, headline(m)),
      h('dl', { class: 'facts', id: 'quality-figures' },
        row('AUC (95% DeLong interval)', figure(q.auc, num3(q.auc), { id: 'quality-auc' }),
          h('span', { id: 'quality-auc-ci' }, interval(q.auc_ci95))),
        row('Brier score', figure(q.brier, num3(q.brier), { id: 'quality-brier' }), `against ${num3(q.baseline_brier)} always predicting the training base rate`),
        row('Brier skill score', figure(q.brier_skill, num3(q.brier_skill), { id: 'quality-brier-skill' }), '(above 0: better than the base rate)'),
        row('Log loss', figure(q.log_loss, num3(q.log_loss), { id: 'quality-log-loss' })),
        row('Expected calibration error', figure(q.ece, num3(q.ece), { id: 'quality-ece' }), 'over the 10 bins below'),
        row('Test rows', `${fmt.int(m.test_n)}, ${fmt.int(q.test_positives)} positive`)));
  }
  if (q.mae === undefined) return empty('No held-out quality: the training stopped before a model was fitted.', h('p', { class: 'muted small' }, m.reason));
  return h('div', {},
    h('p', {}, headline(m)),
    q.scale === 'log1p_ms' ? h('p', { class: 'muted small' }, `Errors are on the log1p(ms) scale the model is fitted on: an MAE of `
      + `${num3(q.mae)} is typically a factor of ${fmt.num(Math.exp(q.mae), 2)} off (about ${fmt.pct(Math.exp(q.mae) - 1, 0)}); `
      + 'predictions are answered in ms.') : null,
    h('dl', { class: 'facts', id: 'quality-figures' },
      row(`MAE${scaleText(q)}`, figure(q.mae, num3(q.mae), { id: 'quality-mae' }), `against ${num3(q.baseline_mae)} predicting the training mean`),
      row('MAE gain (95% bootstrap interval)', figure(q.mae_improvement, num3(q.mae_improvement), { id: 'quality-mae-gain' }),
        h('span', { id: 'quality-mae-gain-ci' }, interval(q.mae_improvement_ci95))),
      row('RMSE', figure(q.rmse, num3(q.rmse), { id: 'quality-rmse' }), `against ${num3(q.baseline_rmse)}`),
      row('R²', figure(q.r2, num3(q.r2), { id: 'quality-r2' }), 'against the mean predictor'),
      row('Test rows', fmt.int(m.test_n))));
}

/** Predicted against observed per bin, the diagonal of perfect calibration, and the rows in each bin. */
function calibration(body, m) {
  const q = m.quality;
  const bins = q.reliability;
  const filled = bins.filter(b => b.n > 0);
  const el = h('div', { class: 'chart calibration-chart', role: 'img', dataset: { chart: 'calibration', bins: String(filled.length) },
    'aria-label': 'mean predicted probability against the observed rate per bin, with the diagonal of perfect calibration and '
      + 'the rows per bin; the table lists the same numbers' });
  fill(body,
    h('p', {}, 'Expected calibration error ', figure(q.ece, num3(q.ece), { id: 'calibration-ece' }),
      h('span', { class: 'muted small' }, ` — the row-weighted mean gap between predicted and observed over ${fmt.int(m.test_n)} test rows`)),
    el,
    sortableTable([
      { label: 'Bin', value: b => `${b.from.toFixed(1)}–${b.to.toFixed(1)}` },
      { label: 'Rows', class: 'num', value: b => fmt.int(b.n), sort: b => b.n },
      { label: 'Mean predicted', class: 'num', value: b => b.mean_predicted === null ? '—' : figure(b.mean_predicted, num3(b.mean_predicted)) },
      { label: 'Observed rate', class: 'num', value: b => b.observed_rate === null ? '—' : figure(b.observed_rate, num3(b.observed_rate)) },
    ], bins, { id: 'reliability-table', rowAttrs: b => ({ dataset: { bin: String(b.from) } }) }));
  chart(el, {
    grid: { left: 56, right: 64, top: 34, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: 0, max: 1, name: 'predicted', nameLocation: 'middle', nameGap: 24 },
    yAxis: [
      { type: 'value', min: 0, max: 1, name: 'observed' },
      { type: 'value', name: 'rows', splitLine: { show: false } },
    ],
    series: [
      { name: 'rows in the bin', type: 'bar', yAxisIndex: 1, barWidth: '6%', itemStyle: { opacity: 0.35 },
        data: bins.map(b => [(b.from + b.to) / 2, b.n]),
        tooltip: { formatter: p => `${bins[p.dataIndex].from.toFixed(1)}–${bins[p.dataIndex].to.toFixed(1)}: ${fmt.int(p.value[1])} rows` } },
      { name: 'perfect calibration', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none', lineStyle: { type: 'dashed' }, silent: true },
      { name: 'observed', type: 'line', data: filled.map(b => [b.mean_predicted, b.observed_rate, b.n]), symbolSize: 8,
        tooltip: { formatter: p => `predicted ${num3(p.value[0])}, observed ${num3(p.value[1])} (${fmt.int(p.value[2])} rows)` } },
    ],
  });
  return undefined;
}

/** A regression target's errors next to those of predicting the training mean. */
function regression(body, m) {
  const q = m.quality;
  const el = h('div', { class: 'chart', role: 'img', dataset: { chart: 'baseline' },
    'aria-label': 'MAE and RMSE of the model and of the mean predictor; the figures above list the same numbers' });
  fill(body,
    h('p', { class: 'small' }, `Errors on the ${fmt.int(m.test_n)} held-out rows${scaleText(q)}. The gain is the paired bootstrap's `
      + 'MAE(mean) − MAE(model) ', h('span', { id: 'baseline-gain' }, `${num3(q.mae_improvement)} ${interval(q.mae_improvement_ci95)}`), '.'),
    el);
  chart(el, {
    grid: { left: 56, right: 16, top: 30, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: v => num3(v) },
    xAxis: { type: 'category', data: ['MAE', 'RMSE'] },
    yAxis: { type: 'value' },
    series: [
      { name: 'model', type: 'bar', data: [q.mae, q.rmse], barMaxWidth: 48 },
      { name: 'mean predictor (baseline)', type: 'bar', data: [q.baseline_mae, q.baseline_rmse], barMaxWidth: 48 },
    ],
  });
  return undefined;
}

function features(body, m) {
  const top = m.top_features || [];
  if (!top.length) {
    fill(body, empty('No features reported for this model.'));
    return undefined;
  }
  const el = h('div', { class: 'chart', role: 'img', dataset: { chart: 'features' },
    'aria-label': 'the largest feature weights or importances; the table lists the same numbers' });
  const forest = m.algorithm === 'random_forest';
  fill(body,
    h('p', { class: 'muted small' }, forest ? 'Split importances of the random forest (how much each feature\'s splits reduce the impurity).'
      : 'Weights of the linear model toward the outcome (positive: more likely / larger).'),
    el,
    sortableTable([
      { label: 'Feature', value: f => h('code', { class: 'feature-name' }, f.feature), sort: f => f.feature },
      { label: forest ? 'Importance' : 'Weight', class: 'num', value: f => figure(f.weight, num3(f.weight)), sort: f => f.weight },
    ], top, { id: 'features-table', rowAttrs: f => ({ dataset: { feature: f.feature } }) }));
  ranking(el, { items: top.map(f => ({ name: f.feature, value: f.weight })), unit: 'num' });
  return undefined;
}

/** "Retrain now": POST …/train, synchronous (up to a minute on the demo); the API's 403 for a viewer. */
function retrainCard(m, show) {
  const out = h('div', { id: 'retrain-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn primary', id: 'retrain' }, 'Retrain now');
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    fill(out, loading('Training on the current data… this can take a minute.'));
    try {
      const trained = await api(`/predictions/models/${encodeURIComponent(m.target)}/train`, { method: 'POST' });
      await show(h('p', { id: 'retrained', class: 'small', role: 'status' },
        `Trained version ${trained.version} (${trained.status.replaceAll('_', ' ')}).`));
    } catch (e) {
      fill(out, h('div', { class: 'state error', role: 'alert', id: 'retrain-error' },
        h('p', {}, e instanceof ApiError ? `HTTP ${e.status}: ${e.detail}` : String(e?.message || e))));
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  return h('section', { class: 'card', id: 'model-retrain', 'aria-label': 'Retrain' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Retrain')),
    h('p', { class: 'muted small' }, 'Fits a new version on the current data now (the newest rows up to the configured maximum), '
      + 'and keeps it whatever the verdict. Needs config:write.'),
    button, out);
}

/** "Try a prediction": the documented features as free text/numbers, sent as typed so the API judges them. */
function tryCard(m) {
  const inputs = new Map();
  const errors = new Map();
  const input = (name, help, numeric) => {
    const el = h('input', { type: 'text', name, id: `feature-${name}`, autocomplete: 'off', inputmode: numeric ? 'numeric' : null,
      'aria-describedby': `feature-${name}-error` });
    const error = h('small', { class: 'field-error', id: `feature-${name}-error`, dataset: { feature: name } });
    inputs.set(name, { el, numeric });
    errors.set(name, error);
    return h('div', { class: 'field' }, h('label', { for: el.id }, name), el, help ? h('small', { class: 'muted' }, help) : null, error);
  };
  const context = h('textarea', { name: 'context', id: 'feature-context', rows: 2, placeholder: '{"channel": "chat", "locale": "de"}',
    'aria-describedby': 'feature-context-error' });
  const contextError = h('small', { class: 'field-error', id: 'feature-context-error', dataset: { feature: 'context' } });
  errors.set('context', contextError);
  const out = h('div', { id: 'prediction-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: 'predict' }, 'Predict');
  const form = h('form', { id: 'predict-form', class: 'predict-form', 'aria-label': 'Try a prediction', novalidate: true },
    h('div', { class: 'feature-grid' },
      TEXT_FEATURES.map(n => input(n, null, false)),
      NUMBER_FEATURES.map(([n, help]) => input(n, help, true)),
      h('div', { class: 'field wide-field' }, h('label', { for: context.id }, 'context (a JSON object of context types)'), context, contextError)),
    submit, out);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    for (const el of errors.values()) fill(el);
    fill(out);
    const body = {};
    for (const [name, { el, numeric }] of inputs) {
      const v = el.value.trim();
      if (!v) continue;
      // a whole number goes as a number; anything else is sent as typed, and the API says what is wrong with it
      body[name] = numeric && /^-?\d{1,15}$/.test(v) ? Number(v) : v;
    }
    if (context.value.trim()) {
      try {
        body.context = JSON.parse(context.value);
      } catch {
        fill(contextError, 'context must be JSON, such as {"channel": "chat"}');
        return;
      }
    }
    submit.disabled = true;
    fill(out, loading('Asking the model…'));
    try {
      const p = await api(`/predictions/${encodeURIComponent(m.target)}`, { method: 'POST', body: { features: body } });
      fill(out, answer(p));
    } catch (err) {
      fill(out);
      if (err instanceof ApiError && err.status === 400 && err.problem?.errors?.length) {
        const rest = [];
        for (const fe of err.problem.errors) {
          const name = (fe.pointer || '').split('/')[2]?.replaceAll('~1', '/').replaceAll('~0', '~');
          const slot = errors.get(name);
          if (slot) fill(slot, slot.textContent ? `${slot.textContent}; ${fe.message}` : fe.message);
          else rest.push(fe.message);
        }
        if (rest.length) fill(out, h('div', { class: 'state error', role: 'alert', id: 'prediction-error' }, h('ul', {}, rest.map(r => h('li', {}, r)))));
      } else if (err instanceof ApiError && err.status === 409) {
        fill(out, h('div', { class: 'state empty', id: 'prediction-refused', dataset: { status: '409' } },
          h('p', {}, h('strong', {}, 'No prediction: '), err.detail)));
      } else {
        fill(out, h('div', { class: 'state error', role: 'alert', id: 'prediction-error' },
          h('p', {}, err instanceof ApiError ? `HTTP ${err.status}: ${err.detail}` : String(err?.message || err))));
      }
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'card wide', id: 'model-try', 'aria-label': 'Try a prediction' },
    h('header', { class: 'card-head' }, h('h2', {}, 'Try a prediction')),
    h('p', { class: 'muted small' }, 'What an agent would ask before a call: any of the features (empty is "not known"). The answer comes '
      + 'from this workspace\'s newest model, when it is offered.'),
    form);
}

function answer(p) {
  const q = p.quality || {};
  const value = p.probability !== undefined && p.probability !== null
    ? h('p', {}, 'Probability ', h('strong', { class: 'big-figure', id: 'prediction-probability', dataset: { value: String(p.probability) } },
      fmt.pct(p.probability, 1)))
    : h('p', {}, 'Predicted ', h('strong', { class: 'big-figure', id: 'prediction-value', dataset: { value: String(p.value) } },
      p.unit === 'ms' ? fmt.ms(p.value) : fmt.num(p.value, 2)), p.unit && p.unit !== 'ms' ? ` (${p.unit})` : '');
  const quality = q.auc !== undefined
    ? `held-out AUC ${num3(q.auc)} ${interval(q.auc_ci95)}, Brier skill ${num3(q.brier_skill)}`
    : `held-out MAE ${num3(q.mae)} vs ${num3(q.baseline_mae)}${scaleText(q)}, gain ${num3(q.mae_improvement)} ${interval(q.mae_improvement_ci95)}`;
  return h('div', { class: 'prediction' }, value,
    h('p', { class: 'small' }, 'Model version ', h('span', { id: 'prediction-version' }, String(p.model_version)),
      ` (${p.algorithm?.replaceAll('_', ' ')}, trained ${fmt.time(p.trained_at)} on ${fmt.int(p.train_n)} rows, tested on `
      + `${fmt.int(p.test_n)}): ${quality}.`));
}
