// Saver: savings by filter (bar chart + table) and a before/after preview.
import { get, post, qs } from '../api.js';
import { h, clear, field, select, table, num, compact, usd, pct, errorBox } from '../ui.js';
import { barChart } from '../charts.js';

const SINCE = [['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days']];
const SAMPLE = [
  '============================= test session starts ==============================',
  'platform linux -- Python 3.11.2, pytest-7.4.0',
  'collected 40 items',
  '',
  ...Array.from({ length: 40 }, (_, i) => `tests/test_api.py::test_case_${i} PASSED`.padEnd(60) + `[${String(Math.round((i + 1) * 2.5)).padStart(3)}%]`),
  '',
  '=================================== FAILURES ===================================',
  '________________________________ test_case_7 ________________________________',
  '    def test_case_7():',
  '>       assert add(1, 2) == 4',
  'E       assert 3 == 4',
  '',
  'tests/test_api.py:42: AssertionError',
  '========================= 1 failed, 39 passed in 0.31s =========================',
].join('\n');

export async function render(main) {
  const since = select({ id: 'saver-since', testid: 'saver-since' }, SINCE, '7d');
  const err = errorBox('saver-error');
  const stats = h('div');
  main.append(h('h1', 'Saver'), h('div.row', field('Period', since)), err, stats);

  async function load() {
    try {
      const s = await get(`/api/saver${qs({ since: since.value })}`);
      err.hide();
      const saved = (s.tokens_before || 0) - (s.tokens_after || 0);
      const items = [...(s.by_filter || [])].sort((a, b) => b.tokens_saved - a.tokens_saved);
      clear(stats,
        h('div.cards',
          h('div.stat', h('div.label', 'Tokens before'), h('div.value', compact(s.tokens_before))),
          h('div.stat', h('div.label', 'Tokens after'), h('div.value', compact(s.tokens_after))),
          h('div.stat', { testid: 'saver-saved' }, h('div.label', 'Saved'), h('div.value', compact(saved)), h('div.sub', s.tokens_before ? `${pct(saved / s.tokens_before)} of tool output` : '')),
          h('div.stat', h('div.label', 'Saved at catalog prices'), h('div.value', usd(s.saved_usd)))),
        h('section.card', { 'aria-labelledby': 'saver-chart-h' }, h('h2#saver-chart-h', 'Tokens saved by filter'),
          barChart(items.map((f) => ({ label: f.filter, value: f.tokens_saved })), { title: 'Tokens saved by filter', testid: 'saver-chart', format: compact })),
        table('By filter', ['Filter', 'Tokens saved', 'Requests'],
          items.map((f) => h('tr', h('th', { scope: 'row' }, f.filter), h('td.num', num(f.tokens_saved)), h('td.num', num(f.requests))))));
    } catch (e) { err.show(e); }
  }
  since.addEventListener('change', load);

  const text = h('textarea', { id: 'saver-text', testid: 'saver-text', rows: 10, spellcheck: 'false' }, SAMPLE);
  const command = h('input', { id: 'saver-command', testid: 'saver-command', placeholder: 'pytest -v', value: 'pytest -v' });
  const level = select({ id: 'saver-level', testid: 'saver-level' }, ['safe', 'aggressive'], 'safe');
  const perr = errorBox('saver-preview-error');
  const out = h('div', { testid: 'saver-preview-result', 'aria-live': 'polite' });
  const form = h('form.card', { testid: 'saver-preview-form', 'aria-labelledby': 'saver-prev-h' },
    h('h2#saver-prev-h', 'Before and after'),
    h('p.hint', 'Paste a tool output to see what the saver would send instead.'),
    field('Tool output', text),
    h('div.row', field('Command that produced it (optional)', command), field('Level', level), h('button', { type: 'submit', testid: 'saver-preview-submit' }, 'Compress')),
    perr, out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    perr.hide();
    try {
      const body = { text: text.value, level: level.value };
      if (command.value.trim()) body.command = command.value.trim();
      const r = await post('/api/saver/preview', body);
      const saved = r.tokens_before - r.tokens_after;
      clear(out,
        h('p', { testid: 'saver-preview-summary' }, `Filter ${r.filter || '—'}: ${num(r.tokens_before)} → ${num(r.tokens_after)} tokens`,
          r.tokens_before ? ` (${pct(saved / r.tokens_before)} saved)` : ''),
        h('div.before-after',
          h('figure', h('figcaption', h('strong', 'Before'), ` · ${num(r.tokens_before)} tokens`), h('pre', { testid: 'saver-before' }, r.before)),
          h('figure', h('figcaption', h('strong', 'After'), ` · ${num(r.tokens_after)} tokens`), h('pre', { testid: 'saver-after' }, r.after))));
    } catch (e) { clear(out); perr.show(e); }
  });
  main.append(form);
  await load();
}
