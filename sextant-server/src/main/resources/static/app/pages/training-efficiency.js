// The "Efficiency" block of `/training` (GET /api/v1/training/efficiency, issue 7 item 7): for the
// page's agent filter over the last 90 days, the GPU hours, cost and tokens, the improvement each
// GPU hour and dollar bought, the over-trained runs and what stopping them at their best epoch would
// have saved, and the batch sizes and epoch counts that wasted resources against the best group.
// Its own card: it loads, fails (with Retry) and empties without touching the runs table.
import { api } from '../api.js';
import { h, fmt, card, empty, kpi, badge } from '../ui.js';
import { gpuHours, loss, sortableTable } from './training-common.js';

const DAYS = 90;

/** The card; `agentId` is the page's agent filter ('' for every agent). */
export function efficiencyCard(agentId) {
  return card('Efficiency', async () => {
    const from = new Date(Date.now() - DAYS * 86400_000).toISOString();
    const params = { from };
    if (agentId) params.agent_id = agentId;
    const e = await api('/training/efficiency', { params });
    if (e.run_count === 0) {
      return empty(`No finished run${agentId ? ` of agent “${agentId}”` : ''} in the last ${DAYS} days: `
        + 'efficiency is measured on completed, failed or stopped runs with a val_loss and their reported resources.');
    }
    return h('div', { class: 'efficiency', dataset: { runCount: String(e.run_count) } },
      h('p', { class: 'muted small' }, `${fmt.int(e.run_count)} finished run${e.run_count === 1 ? '' : 's'} `
        + `started in the last ${DAYS} days${agentId ? ` by ${agentId}` : ''}${e.truncated ? ' (the newest 5,000 only)' : ''}. `
        + 'Improvement: first minus lowest validation loss; pooled over the runs that report GPU hours or cost.'),
      figures(e), overtrained(e), savings(e.potential_savings),
      groups('Batch sizes', 'batch-sizes', e.batch_sizes, 'batch_size'),
      groups('Epoch counts', 'epoch-groups', e.epochs, 'epochs'));
  }, { wide: true, id: 'training-efficiency' });
}

/** A figure with its raw API value in data-value (the e2e test compares it with the JSON). */
function value(v, text) {
  return h('span', { dataset: { value: v === null || v === undefined ? '' : String(v) } }, text);
}

function figures(e) {
  const t = e.totals ?? {};
  return h('div', { class: 'kpis', id: 'efficiency-figures' },
    kpi('GPU hours', value(t.gpu_hours, gpuHours(t.gpu_hours)), undefined, { testid: 'gpu_hours' }),
    kpi('Cost', value(t.cost_usd, fmt.usd(t.cost_usd)), undefined, { testid: 'cost_usd' }),
    kpi('Tokens', value(t.tokens_processed, fmt.compact(t.tokens_processed)), undefined, { testid: 'tokens_processed' }),
    kpi('Improvement per GPU hour', value(e.compute_efficiency?.improvement_per_gpu_hour, loss(e.compute_efficiency?.improvement_per_gpu_hour)),
      undefined, { testid: 'improvement_per_gpu_hour', hint: 'validation-loss improvement per GPU hour, pooled over the runs' }),
    kpi('Improvement per dollar', value(e.cost_efficiency?.improvement_per_dollar, loss(e.cost_efficiency?.improvement_per_dollar)),
      undefined, { testid: 'improvement_per_dollar', hint: 'validation-loss improvement per dollar, pooled over the runs' }),
    kpi('Tokens per GPU hour', value(e.compute_efficiency?.tokens_per_gpu_hour, fmt.compact(e.compute_efficiency?.tokens_per_gpu_hour)),
      undefined, { testid: 'tokens_per_gpu_hour' }));
}

function overtrained(e) {
  const runs = e.overtrained_runs ?? [];
  return h('div', { id: 'overtrained-runs' }, h('h3', {}, 'Over-trained runs'),
    runs.length === 0
      ? h('p', { class: 'muted' }, 'None: every run reached its lowest validation loss late enough (after 70% of its last epoch).')
      : sortableTable([
        { key: 'run', label: 'Run', sort: r => r.name ?? r.run_id, value: r => r.name || r.run_id },
        { key: 'best_epoch', label: 'Best epoch', class: 'num', sort: r => r.best_epoch, value: r => value(r.best_epoch, fmt.num(r.best_epoch, 2)) },
        { key: 'last_epoch', label: 'Last epoch', class: 'num', sort: r => r.last_epoch, value: r => value(r.last_epoch, fmt.num(r.last_epoch, 2)) },
        { key: 'wasted_epochs', label: 'Wasted epochs', class: 'num', sort: r => r.wasted_epochs, value: r => value(r.wasted_epochs, fmt.num(r.wasted_epochs, 2)) },
        { key: 'wasted_gpu_hours', label: 'Wasted GPU hours', class: 'num', sort: r => r.wasted_gpu_hours,
          value: r => value(r.wasted_gpu_hours, gpuHours(r.wasted_gpu_hours)) },
        { key: 'wasted_cost_usd', label: 'Wasted cost', class: 'num', sort: r => r.wasted_cost_usd,
          value: r => value(r.wasted_cost_usd, fmt.usd(r.wasted_cost_usd)) },
      ], runs.map(r => ({ ...r, id: r.run_id })), { rowHref: r => `/training/${encodeURIComponent(r.run_id)}`, id: 'overtrained-table' }));
}

function savings(s) {
  const none = !s || !s.run_ids?.length;
  return h('div', { id: 'potential-savings', class: 'savings' }, h('h3', {}, 'Potential savings'),
    none ? h('p', { class: 'muted' }, 'Nothing to save by stopping earlier.')
      : h('p', {}, 'Stopping the over-trained runs at their best epoch would have saved ',
        h('strong', { dataset: { figure: 'gpu_hours' } }, value(s.gpu_hours, gpuHours(s.gpu_hours))), ' and ',
        h('strong', { dataset: { figure: 'cost_usd' } }, value(s.cost_usd, fmt.usd(s.cost_usd))),
        ` (${s.run_ids.length} run${s.run_ids.length === 1 ? '' : 's'}).`));
}

function groups(title, id, cmp, setting) {
  const head = h('h3', {}, title);
  if (!cmp || cmp.status !== 'compared') {
    return h('div', { id, dataset: { status: cmp?.status ?? '' } }, head,
      h('p', { class: 'muted', dataset: { reason: '' } }, cmp?.reason ?? `No runs with the hyperparameter ${setting}.`));
  }
  const mark = g => g.best ? badge('best', 'good') : g.wasted ? badge('wasted', 'bad') : badge('ok');
  return h('div', { id, dataset: { status: cmp.status } }, head,
    sortableTable([
      { key: 'value', label: setting, sort: g => g.value, value: g => value(g.value, String(g.value)) },
      { key: 'runs', label: 'Runs', class: 'num', sort: g => g.run_ids.length, value: g => fmt.int(g.run_ids.length) },
      { key: 'gpu_hours', label: 'GPU hours', class: 'num', sort: g => g.gpu_hours, value: g => value(g.gpu_hours, gpuHours(g.gpu_hours)) },
      { key: 'improvement', label: 'Improvement', class: 'num', sort: g => g.improvement, value: g => value(g.improvement, loss(g.improvement)) },
      { key: 'rate', label: 'GPU hours per improvement', class: 'num', sort: g => g.gpu_hours_per_improvement,
        value: g => value(g.gpu_hours_per_improvement, fmt.num(g.gpu_hours_per_improvement, 2)) },
      { key: 'ratio', label: '× best', class: 'num', sort: g => g.ratio_to_best, value: g => value(g.ratio_to_best, fmt.num(g.ratio_to_best, 2)) },
      { key: 'mark', label: 'Verdict', sort: g => (g.best ? 0 : g.wasted ? 2 : 1),
        value: g => h('span', { dataset: { mark: g.best ? 'best' : g.wasted ? 'wasted' : 'ok' } }, mark(g)) },
      { key: 'excess_gpu_hours', label: 'Excess GPU hours', class: 'num', sort: g => g.excess_gpu_hours,
        value: g => value(g.excess_gpu_hours, gpuHours(g.excess_gpu_hours)) },
      { key: 'excess_cost_usd', label: 'Excess cost', class: 'num', sort: g => g.excess_cost_usd,
        value: g => value(g.excess_cost_usd, fmt.usd(g.excess_cost_usd)) },
    ], cmp.groups.map(g => ({ ...g, id: String(g.value) })), { id: `${id}-table` }));
}
