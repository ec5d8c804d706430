// Providers: list, add (catalog or OpenAI-compatible URL), accounts, test, delete.
import { get, post, del } from '../api.js';
import { h, clear, field, select, table, badge, num, errorBox, toast, confirmAction } from '../ui.js';
import { sourceBadge } from './common.js';

const FORMATS = ['openai', 'anthropic', 'gemini', 'openai-responses'];
const enc = encodeURIComponent;
const price = (v) => (v === null || v === undefined ? '—' : `$${v}`);

function splitList(s) {
  return s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
}

function addForm(catalog, onAdded) {
  const err = errorBox('add-provider-error');
  const modeCatalog = h('input', { type: 'radio', name: 'prov-mode', id: 'prov-mode-catalog', value: 'catalog', checked: true, testid: 'prov-mode-catalog' });
  const modeUrl = h('input', { type: 'radio', name: 'prov-mode', id: 'prov-mode-url', value: 'url', testid: 'prov-mode-url' });
  const kind = select({ id: 'prov-kind', testid: 'prov-kind' }, catalog.map((c) => [c.kind, `${c.name} (${c.format})`]));
  const id = h('input', { id: 'prov-id', testid: 'prov-id', required: true, autocomplete: 'off', pattern: '[^\\/\\s]+' });
  const baseUrl = h('input', { id: 'prov-base-url', testid: 'prov-base-url', type: 'url', placeholder: 'http://127.0.0.1:8000/v1' });
  const format = select({ id: 'prov-format', testid: 'prov-format' }, FORMATS, 'openai');
  const modelsText = h('input', { id: 'prov-models', testid: 'prov-models', placeholder: 'gpt-4o-mini, llama3.1' });
  const modelBox = h('fieldset', { testid: 'prov-catalog-models' }, h('legend', 'Models'));
  const accName = h('input', { id: 'prov-account-name', testid: 'prov-account-name', placeholder: 'main', autocomplete: 'off' });
  const accKey = h('input', { id: 'prov-account-key', testid: 'prov-account-key', type: 'password', autocomplete: 'new-password' });

  const fBase = field('Base URL', baseUrl, 'Where the API lives, including /v1 for OpenAI-compatible servers.');
  const fFormat = field('Format', format, 'What the server speaks.');
  const fModels = field('Models', modelsText, 'Comma- or space-separated model names.');
  const fKind = field('Catalog entry', kind);

  function entry() { return catalog.find((c) => c.kind === kind.value); }
  function sync() {
    const url = modeUrl.checked;
    fKind.hidden = url;
    modelBox.hidden = url || !(entry() && entry().models.length);
    fFormat.hidden = !url;
    const e = entry();
    fBase.hidden = !url && !(e && e.needs_base_url);
    fModels.hidden = !url && !(e && e.models.length === 0);
    if (!url && e) {
      if (!id.dataset.touched) id.value = e.kind;
      if (e.needs_base_url && !baseUrl.value) baseUrl.value = e.base_url || '';
      clear(modelBox, h('legend', 'Models'), e.models.map((m, i) => {
        const cb = h('input', { type: 'checkbox', id: `prov-model-${i}`, value: m.id, checked: true, dataset: { testid: `prov-model-${m.id}` } });
        return h('div.field.inline', cb, h('label', { for: cb.id }, m.id,
          h('span.muted', ` · ${m.context_window ? `${num(m.context_window)} ctx` : 'ctx ?'} · in ${price(m.input_per_mtok)} / out ${price(m.output_per_mtok)} per Mtok`)));
      }));
    }
  }
  id.addEventListener('input', () => { id.dataset.touched = '1'; });
  for (const el of [modeCatalog, modeUrl, kind]) el.addEventListener('change', sync);

  const submit = h('button', { type: 'submit', testid: 'prov-submit' }, 'Add provider');
  const form = h('form', { testid: 'add-provider-form', 'aria-label': 'Add a provider' },
    h('fieldset', h('legend', 'Kind'),
      h('div.field.inline', modeCatalog, h('label', { for: modeCatalog.id }, 'From the catalog')),
      h('div.field.inline', modeUrl, h('label', { for: modeUrl.id }, 'Any URL (OpenAI-compatible or another format)'))),
    h('div.form-grid', fKind, field('Id', id, 'Used in model strings: id/model.'), fBase, fFormat, fModels),
    modelBox,
    h('fieldset', h('legend', 'First account'),
      h('div.form-grid', field('Account name', accName), field('API key', accKey, 'Write-only: it is stored encrypted and never shown again.'))),
    err, h('div.row', submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.hide();
    const body = { id: id.value.trim() };
    if (modeUrl.checked) {
      body.base_url = baseUrl.value.trim();
      body.format = format.value;
      body.models = splitList(modelsText.value);
    } else {
      const e = entry();
      body.kind = kind.value;
      if (e && e.needs_base_url) body.base_url = baseUrl.value.trim();
      body.models = e && e.models.length
        ? [...modelBox.querySelectorAll('input:checked')].map((c) => c.value)
        : splitList(modelsText.value);
    }
    if (accKey.value) body.accounts = [{ key: accKey.value, ...(accName.value.trim() ? { name: accName.value.trim() } : {}) }];
    submit.disabled = true;
    try {
      await post('/api/providers', body);
      accKey.value = '';
      toast(`Provider ${body.id} added.`, 'ok');
      form.reset(); delete id.dataset.touched; sync();
      onAdded(body.id);
    } catch (e) { err.show(e); } finally { submit.disabled = false; }
  });
  sync();
  return form;
}

function providerCard(p, reload) {
  const readOnly = p.source === 'file';
  const err = errorBox(`provider-error-${p.id}`);
  const testOut = h('div', { 'aria-live': 'polite', testid: `test-result-${p.id}` });
  const modelIds = (p.models && p.models.length) ? p.models : (p.model_details || []).map((m) => m.id);
  const testModel = select({ id: `test-model-${p.id}`, testid: `test-model-${p.id}` }, modelIds);
  const testBtn = h('button.secondary', { type: 'button', testid: `test-${p.id}` }, 'Test');
  testBtn.addEventListener('click', async () => {
    testBtn.disabled = true;
    clear(testOut, h('span.muted', 'Testing…'));
    try {
      const r = await post(`/api/providers/${enc(p.id)}/test`, testModel.value ? { model: testModel.value } : {});
      clear(testOut, h('div.notice', { testid: `test-outcome-${p.id}`, dataset: { ok: String(!!r.ok) } },
        badge(r.ok ? 'ok' : 'failed', r.ok ? 'ok' : 'bad'), ' ',
        `status ${r.status ?? '—'} · ${num(r.latency_ms)} ms · ${r.model || ''}`, h('br'), h('span.mono', r.message || '')));
    } catch (e) { clear(testOut); err.show(e); } finally { testBtn.disabled = false; }
  });

  const accountsRows = (p.accounts || []).map((a) => h('tr',
    h('td.num', a.index), h('td', a.name || '—'), h('td.mono', a.key_hint || '—'),
    readOnly ? null : h('td', h('button.danger.small', {
      type: 'button', testid: `remove-account-${p.id}-${a.index}`, 'aria-label': `Remove account ${a.name || a.index} of ${p.id}`,
      onclick: async () => {
        if (!confirmAction(`Remove account ${a.name || a.index} from ${p.id}?`)) return;
        try { await del(`/api/providers/${enc(p.id)}/accounts/${a.index}`); reload(); } catch (e) { err.show(e); }
      },
    }, 'Remove'))));

  let addAccount = null;
  if (!readOnly) {
    const n = h('input', { id: `acc-name-${p.id}`, autocomplete: 'off' });
    const k = h('input', { id: `acc-key-${p.id}`, type: 'password', autocomplete: 'new-password', required: true });
    addAccount = h('form.row', { testid: `add-account-${p.id}`, 'aria-label': `Add an account to ${p.id}` },
      field('New account name', n), field('API key', k), h('button.secondary', { type: 'submit' }, 'Add account'));
    addAccount.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await post(`/api/providers/${enc(p.id)}/accounts`, { key: k.value, ...(n.value.trim() ? { name: n.value.trim() } : {}) });
        k.value = ''; toast(`Account added to ${p.id}.`, 'ok'); reload();
      } catch (e) { err.show(e); }
    });
  }

  const details = new Map((p.model_details || []).map((m) => [m.id, m]));
  const models = modelIds.map((id) => details.get(id) || { id });
  return h('section.card', { testid: `provider-${p.id}`, 'aria-labelledby': `prov-h-${p.id}` },
    h('div.provider-head',
      h('h2', { id: `prov-h-${p.id}` }, p.id), sourceBadge(p.source), badge(p.format), p.kind ? badge(`kind: ${p.kind}`) : null,
      h('span.spacer'),
      readOnly ? null : h('button.danger', {
        type: 'button', testid: `delete-${p.id}`,
        onclick: async () => {
          if (!confirmAction(`Delete provider ${p.id}? Combos that name it must be changed first.`)) return;
          try { await del(`/api/providers/${enc(p.id)}`); toast(`Provider ${p.id} deleted.`, 'ok'); reload(); } catch (e) { err.show(e); }
        },
      }, 'Delete')),
    h('p', h('span.muted', 'Base URL '), h('span.mono', p.base_url || '—'), h('span.muted', ` · accounts: ${p.account_selection || 'fill-first'}`)),
    err,
    table('Accounts', ['#', 'Name', 'Key', readOnly ? null : 'Actions'].filter(Boolean),
      accountsRows.length ? accountsRows : [h('tr', h('td', { colspan: 4 }, h('span.muted', 'No accounts (keyless).')))]),
    addAccount,
    table('Models', ['Model', 'Context window', 'Input $/Mtok', 'Output $/Mtok', 'Cached input $/Mtok'],
      models.map((m) => h('tr', h('td.mono', m.id), h('td.num', m.context_window ? num(m.context_window) : '—'),
        h('td.num', price(m.input_per_mtok)), h('td.num', price(m.output_per_mtok)), h('td.num', price(m.cached_input_per_mtok))))),
    h('div.row', field('Model to test', testModel), testBtn), testOut);
}

export async function render(main) {
  const err = errorBox('providers-error');
  const list = h('div', { testid: 'provider-list' });
  const addSlot = h('details.card', { id: 'add-provider', testid: 'add-provider' }, h('summary', { testid: 'add-provider-toggle' }, 'Add a provider'));
  main.append(h('h1', 'Providers'), err, addSlot, list);

  async function reload(expect) {
    try {
      let { providers } = await get('/api/providers');
      if (expect && !providers.some((p) => p.id === expect)) {
        // Stored, but the configuration in effect may lag (or the server refused to apply it).
        await new Promise((r) => setTimeout(r, 1000));
        ({ providers } = await get('/api/providers'));
      }
      clear(list, providers.length ? providers.map((p) => providerCard(p, () => reload())) : h('p.muted', 'No providers yet.'));
      if (expect && !providers.some((p) => p.id === expect)) {
        err.show(`Junction stored provider ${expect} but is not using it yet. Its log says why.`);
      } else err.hide();
    } catch (e) { err.show(e); }
  }
  try {
    const { providers } = await get('/api/catalog');
    addSlot.append(addForm(providers || [], reload));
  } catch (e) { err.show(e); }
  await reload();
}
