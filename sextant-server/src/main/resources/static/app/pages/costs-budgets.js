// The budgets block of the costs page: each budget with where it stands in its current period
// (spent against the limit and thresholds, burn rate, projected period-end total with its
// interval), and create / edit / delete for users who may change configuration.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, table, badge, empty, dialog, field } from '../ui.js';
import { csvLink } from './costs-common.js';

const STATE_KIND = { ok: 'good', warning: 'warn', exceeded: 'bad' };

export function budgetsCard(ctx) {
  const writable = ctx.can('config:write');
  const create = writable ? h('button', { class: 'btn small primary', id: 'budget-create', type: 'button' }, 'New budget') : null;
  const c = card('Budgets', async () => {
    const answer = await api('/budgets');
    const budgets = answer.budgets || [];
    if (budgets.length === 0) {
      return empty(writable
        ? 'No budgets yet — create one to cap what the workspace, an agent or a model may spend per day, week or month.'
        : 'No budgets yet. A member or admin of this workspace can create one.',
      create ? h('button', { class: 'btn small', type: 'button', onclick: () => edit(null) }, 'Create a budget') : null);
    }
    return h('div', {}, table(columns(writable, edit, remove), budgets, { emptyText: 'No budgets yet.' }),
      h('p', { class: 'muted small' }, 'Spent counts the interactions that started in the current period (UTC). ',
        'The projection adds the forecast of the remaining days to what is spent; its range is a 95% prediction interval.'));
  }, { wide: true, id: 'budgets', actions: [create, csvLink('/budgets', { table: 'budgets' }, 'budgets')] });
  create?.addEventListener('click', () => edit(null));

  async function edit(budget) {
    const form = budgetForm(budget);
    const opened = await dialog(budget ? `Edit budget “${budget.name}”` : 'New budget', form.node,
      { submitLabel: budget ? 'Save' : 'Create' });
    if (!opened) return;
    const submit = async () => {
      form.clearErrors();
      opened.error('');
      try {
        await api(budget ? `/budgets/${encodeURIComponent(budget.id)}` : '/budgets',
          { method: budget ? 'PUT' : 'POST', body: form.value() });
        opened.close();
        c.reload();
      } catch (e) {
        const rest = form.showErrors(e);
        opened.error(rest.length ? rest.join('; ') : (e instanceof ApiError && e.problem?.errors?.length ? 'Please fix the fields marked above.'
          : (e instanceof ApiError ? e.detail : String(e))));
      }
    };
    opened.form.addEventListener('submit', e => { e.preventDefault(); submit(); });
    await submit();
  }

  async function remove(budget) {
    const opened = await dialog(`Delete budget “${budget.name}”?`,
      h('p', {}, 'Its alerts are resolved; spending data is not touched.'), { submitLabel: 'Delete' });
    if (!opened) return;
    try {
      await api(`/budgets/${encodeURIComponent(budget.id)}`, { method: 'DELETE' });
      opened.close();
      c.reload();
    } catch (e) {
      opened.error(e instanceof ApiError ? e.detail : String(e));
    }
  }
  return c;
}

function columns(writable, edit, remove) {
  const cols = [
    { label: 'Budget', value: b => h('span', { class: 'budget-name' }, b.name) },
    { label: 'Scope', class: 'nowrap', value: b => h('code', {}, b.scope) },
    { label: 'Period', value: b => `per ${b.period}${b.enforcement === 'enforce' ? ' · enforced' : ''}` },
    { label: 'Spent of limit', value: b => progress(b) },
    { label: 'State', value: b => (b.status ? badge(b.status.state, STATE_KIND[b.status.state] || '') : '—') },
    { label: 'Burn / day', class: 'num', value: b => fmt.usd(b.status?.burn_rate_usd_per_day) },
    { label: 'Projected at period end', value: b => projection(b) },
  ];
  if (writable) {
    cols.push({ label: 'Actions', value: b => h('span', { class: 'row-actions' },
      h('button', { class: 'btn small', type: 'button', 'aria-label': `Edit budget ${b.name}`, onclick: () => edit(b) }, 'Edit'),
      h('button', { class: 'btn small danger', type: 'button', 'aria-label': `Delete budget ${b.name}`, onclick: () => remove(b) }, 'Delete')) });
  }
  return cols;
}

function progress(b) {
  const s = b.status;
  if (!s) return '—';
  const used = Number(s.used_fraction) || 0;
  const top = Math.max(1, used, ...(b.thresholds || []));
  const bar = h('div', { class: `budget-bar ${s.state}`, role: 'img',
    'aria-label': `${fmt.pct(used)} of ${fmt.usd(b.amount_usd)} used; thresholds ${(b.thresholds || []).map(t => fmt.pct(t, 0)).join(', ')}` },
  h('div', { class: 'budget-fill', style: { width: `${Math.min(100, used / top * 100)}%` } }),
  (b.thresholds || []).map(t => h('div', { class: `budget-mark${(s.thresholds_crossed || []).includes(t) ? ' crossed' : ''}`,
    style: { left: `${Math.min(100, t / top * 100)}%` }, title: `threshold ${fmt.pct(t, 0)}` })));
  return h('div', { class: 'budget-progress' }, bar,
    h('div', { class: 'small' }, `${fmt.usd(s.spent_usd)} of ${fmt.usd(b.amount_usd)} (${fmt.pct(used)})`,
      h('span', { class: 'muted' }, ` · ${fmt.int(s.interactions)} interactions since ${fmt.shortTime(s.period_start)}`)));
}

function projection(b) {
  const p = b.status?.projection;
  if (!p) return '—';
  if (p.predicted_usd === null || p.predicted_usd === undefined) return h('span', { class: 'muted', title: p.reason }, 'not enough history');
  return h('div', { title: `${p.method}: ${p.reason}` },
    h('div', {}, fmt.usd(p.predicted_usd), ' ', p.over_budget ? badge('over budget', 'bad') : null),
    h('div', { class: 'muted small' }, `${Math.round((p.level || 0.95) * 100)}%: ${fmt.usd(p.lower_usd)} – ${fmt.usd(p.upper_usd)}`));
}

/** The budget form: the fields of POST /api/v1/budgets, each with room for the API's error about it. */
function budgetForm(budget) {
  const scope = budget?.scope || 'workspace';
  const kind = scope === 'workspace' ? 'workspace' : scope.split(':')[0];
  const name = h('input', { name: 'name', required: true, maxlength: 200, value: budget?.name || '', autocomplete: 'off' });
  const scopeKind = h('select', { name: 'scope_kind' },
    [['workspace', 'the whole workspace'], ['agent', 'one agent'], ['model', 'one model']]
      .map(([v, l]) => h('option', { value: v, selected: v === kind }, l)));
  const scopeId = h('input', { name: 'scope_id', value: kind === 'workspace' ? '' : scope.slice(kind.length + 1),
    placeholder: 'agent id or model name', autocomplete: 'off', 'aria-label': 'Agent id or model name' });
  const syncScope = () => { scopeId.hidden = scopeKind.value === 'workspace'; };
  scopeKind.addEventListener('change', syncScope);
  syncScope();
  const amount = h('input', { name: 'amount_usd', inputmode: 'decimal', required: true, value: budget ? String(budget.amount_usd) : '',
    placeholder: 'e.g. 50', autocomplete: 'off' });
  const period = h('select', { name: 'period' }, ['day', 'week', 'month']
    .map(p => h('option', { value: p, selected: p === (budget?.period || 'month') }, p)));
  const enforcement = h('select', { name: 'enforcement' }, [['watch', 'watch (warn only)'], ['enforce', 'enforce (the budget check denies)']]
    .map(([v, l]) => h('option', { value: v, selected: v === (budget?.enforcement || 'watch') }, l)));
  const thresholds = h('input', { name: 'thresholds', value: (budget?.thresholds || []).join(', '), placeholder: '0.5, 0.8, 1.0',
    autocomplete: 'off' });
  const slots = {};
  const slot = key => (slots[key] = h('div', { class: 'field-error', role: 'alert', dataset: { field: key } }));
  const node = h('div', { class: 'budget-form' },
    field('Budget name', name), slot('name'),
    h('div', { class: 'field' }, h('label', { for: 'budget-scope-kind' }, 'Scope'),
      h('div', { class: 'inline' }, Object.assign(scopeKind, { id: 'budget-scope-kind' }), scopeId),
      h('small', {}, 'What the budget counts: all interactions, those of one agent (agent id), or the calls of one model.')), slot('scope'),
    field('Amount (USD)', amount, 'More than 0, at most 1,000,000,000, at most 9 decimals.'), slot('amount_usd'),
    field('Period', period, 'Calendar periods in UTC; weeks start on Monday.'), slot('period'),
    field('Enforcement', enforcement), slot('enforcement'),
    field('Thresholds', thresholds, 'Fractions of the amount worth an alert, ascending, comma-separated; empty for 0.5, 0.8, 1.0.'),
    slot('thresholds'));
  return {
    node,
    value() {
      const body = {
        name: name.value,
        scope: scopeKind.value === 'workspace' ? 'workspace' : `${scopeKind.value}:${scopeId.value.trim()}`,
        // sent as typed: the API says what is wrong with it
        amount_usd: amount.value.trim(),
        period: period.value,
        enforcement: enforcement.value,
      };
      const t = thresholds.value.trim();
      if (t) body.thresholds = t.split(/[,\s]+/).filter(Boolean).map(x => (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(x) ? Number(x) : x));
      return body;
    },
    clearErrors() {
      for (const el of Object.values(slots)) fill(el);
      node.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    },
    /** Puts each field error under its field; answers the messages that belong to no field. */
    showErrors(e) {
      const rest = [];
      const inputs = { name, scope: scopeId.hidden ? scopeKind : scopeId, amount_usd: amount, period, enforcement, thresholds };
      for (const err of (e instanceof ApiError ? e.problem?.errors : null) || []) {
        const key = Object.keys(slots).find(k => err.field === k || err.field?.startsWith(`${k}[`) || err.field?.startsWith(`${k}.`));
        if (key) {
          slots[key].append(h('div', {}, err.message));
          inputs[key].setAttribute('aria-invalid', 'true');
        } else rest.push(err.field ? `${err.field}: ${err.message}` : err.message);
      }
      return rest;
    },
  };
}
