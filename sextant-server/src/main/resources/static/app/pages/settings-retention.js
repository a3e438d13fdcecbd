// Settings → Retention: how long the workspace keeps each kind of data (GET/PUT /api/v1/retention),
// the last retention run and the next (POST /api/v1/retention/run for "Run now"). Admins edit;
// everyone else reads. The server's answer is the truth: its field errors are shown at the field.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, empty, badge, dialog, failure } from '../ui.js';

const LABELS = {
  traces: 'Traces and spans',
  payloads: 'Inputs and outputs only',
  scores: 'Scores',
  training_metrics: 'Training metrics',
};

let cssAdded = false;
let flash = null; // shown once by the next rendering of the form ("Saved.")
function addCss() {
  if (cssAdded || document.querySelector('link[data-page=settings-retention]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/app/settings-retention.css', dataset: { page: 'settings-retention' } }));
  cssAdded = true;
}

function period(days) {
  if (days === null || days === undefined) return 'keep forever';
  return days === 1 ? '1 day' : `${fmt.int(days)} days`;
}

/** Fills `container` with the retention settings of the caller's workspace. */
export async function render(container, ctx) {
  addCss();
  const admin = ctx.can('admin');
  let policiesCard, runCard;
  const reload = message => { flash = message || null; policiesCard.reload(); runCard.reload(); };

  policiesCard = card('Retention periods', async () => {
    const data = await api('/retention');
    if (!data.policies?.length) return empty('The server reported no retention periods.');
    return admin ? editForm(data.policies, reload) : readOnly(data.policies);
  }, { wide: true, id: 'retention-periods' });

  runCard = card('Retention runs', async () => {
    const data = await api('/retention');
    return runs(data, admin, reload);
  }, { wide: true, id: 'retention-runs' });

  fill(container,
    h('p', { class: 'muted' },
      'Data older than its period is deleted by a job that runs every hour in small batches, so sending data is never held up. ',
      'Each scheduled run that removed something is recorded in the audit log.'),
    h('div', { class: 'grid' }, policiesCard, runCard));
}

function describe(p) {
  return [
    h('h3', { id: `retention-${p.kind}-label` }, LABELS[p.kind] || p.kind),
    h('p', { class: 'retention-what' }, p.description),
  ];
}

function defaultNote(p) {
  return h('span', { class: 'muted' }, p.is_default ? badge('default') : null, ' ',
    `Server default: ${period(p.default_days)}`);
}

function readOnly(policies) {
  return h('div', {},
    h('div', { class: 'retention-policies' }, policies.map(p =>
      h('div', { class: 'retention-policy', dataset: { kind: p.kind } },
        h('div', {}, describe(p)),
        h('div', { class: 'retention-value' }, h('strong', { dataset: { days: p.kind } }, period(p.days)), defaultNote(p))))),
    h('p', { class: 'muted' }, 'Only workspace admins can change retention periods.'));
}

function editForm(policies, reload) {
  const rows = policies.map(p => {
    const forever = p.days === null || p.days === undefined;
    const input = h('input', { type: 'number', inputmode: 'numeric', min: 1, max: 36500, step: 1, name: p.kind,
      id: `retention-${p.kind}`, value: forever ? '' : String(p.days), disabled: forever,
      'aria-labelledby': `retention-${p.kind}-label retention-${p.kind}-days`,
      'aria-describedby': `retention-${p.kind}-error` });
    const keep = h('input', { type: 'checkbox', name: `${p.kind}-forever`, checked: forever,
      'aria-describedby': `retention-${p.kind}-label` });
    const error = h('div', { class: 'field-error', id: `retention-${p.kind}-error`, role: 'alert' });
    keep.addEventListener('change', () => {
      input.disabled = keep.checked;
      if (!keep.checked && !input.value) input.value = String(p.default_days ?? 365);
      if (!keep.checked) input.focus();
    });
    return { p, input, keep, error,
      node: h('div', { class: 'retention-policy', dataset: { kind: p.kind } },
        h('div', {}, describe(p)),
        h('div', { class: 'retention-value' },
          h('label', { for: input.id, id: `retention-${p.kind}-days` }, 'Days'), input,
          h('label', { class: 'retention-forever' }, keep, 'Keep forever'),
          defaultNote(p), error)) };
  });
  const status = h('span', { class: 'muted', role: 'status' }, flash);
  flash = null;
  const formError = h('div', { class: 'form-error', role: 'alert' });
  const save = h('button', { type: 'submit', class: 'btn primary' }, 'Save retention');
  const form = h('form', { novalidate: true, 'aria-label': 'Retention periods' },
    h('div', { class: 'retention-policies' }, rows.map(r => r.node)),
    formError,
    h('div', { class: 'retention-actions' }, save, status));

  form.addEventListener('submit', async e => {
    e.preventDefault();
    fill(status); fill(formError);
    rows.forEach(r => { fill(r.error); r.input.removeAttribute('aria-invalid'); });
    const body = {};
    let bad = false;
    for (const r of rows) {
      let days;
      if (r.keep.checked) {
        days = null;
      } else if (r.input.value.trim() === '') {
        // a number input holds '' for anything that is not a number
        markInvalid(r, `${LABELS[r.p.kind] || r.p.kind}: enter a whole number of days (1 to 36500), or tick Keep forever.`);
        bad = true;
        continue;
      } else {
        days = Number(r.input.value);
      }
      if (days !== (r.p.days ?? null)) body[r.p.kind] = days;
    }
    if (bad) return;
    if (Object.keys(body).length === 0) { fill(status, 'Nothing changed.'); return; }
    save.disabled = true;
    try {
      await api('/retention', { method: 'PUT', body });
      reload('Saved.');
    } catch (err) {
      save.disabled = false;
      if (!(err instanceof ApiError)) { fill(formError, String(err?.message || err)); return; }
      const unplaced = [];
      for (const fe of err.problem?.errors || []) {
        const r = rows.find(x => x.p.kind === fe.field);
        if (r) markInvalid(r, fe.message); else unplaced.push(`${fe.field ? `${fe.field}: ` : ''}${fe.message}`);
      }
      if (unplaced.length || !(err.problem?.errors || []).length) {
        fill(formError, `Not saved: ${err.detail}`, unplaced.length ? h('ul', {}, unplaced.map(m => h('li', {}, m))) : null);
      }
    }
  });
  return form;
}

function markInvalid(row, message) {
  row.input.setAttribute('aria-invalid', 'true');
  fill(row.error, message);
  row.input.focus();
}

function runs(data, admin, reload) {
  const last = data.last_run;
  const parts = [];
  if (last) {
    const d = last.deleted || {};
    parts.push(h('dl', { id: 'retention-last-run' },
      h('dt', {}, 'Last run'), h('dd', {}, `${fmt.time(last.started_at)} (${fmt.ago(last.started_at)})`),
      h('dt', {}, 'Took'), h('dd', {}, fmt.ms(new Date(last.finished_at) - new Date(last.started_at))),
      h('dt', {}, 'Outcome'), h('dd', {}, last.error ? [badge('stopped early', 'bad'), ' ', last.error] : badge('completed', 'good')),
      h('dt', {}, 'Removed'), h('dd', {},
        `${fmt.int(d.traces)} traces, ${fmt.int(d.spans)} spans, ${fmt.int(d.scores)} scores, ${fmt.int(d.sessions ?? 0)} sessions; `
        + `inputs and outputs cleared on ${fmt.int(d.payloads)} traces and spans; `
        + `${fmt.int(d.training_metrics ?? 0)} training metric points`)));
  } else {
    parts.push(empty('Retention has not run in this workspace yet. It runs on its own every interval; '
      + (admin ? 'Run now starts it at once.' : 'an admin can also start it at once.')));
  }
  parts.push(h('p', { id: 'retention-next-run' }, h('span', { class: 'muted' }, 'Next scheduled run: '),
    data.next_run_at ? fmt.time(data.next_run_at) : '—'));
  if (admin) {
    const result = h('div', { role: 'status' });
    const button = h('button', { type: 'button', class: 'btn danger' }, 'Run now');
    button.addEventListener('click', async () => {
      const ok = await dialog('Run retention now?',
        h('p', {}, 'This deletes, now and for good, what is older than the periods above in this workspace.'),
        { submitLabel: 'Run now' });
      if (!ok) return;
      ok.close();
      button.disabled = true;
      fill(result, 'Running…');
      try {
        await api('/retention/run', { method: 'POST' });
        reload();
      } catch (err) {
        button.disabled = false;
        fill(result, failure(err));
      }
    });
    parts.push(h('div', { class: 'retention-actions' }, button, result));
  }
  return h('div', { class: 'retention-run' }, parts);
}
