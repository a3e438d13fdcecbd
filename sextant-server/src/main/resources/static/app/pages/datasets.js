// Datasets: the workspace's training datasets (GET /api/v1/datasets) with their status, size and
// quality score; "Upload dataset" (pages/datasets-upload.js) and Delete for users with ingest:write.
import { api } from '../api.js';
import { h, fill, fmt, card, empty } from '../ui.js';
import { useAdminCss, confirmDialog, notice } from '../admin-forms.js';
import { useDatasetStyles, statusBadge, scoreCell, bytes, sortableTable, seg } from './datasets-common.js';
import { uploadDialog } from './datasets-upload.js';

/** While a dataset is uploading elsewhere, the list asks again this often. */
const POLL_MS = 2000;

export async function render(ctx) {
  useAdminCss();
  useDatasetStyles();
  ctx.title('Datasets');
  const writer = ctx.can('ingest:write');
  const said = notice();
  const upload = writer ? h('button', { class: 'btn small primary', id: 'upload-dataset', type: 'button' }, 'Upload dataset') : null;
  let timer = null;
  ctx.onCleanup(() => clearTimeout(timer));
  const list = card('Datasets', async () => {
    clearTimeout(timer);
    const { datasets } = await api('/datasets');
    if (datasets.some(d => d.status === 'uploading' || d.status === 'analyzing')) {
      timer = setTimeout(() => { if (ctx.isCurrent()) list.reload(); }, POLL_MS);
    }
    return datasetTable(datasets, writer, list, said);
  }, { wide: true, id: 'datasets', actions: upload });
  upload?.addEventListener('click', async () => {
    const done = await uploadDialog();
    if (done) ctx.navigate(`/datasets/${seg(done.id)}`);
    else list.reload(); // a cancelled or refused upload may have left a failed dataset to show
  });
  fill(ctx.main, h('div', { class: 'admin-page datasets-page' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Datasets'),
        h('p', { class: 'muted' }, 'Training datasets and their quality reports: completeness, consistency, diversity, class balance, '
          + 'noise, duplicates, label conflicts, bias signals, personal data and token lengths, with a score and what to fix. '
          + 'The content is analysed as it streams in and is not stored; only the report is.')),
      writer ? null : h('span', { class: 'muted', id: 'read-only-note' }, 'Read-only: uploading and deleting datasets needs a member or admin role.')),
    said, list));
}

function datasetTable(datasets, writer, list, said) {
  if (!datasets.length) {
    return empty(writer
      ? 'No datasets yet. Upload a JSON Lines file (chat messages, prompt/completion or text/label) or a CSV to get its quality report.'
      : 'No datasets yet. A member or admin of this workspace can upload one.',
      h('pre', {}, h('code', {}, `curl -X POST -H "Authorization: Bearer $SEXTANT_KEY" -H 'Content-Type: application/x-ndjson' \\\n`
        + `     -T train.jsonl '${location.origin}/api/v1/datasets?name=train'`)));
  }
  const columns = [
    { label: 'Name', value: d => h('a', { href: `/datasets/${seg(d.id)}`, class: 'dataset-name' }, d.name), sort: d => d.name.toLowerCase() },
    { label: 'Format', value: d => d.format || h('span', { class: 'muted' }, 'auto'), sort: d => d.format || '' },
    { label: 'Status', value: d => h('span', {}, statusBadge(d), d.status === 'uploading' && d.lines_read
      ? h('span', { class: 'muted small' }, ` ${fmt.int(d.lines_read)} lines read`) : null), sort: d => d.status },
    { label: 'Records', class: 'num', value: d => fmt.int(d.records), sort: d => d.records },
    { label: 'Size', class: 'num', value: d => bytes(d.bytes_read), sort: d => d.bytes_read },
    { label: 'Score', value: d => scoreCell(d), sort: d => d.score },
    { label: 'Created', value: d => h('time', { datetime: d.created_at, title: fmt.time(d.created_at) }, fmt.shortTime(d.created_at)),
      sort: d => d.created_at },
  ];
  if (writer) {
    columns.push({ label: h('span', { class: 'sr-only' }, 'Actions'), value: d => h('button', {
      type: 'button', class: 'btn small danger', 'aria-label': `Delete ${d.name}`, dataset: { delete: d.id },
      onclick: () => confirmDialog('Delete dataset', `Delete “${d.name}” and its quality report? This cannot be undone.`, async () => {
        await api(`/datasets/${seg(d.id)}`, { method: 'DELETE' });
        said.ok(`Deleted “${d.name}”.`);
        list.reload();
      }) }, 'Delete') });
  }
  // the API lists newest first; Created descending says so
  return sortableTable(columns, datasets, { initial: [6, 'descending'], rowId: d => d.id });
}
