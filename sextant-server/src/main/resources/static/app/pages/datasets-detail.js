// One dataset (GET /api/v1/datasets/{id}) and its quality report (GET .../report): the score with
// training readiness and its weighted components, the recommendations first, then one card per
// section of the report (datasets-report.js). While the upload runs, its progress; a failed
// upload says why. Writers may delete it.
import { api, ApiError } from '../api.js';
import { h, fill, fmt, card, failure } from '../ui.js';
import { useAdminCss, confirmDialog } from '../admin-forms.js';
import { useDatasetStyles, statusBadge, bytes, seg } from './datasets-common.js';
import { reportCards } from './datasets-report.js';

const POLL_MS = 1000;

export async function render(ctx) {
  useAdminCss();
  useDatasetStyles();
  const id = ctx.params.id;
  ctx.title(`Dataset ${id}`);
  let d;
  try {
    d = await api(`/datasets/${seg(id)}`);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    if (e instanceof ApiError && e.status === 404) {
      fill(ctx.main, h('div', { class: 'state empty', id: 'dataset-not-found' }, h('h1', {}, 'Dataset not found in this workspace'),
        h('p', {}, e.detail), h('p', {}, h('a', { href: '/datasets' }, 'All datasets'))));
      return;
    }
    fill(ctx.main, failure(e, () => ctx.setQuery({})));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.title(`${d.name} · Datasets`);
  const writer = ctx.can('ingest:write');
  const del = writer ? h('button', { type: 'button', class: 'btn small danger', id: 'dataset-delete', onclick: () =>
    confirmDialog('Delete dataset', `Delete “${d.name}” and its quality report? This cannot be undone.`, async () => {
      await api(`/datasets/${seg(d.id)}`, { method: 'DELETE' });
      ctx.navigate('/datasets');
    }) }, 'Delete') : null;
  const body = h('div', { id: 'dataset-body' });
  fill(ctx.main, h('div', { class: 'admin-page datasets-page' },
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'muted small crumbs' }, h('a', { href: '/datasets' }, 'Datasets'), ' / ', h('code', {}, d.id)),
        h('h1', { id: 'dataset-title', class: 'dataset-name' }, d.name),
        h('div', { class: 'facts', id: 'dataset-facts' },
          h('span', {}, 'Format ', h('b', {}, d.format || 'not detected yet')),
          h('span', {}, 'Status ', statusBadge(d)),
          h('span', {}, 'Records ', h('b', { dataset: { fact: 'records' } }, fmt.int(d.records))),
          h('span', {}, 'Lines ', h('b', { dataset: { fact: 'lines' } }, fmt.int(d.lines_read))),
          h('span', {}, 'Size ', h('b', { dataset: { fact: 'bytes' }, title: `${fmt.int(d.bytes_read)} bytes` }, bytes(d.bytes_read))),
          h('span', { title: fmt.time(d.created_at) }, 'Created ', h('b', {}, fmt.shortTime(d.created_at))))),
      del),
    body));
  if (d.status === 'ready') {
    fill(body, card('Quality report', () => loadReport(d, body), { wide: true, id: 'dataset-report-loading' }));
  } else if (d.status === 'failed') {
    fill(body, h('div', { class: 'state error', role: 'alert', id: 'dataset-failed' }, h('strong', {}, 'The upload failed'),
      h('p', {}, d.error || 'no reason recorded'),
      h('p', {}, `Read before it stopped: ${fmt.int(d.lines_read)} lines, ${bytes(d.bytes_read)}. Upload the file again as a new dataset.`)));
  } else {
    fill(body, h('div', { class: 'state loading', role: 'status', id: 'dataset-progress' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      d.status === 'analyzing' ? 'The content is read; the report is being completed…'
        : d.bytes_read ? `Uploading: ${fmt.int(d.lines_read)} lines, ${bytes(d.bytes_read)} read so far…`
          : 'Waiting for the content to be uploaded…'));
    const timer = setTimeout(() => { if (ctx.isCurrent()) ctx.setQuery({}); }, POLL_MS);
    ctx.onCleanup(() => clearTimeout(timer));
  }
}

async function loadReport(d, body) {
  const report = await api(`/datasets/${seg(d.id)}/report`);
  fill(body, ...reportCards(report));
  return undefined;
}
