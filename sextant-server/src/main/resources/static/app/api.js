// The dashboard's only way to the server: the documented /api/v1 endpoints with the session cookie.
// Every failure becomes an ApiError that says what was asked and what the server answered.

export class ApiError extends Error {
  constructor(method, path, status, problem) {
    const detail = problem?.detail || problem?.title || (status === 0 ? 'the server could not be reached' : `HTTP ${status}`);
    super(`${method} ${path} failed: ${detail}`);
    this.method = method;
    this.path = path;
    this.status = status;
    this.problem = problem || null;
    this.detail = detail;
  }
  /** Field-level errors of a 400 answer, as "field: message" lines. */
  fieldErrors() {
    return (this.problem?.errors || []).map(e => `${e.field || e.parameter || ''}${(e.field || e.parameter) ? ': ' : ''}${e.message}`);
  }
}

/** A query string from an object, leaving out null, undefined and empty values. */
export function qs(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach(x => q.append(k, x)); else q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

let onUnauthenticated = () => {
  location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
};
export function setUnauthenticatedHandler(fn) { onUnauthenticated = fn; }

/**
 * Calls the API. GET by default; a body is sent as JSON. State-changing calls carry the header the
 * server requires of cookie-authenticated requests (CSRF). Resolves to the parsed JSON (null for 204).
 */
export async function api(path, { method = 'GET', body, params, signal } = {}) {
  const url = `/api/v1${path}${qs(params)}`;
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Sextant-Request'] = '1';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin', signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(method, url, 0, null);
  }
  if (response.status === 401 && !path.startsWith('/auth/login')) {
    onUnauthenticated();
    throw new ApiError(method, url, 401, { detail: 'your session has ended; log in again' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = { detail: text.slice(0, 300) }; }
  }
  if (!response.ok) throw new ApiError(method, url, response.status, json);
  return json;
}

/** The URL of a table download of an analytics answer (format=csv|jsonl), for links. */
export function downloadUrl(path, params, format = 'csv') {
  return `/api/v1${path}${qs({ ...params, format })}`;
}
