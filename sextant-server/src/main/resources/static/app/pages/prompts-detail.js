// One prompt template: its versions (text, declared variables, who and when, which one carries the
// production label; writers move the label and add versions), a render preview with one input per
// declared variable, and the uses per version over the page's range.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, badge, empty, failure } from '../ui.js';
import { formDialog, named, notice, showErrors, clearErrors } from '../admin-forms.js';
import { useConfigStyles, seg, labelledTable } from './configurations-common.js';
import { categoryBadge, metric, rating, toTopField, parseVariables } from './prompts-common.js';

export async function render(ctx) {
  useConfigStyles();
  const id = ctx.params.id;
  ctx.title(`Prompt ${id}`);
  const base = `/prompt-templates/${seg(id)}`;
  let template, full;
  try {
    [template, full] = await Promise.all([api(base), api(`${base}/versions`)]);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    if (e instanceof ApiError && e.status === 404) {
      fill(ctx.main, h('div', { class: 'state empty', id: 'prompt-not-found' }, h('h1', {}, 'Prompt template not found in this workspace'),
        h('p', {}, e.detail), h('p', {}, h('a', { href: '/prompts' }, 'All prompt templates'))));
      return;
    }
    fill(ctx.main, failure(e, () => ctx.setQuery({})));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.title(`${template.name || id} · Prompts`);
  const writer = ctx.can('config:write');
  const said = notice();
  const versions = [...(full.versions || [])].sort((a, b) => b.version - a.version);
  const production = template.labels?.production;
  const reloadPage = () => ctx.setQuery({});
  const add = writer ? h('button', { class: 'btn small primary', id: 'new-prompt-version', type: 'button',
    onclick: () => newVersion(base, versions.find(v => v.version === production) || versions[0], said, reloadPage) }, 'New version') : null;

  const list = card('Versions', () => versionList(versions, template, { writer, base, said, reloadPage }),
    { wide: true, id: 'prompt-versions', actions: add });
  const preview = card('Render preview', body => renderPreview(base, versions, production, body), { wide: true, id: 'prompt-render' });
  const usage = card(`Uses per version (last ${ctx.range.key})`, () => usageBlock(base, ctx), { wide: true, id: 'prompt-usage' });

  fill(ctx.main, h('div', { class: 'config-page' },
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'muted small crumbs' }, h('a', { href: '/prompts' }, 'Prompts'), ' / ', h('code', {}, template.id)),
        h('h1', { id: 'prompt-title' }, template.name || template.id),
        h('div', { class: 'facts' },
          template.agent_id ? h('span', {}, 'Agent ', h('a', { href: `/agents/${seg(template.agent_id)}` }, template.agent_id)) : null,
          h('span', {}, 'Production ', h('b', { id: 'prompt-production' }, `v${production}`),
            template.production_pinned ? ' (pinned)' : ' (follows the newest)'),
          h('span', {}, 'Versions ', h('b', {}, String(template.latest_version))),
          (template.tags || []).length ? h('span', {}, 'Tags ', h('b', {}, template.tags.join(', '))) : null,
          h('span', { title: fmt.time(template.updated_at) }, 'Updated ', h('b', {}, fmt.ago(template.updated_at)))),
        template.description ? h('p', {}, template.description) : null),
      writer ? null : h('span', { class: 'muted', id: 'read-only-note' }, 'Read-only: changing templates needs a member or admin role.')),
    said, h('div', { class: 'grid' }, list, preview, usage)));
}

function variablesText(vars) {
  if (!vars?.length) return h('span', { class: 'muted' }, 'no variables');
  return h('ul', { class: 'vars' }, vars.map(v => h('li', {}, h('code', {}, v.name),
    v.required ? ' required' : ` optional${v.default !== null && v.default !== undefined ? `, default “${v.default}”` : ''}`,
    v.description ? h('span', { class: 'muted' }, ` — ${v.description}`) : null)));
}

function versionList(versions, template, { writer, base, said, reloadPage }) {
  const production = template.labels?.production;
  const cols = [
    { label: 'Version', class: 'nowrap', value: v => h('span', { dataset: { version: v.version } }, `v${v.version}`, ' ',
      (v.labels || []).includes('production') ? badge('production', 'good') : null) },
    { label: 'Text', value: v => h('pre', { class: 'template', tabindex: '0', 'aria-label': `Text of version ${v.version}` }, v.text) },
    { label: 'Variables', value: v => variablesText(v.variables) },
    { label: 'Message', value: v => v.message ?? '—' },
    { label: 'By', value: v => v.created_by },
    { label: 'When', class: 'nowrap', value: v => h('span', { title: fmt.time(v.created_at) }, fmt.shortTime(v.created_at)) },
  ];
  if (writer) {
    cols.push({ label: 'Label', value: v => h('span', { class: 'row-actions' },
      v.version === production && template.production_pinned
        ? h('button', { class: 'btn small', type: 'button', 'aria-label': 'Let production follow the newest version',
          onclick: () => label(base, null, said, reloadPage) }, 'Follow newest')
        : v.version === production ? null
          : h('button', { class: 'btn small', type: 'button', 'aria-label': `Label v${v.version} production`,
            onclick: () => label(base, v.version, said, reloadPage) }, 'Make production')) });
  }
  return h('div', {}, labelledTable('Versions', cols, versions, { emptyText: 'No versions.' }),
    h('p', { class: 'muted small' }, 'Newest first. Agents render the version labelled production; ',
      template.production_pinned ? 'the label is pinned and stays until moved.' : 'the label follows the newest version until it is pinned.'));
}

async function label(base, version, said, reloadPage) {
  try {
    const t = await api(`${base}/labels/production`, { method: 'PUT', body: { version } });
    said.ok(version === null ? `Production follows the newest version (v${t.labels?.production}).` : `v${version} is labelled production.`);
    reloadPage();
  } catch (e) {
    said.fail(e);
  }
}

async function newVersion(base, from, said, reloadPage) {
  const text = h('textarea', { class: 'template', spellcheck: 'false' }, from?.text || '');
  const variables = h('textarea', { class: 'json', spellcheck: 'false' }, JSON.stringify(from?.variables || [], null, 2));
  const message = h('input', { autocomplete: 'off' });
  const created = await formDialog('New version', h('div', {},
    named('text', 'Text', text, 'Mustache: {{name}}, {{#name}}…{{/name}}; every variable the text uses must be declared.'),
    named('variables', 'Variables (JSON)', variables, '[{"name": "x", "required": true, "description": "…"}, {"name": "y", "required": false, "default": "…"}]'),
    named('message', 'Message', message)), {
    submitLabel: 'Create version', testid: 'new-prompt-version', wide: true,
    onSubmit: async () => {
      const body = { text: text.value, variables: parseVariables(variables.value) };
      if (message.value.trim()) body.message = message.value;
      try {
        return await api(`${base}/versions`, { method: 'POST', body });
      } catch (e) {
        throw toTopField(e);
      }
    },
  });
  if (created && created.version) {
    said.ok(`Created version ${created.version}${created.warnings?.length ? `; ${created.warnings.join('; ')}` : ''}.`);
    reloadPage();
  }
}

function renderPreview(base, versions, production, body) {
  if (versions.length === 0) return empty('No versions to render.');
  const select = h('select', { id: 'render-version' }, versions.map(v => h('option', { value: v.version, selected: v.version === production },
    `v${v.version}${v.version === production ? ' (production)' : ''}`)));
  const inputs = h('div', { class: 'render-form' });
  const out = h('div', { class: 'render-out', 'aria-live': 'polite' });
  const submit = h('button', { class: 'btn primary', type: 'submit' }, 'Render');
  const form = h('form', { class: 'render', novalidate: true, 'aria-label': 'Render preview' },
    h('div', { class: 'field' }, h('label', { for: 'render-version' }, 'Version'), select), inputs,
    h('div', { class: 'form-error', role: 'alert' }), submit, out);
  let fields = [];
  const paint = () => {
    const v = versions.find(x => x.version === Number(select.value));
    fields = (v.variables || []).map(d => {
      const input = h('input', { autocomplete: 'off', placeholder: d.default ?? '' });
      return { name: d.name, input, node: named(`variables.${d.name}`, `${d.name}${d.required ? '' : ' (optional)'}`, input, d.description) };
    });
    fill(inputs, fields.length ? fields.map(f => f.node) : h('p', { class: 'muted small' }, 'This version declares no variables.'));
    clearErrors(form);
    fill(out);
  };
  select.addEventListener('change', paint);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    fill(out);
    const variables = {};
    for (const f of fields) if (f.input.value !== '') variables[f.name] = f.input.value;
    submit.disabled = true;
    try {
      const answer = await api(`${base}/render`, { method: 'POST', body: { version: Number(select.value), variables } });
      fill(out, h('p', { class: 'muted small' }, `Rendered v${answer.version}:`),
        h('pre', { class: 'template', id: 'render-output', tabindex: '0' }, answer.text));
    } catch (err) {
      showErrors(form, err);
    } finally {
      submit.disabled = false;
    }
  });
  paint();
  fill(body, h('div', {}, form, h('p', { class: 'muted small' },
    'Rendered by the server (POST /api/v1/prompt-templates/{id}/render); an empty input is not sent, so a required variable left empty shows the server\'s error.')));
  return undefined;
}

async function usageBlock(base, ctx) {
  const answer = await api(`${base}/analytics`, { params: { from: ctx.range.from, to: ctx.range.to } });
  const t = answer.template;
  const rows = t.usage_per_version || [];
  return h('div', {},
    h('div', { class: 'facts', id: 'prompt-figures' },
      h('span', {}, 'Uses ', h('b', {}, metric('uses', fmt.int(t.uses)))),
      h('span', {}, 'Success rate ', h('b', {}, metric('success_rate', fmt.pct(t.success_rate)))),
      h('span', {}, 'Rating ', h('b', {}, metric('rating', rating(t.average_rating, t.ratings)))),
      h('span', {}, 'Quality ', h('b', {}, metric('quality_score', fmt.num(t.quality_score, 3)))),
      h('span', {}, categoryBadge(t.performance_category)),
      h('span', {}, 'Contributors ', h('b', {}, (t.contributors || []).join(', ') || '—')),
      h('span', {}, 'Last used ', h('b', {}, t.last_used_at ? fmt.time(t.last_used_at) : 'never'))),
    t.uses ? labelledTable('Uses per version', [
      { label: 'Version', value: r => h('span', { dataset: { version: r.version ?? 'none' } }, r.version === null ? 'no version named' : `v${r.version}`) },
      { label: 'Uses', class: 'num', value: r => metric('uses', fmt.int(r.uses)) },
      { label: 'Success rate', class: 'num', value: r => metric('success_rate', fmt.pct(r.success_rate)) },
      { label: 'Rating', class: 'num', value: r => rating(r.average_rating, r.ratings) },
      { label: 'Category', value: r => categoryBadge(r.performance_category) },
    ], rows) : empty('No uses in this range. A use is a span whose attributes carry "prompt.template_id" and "prompt.version" '
      + '(or a trace whose metadata has prompt_template_id and prompt_version).'));
}
