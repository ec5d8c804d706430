// Combos: list, create/edit with ordered tiers and targets (drag-and-drop and up/down buttons), dry run.
import { get, post, put, del } from '../api.js';
import { h, clear, field, select, table, badge, errorBox, toast, confirmAction, countdown } from '../ui.js';
import { sourceBadge } from './common.js';

const STRATEGIES = ['fallback', 'round-robin', 'weighted', 'lowest-latency', 'lowest-cost'];
const SAVER = [['', 'default'], ['off', 'off'], ['safe', 'safe'], ['aggressive', 'aggressive']];
const enc = encodeURIComponent;

function move(arr, from, to) {
  if (to < 0 || to >= arr.length || from === to) return false;
  const [x] = arr.splice(from, 1);
  arr.splice(to, 0, x);
  return true;
}

function summary(c) {
  return (c.tiers || []).map((t, i) => `${t.name || `tier ${i + 1}`}: ${(t.targets || []).map((x) => x.target).join(', ')}`).join(' → ');
}

/** The editor; `combo` is null for a new one. onDone(saved: bool). */
function editor(combo, targetOptions, onDone) {
  const isNew = !combo;
  const st = combo ? JSON.parse(JSON.stringify(combo)) : { name: '', strategy: 'fallback', sticky: false, saver: null, tiers: [{ name: 'primary', targets: [{ target: '', weight: 1 }] }] };
  const err = errorBox('combo-error');
  const name = h('input', { id: 'combo-name', testid: 'combo-name', value: st.name, required: true, autocomplete: 'off', readonly: !isNew });
  const strategy = select({ id: 'combo-strategy', testid: 'combo-strategy' }, STRATEGIES, st.strategy);
  const saver = select({ id: 'combo-saver', testid: 'combo-saver' }, SAVER, st.saver || '');
  const sticky = h('input', { type: 'checkbox', id: 'combo-sticky', testid: 'combo-sticky', checked: !!st.sticky });
  const tiersBox = h('div', { testid: 'combo-tiers' });
  const status = h('p.visually-hidden', { 'aria-live': 'polite' });
  let drag = null;

  function announce(msg) { status.textContent = msg; }

  /** A drag handle: the item it sits in becomes draggable only while the handle is held. */
  function handle(title) {
    const el = h('span.drag-handle', { 'aria-hidden': 'true', title }, '⠿');
    const owner = () => el.closest('li, section');
    el.addEventListener('pointerdown', () => { owner().draggable = true; });
    el.addEventListener('pointerup', () => { owner().draggable = false; });
    return el;
  }

  function focusAfter(selector) {
    requestAnimationFrame(() => { const el = tiersBox.querySelector(selector); if (el) el.focus(); });
  }

  function renderTiers() {
    clear(tiersBox, st.tiers.map((tier, ti) => {
      const tierName = h('input', { id: `tier-name-${ti}`, testid: `tier-name-${ti}`, value: tier.name || '', placeholder: `tier ${ti + 1}` });
      tierName.addEventListener('input', () => { tier.name = tierName.value || null; });
      const targets = h('ol.target-list', { testid: `tier-targets-${ti}` }, tier.targets.map((t, xi) => {
        const input = h('input.target', { id: `target-${ti}-${xi}`, testid: `target-${ti}-${xi}`, value: t.target, list: 'combo-target-options', placeholder: 'provider/model or combo', required: true });
        input.addEventListener('input', () => { t.target = input.value.trim(); });
        const weight = h('input.weight', { id: `weight-${ti}-${xi}`, testid: `weight-${ti}-${xi}`, type: 'number', min: '0', step: 'any', value: t.weight ?? 1 });
        weight.addEventListener('input', () => { t.weight = weight.value === '' ? 1 : Number(weight.value); });
        const label = t.target || `target ${xi + 1}`;
        const li = h('li.target-item', { dataset: { tier: ti, index: xi } },
          handle('Drag to reorder'),
          h('label.visually-hidden', { for: input.id }, `Target ${xi + 1} of tier ${ti + 1}`), input,
          h('label', { for: weight.id }, 'weight'), weight,
          h('button.secondary.small', { type: 'button', testid: `target-up-${ti}-${xi}`, 'aria-label': `Move ${label} up`, disabled: ti === 0 && xi === 0,
            onclick: () => moveTarget(ti, xi, -1) }, '↑'),
          h('button.secondary.small', { type: 'button', testid: `target-down-${ti}-${xi}`, 'aria-label': `Move ${label} down`, disabled: ti === st.tiers.length - 1 && xi === tier.targets.length - 1,
            onclick: () => moveTarget(ti, xi, 1) }, '↓'),
          h('button.danger.small', { type: 'button', testid: `target-remove-${ti}-${xi}`, 'aria-label': `Remove ${label}`,
            onclick: () => { tier.targets.splice(xi, 1); renderTiers(); announce(`Removed ${label}.`); } }, 'Remove'));
        li.addEventListener('dragstart', (ev) => { drag = { kind: 'target', ti, xi }; li.classList.add('dragging'); ev.dataTransfer.effectAllowed = 'move'; ev.dataTransfer.setData('text/plain', label); ev.stopPropagation(); });
        li.addEventListener('dragend', () => { li.classList.remove('dragging'); li.draggable = false; drag = null; });
        li.addEventListener('dragover', (ev) => { if (drag && drag.kind === 'target') { ev.preventDefault(); ev.stopPropagation(); li.classList.add('drop-before'); } });
        li.addEventListener('dragleave', () => li.classList.remove('drop-before'));
        li.addEventListener('drop', (ev) => {
          ev.preventDefault(); ev.stopPropagation(); li.classList.remove('drop-before');
          if (!drag || drag.kind !== 'target') return;
          const [x] = st.tiers[drag.ti].targets.splice(drag.xi, 1);
          let at = xi;
          if (drag.ti === ti && drag.xi < xi) at -= 1;
          tier.targets.splice(at, 0, x);
          drag = null; renderTiers(); announce(`Moved ${x.target || 'target'}.`);
        });
        return li;
      }));
      const section = h('section.tier', { testid: `tier-${ti}`, 'aria-label': `Tier ${ti + 1}` },
        h('div.row',
          handle('Drag to reorder tiers'),
          h('strong', `Tier ${ti + 1}`), field('Tier name', tierName), h('span.spacer'),
          h('button.secondary.small', { type: 'button', testid: `tier-up-${ti}`, 'aria-label': `Move tier ${ti + 1} up`, disabled: ti === 0, onclick: () => moveTier(ti, -1) }, '↑'),
          h('button.secondary.small', { type: 'button', testid: `tier-down-${ti}`, 'aria-label': `Move tier ${ti + 1} down`, disabled: ti === st.tiers.length - 1, onclick: () => moveTier(ti, 1) }, '↓'),
          h('button.danger.small', { type: 'button', testid: `tier-remove-${ti}`, disabled: st.tiers.length === 1, onclick: () => { st.tiers.splice(ti, 1); renderTiers(); announce(`Removed tier ${ti + 1}.`); } }, 'Remove tier')),
        targets,
        h('button.secondary.small', { type: 'button', testid: `add-target-${ti}`, onclick: () => { tier.targets.push({ target: '', weight: 1 }); renderTiers(); focusAfter(`#target-${ti}-${tier.targets.length - 1}`); } }, '+ Add target'));
      section.addEventListener('dragstart', (ev) => { if (drag) return; drag = { kind: 'tier', ti }; section.classList.add('dragging'); ev.dataTransfer.effectAllowed = 'move'; ev.dataTransfer.setData('text/plain', `tier ${ti + 1}`); });
      section.addEventListener('dragend', () => { section.classList.remove('dragging'); section.draggable = false; drag = null; });
      section.addEventListener('dragover', (ev) => {
        if (!drag) return;
        ev.preventDefault();
        if (drag.kind === 'tier') section.classList.add('drop-before');
      });
      section.addEventListener('dragleave', () => section.classList.remove('drop-before'));
      section.addEventListener('drop', (ev) => {
        ev.preventDefault(); section.classList.remove('drop-before');
        if (!drag) return;
        if (drag.kind === 'tier') { move(st.tiers, drag.ti, drag.ti < ti ? ti - 1 : ti); announce('Moved tier.'); }
        else { const [x] = st.tiers[drag.ti].targets.splice(drag.xi, 1); tier.targets.push(x); announce(`Moved ${x.target || 'target'} to tier ${ti + 1}.`); }
        drag = null; renderTiers();
      });
      return section;
    }));
  }

  function moveTarget(ti, xi, dir) {
    const tier = st.tiers[ti];
    const t = tier.targets[xi];
    let sel;
    if (move(tier.targets, xi, xi + dir)) sel = `[data-testid="target-${dir < 0 ? 'up' : 'down'}-${ti}-${xi + dir}"]`;
    else if (dir < 0 && ti > 0) { tier.targets.splice(xi, 1); st.tiers[ti - 1].targets.push(t); sel = `[data-testid="target-up-${ti - 1}-${st.tiers[ti - 1].targets.length - 1}"]`; }
    else if (dir > 0 && ti < st.tiers.length - 1) { tier.targets.splice(xi, 1); st.tiers[ti + 1].targets.unshift(t); sel = `[data-testid="target-down-${ti + 1}-0"]`; }
    else return;
    renderTiers();
    announce(`Moved ${t.target || 'target'} ${dir < 0 ? 'up' : 'down'}.`);
    focusAfter(sel);
  }
  function moveTier(ti, dir) {
    if (!move(st.tiers, ti, ti + dir)) return;
    renderTiers();
    announce(`Moved tier to position ${ti + dir + 1}.`);
    focusAfter(`[data-testid="tier-${dir < 0 ? 'up' : 'down'}-${ti + dir}"]`);
  }

  const submit = h('button', { type: 'submit', testid: 'combo-save' }, isNew ? 'Create combo' : 'Save changes');
  const form = h('form.card', { testid: 'combo-form', 'aria-labelledby': 'combo-form-h' },
    h('h2#combo-form-h', isNew ? 'New combo' : `Edit combo ${combo.name}`),
    h('datalist#combo-target-options', targetOptions.map((v) => h('option', { value: v }))),
    h('div.form-grid', field('Name', name, 'What clients send as the model.'), field('Strategy', strategy), field('Saver level', saver)),
    h('div.field.inline', sticky, h('label', { for: sticky.id }, 'Sticky (keep a conversation on the same target)')),
    h('h3', 'Tiers, in order'),
    h('p.hint', 'Tiers run in order; within a tier the strategy picks. Reorder with drag and drop or the ↑ ↓ buttons.'),
    tiersBox, status,
    h('div.row',
      h('button.secondary', { type: 'button', testid: 'add-tier', onclick: () => { st.tiers.push({ name: null, targets: [{ target: '', weight: 1 }] }); renderTiers(); focusAfter(`#tier-name-${st.tiers.length - 1}`); } }, '+ Add tier')),
    err,
    h('div.row', submit, h('button.secondary', { type: 'button', testid: 'combo-cancel', onclick: () => onDone(false) }, 'Cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.hide();
    // Absent rather than null: the server reads combos like the YAML file, where null is no level.
    const body = {
      name: name.value.trim(), strategy: strategy.value, sticky: sticky.checked,
      tiers: st.tiers.map((t) => ({
        ...(t.name ? { name: t.name } : {}),
        targets: t.targets.filter((x) => x.target).map((x) => ({ target: x.target, weight: x.weight ?? 1 })),
      })).filter((t) => t.targets.length),
    };
    if (saver.value) body.saver = saver.value;
    submit.disabled = true;
    try {
      if (isNew) await post('/api/combos', body); else await put(`/api/combos/${enc(combo.name)}`, body);
      toast(`Combo ${body.name} saved.`, 'ok');
      onDone(body.name);
    } catch (e) { err.show(e); } finally { submit.disabled = false; }
  });
  renderTiers();
  return form;
}

function dryRun(comboNames) {
  const model = h('input', { id: 'preview-model', testid: 'preview-model', list: 'preview-options', placeholder: 'combo or provider/model', required: true });
  const out = h('div', { testid: 'preview-result', 'aria-live': 'polite' });
  const err = errorBox('preview-error');
  let timer = null;
  const form = h('form.card', { testid: 'preview-form', 'aria-labelledby': 'preview-h' },
    h('h2#preview-h', 'Dry run'),
    h('p.hint', 'The route a model string would take right now, without sending anything.'),
    h('datalist#preview-options', comboNames.map((v) => h('option', { value: v }))),
    h('div.row', field('Model', model), h('button', { type: 'submit', testid: 'preview-submit' }, 'Preview')),
    err, out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.hide();
    clearInterval(timer);
    try {
      const r = await post('/api/route/preview', { model: model.value.trim() });
      const ticks = [];
      clear(out,
        r.error ? h('div.error-box', { role: 'alert', testid: 'preview-error-message' }, r.error) : null,
        h('h3', 'Attempts in order'),
        (r.attempts || []).length
          ? h('ol.attempt-list', { testid: 'preview-attempts' }, r.attempts.map((a) => h('li',
            h('span.mono', `${a.provider}/${a.model}`), h('span.muted', ` account ${a.account}`),
            a.tier ? h('span.muted', ` · tier ${a.tier}`) : null, a.probe ? [' ', badge('half-open probe', 'warn')] : null)))
          : h('p.muted', 'None.'),
        h('h3', 'Skipped'),
        (r.skipped || []).length
          ? h('ul', { testid: 'preview-skipped' }, r.skipped.map((s) => {
            const cd = h('span.countdown', s.until ? countdown(s.until) : '');
            if (s.until) ticks.push(() => { cd.textContent = countdown(s.until); });
            return h('li', h('span.mono', s.target), ': ', s.reason, s.until ? [h('span.muted', ' · back in '), cd] : null);
          }))
          : h('p.muted', 'Nothing skipped.'));
      if (ticks.length) timer = setInterval(() => ticks.forEach((f) => f()), 1000);
    } catch (e) { clear(out); err.show(e); }
  });
  form.stop = () => clearInterval(timer);
  return form;
}

export async function render(main) {
  const err = errorBox('combos-error');
  const listBox = h('div', { testid: 'combo-list' });
  const editBox = h('div');
  const newBtn = h('button', { type: 'button', testid: 'new-combo' }, 'New combo');
  const previewSlot = h('div');
  main.append(h('h1', 'Combos'), err, h('div.row', newBtn), editBox, listBox, previewSlot);
  let options = [];
  let preview = null;

  function openEditor(combo) {
    clear(editBox, editor(combo, options, (saved) => { clear(editBox); newBtn.hidden = false; if (saved) reload(saved); else newBtn.focus(); }));
    newBtn.hidden = true;
    const first = editBox.querySelector(combo ? '#combo-strategy' : '#combo-name');
    if (first) first.focus();
  }
  newBtn.addEventListener('click', () => openEditor(null));

  async function reload(expect) {
    try {
      let [{ combos }, { providers }] = await Promise.all([get('/api/combos'), get('/api/providers')]);
      if (expect && !combos.some((c) => c.name === expect)) {
        await new Promise((r) => setTimeout(r, 1000));
        ({ combos } = await get('/api/combos'));
      }
      options = [...providers.flatMap((p) => (p.models || []).map((m) => `${p.id}/${m}`)), ...combos.map((c) => c.name)];
      clear(listBox, combos.length ? table('Combos', ['Name', 'Strategy', 'Sticky', 'Saver', 'Route', 'Source', 'Actions'],
        combos.map((c) => h('tr', { testid: `combo-row-${c.name}` },
          h('th.mono', { scope: 'row' }, c.name), h('td', c.strategy), h('td', c.sticky ? 'yes' : 'no'), h('td', c.saver || 'default'),
          h('td', summary(c)), h('td', sourceBadge(c.source)),
          h('td', c.source === 'file' ? h('span.muted', 'read-only') : h('div.row',
            h('button.secondary.small', { type: 'button', testid: `edit-combo-${c.name}`, onclick: () => openEditor(c) }, 'Edit'),
            h('button.danger.small', { type: 'button', testid: `delete-combo-${c.name}`, onclick: async () => {
              if (!confirmAction(`Delete combo ${c.name}?`)) return;
              try { await del(`/api/combos/${enc(c.name)}`); toast(`Combo ${c.name} deleted.`, 'ok'); reload(); } catch (e) { err.show(e); }
            } }, 'Delete')))))) : h('p.muted', 'No combos yet.'));
      if (!preview) { preview = dryRun(options); previewSlot.append(preview); }
      if (expect && !combos.some((c) => c.name === expect)) err.show(`Junction stored combo ${expect} but is not using it yet. Its log says why.`);
      else err.hide();
    } catch (e) { err.show(e); }
  }
  await reload();
  return () => preview && preview.stop();
}
