// The "Upload dataset" dialog: POST /api/v1/datasets with the name and format, then the chosen
// File streamed as the body of PUT /api/v1/datasets/{id}/content (XHR, for its upload progress),
// while GET /api/v1/datasets/{id} says how far the server has read. The API's errors (a name or
// format refused, the file too large, a content type that does not fit the format) are shown in
// the dialog, which stays open for another try.
import { api, ApiError } from '../api.js';
import { h, fill, fmt } from '../ui.js';
import { formDialog, named } from '../admin-forms.js';
import { FORMATS, bytes, seg } from './datasets-common.js';

const POLL_MS = 400;

/** Opens the dialog; resolves with the uploaded dataset (ready), or null when cancelled. */
export function uploadDialog() {
  const file = h('input', { type: 'file', name: 'file', accept: '.jsonl,.ndjson,.json,.csv,.txt,text/csv,application/x-ndjson' });
  const name = h('input', { name: 'name', autocomplete: 'off', maxlength: 400 });
  const format = h('select', { name: 'format' }, h('option', { value: '' }, 'auto (detect)'),
    FORMATS.map(f => h('option', { value: f }, f)));
  const bar = h('progress', { max: 1, value: 0, id: 'upload-bar', 'aria-label': 'Upload progress' });
  const sent = h('p', { class: 'progress-text', id: 'upload-sent', 'aria-live': 'polite' });
  const read = h('p', { class: 'progress-text', id: 'upload-read', 'aria-live': 'polite' });
  const progress = h('div', { class: 'upload-progress', hidden: true }, bar, sent, read);
  file.addEventListener('change', () => {
    const f = file.files[0];
    // the file's name is a good default name; typed text is kept
    if (f && !name.value.trim()) name.value = f.name.replace(/\.(jsonl|ndjson|json|csv|txt)$/i, '');
  });
  let abort = () => {};
  const content = h('div', { class: 'dataset-upload' },
    named('file', 'File', file, 'JSON Lines (one record per line) or CSV with a header row, UTF-8.'),
    named('name', 'Name', name),
    named('format', 'Format', format, 'chat: {"messages": [...]}; prompt_completion; text_label; csv. Auto reads the first record.'),
    progress);
  const dialogDone = formDialog('Upload dataset', content, {
    submitLabel: 'Upload', testid: 'upload-dialog',
    onSubmit: async form => {
      const f = file.files[0];
      if (!f) throw new ApiError('PUT', '/api/v1/datasets/{id}/content', 400,
        { detail: 'Choose a file to upload.', errors: [{ field: 'file', message: 'choose a file to upload' }] });
      const body = { name: name.value };
      if (format.value) body.format = format.value;
      const created = await api('/datasets', { method: 'POST', body });
      progress.hidden = false;
      const dialog = form.closest('dialog');
      const upload = send(created.id, f, format.value, { bar, sent, read });
      abort = upload.abort;
      dialog.addEventListener('close', () => upload.abort(), { once: true });
      try {
        return await upload.done;
      } catch (e) {
        await tidy(created.id);
        throw e;
      }
    },
  });
  return dialogDone.finally(() => abort());
}

/** A refused upload that read nothing leaves the dataset waiting for content: it is deleted, not left in the list. */
async function tidy(id) {
  try {
    const d = await api(`/datasets/${seg(id)}`);
    if (d.status === 'uploading' && !d.bytes_read) await api(`/datasets/${seg(id)}`, { method: 'DELETE' });
  } catch { /* the list shows whatever is left */ }
}

function contentType(format, file) {
  if (format === 'csv') return 'text/csv';
  if (format) return 'application/x-ndjson';
  return 'application/octet-stream'; // the server detects the format
}

/** PUTs the file as the request body; resolves with the ready dataset or rejects with an ApiError. */
function send(id, file, format, { bar, sent, read }) {
  const path = `/api/v1/datasets/${seg(id)}/content`;
  const xhr = new XMLHttpRequest();
  let polling = true;
  const poll = async () => {
    while (polling) {
      await new Promise(r => setTimeout(r, POLL_MS));
      if (!polling) break;
      try {
        const d = await api(`/datasets/${seg(id)}`);
        if (polling && d.status === 'uploading') {
          fill(read, `Server has read ${fmt.int(d.lines_read)} lines, ${bytes(d.bytes_read)}`);
          read.dataset.lines = String(d.lines_read);
        }
      } catch { /* progress is a courtesy; the upload's own answer decides */ }
    }
  };
  const done = new Promise((resolve, reject) => {
    xhr.open('PUT', path);
    xhr.setRequestHeader('Content-Type', contentType(format, file));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Sextant-Request', '1');
    xhr.upload.addEventListener('progress', e => {
      const total = e.lengthComputable ? e.total : file.size;
      bar.max = Math.max(1, total);
      bar.value = e.loaded;
      fill(sent, `Sent ${bytes(e.loaded)} of ${bytes(total)} (${fmt.pct(total ? e.loaded / total : 1, 0)})`);
    });
    xhr.upload.addEventListener('load', () => fill(sent, `Sent ${bytes(file.size)}; the server is finishing the report…`));
    xhr.addEventListener('load', () => {
      polling = false;
      let json = null;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { json = { detail: xhr.responseText.slice(0, 300) }; }
      if (xhr.status >= 200 && xhr.status < 300) {
        fill(read, `Read ${fmt.int(json.lines_read)} lines, ${bytes(json.bytes_read)}: ${json.status}`);
        resolve(json);
      } else {
        reject(new ApiError('PUT', path, xhr.status, json));
      }
    });
    xhr.addEventListener('error', () => { polling = false; reject(new ApiError('PUT', path, 0, null)); });
    xhr.addEventListener('abort', () => { polling = false; reject(new ApiError('PUT', path, 0, { detail: 'the upload was cancelled' })); });
    xhr.send(file);
  });
  poll();
  return { done, abort: () => { polling = false; if (xhr.readyState !== XMLHttpRequest.DONE) xhr.abort(); } };
}
