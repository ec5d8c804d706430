// Bits shared by several pages.
import { h, badge } from '../ui.js';

/** "openai/gpt-4o → rate_limited" as a compact ordered list of attempts. */
export function attemptList(attempts, testid) {
  if (!attempts || !attempts.length) return h('span.muted', 'no attempts');
  return h('ol.attempt-list', { testid: testid || 'attempts' }, attempts.map((a) => h('li',
    h('span.mono', a.target), a.account !== null && a.account !== undefined ? h('span.muted', ` (account ${a.account})`) : null,
    ' ', outcomeBadge(a.outcome))));
}

export function outcomeBadge(outcome) {
  const ok = outcome === 'success' || outcome === 'ok';
  return badge(outcome || '?', ok ? 'ok' : 'bad');
}

export function statusBadge(status) {
  return badge(String(status), status >= 200 && status < 300 ? 'ok' : status >= 500 ? 'bad' : 'warn');
}

export function sourceBadge(source) {
  return badge(source === 'file' ? 'file (read-only)' : 'api', source === 'file' ? null : 'info');
}

/** Polls fn every ms while the page is shown; returns a stop function. */
export function every(ms, fn) {
  const t = setInterval(() => { if (!document.hidden) fn(); }, ms);
  return () => clearInterval(t);
}
