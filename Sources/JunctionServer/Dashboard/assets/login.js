// The login / first-time setup page.
import { setupThemeToggle } from './theme-toggle.js';

const $ = (id) => document.getElementById(id);
const intro = $('login-intro');
const errorEl = $('login-error');

function showError(msg) {
  errorEl.textContent = msg;
  errorEl.hidden = false;
}

async function postJSON(path, body) {
  const r = await fetch(path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  let data = null;
  try { data = await r.json(); } catch { /* empty */ }
  if (!r.ok) {
    let msg = (data && data.error && data.error.message) || `HTTP ${r.status}`;
    const retry = r.headers.get('Retry-After');
    if (r.status === 429 && retry && !/\d+\s*s/.test(msg)) msg += ` Try again in ${retry} s.`;
    throw new Error(msg);
  }
  return data;
}

function busy(button, on) {
  button.disabled = on;
  button.setAttribute('aria-busy', on ? 'true' : 'false');
}

async function start() {
  setupThemeToggle($('theme-toggle'));
  let s;
  try {
    const r = await fetch('/dashboard/session', { cache: 'no-store', credentials: 'same-origin' });
    s = await r.json();
  } catch (e) {
    intro.textContent = 'Cannot reach Junction.';
    showError(e.message);
    return;
  }
  if (s.authenticated) {
    // The server serves the app to a logged-in browser; reload once to get it.
    const nav = performance.getEntriesByType('navigation')[0];
    if (!nav || nav.type !== 'reload') { location.reload(); return; }
    intro.textContent = 'You are logged in.';
    $('login-error').hidden = false;
    $('login-error').textContent = 'The server still sent the login page. Try opening /dashboard again.';
    return;
  }
  if (s.setup_required) {
    if (s.setup_allowed) {
      intro.textContent = 'Welcome. Set up the dashboard.';
      $('setup-form').hidden = false;
      $('setup-password').focus();
    } else {
      intro.textContent = 'Set-up needed.';
      $('setup-remote').hidden = false;
    }
    return;
  }
  intro.textContent = 'Log in to the dashboard.';
  $('login-form').hidden = false;
  $('login-password').focus();
}

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  errorEl.hidden = true;
  const button = $('login-submit');
  busy(button, true);
  try {
    await postJSON('/dashboard/login', { password: $('login-password').value });
    location.reload();
  } catch (e) {
    showError(e.message);
    $('login-password').select();
  } finally {
    busy(button, false);
  }
});

$('setup-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  errorEl.hidden = true;
  const pw = $('setup-password').value;
  if (pw.length < 8) { showError('The password needs at least 8 characters.'); return; }
  if (pw !== $('setup-confirm').value) { showError('The two passwords differ.'); return; }
  const button = $('setup-submit');
  busy(button, true);
  try {
    await postJSON('/dashboard/setup', { password: pw });
    location.reload();
  } catch (e) {
    showError(e.message);
  } finally {
    busy(button, false);
  }
});

start();
