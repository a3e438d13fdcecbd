// The experiment form (create, and edit while a draft): every field of POST /api/v1/experiments,
// variants as rows that can be added and removed, a live "allocations sum to N" hint, and the
// API's field errors (`variants[1].allocation`, `success_metrics[0]`, ...) under their fields.
import { api, ApiError } from '../api.js';
import { h, fill } from '../ui.js';
import { named, numberOrText, formDialog } from '../admin-forms.js';

/** The metrics of docs/API.md "Experiments", in the documented order. */
export const METRICS = ['success_rate', 'satisfaction', 'response_time', 'error_rate', 'handoff_rate', 'cost_per_unit'];
export const METRIC_LABELS = {
  success_rate: 'success rate', satisfaction: 'satisfaction', response_time: 'response time',
  error_rate: 'error rate', cost: 'cost', cost_per_unit: 'cost per unit', handoff_rate: 'hand-off rate',
};
const DEFAULT_SUCCESS = ['success_rate'];
const DEFAULT_GUARDRAILS = ['cost_per_unit', 'response_time', 'handoff_rate'];
const UNITS = [['user_id', 'users (user_id)'], ['session_id', 'sessions (session_id)'], ['conversation_id', 'conversations (conversation_id)']];

/**
 * Opens the form; `experiment` prefills it (edit of a draft: PUT), none creates (POST).
 * Resolves with the saved experiment, or null when cancelled.
 */
export function experimentDialog(experiment) {
  const form = experimentForm(experiment);
  return formDialog(experiment ? `Edit experiment “${experiment.name}”` : 'New experiment', form.node, {
    submitLabel: experiment ? 'Save' : 'Create', wide: true, testid: 'experiment-form',
    onSubmit: async () => {
      try {
        return await api(experiment ? `/experiments/${encodeURIComponent(experiment.id)}` : '/experiments',
          { method: experiment ? 'PUT' : 'POST', body: form.value() });
      } catch (e) {
        throw placeable(e);
      }
    },
  });
}

/**
 * The API names list members as `success_metrics[0]`; their errors belong under the list's
 * checkboxes. Variant fields (`variants[1].allocation`) have a box of their own.
 */
function placeable(e) {
  if (!(e instanceof ApiError) || !Array.isArray(e.problem?.errors)) return e;
  for (const err of e.problem.errors) {
    const f = err.field || '';
    const m = /^(success_metrics|guardrails)\[\d+\]$/.exec(f);
    if (m) err.field = m[1];
  }
  return e;
}

function experimentForm(experiment) {
  const e = experiment || {};
  const id = h('input', { name: 'id', maxlength: 64, autocomplete: 'off', value: e.id || '', placeholder: 'generated when empty',
    readonly: experiment ? true : null });
  const name = h('input', { name: 'name', maxlength: 200, autocomplete: 'off', value: e.name || '' });
  const hypothesis = h('textarea', { name: 'hypothesis', maxlength: 4000, rows: 2 }, e.hypothesis || '');
  const agent = h('input', { name: 'agent_id', maxlength: 256, autocomplete: 'off', value: e.agent_id || '', placeholder: 'e.g. support-bot',
    list: 'experiment-agents' });
  const versionList = h('datalist', { id: 'experiment-config-versions' });
  const agentList = h('datalist', { id: 'experiment-agents' });
  suggest(versionList, agentList);
  const unit = h('select', { name: 'unit' }, UNITS.map(([v, l]) => h('option', { value: v, selected: v === (e.unit || 'user_id') }, l)));

  // ---- variants ----
  const rows = h('div', { class: 'variant-rows' });
  const sumHint = h('p', { class: 'alloc-sum', id: 'allocation-sum', 'aria-live': 'polite' });
  const addButton = h('button', { type: 'button', class: 'btn small', id: 'add-variant' }, 'Add variant');
  const variants = [];
  const addRow = v => {
    const row = {
      id: h('input', { autocomplete: 'off', maxlength: 64, value: v?.id || '', size: 10 }),
      name: h('input', { autocomplete: 'off', maxlength: 200, value: v?.name && v.name !== v.id ? v.name : '', size: 12, placeholder: 'optional' }),
      version: h('input', { autocomplete: 'off', maxlength: 256, value: v?.configuration_version || '', placeholder: 'config-id-v1', size: 16,
        list: 'experiment-config-versions' }),
      allocation: h('input', { autocomplete: 'off', inputmode: 'numeric', value: v?.allocation ?? '', size: 4 }),
      control: h('input', { type: 'radio', name: 'control', checked: !!v?.control }),
    };
    row.remove = h('button', { type: 'button', class: 'btn small danger' }, 'Remove');
    row.node = h('div', { class: 'variant-row' });
    row.remove.addEventListener('click', () => {
      variants.splice(variants.indexOf(row), 1);
      row.node.remove();
      renumber();
    });
    row.allocation.addEventListener('input', updateSum);
    variants.push(row);
    rows.append(row.node);
    renumber();
  };
  function cell(key, label, input, i) {
    input.setAttribute('aria-label', `Variant ${i + 1} ${label}`);
    return h('div', { class: `variant-cell ${key}`, dataset: { field: `variants[${i}].${key}` } }, input);
  }
  function renumber() {
    variants.forEach((r, i) => {
      fill(r.node, h('span', { class: 'variant-no', 'aria-hidden': 'true' }, `${i + 1}`),
        cell('id', 'id', r.id, i), cell('name', 'name', r.name, i), cell('configuration_version', 'configuration version', r.version, i),
        cell('allocation', 'allocation', r.allocation, i),
        h('label', { class: 'variant-cell control', dataset: { field: `variants[${i}].control` } }, r.control, 'control'),
        variants.length > 2 ? r.remove : null);
      r.node.dataset.field = `variants[${i}]`;
      r.remove.setAttribute('aria-label', `Remove variant ${i + 1}`);
    });
    addButton.disabled = variants.length >= 10;
    updateSum();
  }
  function updateSum() {
    const values = variants.map(r => r.allocation.value.trim());
    const numbers = values.map(v => (/^\d+$/.test(v) ? Number(v) : NaN));
    const sum = numbers.reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0);
    const odd = values.filter((v, i) => v !== '' && Number.isNaN(numbers[i])).length;
    sumHint.className = `alloc-sum ${sum === 100 && !odd ? 'ok' : 'off'}`;
    fill(sumHint, `Allocations sum to ${sum}${sum === 100 ? '' : ' (they must sum to 100)'}`
      + `${odd ? `; ${odd} is not a whole number` : ''}.`);
  }
  addButton.addEventListener('click', () => {
    addRow(null);
    variants[variants.length - 1].id.focus();
  });
  const initial = e.variants?.length ? e.variants
    : [{ id: 'control', allocation: 50, control: true }, { id: 'treatment', allocation: 50 }];
  initial.forEach(addRow);

  // ---- metrics ----
  const success = checkList('success_metrics', 'Success metrics', e.success_metrics || DEFAULT_SUCCESS,
    'The first one checked is the primary metric, which decides the winner.');
  const guards = checkList('guardrails', 'Guardrails', e.guardrails || DEFAULT_GUARDRAILS,
    'Metrics that must not get significantly worse. None checked: no guardrails.');

  // ---- plan ----
  const numberInput = (nameOf, value, placeholder) => h('input', { name: nameOf, autocomplete: 'off', inputmode: 'decimal',
    value: value ?? '', placeholder });
  const minSample = numberInput('minimum_sample_size', e.minimum_sample_size, 'units per variant');
  const mde = numberInput('minimum_detectable_effect', e.minimum_detectable_effect, 'e.g. 0.02');
  const baseline = numberInput('baseline', e.baseline, 'e.g. 0.1');
  const alpha = numberInput('alpha', e.alpha ?? 0.05);
  const power = numberInput('power', e.power ?? 0.8);
  const correction = h('select', { name: 'correction' }, [['holm', 'Holm'], ['benjamini_hochberg', 'Benjamini-Hochberg']]
    .map(([v, l]) => h('option', { value: v, selected: v === (e.correction || 'holm') }, l)));
  const autoConclude = h('input', { type: 'checkbox', name: 'auto_conclude', checked: !!e.auto_conclude });
  const startsAt = h('input', { name: 'starts_at', autocomplete: 'off', value: e.starts_at || '', placeholder: '2026-12-01T00:00:00Z' });
  const endsAt = h('input', { name: 'ends_at', autocomplete: 'off', value: e.ends_at || '', placeholder: 'optional' });

  const node = h('div', { class: 'experiment-form' }, versionList, agentList,
    h('div', { class: 'row' },
      named('name', 'Name', name), named('id', 'Id', id, experiment ? 'An id cannot change.' : 'Optional; a-z, 0-9, . _ -'),
      named('agent_id', 'Agent', agent), named('unit', 'Unit', unit, 'What is randomized.')),
    named('hypothesis', 'Hypothesis', hypothesis),
    h('fieldset', {}, h('legend', {}, 'Variants'),
      h('p', { class: 'muted small' }, 'Each runs a configuration version; allocations are whole percents summing to 100; '
        + 'the control is the one checked (none: the first).'),
      rows, h('div', { class: 'variant-foot', dataset: { field: 'variants' } }, addButton, sumHint)),
    h('div', { class: 'row two' }, success.node, guards.node),
    h('fieldset', {}, h('legend', {}, 'Plan'),
      h('div', { class: 'row' },
        named('minimum_sample_size', 'Minimum sample size', minSample, 'Units per variant before a verdict.'),
        named('minimum_detectable_effect', 'Minimum detectable effect (MDE)', mde, 'Absolute change of the primary metric.'),
        named('baseline', 'Baseline', baseline, 'The primary rate now (0 to 1).'),
        named('alpha', 'Alpha', alpha), named('power', 'Power', power),
        named('correction', 'Correction', correction, 'Over several metrics.'),
        named('starts_at', 'Starts at', startsAt, 'RFC 3339, optional.'), named('ends_at', 'Ends at', endsAt, 'RFC 3339, optional.')),
      h('div', { class: 'field check', dataset: { field: 'auto_conclude' } },
        h('label', {}, autoConclude, ' Conclude automatically when the results reach a verdict'))));

  return {
    node,
    value() {
      const body = {
        name: name.value,
        hypothesis: hypothesis.value.trim() || undefined,
        agent_id: agent.value.trim() || undefined,
        unit: unit.value,
        variants: variants.map(r => ({
          id: r.id.value.trim(),
          name: r.name.value.trim() || undefined,
          configuration_version: r.version.value.trim(),
          // sent as typed: the API says what is wrong with it
          allocation: numberOrText(r.allocation.value),
          control: r.control.checked || undefined,
        })),
        success_metrics: success.value(),
        guardrails: guards.value(),
        minimum_sample_size: numberOrText(minSample.value),
        minimum_detectable_effect: numberOrText(mde.value),
        baseline: numberOrText(baseline.value),
        alpha: numberOrText(alpha.value),
        power: numberOrText(power.value),
        correction: correction.value,
        auto_conclude: autoConclude.checked,
        starts_at: startsAt.value.trim() || undefined,
        ends_at: endsAt.value.trim() || undefined,
      };
      if (!experiment && id.value.trim()) body.id = id.value.trim();
      if (experiment) body.id = experiment.id;
      return body;
    },
  };
}

/** Suggestions from the workspace's configurations: their version ids (newest first) and agents. Best effort. */
async function suggest(versionList, agentList) {
  try {
    const { configurations } = await api('/configurations');
    const versions = [];
    for (const c of configurations || []) {
      for (let n = c.latest_version; n >= 1 && n > c.latest_version - 5; n--) versions.push(`${c.id}-v${n}`);
    }
    fill(versionList, versions.map(v => h('option', { value: v })));
    fill(agentList, [...new Set((configurations || []).map(c => c.agent_id).filter(Boolean))].map(a => h('option', { value: a })));
  } catch { /* suggestions only: typing works without them */ }
}

/** Checkboxes over METRICS that remember the order they were checked in (the first is the primary). */
function checkList(key, legend, checked, help) {
  const order = [...checked];
  const boxes = METRICS.map(m => {
    const box = h('input', { type: 'checkbox', value: m, checked: checked.includes(m) });
    box.addEventListener('change', () => {
      const at = order.indexOf(m);
      if (at >= 0) order.splice(at, 1);
      if (box.checked) order.push(m);
      showPrimary();
    });
    return { m, box, label: h('label', {}, box, METRIC_LABELS[m]) };
  });
  const primary = h('small', { class: 'muted' });
  const showPrimary = () => {
    if (key !== 'success_metrics') return;
    fill(primary, order.length ? `Primary: ${METRIC_LABELS[order[0]]}` : 'Check at least one.');
  };
  showPrimary();
  const node = h('fieldset', { dataset: { field: key } }, h('legend', {}, legend),
    h('div', { class: 'checks', role: 'group', 'aria-label': legend }, boxes.map(b => b.label)),
    h('small', { class: 'muted' }, help), ' ', primary);
  return { node, value: () => order.filter(m => boxes.find(b => b.m === m).box.checked) };
}
