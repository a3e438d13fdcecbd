// Settings → Members (admin): who may log in to this workspace and with which role; add (a new
// email creates the user, with a first password), change a role, remove. The server refuses to
// demote or remove the last admin, and that refusal is shown as it comes.
import { api } from '../api.js';
import { h, fill, card, table, badge } from '../ui.js';
import { named, formDialog, confirmDialog, notice } from '../admin-forms.js';

const ROLES = [
  ['viewer', 'reads everything'],
  ['member', 'also sends data and changes prices, budgets and alert rules'],
  ['admin', 'also manages keys and members'],
];

export async function render(container, ctx) {
  const said = notice();
  const members = card('Members', () => list(ctx, said, () => members.reload()), {
    wide: true, id: 'members',
    actions: h('button', { class: 'btn small primary', id: 'add-member', onclick: () => add(said, () => members.reload()) }, 'Add member'),
  });
  fill(container, said, members,
    h('p', { class: 'muted' }, 'Roles: ', ROLES.map(([r, what], i) => [i ? '; ' : '', h('strong', {}, r), ` ${what}`]),
      '. A changed role counts at once; removing a member ends their sessions in this workspace.'));
}

async function list(ctx, said, reload) {
  const { items } = await api('/members');
  return table([
    { label: 'Email', value: m => h('span', { class: 'member-email' }, m.email, m.user_id === ctx.me.user.id ? h('span', { class: 'muted' }, ' (you)') : null) },
    { label: 'Name', value: m => m.name },
    { label: 'Role', value: m => roleSelect(m, said) },
    { label: 'Account', value: m => m.disabled ? badge('disabled', 'bad') : badge('active', 'good') },
    { label: '', value: m => h('button', {
      class: 'btn small danger', 'aria-label': `Remove ${m.email}`,
      onclick: () => confirmDialog(`Remove ${m.email} from this workspace?`,
        'Their sessions in this workspace end now. The user account stays (and keeps other workspaces).',
        async () => {
          await api(`/members/${encodeURIComponent(m.user_id)}`, { method: 'DELETE' });
          said.ok(`${m.email} removed.`);
          reload();
        }, { confirmLabel: 'Remove' }),
    }, 'Remove') },
  ], items, { emptyText: 'No members.' });
}

/** A role select and its Save button (a select alone would save on every arrow key press). */
function roleSelect(member, said) {
  const select = h('select', { 'aria-label': `Role of ${member.email}`, dataset: { email: member.email } },
    ROLES.map(([r]) => h('option', { value: r, selected: r === member.role }, r)));
  const save = h('button', { class: 'btn small', disabled: true, 'aria-label': `Save role of ${member.email}` }, 'Save');
  select.addEventListener('change', () => { save.disabled = select.value === member.role; });
  save.addEventListener('click', async () => {
    save.disabled = true;
    select.disabled = true;
    try {
      const changed = await api(`/members/${encodeURIComponent(member.user_id)}`, { method: 'PUT', body: { role: select.value } });
      said.ok(`${member.email} is now ${changed.role}.`);
      member.role = changed.role;
    } catch (e) {
      said.fail(e);
      select.value = member.role;
    } finally {
      select.disabled = false;
      save.disabled = select.value === member.role;
    }
  });
  return h('span', { class: 'actions-cell' }, select, save);
}

async function add(said, reload) {
  const content = h('div', {},
    named('email', 'Email', h('input', { name: 'email', type: 'email', maxlength: 254, autocomplete: 'off' })),
    named('role', 'Role', h('select', { name: 'role' }, ROLES.map(([r, what]) => h('option', { value: r }, `${r} — ${what}`)))),
    named('name', 'Name (optional)', h('input', { name: 'name', maxlength: 200, autocomplete: 'off' })),
    named('password', 'First password (only for a new user)', h('input', { name: 'password', type: 'password', autocomplete: 'new-password' }),
      'An email that has no user yet creates one with this password (8 characters or more); tell it to them, they can change it under Account. Leave it empty to add an existing user.'));
  const added = await formDialog('Add a member', content, {
    submitLabel: 'Add member',
    onSubmit: form => api('/members', { method: 'POST', body: {
      email: form.elements.email.value.trim(), role: form.elements.role.value,
      name: form.elements.name.value.trim() || undefined, password: form.elements.password.value || undefined,
    } }),
  });
  if (!added) return;
  said.ok(`${added.email} added as ${added.role}.`);
  reload();
}
