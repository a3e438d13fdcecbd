// Prompts: every prompt template of the workspace with how it did over the page's time range (uses,
// success rate, rating, quality score, performance category), its versions and contributors.
import { api } from '../api.js';
import { h, fill, fmt, card, empty } from '../ui.js';
import { formDialog, named } from '../admin-forms.js';
import { useConfigStyles, example, seg, labelledTable } from './configurations-common.js';
import { categoryBadge, metric, rating, toTopField, parseVariables } from './prompts-common.js';

export async function render(ctx) {
  useConfigStyles();
  ctx.title('Prompts');
  const range = { from: ctx.range.from, to: ctx.range.to };
  const writer = ctx.can('config:write');
  const create = writer ? h('button', { class: 'btn small primary', id: 'new-prompt-template', type: 'button',
    onclick: async () => {
      const created = await newTemplate();
      if (created) ctx.navigate(`/prompts/${seg(created.id)}`);
    } }, 'New template') : null;
  const head = h('div', { class: 'page-head', dataset: range }, h('div', {}, h('h1', {}, 'Prompts'),
    h('p', { class: 'muted' }, `Uses between ${fmt.time(range.from)} and ${fmt.time(range.to)} (last ${ctx.range.key}).`)),
  writer ? null : h('span', { class: 'muted', id: 'read-only-note' }, 'Read-only: changing templates needs a member or admin role.'));
  const list = card('Prompt templates', async () => {
    const [templates, figures] = await Promise.all([api('/prompt-templates'), api('/analytics/prompt-templates', { params: range })]);
    const byId = new Map((templates.templates || []).map(t => [t.id, t]));
    const rows = (figures.templates || []).filter(f => byId.has(f.template_id)).map(f => ({ ...f, t: byId.get(f.template_id) }));
    if (rows.length === 0) {
      return empty('No prompt templates yet. A template is a prompt text with {{variables}}, kept in versions; '
        + 'agents render the production version and their spans name it, so its uses are counted here.',
      example('Create one (scope config:write):',
        `curl -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' $SERVER/api/v1/prompt-templates \\\n`
        + `  -d '{"id": "greet", "name": "Greeting", "text": "Hello {{name}}.", "variables": [{"name": "name"}]}'`));
    }
    return h('div', {}, labelledTable('Prompt templates', [
      { label: 'Template', value: r => h('span', { class: 'template-name', dataset: { template: r.template_id } }, r.t.name || r.template_id) },
      { label: 'Id', value: r => h('code', {}, r.template_id) },
      { label: 'Agent', value: r => (r.t.agent_id ? r.t.agent_id : '—') },
      { label: 'Uses', class: 'num', value: r => metric('uses', fmt.int(r.uses)) },
      { label: 'Success rate', class: 'num', value: r => metric('success_rate', fmt.pct(r.success_rate)) },
      { label: 'Rating', class: 'num', value: r => metric('rating', rating(r.average_rating, r.ratings), 'mean user_rating (ratings)') },
      { label: 'Quality', class: 'num', value: r => metric('quality_score', fmt.num(r.quality_score, 3),
        r.quality_basis === 'success_rate' ? 'success rate only (no ratings)' : '0.6 × success rate + 0.4 × rating / 5') },
      { label: 'Category', value: r => categoryBadge(r.performance_category) },
      { label: 'Versions', class: 'num', value: r => metric('version_count', fmt.int(r.version_count)) },
      { label: 'Production', class: 'nowrap', value: r => `v${r.t.labels?.production ?? '—'}${r.t.production_pinned ? ' (pinned)' : ''}` },
      { label: 'Contributors', value: r => metric('contributors', (r.contributors || []).join(', ') || '—') },
    ], rows, { rowHref: r => `/prompts/${seg(r.template_id)}` }),
    h('p', { class: 'muted small' }, 'Most used first. A use is a span (or trace) naming the template and version; see docs/API.md ',
      '"Prompt templates". Quality: 0.6 × success rate + 0.4 × rating / 5 (success rate alone without ratings).'));
  }, { wide: true, id: 'prompt-templates', actions: create });
  fill(ctx.main, h('div', { class: 'config-page' }, head, h('div', { class: 'grid' }, list)));
}

/** The create dialog (POST /api/v1/prompt-templates); resolves with the template or null. */
function newTemplate() {
  const id = h('input', { autocomplete: 'off', placeholder: 'support-answer' });
  const name = h('input', { autocomplete: 'off' });
  const agent = h('input', { autocomplete: 'off' });
  const text = h('textarea', { class: 'template', spellcheck: 'false' }, 'Hello {{name}}.');
  const variables = h('textarea', { class: 'json', spellcheck: 'false' }, '[{"name": "name", "description": "who"}]');
  const message = h('input', { autocomplete: 'off' });
  return formDialog('New prompt template', h('div', {},
    named('id', 'Id', id, 'a-z, 0-9, ".", "_" and "-"; at most 64.'),
    named('name', 'Name', name),
    named('agent_id', 'Agent (optional)', agent),
    named('text', 'Text', text, 'Mustache: {{name}}, {{#name}}…{{/name}}; every variable the text uses must be declared.'),
    named('variables', 'Variables (JSON)', variables),
    named('message', 'Message', message)), {
    submitLabel: 'Create', testid: 'new-prompt-template', wide: true,
    onSubmit: async () => {
      const body = { id: id.value.trim(), name: name.value, text: text.value, variables: parseVariables(variables.value) };
      if (agent.value.trim()) body.agent_id = agent.value.trim();
      if (message.value.trim()) body.message = message.value;
      try {
        return await api('/prompt-templates', { method: 'POST', body });
      } catch (e) {
        throw toTopField(e);
      }
    },
  }).then(r => (r && r.id ? r : null));
}
