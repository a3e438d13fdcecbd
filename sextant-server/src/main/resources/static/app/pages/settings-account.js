// Settings → Account: who is logged in, their role here and their workspaces, and changing the
// password (POST /api/v1/auth/password; the user's other sessions end, this one stays).
import { api } from '../api.js';
import { h, fill, fmt, card, table } from '../ui.js';
import { named, clearErrors, showErrors } from '../admin-forms.js';

export async function render(container, ctx) {
  const me = ctx.me;
  const you = card('Your account', async () => h('dl', { class: 'facts', id: 'account-facts' },
    h('dt', {}, 'Email'), h('dd', { dataset: { fact: 'email' } }, me.user.email),
    h('dt', {}, 'Name'), h('dd', {}, me.user.name || '—'),
    h('dt', {}, 'Workspace'), h('dd', {}, `${me.workspace.name || me.workspace.slug} (${me.workspace.slug || me.workspace.id})`),
    h('dt', {}, 'Role here'), h('dd', { dataset: { fact: 'role' } }, me.role),
    h('dt', {}, 'Scopes'), h('dd', {}, (me.scopes || []).join(', ')),
    h('dt', {}, 'Session ends'), h('dd', {}, me.expires_at ? `${fmt.time(me.expires_at)} at the latest (sooner after a long idle time)` : '—')),
  { id: 'account' });
  const workspaces = card('Your workspaces', async () => table([
    { label: 'Workspace', value: w => w.name || w.slug },
    { label: 'Slug', value: w => h('code', {}, w.slug || w.id) },
    { label: 'Your role', value: w => w.role },
    { label: '', value: w => w.id === me.workspace.id ? h('span', { class: 'muted' }, 'current') : '' },
  ], me.workspaces || [], { emptyText: 'No workspaces.' }), { id: 'account-workspaces' });
  const password = card('Change password', async () => passwordForm(me.user.email), { id: 'change-password' });
  fill(container, h('div', { class: 'grid' }, you, workspaces, password));
}

function passwordForm(email) {
  const current = h('input', { type: 'password', name: 'current_password', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', name: 'new_password', autocomplete: 'new-password', required: true, minlength: 8 });
  const again = h('input', { type: 'password', name: 'confirm_password', autocomplete: 'new-password', required: true });
  const done = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'password-result' });
  const submit = h('button', { type: 'submit', class: 'btn primary' }, 'Change password');
  const form = h('form', { class: 'stack-form', novalidate: true, 'aria-label': 'Change password' },
    // password managers want the account's name next to a new password
    h('input', { type: 'text', name: 'username', autocomplete: 'username', value: email, hidden: true, readonly: true, tabindex: '-1' }),
    named('current_password', 'Current password', current),
    named('new_password', 'New password', next, '8 characters or more (at most 72 bytes).'),
    named('confirm_password', 'New password again', again),
    h('div', { class: 'form-error', role: 'alert' }), submit, done);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    fill(done);
    done.className = 'notice';
    if (next.value !== again.value) {
      showErrors(form, localProblem('confirm_password', 'the two new passwords differ'));
      return;
    }
    submit.disabled = true;
    try {
      await api('/auth/password', { method: 'POST', body: { current_password: current.value, new_password: next.value } });
      form.reset();
      done.className = 'notice good';
      fill(done, 'Password changed. Your other sessions have been logged out; this one stays.');
    } catch (err) {
      showErrors(form, err);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** A client-side check shown the same way as the server's field errors. */
function localProblem(field, message) {
  return Object.assign(new Error(message), { problem: { errors: [{ field, message }] } });
}
