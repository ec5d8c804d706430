// The admin API client: session, CSRF token, JSON errors, 401 → login page.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, message, type) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

export async function loadSession() {
  const r = await fetch('/dashboard/session', { cache: 'no-store', credentials: 'same-origin' });
  if (!r.ok) throw new ApiError(r.status, `Session check failed (HTTP ${r.status}).`);
  const s = await r.json();
  csrfToken = s.csrf_token || null;
  return s;
}

export const csrf = () => csrfToken;

async function errorFrom(r) {
  let message = `HTTP ${r.status} ${r.statusText || ''}`.trim();
  let type;
  try {
    const body = await r.json();
    if (body && body.error) {
      message = body.error.message || message;
      type = body.error.type;
    }
  } catch { /* not JSON */ }
  return new ApiError(r.status, message, type);
}

async function sessionEnded() {
  try {
    const s = await loadSession();
    if (!s.authenticated) location.reload();
  } catch { location.reload(); }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken || '';
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let r;
  try {
    r = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `Cannot reach Junction: ${e.message}`);
  }
  if (r.status === 401) {
    await sessionEnded();
    throw new ApiError(401, 'Your session has ended. Please log in again.');
  }
  if (!r.ok) throw await errorFrom(r);
  if (r.status === 204) return null;
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}

export const get = (p) => api('GET', p);
export const post = (p, b) => api('POST', p, b === undefined ? {} : b);
export const put = (p, b) => api('PUT', p, b);
export const patch = (p, b) => api('PATCH', p, b);
export const del = (p) => api('DELETE', p);

export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) u.set(k, v);
  const s = u.toString();
  return s ? `?${s}` : '';
}

export async function logout() {
  await fetch('/dashboard/logout', {
    method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken || '' },
  }).catch(() => {});
  csrfToken = null;
  location.assign('/dashboard');
}
