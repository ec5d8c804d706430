// Overview: today's figures, a 24 h chart and the fallbacks happening now.
import { get } from '../api.js';
import { h, clear, num, compact, usd, pct, time, errorBox } from '../ui.js';
import { timeChart, bucketize } from '../charts.js';
import { attemptList, every } from './common.js';

function stat(label, value, sub, testid) {
  return h('div.stat', { testid },
    h('div.label', label), h('div.value', value), sub ? h('div.sub', sub) : null);
}

export async function render(main) {
  const err = errorBox('overview-error');
  const body = h('div');
  main.append(h('h1', 'Overview'), err, body);

  async function load() {
    let o;
    try { o = await get('/api/overview'); err.hide(); } catch (e) { err.show(e); return; }
    const t = o.today || {};
    const points = bucketize(o.series, 'hour', Date.now() - 23 * 3600e3, ['requests', 'errors']);
    const fallbacks = o.fallbacks || [];
    clear(body,
      h('section', { 'aria-labelledby': 'today-h' },
        h('h2#today-h', 'Today (UTC)'),
        h('div.cards',
          stat('Requests', num(t.requests), `${num(t.errors)} errors`, 'stat-requests'),
          stat('Success rate', pct(t.success_rate), null, 'stat-success'),
          stat('Tokens', compact((t.input_tokens || 0) + (t.output_tokens || 0)), `${compact(t.input_tokens)} in · ${compact(t.output_tokens)} out`, 'stat-tokens'),
          stat('Cost', usd(t.cost_usd), null, 'stat-cost'),
          stat('Saver savings', `${compact(t.saved_tokens)} tokens`, usd(t.saved_usd), 'stat-saved'))),
      h('section.card', { 'aria-labelledby': 'series-h' },
        h('h2#series-h', 'Last 24 hours'),
        h('div.chart-wrap', timeChart(points, { bar: 'requests', barLabel: 'requests', line: 'errors', lineLabel: 'errors', bucket: 'hour', title: 'Requests per hour', testid: 'overview-chart' }))),
      h('section', { 'aria-labelledby': 'fb-h' },
        h('h2#fb-h', 'Fallbacks now ', h('span.muted', '(last 15 minutes)')),
        fallbacks.length === 0
          ? h('p.muted', { testid: 'no-fallbacks' }, 'No fallbacks in the last 15 minutes.')
          : h('ul.plain', { testid: 'fallbacks' }, fallbacks.map((r) => h('li.card',
            h('div.row', h('strong.mono', r.requested_model), h('span.muted', time(r.created_at)),
              r.client_key ? h('span.muted', `key ${r.client_key}`) : null,
              h('span.spacer'), r.provider ? h('span', 'served by ', h('span.mono', `${r.provider}/${r.upstream_model || ''}`)) : h('span.muted', 'not served')),
            attemptList(r.attempts))))));
  }
  await load();
  return every(15000, load);
}
