// The app shell: session, navigation (history.pushState), theme, logout.
import { loadSession, logout } from './api.js';
import { h, clear, toast } from './ui.js';
import { setupThemeToggle } from './theme-toggle.js';

const PAGES = {
  '': { module: 'overview', title: 'Overview' },
  providers: { module: 'providers', title: 'Providers' },
  combos: { module: 'combos', title: 'Combos' },
  keys: { module: 'keys', title: 'Keys' },
  usage: { module: 'usage', title: 'Usage' },
  requests: { module: 'requests', title: 'Requests' },
  health: { module: 'health', title: 'Health' },
  saver: { module: 'saver', title: 'Saver' },
  settings: { module: 'settings', title: 'Settings' },
};

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const navToggle = document.getElementById('nav-toggle');
let cleanup = null;
let renderCount = 0;

function pageKey(pathname) {
  const rest = pathname.replace(/^\/dashboard\/?/, '').replace(/\/+$/, '');
  return rest.split('/')[0] || '';
}

async function render(first) {
  const key = pageKey(location.pathname);
  const page = PAGES[key];
  const token = ++renderCount;
  if (cleanup) { try { cleanup(); } catch { /* ignore */ } cleanup = null; }
  for (const a of nav.querySelectorAll('a[data-link]')) {
    const here = pageKey(new URL(a.href).pathname) === key;
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.body.dataset.page = page ? page.module : 'not-found';
  delete document.body.dataset.ready;
  if (!page) {
    document.title = 'Not found · Junction';
    clear(main, h('h1', 'Not found'), h('p', 'There is no such dashboard page. ', h('a', { href: '/dashboard', 'data-link': '' }, 'Go to the overview.')));
    return;
  }
  document.title = `${page.title} · Junction`;
  clear(main, h('h1', page.title), h('p.muted', 'Loading…'));
  try {
    const mod = await import(`./pages/${page.module}.js`);
    if (token !== renderCount) return;
    clear(main);
    cleanup = (await mod.render(main)) || null;
  } catch (e) {
    if (token !== renderCount) return;
    clear(main, h('h1', page.title), h('div.error-box', { role: 'alert', testid: 'page-error' }, e.message));
  }
  if (token === renderCount) document.body.dataset.ready = page.module;
  if (!first) {
    const h1 = main.querySelector('h1');
    if (h1) { h1.tabIndex = -1; h1.focus({ preventScroll: true }); }
  }
}

export function navigate(path) {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  render(false);
}

function closeNav() {
  document.body.classList.remove('nav-open');
  navToggle.setAttribute('aria-expanded', 'false');
}

document.addEventListener('click', (ev) => {
  const a = ev.target.closest('a[data-link]');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  closeNav();
  navigate(new URL(a.href).pathname);
});

window.addEventListener('popstate', () => render(false));

navToggle.addEventListener('click', () => {
  const open = !document.body.classList.contains('nav-open');
  document.body.classList.toggle('nav-open', open);
  navToggle.setAttribute('aria-expanded', String(open));
  if (open) nav.querySelector('a').focus();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && document.body.classList.contains('nav-open')) { closeNav(); navToggle.focus(); }
});

document.getElementById('logout').addEventListener('click', () => logout());
setupThemeToggle(document.getElementById('theme-toggle'));

(async () => {
  try {
    const s = await loadSession();
    if (!s.authenticated) {
      const nav = performance.getEntriesByType('navigation')[0];
      if (!nav || nav.type !== 'reload') { location.reload(); return; }
      toast('Your session is not valid. Log in again.', 'error');
    }
  } catch (e) {
    toast(e.message, 'error');
  }
  render(true);
})();
