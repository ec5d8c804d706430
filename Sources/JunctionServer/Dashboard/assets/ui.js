// Small DOM and formatting helpers shared by every page.

/** h('tag#id.class', {attr: value, onclick: fn}, ...children) → Element */
export function h(spec, attrs, ...children) {
  const m = /^([a-z0-9-]+)?(?:#([\w-]+))?((?:\.[\w-]+)*)$/i.exec(spec) || [];
  const el = document.createElement(m[1] || 'div');
  if (m[2]) el.id = m[2];
  if (m[3]) el.className = m[3].slice(1).replace(/\./g, ' ');
  if (attrs !== null && attrs !== undefined && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = [el.className, v].filter(Boolean).join(' ');
    else if (k === 'testid') el.dataset.testid = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let uid = 0;
/** A labelled form field; returns the wrapper and exposes the control as `.control`. */
export function field(label, control, hint) {
  if (!control.id) control.id = `f${++uid}`;
  const hintEl = hint ? h('small.hint', { id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  const wrap = h('div.field', h('label', { for: control.id }, label), control, hintEl);
  wrap.control = control;
  return wrap;
}

export function select(attrs, options, selected) {
  return h('select', attrs, options.map((o) => {
    const [value, text] = Array.isArray(o) ? o : [o, o];
    return h('option', { value, selected: value === selected }, text);
  }));
}

// ---- toasts (aria-live region in the shell) ----
export function toast(message, kind = 'info') {
  let box = document.getElementById('toasts');
  if (!box) {
    box = h('div#toasts', { 'aria-live': 'polite', role: 'status' });
    document.body.append(box);
  }
  const t = h('div.toast', { class: `toast-${kind}`, testid: `toast-${kind}` },
    h('span', message),
    h('button.link', { type: 'button', 'aria-label': 'Dismiss', onclick: () => t.remove() }, '×'));
  box.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 10000 : 4000);
}

/** An inline error box; returns an element with .show(err) and .hide(). */
export function errorBox(testid) {
  const el = h('div.error-box', { role: 'alert', testid: testid || 'error', hidden: true });
  el.show = (err) => { el.textContent = err && err.message ? err.message : String(err); el.hidden = false; };
  el.hide = () => { el.hidden = true; el.textContent = ''; };
  return el;
}

// ---- formatting ----
const nf = new Intl.NumberFormat();
export const num = (n) => (n === null || n === undefined ? '—' : nf.format(n));
export function compact(n) {
  if (n === null || n === undefined) return '—';
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return nf.format(n);
}
export function usd(n) {
  if (n === null || n === undefined) return '—';
  if (n !== 0 && Math.abs(n) < 0.0001) return '<$0.0001';
  if (n !== 0 && Math.abs(n) < 0.01) return `$${n.toFixed(4)}`;
  return `$${n.toFixed(2)}`;
}
export const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}
export function countdown(iso) {
  if (!iso) return '';
  let s = Math.max(0, Math.round((new Date(iso) - Date.now()) / 1000));
  if (s === 0) return 'now';
  const parts = [];
  if (s >= 3600) { parts.push(`${Math.floor(s / 3600)}h`); s %= 3600; }
  if (s >= 60) { parts.push(`${Math.floor(s / 60)}m`); s %= 60; }
  parts.push(`${s}s`);
  return parts.join(' ');
}

/** A <table> with a caption, th scope=col headers and rows of cells. */
export function table(caption, headers, rows, attrs = {}) {
  return h('div.table-wrap', h('table', attrs,
    caption ? h('caption', caption) : null,
    h('thead', h('tr', headers.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', rows)));
}

export function badge(text, kind) {
  return h('span.badge', { class: kind ? `badge-${kind}` : null }, text);
}

export function confirmAction(message) {
  return window.confirm(message);
}
