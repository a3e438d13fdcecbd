// What each activation or rollback of this configuration did to its agent's daily figures (the week
// before against the week after), with the money it made or cost when a value per success is given:
// GET /api/v1/analytics/business-impact for the configuration's agent, this configuration's changes.
import { api } from '../api.js';
import { h, fill, fmt, card, badge, empty } from '../ui.js';
import { named, showErrors, clearErrors } from '../admin-forms.js';
import { labelledTable } from './configurations-common.js';

function signed(v, format) {
  if (v === null || v === undefined) return '—';
  return `${v > 0 ? '+' : ''}${format(v)}`;
}

export function businessImpactCard(ctx, config) {
  const value = h('input', { inputmode: 'decimal', autocomplete: 'off', placeholder: 'e.g. 2.50', value: ctx.query.get('value_per_success') || '' });
  const cost = h('input', { inputmode: 'decimal', autocomplete: 'off', placeholder: 'e.g. 100', value: ctx.query.get('customization_cost') || '' });
  const out = h('div', { id: 'business-impact-result' });
  const form = h('form', { class: 'render-form impact-form', novalidate: true, 'aria-label': 'Value of a success and cost of a change' },
    named('value_per_success', 'Value of a success (USD, optional)', value),
    named('customization_cost', 'Cost of a change (USD, optional)', cost),
    h('div', { class: 'form-error', role: 'alert' }),
    h('div', {}, h('button', { class: 'btn small', type: 'submit' }, 'Apply')));
  const c = card('Business impact of activations (last 90 days)', async body => {
    fill(body, form, out);
    await load();
    return undefined;
  }, { wide: true, id: 'config-business-impact' });
  async function load() {
    clearErrors(form);
    const params = { agent_id: config.agent_id, value_per_success: value.value.trim(), customization_cost: cost.value.trim() };
    const q = new URLSearchParams(location.search);
    for (const k of ['value_per_success', 'customization_cost']) if (params[k]) q.set(k, params[k]); else q.delete(k);
    history.replaceState(null, '', `${location.pathname}${q.toString() ? `?${q}` : ''}`);
    let a;
    try {
      a = await api('/analytics/business-impact', { params });
    } catch (e) {
      fill(out);
      showErrors(form, e);
      return;
    }
    const changes = (a.changes || []).filter(x => x.configuration_id === config.id).reverse();
    fill(out, changes.length === 0
      ? empty('No activation or rollback of this configuration in the last 90 days. Creating a configuration or adding a version '
        + 'without activating it changes nothing that runs; activate a version to measure its effect.')
      : h('div', {}, labelledTable('Business impact', [
        { label: 'Change', value: x => h('span', { dataset: { change: x.id } }, `${x.kind} ${x.from_version ?? '—'} → ${x.to_version}`,
          h('div', { class: 'muted small' }, fmt.time(x.at))) },
        { label: 'Measured', value: x => (x.measured ? h('span', {}, badge('measured', 'good'), h('div', { class: 'small' }, x.reason))
          : h('span', { dataset: { unmeasured: '' } }, badge('not measured'), h('div', { class: 'small' }, x.reason))) },
        { label: 'Success rate', class: 'num', value: x => signed(x.success_rate_change, v => fmt.pct(v)) },
        { label: 'Avg response', class: 'num', value: x => signed(x.avg_response_ms_change, v => `${v < 0 ? '−' : ''}${fmt.ms(Math.abs(v))}`) },
        { label: 'Cost / execution', class: 'num', value: x => signed(x.cost_per_execution_change_usd, v => fmt.usd(v)) },
        { label: 'Rating', class: 'num', value: x => signed(x.mean_rating_change, v => fmt.num(v)) },
        { label: 'Executions / day', class: 'num', value: x => signed(x.executions_per_day_change, v => fmt.num(v, 1)) },
        { label: 'Net benefit', class: 'num', value: x => (x.net_benefit_usd === null || x.net_benefit_usd === undefined ? '—' : fmt.usd(x.net_benefit_usd)) },
        { label: 'ROI', class: 'num', value: x => (x.roi === null || x.roi === undefined ? '—' : fmt.pct(x.roi)) },
      ], changes), h('p', { class: 'muted small' }, 'After minus before: up to 7 whole days on each side of the change day, ',
        'cut to the same length. Net benefit needs a value of a success; ROI also a cost of a change (docs/API.md "business-impact").')));
  }
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  return c;
}
