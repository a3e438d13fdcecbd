// Configurations: every versioned agent configuration of the workspace (agent, active and latest
// version, last change and who made it), and "New configuration" for users with config:write.
import { api } from '../api.js';
import { h, fill, fmt, card, empty } from '../ui.js';
import { formDialog, named } from '../admin-forms.js';
import { useConfigStyles, example, seg, labelledTable } from './configurations-common.js';

const EXAMPLE_CONTENT = '{\n  "prompt_templates": {"system": "You are a helpful support agent for {{product}}."},\n'
  + '  "behaviour": {"model": "gpt-4o-mini", "temperature": 0.2, "max_tokens": 800}\n}';

export async function render(ctx) {
  useConfigStyles();
  ctx.title('Configurations');
  const writer = ctx.can('config:write');
  const create = writer ? h('button', { class: 'btn small primary', id: 'new-configuration', type: 'button' }, 'New configuration') : null;
  const list = card('Configurations', async () => {
    const answer = await api('/configurations');
    const rows = answer.configurations || [];
    if (rows.length === 0) {
      return empty('No configurations yet. A configuration holds an agent\'s prompts, model settings, workflow and '
        + 'integrations as numbered versions; agents fetch the active one.',
      example('Create one from a script (scope config:write), or with "New configuration" above:',
        `curl -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' $SERVER/api/v1/configurations \\\n`
        + `  -d '{"id": "support-prompt", "agent_id": "support-bot", "content": {"behaviour": {"temperature": 0.2}}}'`));
    }
    return labelledTable('Configurations', [
      { label: 'Configuration', value: c => h('span', { class: 'config-name' }, c.name || c.id) },
      { label: 'Id', value: c => h('code', {}, c.id) },
      { label: 'Agent', value: c => h('a', { href: `/agents/${seg(c.agent_id)}` }, c.agent_id) },
      { label: 'Active version', value: c => h('code', { dataset: { active: c.active_version_id } }, c.active_version_id) },
      { label: 'Latest', class: 'num', value: c => `v${c.latest_version}` },
      { label: 'Updated', class: 'nowrap', value: c => h('span', { title: fmt.time(c.updated_at) }, fmt.ago(c.updated_at)) },
      { label: 'Created by', value: c => c.created_by },
    ], rows, { rowHref: c => `/configurations/${seg(c.id)}` });
  }, { wide: true, id: 'configurations', actions: create });
  create?.addEventListener('click', async () => {
    const created = await newConfiguration();
    if (created) ctx.navigate(`/configurations/${seg(created.id)}`);
  });
  fill(ctx.main, h('div', { class: 'config-page' },
    h('div', { class: 'page-head' }, h('h1', {}, 'Configurations'),
      writer ? null : h('span', { class: 'muted', id: 'read-only-note' }, 'Read-only: changing configurations needs a member or admin role.')),
    h('div', { class: 'grid' }, list)));
}

/** The create dialog; resolves with the created configuration, or null when cancelled. */
function newConfiguration() {
  const id = h('input', { autocomplete: 'off', placeholder: 'support-prompt', required: true });
  const agent = h('input', { autocomplete: 'off', placeholder: 'support-bot', required: true });
  const name = h('input', { autocomplete: 'off' });
  const description = h('input', { autocomplete: 'off' });
  const content = h('textarea', { class: 'json', spellcheck: 'false' }, EXAMPLE_CONTENT);
  const message = h('input', { autocomplete: 'off', placeholder: 'first version' });
  const form = h('div', {},
    named('id', 'Id', id, 'Lower-case letters, digits, ".", "_" and "-"; versions are named <id>-v1, <id>-v2…'),
    named('agent_id', 'Agent', agent),
    named('name', 'Name', name, 'Defaults to the id.'),
    named('description', 'Description', description),
    named('content', 'Content (JSON)', content,
      'Sections prompt_templates, behaviour, interface, workflow, integrations; see docs/API.md "Configurations".'),
    named('message', 'Message', message));
  return formDialog('New configuration', form, {
    submitLabel: 'Create', testid: 'new-configuration',
    onSubmit: () => {
      const body = { id: id.value.trim(), agent_id: agent.value.trim(), content: parseContent(content.value) };
      if (name.value.trim()) body.name = name.value;
      if (description.value.trim()) body.description = description.value;
      if (message.value.trim()) body.message = message.value;
      return api('/configurations', { method: 'POST', body });
    },
  }).then(r => (r && r.id ? r : null));
}

/** The textarea's JSON; a syntax error is shown under the field like the server's errors. */
export function parseContent(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw { problem: { errors: [{ field: 'content', message: `content is not valid JSON: ${e.message}` }] } };
  }
}
