// Forms of the alerts and settings pages: a modal form that stays open until the server accepts
// it and shows the API's field errors next to their inputs, confirmations, and one-time notices.
import { h, fill, field } from './ui.js';
import { ApiError } from './api.js';

/** Adds the stylesheet of these pages once. */
export function useAdminCss() {
  if (!document.querySelector('link[data-css="admin"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/admin.css', dataset: { css: 'admin' } }));
  }
}

/** A labelled field that the API's errors for `name` (and `name.*`) attach to. */
export function named(name, label, input, help) {
  if (!input.name) input.name = name;
  const el = field(label, input, help);
  el.dataset.field = name;
  return el;
}

/** A number typed as text: a number, undefined when empty, else the text itself so the API names the problem. */
export function numberOrText(value) {
  const v = String(value ?? '').trim();
  if (v === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) ? Number(v) : v;
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const top = form.querySelector(':scope > .form-error');
  if (top) fill(top);
}

/** Shows an error: each of the API's field errors under its field, the rest (or the detail) at the top. */
export function showErrors(form, error) {
  clearErrors(form);
  const top = form.querySelector(':scope > .form-error');
  const entries = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
  const unplaced = [];
  for (const e of entries) {
    const name = e.field || e.parameter || '';
    let box = null;
    for (let n = name; n && !box; n = n.includes('.') ? n.slice(0, n.lastIndexOf('.')) : '') {
      box = [...form.querySelectorAll('[data-field]')].find(el => el.dataset.field === n && el.offsetParent !== null)
        || [...form.querySelectorAll('[data-field]')].find(el => el.dataset.field === n);
    }
    if (!box) { unplaced.push(name ? `${name}: ${e.message}` : e.message); continue; }
    const id = `err-${Math.random().toString(36).slice(2)}`;
    box.append(h('small', { class: 'field-error', id, role: 'alert' }, e.message));
    const input = box.querySelector('input,select,textarea');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
    }
  }
  if (!top) return;
  if (entries.length === 0) {
    fill(top, error instanceof ApiError ? (error.status === 403 ? `Not allowed: ${error.detail}` : error.detail) : String(error?.message || error));
  } else if (unplaced.length) {
    fill(top, h('ul', {}, unplaced.map(u => h('li', {}, u))));
  } else {
    fill(top, entries.length === 1 ? 'Fix the marked field.' : `Fix the ${entries.length} marked fields.`);
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
}

/**
 * A modal form. `onSubmit(form)` sends it; when it throws, the errors are shown and the dialog
 * stays open for another try; when it resolves, the dialog closes and the promise resolves with
 * its value (null when cancelled with the button or Escape).
 */
export function formDialog(title, content, { submitLabel = 'Save', danger = false, onSubmit, wide = false, testid } = {}) {
  return new Promise(resolve => {
    let result = null;
    const submit = h('button', { type: 'submit', class: `btn ${danger ? 'danger' : 'primary'}` }, submitLabel);
    const form = h('form', { class: 'dialog-form', novalidate: true }, h('h2', {}, title), content,
      h('div', { class: 'form-error', role: 'alert' }),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn', onclick: () => d.close() }, 'Cancel'), submit));
    const d = h('dialog', { class: `modal admin-dialog${wide ? ' wide' : ''}`, 'aria-label': title, dataset: testid ? { testid } : undefined }, form);
    d.addEventListener('close', () => { d.remove(); resolve(result); });
    form.addEventListener('submit', async e => {
      e.preventDefault();
      clearErrors(form);
      submit.disabled = true;
      try {
        const value = await onSubmit(form);
        result = value === undefined ? true : value;
        d.close();
      } catch (err) {
        if (!(err instanceof ApiError) && !err?.problem) console.error(err);
        showErrors(form, err);
      } finally {
        submit.disabled = false;
      }
    });
    document.body.append(d);
    d.showModal();
    form.querySelector('input:not([type=hidden]),select,textarea')?.focus();
  });
}

/** Asks before doing something that cannot be undone; `action` runs on confirmation (its failure is shown). */
export function confirmDialog(title, message, action, { confirmLabel = 'Delete' } = {}) {
  return formDialog(title, h('p', {}, message), { submitLabel: confirmLabel, danger: true, onSubmit: action });
}

/** A dialog that only shows something, with one button to close it. */
export function infoDialog(title, content, { closeLabel = 'Close', wide = false, testid } = {}) {
  return new Promise(resolve => {
    const d = h('dialog', { class: `modal admin-dialog${wide ? ' wide' : ''}`, 'aria-label': title, dataset: testid ? { testid } : undefined },
      h('div', { class: 'dialog-form' }, h('h2', {}, title), content,
        h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn primary', onclick: () => d.close() }, closeLabel))));
    d.addEventListener('close', () => { d.remove(); resolve(); });
    document.body.append(d);
    d.showModal();
    d.querySelector('.dialog-actions button').focus();
  });
}

/** A line that says what just happened (success or failure) and is read out by screen readers. */
export function notice() {
  const el = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  el.ok = text => { el.className = 'notice good'; fill(el, text); };
  el.fail = error => {
    el.className = 'notice bad';
    fill(el, error instanceof ApiError ? `${error.method} ${error.path.split('?')[0]} failed: ${error.detail}` : String(error?.message || error));
  };
  el.clear = () => { el.className = 'notice'; fill(el); };
  return el;
}
