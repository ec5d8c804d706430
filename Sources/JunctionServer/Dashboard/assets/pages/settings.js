// Settings: read-only facts from the file and the command line; the default saver level.
import { get, put } from '../api.js';
import { h, clear, field, select, errorBox, toast } from '../ui.js';

export async function render(main) {
  const err = errorBox('settings-error');
  const box = h('div');
  main.append(h('h1', 'Settings'), err, box);
  let s;
  try { s = await get('/api/settings'); } catch (e) { err.show(e); return; }
  const f = s.file || {};
  const saver = select({ id: 'settings-saver', testid: 'settings-saver' }, ['off', 'safe', 'aggressive'], s.saver);
  const form = h('form.card', { testid: 'settings-form', 'aria-labelledby': 'settings-saver-h' },
    h('h2#settings-saver-h', 'Token saver'),
    field('Default saver level', saver, 'Used when neither the client key nor the combo sets one.'),
    h('button', { type: 'submit', testid: 'settings-save' }, 'Save'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.hide();
    try { const r = await put('/api/settings', { saver: saver.value }); saver.value = r.saver; toast('Settings saved.', 'ok'); } catch (e) { err.show(e); }
  });
  clear(box, form,
    h('section.card', { 'aria-labelledby': 'settings-file-h' },
      h('h2#settings-file-h', 'From the file and command line'),
      h('p.hint', 'Read-only here: change them in the configuration file or the flags and restart.'),
      h('dl.facts', { testid: 'settings-facts' },
        [['Listening on', f.listen], ['Data folder', f.data_dir], ['Database', f.database], ['Configuration file', f.config_file || 'none']]
          .map(([k, v]) => [h('dt', k), h('dd.mono', v ?? '—')]))));
}
