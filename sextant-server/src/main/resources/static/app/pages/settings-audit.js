// Settings → Audit log: the workspace's administrative and configuration actions, newest first
// (GET /api/v1/audit-log, admin scope). The filters live in the URL (action, actor, target_type,
// target_id, from, to), so a filtered view can be shared and survives a reload; "Older" follows
// the server's cursor (also in the URL, so Back returns to the newer page). The export links
// download every matching entry as CSV or JSON Lines. Someone who is not an admin gets the API's
// own refusal.
import { api, ApiError, qs } from '../api.js';
import { h, fill, fmt, card, failure, table } from '../ui.js';
import { named, showErrors } from '../admin-forms.js';

const FILTERS = ['action', 'actor', 'target_type', 'target_id', 'from', 'to'];
const PAGE_SIZE = 50;

let cssAdded = false;
function addCss() {
  if (cssAdded || document.querySelector('link[data-page=settings-governance]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/app/settings-governance.css', dataset: { page: 'settings-governance' } }));
  cssAdded = true;
}

/** The filters the URL holds (only known ones, non-empty). */
function filtersOf(query) {
  const f = {};
  for (const k of FILTERS) {
    const v = query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** An RFC 3339 instant as the value of a datetime-local input (local time), or '' when it is not one. */
function toLocalInput(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString().replace('.000Z', 'Z');
}

export async function render(container, ctx) {
  addCss();
  const filters = filtersOf(ctx.query);
  const cursor = ctx.query.get('cursor');

  const inputs = {
    action: h('input', { type: 'text', value: filters.action || '', placeholder: 'api_key. or retention.run', spellcheck: 'false' }),
    actor: h('input', { type: 'text', value: filters.actor || '', placeholder: 'e-mail, key name or id', spellcheck: 'false' }),
    target_type: h('input', { type: 'text', value: filters.target_type || '', spellcheck: 'false' }),
    target_id: h('input', { type: 'text', value: filters.target_id || '', spellcheck: 'false' }),
    from: h('input', { type: 'datetime-local', value: toLocalInput(filters.from) }),
    to: h('input', { type: 'datetime-local', value: toLocalInput(filters.to) }),
  };
  const form = h('form', { class: 'audit-filters', 'aria-label': 'Audit log filters', novalidate: true },
    named('action', 'Action', inputs.action, 'Exact, or a prefix ending in a dot'),
    named('actor', 'Actor', inputs.actor),
    named('target_type', 'Target type', inputs.target_type),
    named('target_id', 'Target id', inputs.target_id),
    named('from', 'From', inputs.from),
    named('to', 'Until', inputs.to),
    h('div', { class: 'audit-filter-actions' },
      h('button', { type: 'submit', class: 'btn primary' }, 'Filter'),
      h('a', { href: '/settings/audit', class: 'btn', id: 'audit-clear' }, 'Clear')),
    h('div', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const changes = { cursor: null };
    for (const k of FILTERS) {
      const raw = inputs[k].value.trim();
      changes[k] = k === 'from' || k === 'to' ? fromLocalInput(raw) : raw || null;
    }
    ctx.setQuery(changes, { push: true });
  });

  const exports = h('p', { class: 'audit-exports' }, 'Export every matching entry: ',
    h('a', { href: `/api/v1/audit-log/export${qs({ ...filters, format: 'csv' })}`, download: 'audit-log.csv', id: 'audit-export-csv' }, 'CSV'),
    ' · ',
    h('a', { href: `/api/v1/audit-log/export${qs({ ...filters, format: 'jsonl' })}`, download: 'audit-log.jsonl', id: 'audit-export-jsonl' }, 'JSON Lines'));

  const entries = card('Entries', async () => {
    let page;
    try {
      page = await api('/audit-log', { params: { ...filters, cursor, page_size: PAGE_SIZE } });
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) {
        fill(container, h('div', { class: 'state empty', role: 'alert', id: 'needs-admin' },
          h('h2', {}, 'Audit log'), h('p', {}, `The server refused: ${err.detail}`),
          h('p', {}, `Your role in this workspace is ${ctx.me.role}; the audit log is for admins.`)));
        return undefined;
      }
      if (err instanceof ApiError && err.status === 400) {
        showErrors(form, err);
        return failure(err);
      }
      throw err;
    }
    return list(page, cursor, ctx);
  }, { wide: true, id: 'audit-entries' });

  fill(container,
    h('p', { class: 'muted' }, 'Every administrative and configuration action in this workspace: who, when, what, and from where. ',
      'Entries cannot be changed or deleted.'),
    h('section', { class: 'card wide', 'aria-label': 'Filters' }, h('header', { class: 'card-head' }, h('h2', {}, 'Filters')),
      h('div', { class: 'card-body' }, form, exports)),
    entries);
}

function who(a) {
  if (!a) return '—';
  const kind = { user_session: 'user', api_key: 'API key', system: 'system' }[a.kind] || a.kind;
  return h('span', { title: `${kind} ${a.id}` }, a.name || a.id, h('span', { class: 'muted' }, ` (${kind})`));
}

function details(d) {
  const text = d && Object.keys(d).length ? JSON.stringify(d) : '';
  if (!text) return '—';
  if (text.length <= 80) return h('code', {}, text);
  return h('details', {}, h('summary', {}, h('code', {}, `${text.slice(0, 60)}…`)),
    h('pre', { class: 'audit-json' }, JSON.stringify(d, null, 2)));
}

function list(page, cursor, ctx) {
  const rows = page.items || [];
  const t = table([
    { label: 'When', value: e => h('time', { datetime: e.at, title: e.at }, fmt.time(e.at)) },
    { label: 'Who', value: e => who(e.actor) },
    { label: 'Action', value: e => h('code', { class: 'audit-action' }, e.action) },
    { label: 'Target', value: e => [e.target?.type, e.target?.id].filter(Boolean).join(' ') || '—' },
    { label: 'From where', value: e => e.source_ip ? h('span', { title: e.user_agent || '' }, e.source_ip) : '—' },
    { label: 'Request id', value: e => e.request_id ? h('code', {}, e.request_id) : '—' },
    { label: 'Details', value: e => details(e.details) },
  ], rows, { caption: cursor ? 'Older entries' : 'Newest entries first',
    emptyText: cursor ? 'No older entries.' : 'No entries match these filters.' });
  const nav = h('div', { class: 'audit-paging' },
    cursor ? h('a', { href: `/settings/audit${qs({ ...filtersOf(ctx.query) })}`, class: 'btn', id: 'audit-newest' }, 'Newest') : null,
    page.next_cursor ? h('button', { type: 'button', class: 'btn', id: 'audit-older',
      onclick: () => ctx.setQuery({ cursor: page.next_cursor }, { push: true }) }, 'Older') : null);
  return h('div', {}, t, nav);
}
