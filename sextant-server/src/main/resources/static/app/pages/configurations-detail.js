// One configuration: the active version's content, the versions as a tree (parent links, which is
// active), a diff between any two versions (flattened parameters, computed here from the contents),
// new version from any version / activate / roll back for writers, the customization events, and
// how each version performed (configurations-performance.js).
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, badge, empty, failure } from '../ui.js';
import { formDialog, confirmDialog, named, notice } from '../admin-forms.js';
import { useConfigStyles, diff, jsonText, impactBadge, example, seg, labelledTable, valueText } from './configurations-common.js';
import { parseContent } from './configurations.js';
import { performanceCard, parameterImpactCard } from './configurations-performance.js';
import { businessImpactCard } from './configurations-impact.js';

export async function render(ctx) {
  useConfigStyles();
  const id = ctx.params.id;
  ctx.title(`Configuration ${id}`);
  const base = `/configurations/${seg(id)}`;
  let config;
  try {
    config = await api(base);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    if (e instanceof ApiError && e.status === 404) {
      fill(ctx.main, h('div', { class: 'state empty', id: 'config-not-found' }, h('h1', {}, 'Configuration not found in this workspace'),
        h('p', {}, e.detail), h('p', {}, h('a', { href: '/configurations' }, 'All configurations'))));
      return;
    }
    fill(ctx.main, failure(e, () => ctx.setQuery({})));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.title(`${config.name || config.id} · Configurations`);
  const writer = ctx.can('config:write');
  const said = notice();
  const reloadPage = () => ctx.setQuery({});
  let versionsAnswer = null;
  // one request for the blocks that need the versions; a failed one is asked again on Retry
  const versions = () => (versionsAnswer ??= api(`${base}/versions`).then(a => a.versions || [],
    e => { versionsAnswer = null; throw e; }));
  const actions = { writer, said, reloadPage, base, config };

  const active = card(`Active version: ${config.active_version_id}`, () => activeBlock(config), { wide: true, id: 'config-active' });
  const tree = card('Versions', async () => versionTable(await versions(), actions), { wide: true, id: 'config-versions' });
  const compare = card('Differences between two versions', async body => diffBlock(ctx, await versions(), config, body),
    { wide: true, id: 'config-diff' });
  const events = card('Customization events', () => eventTable(base), { wide: true, id: 'config-events' });
  const perf = performanceCard(ctx, config, versions);
  const impact = parameterImpactCard(ctx, config);
  const business = businessImpactCard(ctx, config);

  fill(ctx.main, h('div', { class: 'config-page' },
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'muted small crumbs' }, h('a', { href: '/configurations' }, 'Configurations'), ' / ', h('code', {}, config.id)),
        h('h1', { id: 'config-title' }, config.name || config.id),
        h('div', { class: 'facts' },
          h('span', {}, 'Agent ', h('a', { href: `/agents/${seg(config.agent_id)}` }, config.agent_id)),
          h('span', {}, 'Active ', h('b', { id: 'config-active-version' }, config.active_version_id)),
          h('span', {}, 'Latest ', h('b', {}, `v${config.latest_version}`)),
          h('span', { title: fmt.time(config.updated_at) }, 'Updated ', h('b', {}, fmt.ago(config.updated_at))),
          h('span', {}, 'Created by ', h('b', {}, config.created_by))),
        config.description ? h('p', { class: 'config-description' }, config.description) : null),
      writer ? null : h('span', { class: 'muted', id: 'read-only-note' }, 'Read-only: changing configurations needs a member or admin role.')),
    said,
    h('div', { class: 'grid' }, active, tree, compare, events, perf, impact, business)));
}

function activeBlock(config) {
  const v = config.active;
  if (!v) return empty('This configuration has no active version.');
  return h('div', {},
    h('div', { class: 'facts small' },
      h('span', {}, 'Version ', h('b', {}, v.version_id)),
      v.parent_version_id ? h('span', {}, 'Parent ', h('b', {}, v.parent_version_id)) : null,
      h('span', {}, 'Min SDK ', h('b', {}, v.min_sdk_version)),
      h('span', {}, 'By ', h('b', {}, v.created_by)),
      h('span', {}, 'At ', h('b', {}, fmt.time(v.created_at))),
      v.message ? h('span', {}, 'Message ', h('b', {}, v.message)) : null),
    h('pre', { class: 'json', id: 'active-content', tabindex: '0', 'aria-label': `Content of ${v.version_id}` },
      JSON.stringify(v.content, null, 2)));
}

/** Versions in tree order: each under its parent (by number), with its depth. */
function treeOrder(versions) {
  const byNumber = new Map(versions.map(v => [v.version, v]));
  const children = new Map();
  const roots = [];
  for (const v of versions) {
    if (v.parent_version !== null && v.parent_version !== undefined && byNumber.has(v.parent_version)) {
      if (!children.has(v.parent_version)) children.set(v.parent_version, []);
      children.get(v.parent_version).push(v);
    } else roots.push(v);
  }
  const out = [];
  const walk = (v, depth) => {
    out.push({ ...v, depth });
    for (const c of (children.get(v.version) || []).sort((a, b) => a.version - b.version)) walk(c, depth + 1);
  };
  roots.sort((a, b) => a.version - b.version).forEach(r => walk(r, 0));
  return out;
}

function versionTable(versions, actions) {
  const { writer, config } = actions;
  const cols = [
    { label: 'Version', class: 'nowrap', value: v => h('span', { dataset: { version: v.version_id } },
      h('span', { class: 'tree', 'aria-hidden': 'true' }, v.depth ? `${'   '.repeat(v.depth - 1)}└─ ` : ''),
      h('code', {}, v.version_id), ' ', v.active ? badge('active', 'good') : null) },
    { label: 'Parent', value: v => (v.parent_version_id ? h('span', {}, v.depth ? '' : 'branch of ', h('code', {}, v.parent_version_id)) : '—') },
    { label: 'Message', value: v => v.message ?? '—' },
    { label: 'By', value: v => v.created_by },
    { label: 'When', class: 'nowrap', value: v => h('span', { title: fmt.time(v.created_at) }, fmt.shortTime(v.created_at)) },
    { label: 'Min SDK', value: v => v.min_sdk_version },
  ];
  if (writer) {
    cols.push({ label: 'Actions', value: v => h('span', { class: 'row-actions' },
      h('button', { class: 'btn small', type: 'button', 'aria-label': `New version from v${v.version}`,
        onclick: () => newVersion(v, actions) }, 'New version from here'),
      v.active ? null : v.version < config.active_version
        ? h('button', { class: 'btn small danger', type: 'button', 'aria-label': `Roll back to v${v.version}`,
          onclick: () => rollback(v, actions) }, 'Roll back')
        : h('button', { class: 'btn small', type: 'button', 'aria-label': `Activate v${v.version}`,
          onclick: () => activate(v, actions) }, 'Activate')) });
  }
  return h('div', {}, labelledTable('Versions', cols, treeOrder(versions), { emptyText: 'No versions.' }),
    h('p', { class: 'muted small' }, 'Each version is listed under the version it was made from (its parent). Versions never change; ',
      'a new version from an older one is a branch. Traces name the version that served them in config_version.'));
}

async function newVersion(from, { base, said, reloadPage }) {
  const content = h('textarea', { class: 'json', spellcheck: 'false' }, JSON.stringify(from.content, null, 2));
  const message = h('input', { autocomplete: 'off', placeholder: 'what changed and why' });
  const activateBox = h('input', { type: 'checkbox', id: 'new-version-activate' });
  const form = h('div', {},
    h('p', { class: 'muted small' }, `Parent: ${from.version_id}. The new version gets the next number.`),
    named('content', 'Content (JSON)', content),
    named('message', 'Message', message),
    h('div', { class: 'field', dataset: { field: 'activate' } },
      h('label', { class: 'check', for: 'new-version-activate' }, activateBox, 'Activate it now')),
    h('div', { dataset: { field: 'parent_version' } }));
  const created = await formDialog(`New version from ${from.version_id}`, form, {
    submitLabel: 'Create version', testid: 'new-version', wide: true,
    onSubmit: () => {
      const body = { content: parseContent(content.value), parent_version: from.version, activate: activateBox.checked };
      if (message.value.trim()) body.message = message.value;
      return api(`${base}/versions`, { method: 'POST', body });
    },
  });
  if (created?.version_id) {
    said.ok(`Created ${created.version_id}${created.active ? ' and made it active' : ''}.`);
    reloadPage();
  }
}

async function activate(v, { base, said, reloadPage }) {
  try {
    const answer = await api(`${base}/versions/${v.version}/activate`, { method: 'POST' });
    said.ok(`${answer.version_id} is now active.`);
    reloadPage();
  } catch (e) {
    said.fail(e);
  }
}

async function rollback(v, { base, config, said, reloadPage }) {
  const done = await confirmDialog(`Roll back to ${v.version_id}?`,
    `Agents fetching the active configuration get ${v.version_id} instead of ${config.active_version_id}. `
    + 'Nothing is deleted; the change is recorded as rollback events.',
    () => api(`${base}/rollback`, { method: 'POST', body: { version: v.version } }), { confirmLabel: 'Roll back' });
  if (done) {
    said.ok(`Rolled back to ${v.version_id}.`);
    reloadPage();
  }
}

function diffBlock(ctx, versions, config, body) {
  if (versions.length < 2) {
    return empty('Only one version so far: a diff needs two. Create a new version to compare it with this one.');
  }
  const byNumber = new Map(versions.map(v => [v.version, v]));
  const activeV = byNumber.get(config.active_version) || versions[versions.length - 1];
  const pick = (key, fallback) => {
    const n = Number(ctx.query.get(key));
    return byNumber.has(n) ? n : fallback;
  };
  let a = pick('diff_from', activeV.parent_version ?? versions[0].version);
  let b = pick('diff_to', activeV.version === a ? versions[versions.length - 1].version : activeV.version);
  const select = (label, id, value) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id }, versions.map(v => h('option', { value: v.version, selected: v.version === value },
      `${v.version_id}${v.active ? ' (active)' : ''}`))));
  const fromSel = select('From', 'diff-from', a), toSel = select('To', 'diff-to', b);
  const out = h('div', { id: 'diff-result', 'aria-live': 'polite' });
  const paint = () => {
    const va = byNumber.get(a), vb = byNumber.get(b);
    const rows = diff(va.content, vb.content);
    fill(out, a === b ? empty('The same version on both sides: pick two different versions.')
      : rows.length === 0 ? empty(`${va.version_id} and ${vb.version_id} have the same content.`)
        : h('div', {},
          h('p', { class: 'muted small' }, `${rows.length} parameter${rows.length === 1 ? '' : 's'} differ from ${va.version_id} to ${vb.version_id}.`),
          labelledTable('Differences', [
            { label: 'Parameter', value: r => h('code', {}, r.parameter) },
            { label: 'Change', value: r => badge(r.change, r.change === 'removed' ? 'bad' : r.change === 'added' ? 'good' : 'warn') },
            { label: `Old (${va.version_id})`, class: 'old', value: r => (r.old === undefined ? '—' : valueText(r.old)) },
            { label: `New (${vb.version_id})`, class: 'new', value: r => (r.new === undefined ? '—' : valueText(r.new)) },
          ], rows)));
  };
  const onChange = () => {
    a = Number(fromSel.querySelector('select').value);
    b = Number(toSel.querySelector('select').value);
    const q = new URLSearchParams(location.search);
    q.set('diff_from', a);
    q.set('diff_to', b);
    history.replaceState(null, '', `${location.pathname}?${q}`);
    paint();
  };
  fromSel.querySelector('select').addEventListener('change', onChange);
  toSel.querySelector('select').addEventListener('change', onChange);
  paint();
  fill(body, h('div', {}, h('div', { class: 'diff-pick' }, fromSel, h('span', { 'aria-hidden': 'true' }, '→'), toSel), out,
    h('p', { class: 'muted small' }, 'Parameters are flattened paths (behaviour.temperature); arrays and values compare whole.')));
  return undefined;
}

async function eventTable(base) {
  const answer = await api(`${base}/events`);
  const events = [...(answer.events || [])].reverse();
  if (events.length === 0) return empty('No customization events yet: every new version, activation and rollback writes them.');
  return h('div', {}, labelledTable('Customization events', [
    { label: 'When', class: 'nowrap', value: e => h('span', { title: fmt.time(e.created_at) }, fmt.shortTime(e.created_at)) },
    { label: 'Kind', value: e => h('span', { dataset: { kind: e.kind } }, e.kind) },
    { label: 'Versions', class: 'nowrap', value: e => `${e.from_version ?? '—'} → ${e.to_version ?? '—'}` },
    { label: 'Parameter', value: e => (e.parameter ? h('code', {}, e.parameter) : h('span', { class: 'muted' }, 'no parameter changed')) },
    { label: 'Old → new', value: e => [valueText(jsonText(e.old_value ?? undefined)), ' → ', valueText(jsonText(e.new_value ?? undefined))] },
    { label: 'Impact', value: e => impactBadge(e.impact_level) },
    { label: 'Who', value: e => e.created_by },
    { label: 'Validation', value: e => validation(e.validation) },
  ], events), h('p', { class: 'muted small' }, 'Newest first. Impact: high for prompts, model, workflow and integrations; ',
    'medium for other behaviour changes over 50%; low otherwise (docs/API.md "Impact levels").'));
}

function validation(v) {
  if (!v) return '—';
  const compat = v.compatibility?.status;
  return h('span', { title: v.compatibility?.reason || '' },
    v.valid ? badge('valid', 'good') : badge(`invalid (${(v.errors || []).length})`, 'bad'),
    ` SDK ≥ ${v.min_sdk_version}`, compat && compat !== 'unknown' ? ` · ${compat}` : '');
}
