// Settings: one section per URL (/settings/<section>), each in its own module
// settings-<section>.js exporting render(container, ctx). Admin sections are not listed for
// other roles, and opening one by URL says what role it needs instead of asking the API.
import { h, fill, failure, loading } from '../ui.js';
import { useAdminCss } from '../admin-forms.js';

/** [section, label, needs the admin scope] in the order of the section list. */
const SECTIONS = [
  ['keys', 'API keys', true],
  ['members', 'Members', true],
  ['prices', 'Model prices', false],
  ['retention', 'Retention', false],
  ['account', 'Account', false],
  ['masking', 'Masking', true],
  ['audit', 'Audit log', true],
];

/**
 * Admin sections that, opened by someone else, ask the API anyway and show its answer (the
 * audit log's 403; the masking rules, which every member may read but only admins change).
 */
const ASKS_THE_API = new Set(['masking', 'audit']);

export async function render(ctx) {
  useAdminCss();
  const admin = ctx.can('admin');
  const section = ctx.params.section || (admin ? 'keys' : 'account');
  const known = SECTIONS.find(([s]) => s === section);
  const visible = SECTIONS.filter(([, , needsAdmin]) => admin || !needsAdmin);
  ctx.title(known ? `${known[1]} · Settings` : 'Settings');
  const nav = h('nav', { class: 'settings-nav', 'aria-label': 'Settings sections' },
    h('ul', {}, visible.map(([s, label]) => h('li', {},
      h('a', { href: `/settings/${s}`, dataset: { section: s }, 'aria-current': s === section ? 'page' : null }, label)))));
  const container = h('div', { class: 'settings-section', id: 'settings-section', dataset: { section } });
  fill(ctx.main, h('div', { class: 'admin-page' }, h('div', { class: 'page-head' }, h('h1', {}, 'Settings')),
    h('div', { class: 'settings-layout' }, nav, container)));

  if (!known) {
    fill(container, h('div', { class: 'state empty', role: 'alert' },
      h('p', {}, `There is no settings section “${section}”.`),
      h('p', {}, 'Sections: ', visible.map(([s, label], i) => [i ? ', ' : '', h('a', { href: `/settings/${s}` }, label)]))));
    return;
  }
  if (known[2] && !admin && !ASKS_THE_API.has(section)) {
    fill(container, h('div', { class: 'state empty', role: 'alert', id: 'needs-admin' },
      h('h2', {}, known[1]),
      h('p', {}, `This section needs the admin role. Your role in this workspace is ${ctx.me.role}.`),
      h('p', {}, 'Ask an admin of the workspace, or see ', h('a', { href: '/settings/account' }, 'your account'), '.')));
    return;
  }
  await show(ctx, section, container);
}

async function show(ctx, section, container) {
  fill(container, loading());
  let mod;
  try {
    mod = await import(`./settings-${section}.js`);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    console.error(e);
    fill(container, failure(new Error(`The ${section} section could not be loaded (${e?.message || e}).`),
      () => show(ctx, section, container)));
    return;
  }
  if (!ctx.isCurrent()) return;
  fill(container);
  try {
    await mod.render(container, ctx);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    console.error(e);
    fill(container, failure(e, () => show(ctx, section, container)));
  }
}
