// Alerts: the rules (create, edit, test, delete), the alert history (filter by status or rule,
// acknowledge, links to what fired) and the webhooks with their deliveries. Writes need
// config:write and are not even offered without it; testing a rule and reading need analytics:view.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, table, badge, empty, loading, failure, copyButton } from '../ui.js';
import { useAdminCss, named, numberOrText, formDialog, confirmDialog, infoDialog, notice } from '../admin-forms.js';

/** The metrics a rule may watch (those of /api/v1/analytics/trends, docs/API.md "Alerts"). */
const METRICS = ['interactions', 'cost', 'tokens', 'latency_p50', 'latency_p95', 'latency_p99', 'error_rate',
  'handoff_rate', 'avg_confidence', 'satisfaction', 'acceptance_rate'];
const FILTERS = 'agent_id, model, tag, status, handoff, user_id, session_id, conversation_id, message_type, min_confidence, max_confidence';
const STATUSES = ['firing', 'acknowledged', 'resolved'];
const PAGE_SIZE = 25;

export async function render(ctx) {
  useAdminCss();
  ctx.title('Alerts');
  const writer = ctx.can('config:write');
  const said = notice();
  const rules = card('Alert rules', () => loadRules(ctx, { writer, said, reloadAll }), {
    wide: true, id: 'alert-rules',
    actions: writer ? h('button', { class: 'btn small primary', id: 'new-rule', onclick: () => editRule(ctx, null, reloadAll) }, 'New rule') : null,
  });
  const history = card('Alert history', () => loadHistory(ctx, { writer, said, reloadAll }), { wide: true, id: 'alert-history' });
  const hooks = writer
    ? card('Webhooks', () => loadWebhooks(ctx, said), {
      wide: true, id: 'webhooks',
      actions: h('button', { class: 'btn small', id: 'new-webhook', onclick: () => createWebhook(() => hooks.reload()) }, 'New webhook'),
    })
    : h('section', { class: 'card wide', id: 'webhooks', 'aria-label': 'Webhooks' },
      h('header', { class: 'card-head' }, h('h2', {}, 'Webhooks')),
      empty('Webhook URLs are often credentials themselves, so listing them needs a member or admin role (config:write).'));
  function reloadAll() { rules.reload(); history.reload(); }
  fill(ctx.main, h('div', { class: 'admin-page' },
    h('div', { class: 'page-head' }, h('h1', {}, 'Alerts'),
      writer ? null : h('span', { class: 'muted', id: 'read-only-note' }, 'Read-only: changing rules needs a member or admin role.')),
    said, h('div', { class: 'grid' }, rules, history, hooks)));
}

/** Live data changes alerts only when the scheduler runs; the history is cheap to reload. */
export function onData(ctx) {
  document.getElementById('alert-history')?.reload?.();
}

// ---- rules ------------------------------------------------------------------------------------
function conditionText(c) {
  if (!c) return '—';
  if (c.type === 'threshold') return `${c.op} ${c.value}`;
  return `anomaly, ${c.direction || 'both'}, sensitivity ${c.sensitivity ?? 3.5}`;
}

function filterText(filter) {
  const entries = Object.entries(filter || {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : 'all interactions';
}

function severityBadge(s) {
  return badge(s, s === 'critical' ? 'bad' : s === 'warning' ? 'warn' : '');
}

async function loadRules(ctx, { writer, said, reloadAll }) {
  const { items } = await api('/alert-rules');
  if (!items.length) {
    return empty(writer ? 'No alert rules yet. A rule watches one metric (error rate, cost, p95 latency…) over a window and fires when a threshold is crossed or the value is unusual for the time of the week.'
      : 'No alert rules yet. A member or admin can create them here.');
  }
  return table([
    { label: 'Name', value: r => h('span', { class: 'rule-name' }, r.name) },
    { label: 'Watches', value: r => h('span', {}, h('code', {}, r.metric), ' ', conditionText(r.condition)) },
    { label: 'Filter', value: r => filterText(r.filter) },
    { label: 'Window', value: r => r.window },
    { label: 'Severity', value: r => severityBadge(r.severity) },
    { label: 'State', value: r => r.enabled ? badge('enabled', 'good') : badge('disabled') },
    { label: 'Webhooks', class: 'num', value: r => fmt.int((r.webhook_ids || []).length) },
    { label: '', value: r => h('div', { class: 'actions-cell' },
      h('button', { class: 'btn small', onclick: () => testRule(r), 'aria-label': `Test rule ${r.name}` }, 'Test'),
      h('a', { class: 'btn small', href: `/alerts?rule_id=${encodeURIComponent(r.id)}`, 'aria-label': `History of rule ${r.name}` }, 'History'),
      writer ? h('button', { class: 'btn small', onclick: () => editRule(ctx, r, reloadAll), 'aria-label': `Edit rule ${r.name}` }, 'Edit') : null,
      writer ? h('button', { class: 'btn small danger', 'aria-label': `Delete rule ${r.name}`, onclick: () => confirmDialog(`Delete rule “${r.name}”?`,
        'The rule stops watching and its open alert, if any, is resolved. Its alert history stays.',
        async () => { await api(`/alert-rules/${encodeURIComponent(r.id)}`, { method: 'DELETE' }); said.ok(`Rule “${r.name}” deleted.`); reloadAll(); }) }, 'Delete') : null) },
  ], items);
}

async function editRule(ctx, rule, done) {
  let webhooks = [];
  try { webhooks = (await api('/webhooks')).items; } catch (e) { console.error(e); }
  const r = rule || { window: '1h', severity: 'warning', enabled: true, condition: { type: 'threshold', op: '>' }, filter: {}, webhook_ids: [] };
  const c = r.condition || {};
  const input = (name, value, attrs = {}) => h('input', { name, value: value ?? '', ...attrs });
  const select = (name, options, value) => h('select', { name }, options.map(o => h('option', { value: o, selected: o === value }, o)));
  const type = select('condition_type', ['threshold', 'anomaly'], c.type || 'threshold');
  const thresholdBox = h('div', { class: 'row' },
    named('condition.op', 'Operator', select('op', ['>', '>=', '<', '<='], c.op || '>')),
    named('condition.value', 'Threshold', input('value', c.type === 'threshold' ? c.value : '', { inputmode: 'decimal', autocomplete: 'off' }),
      'A number in the metric\'s unit: a rate as 0.05 for 5%, cost in USD, latency in ms.'));
  const anomalyBox = h('div', { class: 'row' },
    named('condition.direction', 'Direction', select('direction', ['both', 'up', 'down'], c.direction || 'both')),
    named('condition.sensitivity', 'Sensitivity', input('sensitivity', c.type === 'anomaly' ? c.sensitivity : '', { inputmode: 'decimal', placeholder: '3.5' }),
      'Robust standard deviations, 1-20.'));
  const showCondition = () => { thresholdBox.hidden = type.value !== 'threshold'; anomalyBox.hidden = type.value !== 'anomaly'; };
  type.addEventListener('change', showCondition);
  showCondition();
  const filterLines = Object.entries(r.filter || {}).map(([k, v]) => `${k}=${v}`).join('\n');
  const hookBoxes = webhooks.map(w => h('label', {}, h('input', { type: 'checkbox', name: 'webhook', value: w.id, checked: (r.webhook_ids || []).includes(w.id) }), `${w.url} (${w.format})`));
  const content = h('div', {},
    named('name', 'Name', input('name', r.name, { maxlength: 200, required: true, autocomplete: 'off' })),
    h('div', { class: 'row' },
      named('metric', 'Metric', select('metric', METRICS, r.metric || 'error_rate')),
      named('window', 'Window', input('window', r.window, { placeholder: '1h' }), '1m to 7d, e.g. 15m, 1h, 1d.'),
      named('severity', 'Severity', select('severity', ['info', 'warning', 'critical'], r.severity))),
    h('fieldset', {}, h('legend', {}, 'Condition'), named('condition.type', 'Type', type), thresholdBox, anomalyBox),
    named('filter', 'Filter (optional)', h('textarea', { name: 'filter', rows: 2, placeholder: 'agent_id=support-bot' }, filterLines),
      `One name=value per line; names: ${FILTERS}.`),
    h('div', { class: 'row' },
      named('min_samples', 'Minimum samples', input('min_samples', rule ? r.min_samples : '', { inputmode: 'numeric', placeholder: 'default' }),
        'Fewer samples in the window: not judged.'),
      named('enabled', 'Enabled', h('select', { name: 'enabled' },
        h('option', { value: 'true', selected: r.enabled !== false }, 'yes'), h('option', { value: 'false', selected: r.enabled === false }, 'no')))),
    named('webhook_ids', 'Notify webhooks', hookBoxes.length ? h('div', { class: 'checks' }, hookBoxes)
      : h('p', { class: 'muted' }, 'No webhooks yet; add one under Webhooks to be notified.')));
  const saved = await formDialog(rule ? `Edit rule “${rule.name}”` : 'New alert rule', content, {
    submitLabel: rule ? 'Save rule' : 'Create rule', wide: true, testid: 'rule-dialog',
    onSubmit: async form => {
      const f = form.elements;
      const filter = {};
      for (const line of f.filter.value.split('\n').map(l => l.trim()).filter(Boolean)) {
        const at = line.indexOf('=');
        if (at <= 0) throw new ApiError('POST', '/alert-rules', 400, { detail: 'filter', errors: [{ field: 'filter', message: `“${line}” is not name=value` }] });
        filter[line.slice(0, at).trim()] = line.slice(at + 1).trim();
      }
      const condition = type.value === 'threshold'
        ? { type: 'threshold', op: f.op.value, value: numberOrText(f.value.value) }
        : { type: 'anomaly', direction: f.direction.value, sensitivity: numberOrText(f.sensitivity.value) };
      const body = {
        name: f.name.value, metric: f.metric.value, filter, window: f.window.value.trim() || undefined, condition,
        severity: f.severity.value, enabled: f.enabled.value === 'true',
        webhook_ids: [...form.querySelectorAll('input[name=webhook]:checked')].map(x => x.value),
        min_samples: numberOrText(f.min_samples.value),
      };
      return rule ? api(`/alert-rules/${encodeURIComponent(rule.id)}`, { method: 'PUT', body })
        : api('/alert-rules', { method: 'POST', body });
    },
  });
  if (saved) done();
}

async function testRule(rule) {
  const body = h('div', { class: 'evaluation', 'aria-live': 'polite' }, loading('Evaluating the rule now…'));
  infoDialog(`Test: ${rule.name}`, body, { wide: true, testid: 'rule-test' });
  try {
    const t = await api(`/alert-rules/${encodeURIComponent(rule.id)}/test`, { method: 'POST' });
    const e = t.evaluation || {};
    const stateKind = e.state === 'firing' ? 'bad' : e.state === 'ok' ? 'good' : 'warn';
    const a = e.anomaly;
    fill(body,
      h('p', {}, badge(e.state, stateKind), ' ', h('strong', { id: 'test-would-do' }, t.would_do === 'none'
        ? `The scheduler would do nothing${t.description && t.description !== 'nothing' ? ` (${t.description})` : ''}.`
        : `The scheduler would ${t.description}.`)),
      h('p', { class: 'reason', id: 'test-reason' }, e.reason || ''),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Value'), h('dd', {}, e.value === null || e.value === undefined ? '—' : fmt.num(e.value, 4)),
        h('dt', {}, 'Samples'), h('dd', {}, fmt.int(e.samples)),
        h('dt', {}, 'Window'), h('dd', {}, `${fmt.time(e.window_from)} – ${fmt.time(e.window_to)}`),
        h('dt', {}, 'Would do'), h('dd', {}, t.would_do),
        h('dt', {}, 'Open alert'), h('dd', {}, t.open_alert_id || 'none'),
        h('dt', {}, 'Webhooks'), h('dd', {}, (t.webhook_ids || []).length ? t.webhook_ids.join(', ') : 'none'),
        a ? [h('dt', {}, 'Baseline'), h('dd', {}, `${a.baseline}: median ${fmt.num(a.median, 4)}, MAD ${fmt.num(a.mad, 4)}, z ${fmt.num(a.z, 3)}`),
          h('dt', {}, 'Baseline windows'), h('dd', {}, `${a.seasonal_windows_with_data}/${a.seasonal_windows} same time of week, ${a.recent_windows_with_data}/${a.recent_windows} recent`)] : null),
      h('p', { class: 'muted' }, `Evaluated at ${fmt.time(t.evaluated_at)}; testing changes nothing.`));
  } catch (e) {
    fill(body, failure(e));
  }
}

// ---- history ----------------------------------------------------------------------------------
function whatFired(alert, rulesById) {
  if (alert.source === 'budget') {
    return h('a', { href: '/costs' }, 'Budgets');
  }
  const rule = rulesById.get(alert.rule_id);
  if (!rule) return alert.rule_id ? h('span', { class: 'muted', title: alert.rule_id }, 'rule deleted') : '—';
  const q = new URLSearchParams(rule.filter || {});
  if (alert.details?.window_from) q.set('from', alert.details.window_from);
  if (alert.details?.window_to) q.set('to', alert.details.window_to);
  return h('span', {},
    h('a', { href: `/alerts?rule_id=${encodeURIComponent(rule.id)}`, title: 'This rule\'s alerts' }, rule.name),
    ' · ', h('a', { href: `/interactions?${q}`, title: 'The interactions the rule measured in its window' }, 'interactions'));
}

async function loadHistory(ctx, { writer, said, reloadAll }) {
  const status = STATUSES.includes(ctx.query.get('status')) ? ctx.query.get('status') : '';
  const ruleId = ctx.query.get('rule_id') || '';
  const page = Math.max(1, parseInt(ctx.query.get('page'), 10) || 1);
  const statusSelect = h('select', { id: 'alert-status', onchange: () => ctx.setQuery({ status: statusSelect.value, page: null }) },
    h('option', { value: '' }, 'all'), STATUSES.map(s => h('option', { value: s, selected: s === status }, s)));
  const [answer, rules] = await Promise.all([
    api('/alerts', { params: { status, rule_id: ruleId, page, page_size: PAGE_SIZE } }),
    api('/alert-rules').then(r => r.items).catch(() => []),
  ]);
  const rulesById = new Map(rules.map(r => [r.id, r]));
  const filters = h('div', { class: 'filters' },
    h('div', { class: 'field' }, h('label', { for: 'alert-status' }, 'Status'), statusSelect),
    ruleId ? h('div', { class: 'field' }, h('span', { class: 'muted' }, 'Rule'),
      h('span', {}, rulesById.get(ruleId)?.name || ruleId, ' ', h('a', { href: `/alerts${status ? `?status=${status}` : ''}` }, '(all rules)'))) : null);
  const rows = answer.items;
  const list = rows.length ? table([
    { label: 'Status', value: a => badge(a.status, a.status === 'firing' ? 'bad' : a.status === 'acknowledged' ? 'warn' : 'good') },
    { label: 'Severity', value: a => severityBadge(a.severity) },
    { label: 'Alert', value: a => h('span', { title: a.details?.reason || '' }, a.title) },
    { label: 'What fired', value: a => whatFired(a, rulesById) },
    { label: 'Value', class: 'num', value: a => fmt.num(a.value, 4) },
    { label: 'Times', class: 'num', title: 'evaluations that found the condition holding', value: a => fmt.int(a.occurrences) },
    { label: 'Started', value: a => h('span', { title: fmt.time(a.started_at) }, fmt.shortTime(a.started_at)) },
    { label: 'Last seen / resolved', value: a => a.resolved_at ? `resolved ${fmt.ago(a.resolved_at)}` : fmt.ago(a.last_seen_at) },
    { label: 'Acknowledged', value: a => a.acknowledged_at ? h('span', { title: fmt.time(a.acknowledged_at) }, a.acknowledged_by || 'yes') : '—' },
    { label: '', value: a => writer && a.status === 'firing'
      ? h('button', { class: 'btn small', 'aria-label': `Acknowledge ${a.title}`, onclick: async ev => {
        ev.target.disabled = true;
        try {
          await api(`/alerts/${encodeURIComponent(a.id)}/acknowledge`, { method: 'POST' });
          said.ok(`Acknowledged “${a.title}”.`);
          reloadAll();
        } catch (e) { said.fail(e); ev.target.disabled = false; }
      } }, 'Acknowledge') : '' },
  ], rows) : empty(status || ruleId ? 'No alerts match this filter.'
    : 'No alerts yet. When a rule\'s condition holds, one alert opens here (and stays one alert while it holds); it resolves when the condition clears.');
  const pager = (page > 1 || answer.has_more) ? h('div', { class: 'pager' },
    h('button', { class: 'btn small', disabled: page <= 1, onclick: () => ctx.setQuery({ page: page - 1 > 1 ? page - 1 : null }) }, '← Newer'),
    h('span', { class: 'muted' }, `page ${page}`),
    h('button', { class: 'btn small', disabled: !answer.has_more, onclick: () => ctx.setQuery({ page: page + 1 }) }, 'Older →')) : null;
  return h('div', {}, filters, list, pager);
}

// ---- webhooks ---------------------------------------------------------------------------------
async function loadWebhooks(ctx, said) {
  const { items } = await api('/webhooks');
  const deliveries = h('div', { id: 'deliveries' });
  if (!items.length) {
    return empty('No webhooks yet. A webhook gets a signed POST when an alert fires and when it resolves (JSON, or a Slack message).');
  }
  const reload = () => document.getElementById('webhooks')?.reload?.();
  return h('div', {}, table([
    { label: 'URL', value: w => h('code', {}, w.url) },
    { label: 'Format', value: w => w.format },
    { label: 'Created', value: w => fmt.shortTime(w.created_at) },
    { label: '', value: w => h('div', { class: 'actions-cell' },
      h('button', { class: 'btn small', 'aria-label': `Deliveries of ${w.url}`, onclick: () => showDeliveries(w, deliveries) }, 'Deliveries'),
      h('button', { class: 'btn small danger', 'aria-label': `Delete webhook ${w.url}`, onclick: () => confirmDialog('Delete this webhook?',
        `${w.url} gets no more deliveries; rules that named it skip it. Its delivery history stays.`,
        async () => { await api(`/webhooks/${encodeURIComponent(w.id)}`, { method: 'DELETE' }); said.ok('Webhook deleted.'); reload(); }) }, 'Delete')) },
  ], items), deliveries);
}

async function showDeliveries(webhook, box) {
  fill(box, h('h3', {}, `Deliveries to ${webhook.url}`), loading());
  try {
    const { items } = await api(`/webhooks/${encodeURIComponent(webhook.id)}/deliveries`, { params: { limit: 50 } });
    fill(box, h('h3', {}, `Deliveries to ${webhook.url}`), table([
      { label: 'Event', value: d => d.event },
      { label: 'Status', value: d => badge(d.status, d.status === 'delivered' ? 'good' : d.status === 'failed' ? 'bad' : 'warn') },
      { label: 'Attempts', class: 'num', value: d => fmt.int(d.attempts) },
      { label: 'Answer', value: d => d.last_status_code ? `HTTP ${d.last_status_code}` : (d.last_error || '—') },
      { label: 'Alert', value: d => d.alert_id },
      { label: 'Created', value: d => fmt.shortTime(d.created_at) },
      { label: 'Last attempt', value: d => fmt.ago(d.last_attempt_at) },
    ], items, { emptyText: 'No deliveries yet: one is made when an alert of a rule that names this webhook fires or resolves.' }));
  } catch (e) {
    fill(box, failure(e, () => showDeliveries(webhook, box)));
  }
}

async function createWebhook(done) {
  const content = h('div', {},
    named('url', 'URL', h('input', { name: 'url', type: 'url', maxlength: 2048, placeholder: 'https://hooks.slack.com/services/…', autocomplete: 'off' }),
      'http or https. The server POSTs to it from inside your network.'),
    named('format', 'Format', h('select', { name: 'format' }, h('option', { value: 'json' }, 'json'), h('option', { value: 'slack' }, 'slack'))),
    named('secret', 'Signing secret (optional)', h('input', { name: 'secret', autocomplete: 'off' }), '16-256 characters; leave empty to have one generated.'));
  const created = await formDialog('New webhook', content, {
    submitLabel: 'Create webhook',
    onSubmit: form => api('/webhooks', { method: 'POST', body: {
      url: form.elements.url.value.trim(), format: form.elements.format.value, secret: form.elements.secret.value || undefined } }),
  });
  if (!created) return;
  done();
  await infoDialog('Webhook created', h('div', {},
    h('p', {}, 'Deliveries are signed with this secret (HMAC-SHA256, see docs/API.md). ', h('strong', {}, 'It is shown only now.')),
    h('div', { class: 'secret', id: 'webhook-secret', tabindex: '0' }, created.secret),
    h('p', {}, copyButton(created.secret, 'Copy secret'))), { closeLabel: 'Done' });
}
