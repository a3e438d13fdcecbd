// Settings → API keys (admin): list, create (the secret is shown once, in a dialog, and never
// again: the server keeps only its hash), revoke.
import { api } from '../api.js';
import { h, fill, fmt, card, table, badge, copyButton } from '../ui.js';
import { named, formDialog, confirmDialog, infoDialog, notice } from '../admin-forms.js';

const SCOPES = [
  ['ingest:write', 'send data (SDKs, OpenTelemetry exporters)'],
  ['analytics:view', 'read interactions and analytics (CLI, scripts)'],
  ['config:write', 'change prices, budgets, alert rules, webhooks'],
  ['admin', 'everything, including keys and members'],
];

export async function render(container, ctx) {
  const said = notice();
  const keys = card('API keys', () => list(said, () => keys.reload()), {
    wide: true, id: 'api-keys',
    actions: h('button', { class: 'btn small primary', id: 'create-key', onclick: () => create(() => keys.reload()) }, 'Create key'),
  });
  fill(container, said, keys,
    h('p', { class: 'muted' }, 'Keys authenticate agents, exporters, the CLI and scripts to this workspace (',
      h('code', {}, 'Authorization: Bearer sk-…'), '). Give each use its own key with the fewest scopes, so one can be revoked alone.'));
}

async function list(said, reload) {
  const { items } = await api('/api-keys');
  const sorted = [...items].sort((a, b) => (a.revoked_at ? 1 : 0) - (b.revoked_at ? 1 : 0));
  return table([
    { label: 'Name', value: k => h('span', { class: 'key-name' }, k.name) },
    { label: 'Prefix', value: k => h('code', {}, `${k.prefix}…`) },
    { label: 'Scopes', value: k => h('span', {}, (k.scopes || []).map(s => [badge(s), ' '])) },
    { label: 'Created', value: k => h('span', { title: fmt.time(k.created_at) }, fmt.shortTime(k.created_at)) },
    { label: 'Last used', value: k => k.last_used_at ? h('span', { title: fmt.time(k.last_used_at) }, fmt.ago(k.last_used_at)) : 'never' },
    { label: 'Status', value: k => k.revoked_at ? h('span', { title: fmt.time(k.revoked_at) }, badge('revoked', 'bad')) : badge('active', 'good') },
    { label: '', value: k => k.revoked_at ? '' : h('button', {
      class: 'btn small danger', 'aria-label': `Revoke key ${k.name}`,
      onclick: () => confirmDialog(`Revoke key “${k.name}”?`,
        `Anything using ${k.prefix}… gets 401 from now on. This cannot be undone; create a new key to replace it.`,
        async () => {
          await api(`/api-keys/${encodeURIComponent(k.id)}`, { method: 'DELETE' });
          said.ok(`Key “${k.name}” revoked.`);
          reload();
        }, { confirmLabel: 'Revoke' }),
    }, 'Revoke') },
  ], sorted, { emptyText: 'No keys yet. Create one for each agent, exporter or script that talks to Sextant.' });
}

async function create(reload) {
  const checks = SCOPES.map(([scope, what]) => h('label', {},
    h('input', { type: 'checkbox', name: 'scopes', value: scope, checked: scope === 'ingest:write' }), h('code', {}, scope), ` — ${what}`));
  const content = h('div', {},
    named('name', 'Name', h('input', { name: 'name', maxlength: 200, autocomplete: 'off', placeholder: 'e.g. support-bot production' }),
      'What uses the key, so you know what breaks when you revoke it.'),
    named('scopes', 'Scopes', h('div', { class: 'checks', style: { flexDirection: 'column' } }, checks)));
  const created = await formDialog('Create an API key', content, {
    submitLabel: 'Create key',
    onSubmit: form => api('/api-keys', { method: 'POST', body: {
      name: form.elements.name.value.trim(),
      scopes: [...form.querySelectorAll('input[name=scopes]:checked')].map(c => c.value),
    } }),
  });
  if (!created) return;
  reload();
  await infoDialog(`Key “${created.name}” created`, h('div', {},
    h('div', { class: 'warning-box', role: 'alert' }, h('strong', {}, 'Copy the secret now. '),
      'It is shown only this once: Sextant stores only its hash and cannot show it again. If it is lost, revoke the key and create a new one.'),
    h('div', { class: 'secret', id: 'new-key-secret', tabindex: '0' }, created.secret),
    h('p', {}, copyButton(created.secret, 'Copy secret'), ' ', h('span', { class: 'muted' }, `Scopes: ${created.scopes.join(', ')}`))),
  { closeLabel: 'I have copied it', testid: 'key-secret' });
}
