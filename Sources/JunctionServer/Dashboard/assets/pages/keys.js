// Client keys: create (shown once), list, edit limits, revoke.
import { get, post, patch, del } from '../api.js';
import { h, clear, field, select, table, badge, num, usd, time, errorBox, toast, confirmAction } from '../ui.js';
import { sourceBadge } from './common.js';

const enc = encodeURIComponent;
const SAVER = [['', 'default'], ['off', 'off'], ['safe', 'safe'], ['aggressive', 'aggressive']];

/** Inputs for Limits; .read() returns the Limits object (null = unlimited). */
function limitsFields(prefix, limits = {}) {
  const mk = (key, label, type, hint) => {
    const v = limits && limits[key];
    const input = h('input', {
      id: `${prefix}-${key}`, testid: `${prefix}-${key}`, type, min: '0', step: type === 'number' && key.startsWith('usd') ? 'any' : '1',
      value: v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : v, placeholder: 'unlimited',
    });
    return { key, input, f: field(label, input, hint) };
  };
  const items = [
    mk('requests_per_minute', 'Requests / minute', 'number'),
    mk('tokens_per_day', 'Tokens / day', 'number'),
    mk('usd_per_day', '$ / day', 'number'),
    mk('usd_per_month', '$ / month', 'number'),
    mk('allowed_models', 'Allowed models', 'text', 'Comma-separated model strings or combos; empty = any.'),
  ];
  const box = h('div.form-grid', items.map((i) => i.f));
  box.read = () => {
    const out = {};
    for (const { key, input } of items) {
      const s = input.value.trim();
      if (key === 'allowed_models') out[key] = s ? s.split(/[\s,]+/).filter(Boolean) : null;
      else out[key] = s === '' ? null : key.startsWith('usd') ? Number(s) : Math.round(Number(s));
    }
    return out;
  };
  return box;
}

function limitsText(l) {
  if (!l) return 'unlimited';
  const parts = [];
  if (l.requests_per_minute != null) parts.push(`${num(l.requests_per_minute)} req/min`);
  if (l.tokens_per_day != null) parts.push(`${num(l.tokens_per_day)} tok/day`);
  if (l.usd_per_day != null) parts.push(`${usd(l.usd_per_day)}/day`);
  if (l.usd_per_month != null) parts.push(`${usd(l.usd_per_month)}/month`);
  if (l.allowed_models && l.allowed_models.length) parts.push(`models: ${l.allowed_models.join(', ')}`);
  return parts.length ? parts.join(' · ') : 'unlimited';
}

function secretPanel(k, onDismiss) {
  const code = h('code', { testid: 'new-key-value', id: 'new-key-value' }, k.key);
  const copied = h('span', { 'aria-live': 'polite' });
  const panel = h('section.secret-panel', { testid: 'new-key-panel', 'aria-labelledby': 'new-key-h', tabindex: '-1' },
    h('h2#new-key-h', `Key “${k.name}” created`),
    h('p', h('strong', 'Copy it now: it is shown only this once.'), ' Junction stores only a hash; if you lose it, revoke it and create another.'),
    code,
    h('div.row',
      h('button', { type: 'button', testid: 'copy-key', onclick: async () => {
        try {
          await navigator.clipboard.writeText(k.key);
          copied.textContent = 'Copied.';
        } catch {
          const r = document.createRange(); r.selectNodeContents(code);
          const s = getSelection(); s.removeAllRanges(); s.addRange(r);
          copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
        }
      } }, 'Copy'),
      copied, h('span.spacer'),
      h('button.secondary', { type: 'button', testid: 'dismiss-key', onclick: () => { panel.remove(); onDismiss(); } }, 'I have saved it — dismiss')));
  return panel;
}

function editRow(k, colspan, reload) {
  const err = errorBox(`key-edit-error-${k.id}`);
  const lim = limitsFields(`edit-${k.id}`, k.limits || {});
  const saver = select({ id: `edit-${k.id}-saver`, testid: `edit-${k.id}-saver` }, SAVER, k.saver || '');
  const form = h('form', { testid: `key-edit-form-${k.id}`, 'aria-label': `Limits of ${k.name}` },
    lim, field('Saver level', saver), err,
    h('div.row', h('button', { type: 'submit', testid: `key-edit-save-${k.id}` }, 'Save limits'),
      h('button.secondary', { type: 'button', onclick: () => reload() }, 'Cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await patch(`/api/keys/${enc(k.id)}`, { limits: lim.read(), saver: saver.value || null });
      toast(`Limits of ${k.name} saved.`, 'ok'); reload();
    } catch (e) { err.show(e); }
  });
  return h('tr.detail', h('td', { colspan }, form));
}

export async function render(main) {
  const err = errorBox('keys-error');
  const panelSlot = h('div');
  const listBox = h('div', { testid: 'key-list' });
  const name = h('input', { id: 'key-name', testid: 'key-name', required: true, autocomplete: 'off' });
  const lim = limitsFields('key');
  const saver = select({ id: 'key-saver', testid: 'key-saver' }, SAVER, '');
  const createErr = errorBox('key-create-error');
  const submit = h('button', { type: 'submit', testid: 'key-create' }, 'Create key');
  const form = h('details.card', { testid: 'create-key', id: 'create-key' },
    h('summary', { testid: 'create-key-toggle' }, 'Create a client key'),
    h('form', { testid: 'create-key-form', 'aria-label': 'Create a client key' },
      h('div.form-grid', field('Name', name, 'Who or what uses it.'), field('Saver level', saver)),
      h('fieldset', h('legend', 'Limits (empty = unlimited)'), lim),
      createErr, h('div.row', submit)));
  main.append(h('h1', 'Keys'), err, panelSlot, form, listBox);

  form.querySelector('form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    createErr.hide();
    submit.disabled = true;
    try {
      const body = { name: name.value.trim(), limits: lim.read() };
      if (saver.value) body.saver = saver.value;
      const k = await post('/api/keys', body);
      clear(panelSlot, secretPanel(k, () => name.focus()));
      panelSlot.firstChild.focus();
      ev.target.reset();
      reload();
    } catch (e) { createErr.show(e); } finally { submit.disabled = false; }
  });

  async function reload() {
    try {
      const { keys } = await get('/api/keys');
      const cols = ['Name', 'Prefix', 'Created', 'Status', 'Limits', 'Saver', 'Source', 'Actions'];
      const rows = [];
      for (const k of keys) {
        const revoked = !!k.revoked_at;
        const tr = h('tr', { testid: `key-row-${k.name}`, dataset: { id: k.id } },
          h('th', { scope: 'row' }, k.name), h('td.mono', k.prefix ? `${k.prefix}…` : '—'), h('td', time(k.created_at)),
          h('td', revoked ? badge(`revoked ${time(k.revoked_at)}`, 'bad') : badge('active', 'ok')),
          h('td', limitsText(k.limits)), h('td', k.saver || 'default'), h('td', sourceBadge(k.source)),
          h('td', k.source === 'file' || revoked ? h('span.muted', k.source === 'file' ? 'read-only' : '—') : h('div.row',
            h('button.secondary.small', { type: 'button', testid: `edit-key-${k.name}`, 'aria-expanded': 'false', onclick: (ev) => {
              const next = tr.nextElementSibling;
              if (next && next.classList.contains('detail')) { next.remove(); ev.target.setAttribute('aria-expanded', 'false'); return; }
              tr.after(editRow(k, cols.length, reload)); ev.target.setAttribute('aria-expanded', 'true');
              tr.nextElementSibling.querySelector('input').focus();
            } }, 'Edit limits'),
            h('button.danger.small', { type: 'button', testid: `revoke-key-${k.name}`, onclick: async () => {
              if (!confirmAction(`Revoke key ${k.name}? Its next request will be refused. This cannot be undone.`)) return;
              try { await del(`/api/keys/${enc(k.id)}`); toast(`Key ${k.name} revoked.`, 'ok'); reload(); } catch (e) { err.show(e); }
            } }, 'Revoke'))));
        rows.push(tr);
      }
      clear(listBox, keys.length ? table('Client keys', cols, rows) : h('p.muted', 'No client keys yet.'));
      err.hide();
    } catch (e) { err.show(e); }
  }
  await reload();
}
