// Bits shared by several pages.
import { h, badge } from '../ui.js';

/** "openai/gpt-4o → rate_limited" as a compact ordered list of attempts. */
export function attemptList(attempts, testid) {
  if (!attempts || !attempts.length) return h('span.muted', 'no attempts');
  return h('ol.attempt-list', { testid: testid || 'attempts' }, attempts.map((a) => h('li',
    h('span.mono', a.target), a.account !== null && a.account !== undefined ? h('span.muted', ` (account ${a.account})`) : null,
    ' ', outcomeBadge(a.outcome))));
}

/** An attempt's outcome: a status code ("200", "429") or a word ("success", "timeout"). */
export function outcomeBadge(outcome) {
  const o = String(outcome ?? '?');
  const kind = /^(2\d\d|success|ok)$/i.test(o) ? 'ok' : /^(4\d\d|rate|quota|skipped)/i.test(o) ? 'warn' : 'bad';
  return badge(o, kind);
}

/** Long error text: the start, with the whole of it one click (or Enter) away. */
export function longText(text, max = 80) {
  if (!text || text.length <= max) return h('span.mono', text || '—');
  return h('details.long-text', h('summary.mono', `${text.slice(0, max)}…`), h('div.mono', text));
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
