// Health: every account × model, state in colour and text, countdowns, quota bars; refreshed every 5 s.
import { get } from '../api.js';
import { h, clear, table, num, time, countdown, errorBox } from '../ui.js';
import { longText } from './common.js';

// The contract's states, and the server's names for some of them (resting, circuit_open).
const STATES = {
  healthy: ['Healthy', 'ok'], cooling: ['Cooling down', 'warn'], resting: ['Resting (rate limited)', 'warn'],
  disabled: ['Disabled', 'bad'], breaker_open: ['Breaker open', 'bad'], circuit_open: ['Breaker open', 'bad'],
  half_open: ['Half-open (probing)', 'warn'], quota_low: ['Quota low', 'warn'],
};

function quota(remaining, limit, what) {
  if (remaining === null || remaining === undefined) return h('span.muted', '—');
  if (!limit) return h('span', `${num(remaining)} ${what} left`);
  const frac = Math.max(0, Math.min(1, remaining / limit));
  return h('span',
    h('span.quota', { class: frac < 0.2 ? 'low' : null, role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': String(limit), 'aria-valuenow': String(remaining), 'aria-label': `${what} remaining` },
      h('span', { style: `width:${(frac * 100).toFixed(1)}%` })),
    ` ${num(remaining)} / ${num(limit)}`);
}

export async function render(main) {
  const err = errorBox('health-error');
  const box = h('div', { testid: 'health-table' });
  const updated = h('p.muted', { testid: 'health-updated' });
  main.append(h('h1', 'Health'), h('p.hint', 'Every account × model as routing sees it now. Refreshes every 5 seconds.'), err, updated, box);
  const ticks = [];

  async function load() {
    let rows;
    try { ({ accounts: rows } = await get('/api/health')); err.hide(); } catch (e) { err.show(e); return; }
    ticks.length = 0;
    const counts = {};
    for (const r of rows) counts[r.state] = (counts[r.state] || 0) + 1;
    clear(box,
      h('p', { testid: 'health-summary' }, Object.entries(counts).map(([s, n]) => h('span.badge', { class: `badge-${(STATES[s] || [s, 'bad'])[1]}` }, `${n} ${(STATES[s] || [s])[0].toLowerCase()}`)).flatMap((b) => [b, ' '])),
      rows.length ? table('Accounts and models', ['Provider', 'Account', 'Model', 'State', 'Back in', 'Requests left', 'Tokens left', 'Last error'],
        rows.map((r) => {
          const [label, kind] = STATES[r.state] || [r.state, 'bad'];
          const cd = h('span', { testid: 'countdown' }, r.until ? countdown(r.until) : '—');
          if (r.until) ticks.push(() => { cd.textContent = countdown(r.until); });
          return h('tr', { testid: `health-${r.provider}-${r.account}-${r.model}`, dataset: { state: r.state } },
            h('th', { scope: 'row' }, r.provider), h('td.num', r.account), h('td.mono', r.model),
            h('td', h('span.state.badge', { class: `badge-${kind}` }, label)),
            h('td', cd, r.until ? h('div.hint', time(r.until)) : null),
            h('td.quota-cell', quota(r.remaining_requests, r.limit_requests, 'requests')),
            h('td.quota-cell', quota(r.remaining_tokens, r.limit_tokens, 'tokens')),
            h('td.last-error', r.last_error ? [longText(r.last_error), h('div.hint', time(r.last_error_at))] : h('span.muted', '—')));
        })) : h('p.muted', 'No accounts yet.'));
    updated.textContent = `Updated ${new Date().toLocaleTimeString()}.`;
  }
  await load();
  const refresh = setInterval(() => { if (!document.hidden) load(); }, 5000);
  const tick = setInterval(() => ticks.forEach((f) => f()), 1000);
  return () => { clearInterval(refresh); clearInterval(tick); };
}
