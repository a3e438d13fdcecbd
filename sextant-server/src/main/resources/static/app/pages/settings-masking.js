// Settings → Masking: the workspace's masking rules (GET/PUT /api/v1/governance/masking), applied
// on the server before anything is stored: each built-in detector's action (off, mask, hash,
// drop) per target (inputs, outputs, attributes), custom patterns, and hashing of user ids. Admins
// edit; the server's field errors (each with its JSON pointer) are shown next to their field. A
// preview (POST …/masking/preview) tries the rules in the form, saved or not, on a text. The
// counters say what was masked per detector, action and day. Members who are not admins read the
// rules; changing them is refused by the API, whose answer is shown.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, empty, badge, table } from '../ui.js';

const DETECTORS = {
  api_key: 'API keys and tokens',
  email: 'E-mail addresses',
  payment_card: 'Payment card numbers (Luhn-checked)',
  ip_address: 'IP addresses',
  phone: 'Phone numbers',
};
const ACTIONS = ['off', 'mask', 'hash', 'drop'];
const ACTION_HELP = 'mask: replaced by a placeholder such as [EMAIL]; hash: replaced by a keyed hash, so equal values '
  + 'stay equal; drop: the whole text is not stored; off: kept as sent.';
const TARGETS = ['inputs', 'outputs', 'attributes'];

let cssAdded = false;
let flash = null;
function addCss() {
  if (cssAdded || document.querySelector('link[data-page=settings-governance]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/app/settings-governance.css', dataset: { page: 'settings-governance' } }));
  cssAdded = true;
}

function label(detector) { return DETECTORS[detector] || detector; }

/** Fills `container` with the masking settings of the caller's workspace. */
export async function render(container, ctx) {
  addCss();
  const admin = ctx.can('admin');
  let form = null; // the editor, when shown: the preview tries its rules
  const rulesCard = card('Masking rules', async () => {
    const data = await api('/governance/masking');
    if (!admin) { form = null; return readOnly(data); }
    form = editor(data, () => { flash = 'Saved.'; rulesCard.reload(); countersCard.reload(); });
    return form.node;
  }, { wide: true, id: 'masking-rules' });
  const previewCard = admin ? card('Preview', async () => preview(() => form), { wide: true, id: 'masking-preview' }) : null;
  const countersCard = card('What was masked (last 30 days)', async () => counters(await api('/governance/masking')),
    { wide: true, id: 'masking-counters' });
  fill(container,
    h('p', { class: 'muted' }, 'Masking runs on the server when data arrives, before anything is stored: the original text ',
      'never reaches the database or the logs. By default payment card numbers and API keys or tokens are masked.'),
    h('div', { class: 'grid' }, rulesCard, previewCard, countersCard));
}

function targetsText(list) {
  return list?.length ? list.join(', ') : 'nowhere';
}

function readOnly(data) {
  const rules = data.rules || {};
  const rows = Object.entries(rules.detectors || {}).map(([d, r]) => ({ name: label(d), ...r }))
    .concat((rules.custom || []).map(c => ({ ...c, name: `${c.name} (custom: ${c.pattern})` })));
  return h('div', {},
    table([
      { label: 'Detector', value: r => r.name },
      { label: 'Action', value: r => badge(r.action, r.action === 'off' ? '' : 'good') },
      { label: 'Applies to', value: r => r.action === 'off' ? '—' : targetsText(r.applies_to) },
    ], rows, { caption: 'Masking rules in force', emptyText: 'No rules.' }),
    h('p', {}, `User ids are ${rules.hash_user_ids ? 'replaced by a keyed hash' : 'stored as sent'}.`),
    h('p', { class: 'muted', id: 'masking-read-only' }, 'Only workspace admins can change masking rules.'));
}

/** One rule's controls: an action select and a checkbox per target, inside boxes that errors attach to. */
function ruleControls(name, rule, pointer) {
  const action = h('select', { 'aria-label': `${name}: action`, name: `${pointer}/action` },
    ACTIONS.map(a => h('option', { value: a, selected: a === rule.action }, a)));
  // a rule that is off applies nowhere; turned on, it applies everywhere until boxes are unticked
  const where = rule.action === 'off' && !rule.applies_to?.length ? TARGETS : rule.applies_to || TARGETS;
  const checks = TARGETS.map(t => h('input', { type: 'checkbox', value: t, 'aria-label': `${name}: ${t}`,
    checked: where.includes(t) }));
  const targets = h('span', { class: 'masking-targets', dataset: { pointer: `${pointer}/applies_to` } },
    checks.map((c, i) => h('label', {}, c, TARGETS[i])));
  const sync = () => checks.forEach(c => { c.disabled = action.value === 'off'; });
  action.addEventListener('change', sync);
  sync();
  return {
    action: h('span', { dataset: { pointer: `${pointer}/action` } }, action),
    targets,
    value: () => ({ action: action.value, applies_to: checks.filter(c => c.checked).map(c => c.value) }),
  };
}

function editor(data, saved) {
  const rules = data.rules || {};
  const built = Object.entries(rules.detectors || {}).map(([d, r]) => ({ d, c: ruleControls(label(d), r, `/detectors/${d}`) }));
  const detectorRows = h('tbody', {}, built.map(({ d, c }) =>
    h('tr', { dataset: { pointer: `/detectors/${d}`, detector: d } },
      h('th', { scope: 'row' }, label(d)), h('td', {}, c.action), h('td', {}, c.targets))));

  const customRows = [];
  const customBody = h('tbody', {});
  const customEmpty = h('p', { class: 'muted' }, 'No custom patterns.');
  const renumber = () => {
    customRows.forEach((r, i) => r.setIndex(i));
    customEmpty.hidden = customRows.length > 0;
  };
  const addCustom = c => {
    const row = { };
    const name = h('input', { type: 'text', value: c.name || '', maxlength: 200, spellcheck: 'false' });
    const pattern = h('input', { type: 'text', value: c.pattern || '', spellcheck: 'false', class: 'masking-pattern' });
    const nameBox = h('span', {}, name);
    const patternBox = h('span', {}, pattern);
    const controlsCell = h('td', {});
    const targetsCell = h('td', {});
    const remove = h('button', { type: 'button', class: 'btn small' }, 'Remove');
    const tr = h('tr', {}, h('td', {}, nameBox), h('td', {}, patternBox), controlsCell, targetsCell, h('td', {}, remove));
    let controls = null;
    row.setIndex = i => {
      const p = `/custom/${i}`;
      const current = controls ? controls.value() : { action: c.action || 'mask', applies_to: c.applies_to };
      const shown = name.value.trim() || `custom pattern ${i + 1}`;
      controls = ruleControls(shown, current, p);
      fill(controlsCell, controls.action);
      fill(targetsCell, controls.targets);
      tr.dataset.pointer = p;
      nameBox.dataset.pointer = `${p}/name`;
      patternBox.dataset.pointer = `${p}/pattern`;
      name.setAttribute('aria-label', `Custom pattern ${i + 1}: name`);
      pattern.setAttribute('aria-label', `Custom pattern ${i + 1}: regular expression`);
      remove.setAttribute('aria-label', `Remove custom pattern ${i + 1}`);
    };
    row.value = () => ({ name: name.value.trim(), pattern: pattern.value, ...controls.value() });
    remove.addEventListener('click', () => {
      customRows.splice(customRows.indexOf(row), 1);
      tr.remove();
      renumber();
    });
    customRows.push(row);
    customBody.append(tr);
    renumber();
    return name;
  };
  (rules.custom || []).forEach(addCustom);
  const add = h('button', { type: 'button', class: 'btn small', id: 'masking-add-custom' }, 'Add pattern');
  add.addEventListener('click', () => addCustom({ action: 'mask' }).focus());

  const hashUsers = h('input', { type: 'checkbox', id: 'masking-hash-user-ids', checked: !!rules.hash_user_ids });
  const status = h('span', { class: 'muted', role: 'status' }, flash);
  flash = null;
  const formError = h('div', { class: 'form-error', role: 'alert' });
  const save = h('button', { type: 'submit', class: 'btn primary' }, 'Save masking rules');
  const node = h('form', { novalidate: true, 'aria-label': 'Masking rules', class: 'masking-form' },
    h('p', {}, data.defaults ? badge('defaults') : null, ' ',
      data.defaults ? 'This workspace uses the default rules.' : `Last changed ${fmt.time(data.updated_at)}.`),
    h('h3', {}, 'Built-in detectors'),
    h('p', { class: 'muted' }, ACTION_HELP),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data masking-table' },
      h('caption', { class: 'sr-only' }, 'Built-in detectors'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Detector'), h('th', { scope: 'col' }, 'Action'),
        h('th', { scope: 'col' }, 'Applies to'))),
      detectorRows)),
    h('h3', {}, 'Custom patterns'),
    h('p', { class: 'muted' }, 'A Java regular expression; what it matches is treated like a detector\'s finding.'),
    h('div', { class: 'table-wrap', dataset: { pointer: '/custom' } }, h('table', { class: 'data masking-table' },
      h('caption', { class: 'sr-only' }, 'Custom patterns'),
      h('thead', {}, h('tr', {}, ['Name', 'Pattern', 'Action', 'Applies to', ''].map(t =>
        h('th', { scope: 'col' }, t || h('span', { class: 'sr-only' }, 'Remove'))))),
      customBody)),
    customEmpty, add,
    h('h3', {}, 'User ids'),
    h('div', { dataset: { pointer: '/hash_user_ids' } },
      h('label', { class: 'masking-check' }, hashUsers, 'Replace user ids by a keyed hash (the same user keeps the same id)')),
    formError,
    h('div', { class: 'masking-actions' }, save, status));

  const value = () => ({
    detectors: Object.fromEntries(built.map(({ d, c }) => [d, c.value()])),
    custom: customRows.map(r => r.value()),
    hash_user_ids: hashUsers.checked,
  });

  node.addEventListener('submit', async e => {
    e.preventDefault();
    clear(node);
    fill(status);
    save.disabled = true;
    try {
      await api('/governance/masking', { method: 'PUT', body: value() });
      saved();
    } catch (err) {
      save.disabled = false;
      show(node, formError, err, '');
    }
  });
  return { node, value, show: (err, prefix) => show(node, formError, err, prefix), clear: () => clear(node) };
}

function clear(form) {
  form.querySelectorAll('.field-error').forEach(el => el.remove());
  form.querySelectorAll('[aria-invalid]').forEach(el => { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); });
  const top = form.querySelector('.form-error');
  if (top) fill(top);
}

/**
 * The API's errors next to their fields: each goes to the element whose data-pointer is its
 * pointer (less `prefix`), or the nearest enclosing one; what has no place goes to `top`.
 */
function show(form, top, err, prefix) {
  if (!(err instanceof ApiError)) { fill(top, String(err?.message || err)); return; }
  const errors = err.problem?.errors || [];
  const unplaced = [];
  for (const fe of errors) {
    let pointer = fe.pointer ?? (fe.field ? `/${fe.field}` : '');
    if (prefix && pointer.startsWith(prefix)) pointer = pointer.slice(prefix.length);
    let box = null;
    for (let p = pointer; p && !box; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      box = [...form.querySelectorAll('[data-pointer]')].find(el => el.dataset.pointer === p);
    }
    if (!box) { unplaced.push(`${fe.field ? `${fe.field}: ` : ''}${fe.message}`); continue; }
    const id = `masking-err-${Math.random().toString(36).slice(2)}`;
    const message = h('small', { class: 'field-error', id, role: 'alert', dataset: { for: pointer } }, fe.message);
    if (box.tagName === 'TR') box.querySelector('td:last-child, th').append(message); else box.append(message);
    const input = box.querySelector('input,select');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
    }
  }
  if (unplaced.length || !errors.length) {
    fill(top, `Not saved: ${err.status === 403 ? `not allowed: ${err.detail}` : err.detail}`,
      unplaced.length ? h('ul', {}, unplaced.map(m => h('li', {}, m))) : null);
  } else {
    fill(top, errors.length === 1 ? 'Not saved: fix the marked field.' : `Not saved: fix the ${errors.length} marked fields.`);
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
}

function preview(editorOf) {
  const text = h('textarea', { id: 'masking-preview-text', rows: 4, spellcheck: 'false',
    placeholder: 'Write to jane.doe@example.com, card 4111 1111 1111 1111' });
  const target = h('select', { id: 'masking-preview-target' }, TARGETS.map(t => h('option', { value: t }, t)));
  const result = h('output', { id: 'masking-preview-result', for: 'masking-preview-text', class: 'masking-result' });
  const findings = h('div', { id: 'masking-preview-findings' });
  const error = h('div', { class: 'form-error', role: 'alert', id: 'masking-preview-error' });
  const run = h('button', { type: 'submit', class: 'btn' }, 'Preview');
  const form = h('form', { 'aria-label': 'Preview masking', novalidate: true },
    h('p', { class: 'muted' }, 'Tries the rules as they are in the form above, saved or not. The text is neither stored nor logged.'),
    h('div', { class: 'field' }, h('label', { for: text.id }, 'Text'), text),
    h('div', { class: 'field' }, h('label', { for: target.id }, 'As'), target),
    h('div', { class: 'masking-actions' }, run), error,
    h('h3', {}, 'Stored as'), result, findings);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    fill(error); fill(findings);
    const ed = editorOf();
    ed?.clear();
    run.disabled = true;
    try {
      const body = { text: text.value, applies_to: target.value };
      if (ed) body.rules = ed.value();
      const answer = await api('/governance/masking/preview', { method: 'POST', body });
      fill(result, answer.dropped ? h('em', {}, 'Not stored: a drop rule matched, so the whole text is left out.') : answer.text);
      fill(findings, answer.findings?.length
        ? table([
          { label: 'Detector', value: f => label(f.detector) },
          { label: 'Action', value: f => f.action },
          { label: 'Characters', value: f => `${f.start}–${f.end}` },
        ], answer.findings, { caption: 'Findings' })
        : h('p', { class: 'muted' }, 'Nothing found.'));
    } catch (err) {
      fill(result);
      const ruleErrors = (err.problem?.errors || []).filter(x => (x.pointer || '').startsWith('/rules'));
      if (ed && ruleErrors.length) {
        ed.show(err, '/rules');
        fill(error, 'The rules in the form have problems; they are marked above.');
      } else {
        fill(error, err instanceof ApiError ? [err.detail, ...err.fieldErrors().map(l => h('div', {}, l))] : String(err?.message || err));
      }
    } finally {
      run.disabled = false;
    }
  });
  return form;
}

function counters(data) {
  const totals = data.totals || [];
  const days = (data.counters || []).slice().sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  if (!totals.length) return empty(`Nothing was masked in the last ${data.days || 30} days.`);
  const max = Math.max(...totals.map(t => t.count));
  return h('div', {},
    table([
      { label: 'Detector', value: t => label(t.detector) },
      { label: 'Action', value: t => t.action },
      { label: 'Count', class: 'num', value: t => fmt.int(t.count) },
      { label: 'Share', value: t => h('span', { class: 'masking-bar', style: { width: `${Math.max(2, (t.count / max) * 100)}%` },
        'aria-hidden': 'true' }) },
    ], totals, { caption: 'Totals per detector and action' }),
    h('details', { class: 'masking-days' }, h('summary', {}, 'Per day'),
      table([
        { label: 'Day', value: c => c.day },
        { label: 'Detector', value: c => label(c.detector) },
        { label: 'Action', value: c => c.action },
        { label: 'Count', class: 'num', value: c => fmt.int(c.count) },
      ], days, { caption: 'Per day, newest first' })));
}
