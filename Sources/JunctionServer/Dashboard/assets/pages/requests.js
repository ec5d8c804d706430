// Requests: live log (EventSource) over the initial page, filters, "load older", expandable rows.
import { get, qs, loadSession } from '../api.js';
import { h, clear, field, select, num, usd, time, errorBox, badge } from '../ui.js';
import { attemptList, statusBadge, longText } from './common.js';

/** Today's rows show the time only; older ones the date too. */
function shortTime(iso) {
  const d = new Date(iso);
  if (isNaN(d)) return iso || '—';
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString() : time(iso);
}

const COLS = ['', 'Time', 'Key', 'Model', 'Route', 'Status', 'Latency', 'Tokens in/out', 'Cost'];

function detail(r) {
  const t = r.tokens || {};
  const s = r.saver;
  const dl = (pairs) => h('dl.facts', pairs.filter(Boolean).map(([k, v]) => [h('dt', k), h('dd', v)]));
  return h('div.grid-2', { testid: `request-detail-${r.id || `seq-${r.seq}`}` },
    h('div',
      h('h3', 'Attempts'), attemptList(r.attempts, `request-attempts-${r.id}`),
      dl([['Request id', h('span.mono', r.id || '—')], ['Endpoint', r.endpoint], ['Combo / tier', `${r.combo || '—'} / ${r.tier || '—'}`],
        ['Streamed', r.stream ? 'yes' : 'no'], ['Time to first token', r.ttft_ms != null ? `${num(r.ttft_ms)} ms` : '—'],
        r.error_class ? ['Error class', badge(r.error_class, 'bad')] : null, r.error ? ['Error', longText(r.error, 200)] : null])),
    h('div',
      h('h3', 'Tokens and cost'),
      dl([['Input', num(t.input)], ['Cached', num(t.cached)], ['Cache write', num(t.cache_write)],
        t.cache_write_1h ? ['Cache write (1 h)', num(t.cache_write_1h)] : null, ['Output', num(t.output)], ['Reasoning', num(t.reasoning)],
        ['Cost', usd(r.cost_usd)]]),
      h('h3', 'Saver'),
      s ? dl([['Tokens', `${num(s.tokens_before)} → ${num(s.tokens_after)} (saved ${num(s.tokens_before - s.tokens_after)})`],
        ['Bytes', `${num(s.bytes_before)} → ${num(s.bytes_after)}`],
        ...Object.entries(s.filters || {}).map(([f, n]) => [`Filter ${f}`, `${num(n)} tokens saved`])])
        : h('p.muted', 'Nothing compressed.')));
}

function row(r, fresh) {
  const rid = r.id || `seq-${r.seq}`;
  const btn = h('button.link', { type: 'button', 'aria-expanded': 'false', 'aria-label': `Details of request ${rid}`, testid: 'expand' }, '▸');
  const tr = h('tr.expandable', { testid: 'request-row', dataset: { id: rid, seq: r.seq ?? '', model: r.requested_model, key: r.client_key || '' }, class: fresh ? 'fresh' : null },
    h('td', btn), h('td.nowrap', { title: time(r.created_at) }, shortTime(r.created_at)), h('td', r.client_key || '—'), h('td.mono', r.requested_model),
    h('td.mono', r.provider ? `${r.provider}/${r.upstream_model || ''}` : '—', (r.attempts || []).length > 1 ? [' ', badge(`${r.attempts.length} attempts`, 'warn')] : null),
    h('td', statusBadge(r.status)), h('td.num', `${num(r.latency_ms)} ms`),
    h('td.num', `${num((r.tokens || {}).input)} / ${num((r.tokens || {}).output)}`), h('td.num', usd(r.cost_usd)));
  const toggle = () => {
    const next = tr.nextElementSibling;
    if (next && next.classList.contains('detail')) { next.remove(); btn.setAttribute('aria-expanded', 'false'); btn.textContent = '▸'; return; }
    tr.after(h('tr.detail', h('td', { colspan: COLS.length }, detail(r))));
    btn.setAttribute('aria-expanded', 'true'); btn.textContent = '▾';
  };
  btn.addEventListener('click', (e) => { e.stopPropagation(); toggle(); });
  tr.addEventListener('click', (e) => { if (!e.target.closest('a,button')) toggle(); });
  return tr;
}

export async function render(main) {
  const params = new URLSearchParams(location.search);
  const inputs = {
    key: h('input', { id: 'filter-key', testid: 'filter-key', value: params.get('key') || '', autocomplete: 'off' }),
    provider: h('input', { id: 'filter-provider', testid: 'filter-provider', value: params.get('provider') || '', autocomplete: 'off' }),
    model: h('input', { id: 'filter-model', testid: 'filter-model', value: params.get('model') || '', autocomplete: 'off' }),
    combo: h('input', { id: 'filter-combo', testid: 'filter-combo', value: params.get('combo') || '', autocomplete: 'off' }),
    outcome: select({ id: 'filter-outcome', testid: 'filter-outcome' }, [['', 'Any'], ['success', 'Success'], ['failure', 'Failure']], params.get('outcome') || ''),
  };
  const err = errorBox('requests-error');
  const liveState = h('span.badge', { testid: 'live-state' }, 'connecting…');
  const announcer = h('p.visually-hidden', { 'aria-live': 'polite', testid: 'live-announcer' });
  const tbody = h('tbody', { testid: 'request-rows' });
  const older = h('button.secondary', { type: 'button', testid: 'load-older', hidden: true }, 'Load older');
  const empty = h('p.muted', { testid: 'no-requests', hidden: true }, 'No requests match.');
  const form = h('form', { testid: 'request-filters', 'aria-label': 'Filters' },
    h('div.form-grid', field('Key', inputs.key), field('Provider', inputs.provider), field('Model', inputs.model), field('Combo', inputs.combo), field('Outcome', inputs.outcome)),
    h('div.row', h('button', { type: 'submit', testid: 'apply-filters' }, 'Apply filters'),
      h('button.secondary', { type: 'button', testid: 'clear-filters', onclick: () => { for (const i of Object.values(inputs)) i.value = ''; start(); } }, 'Clear')));
  main.append(h('h1', 'Requests'),
    h('details.card', { open: [...params.keys()].length > 0 }, h('summary', 'Filters'), form),
    h('div.row', h('span', 'Live log: '), liveState, announcer),
    err,
    h('div.table-wrap', h('table', { testid: 'request-table' }, h('caption.visually-hidden', 'Requests, newest first'),
      h('thead', h('tr', COLS.map((c, i) => h('th', { scope: 'col' }, i === 0 ? h('span.visually-hidden', 'Details') : c)))), tbody)),
    empty, older);

  let source = null;
  let retryTimer = null;
  let nextBefore = null;
  const seen = new Set();
  let pending = 0;
  let announceTimer = null;

  function filters() {
    const f = {};
    for (const [k, i] of Object.entries(inputs)) if (i.value.trim()) f[k] = i.value.trim();
    return f;
  }
  function add(r, where, fresh) {
    const key = r.id || (r.seq != null ? `seq:${r.seq}` : null);
    if (key) {
      if (seen.has(key)) return;
      seen.add(key);
    }
    const tr = row(r, fresh);
    if (where === 'top') tbody.prepend(tr); else tbody.append(tr);
    empty.hidden = true;
  }
  async function loadPage(before) {
    try {
      const page = await get(`/api/requests${qs({ ...filters(), before, limit: 50 })}`);
      for (const r of page.requests || []) add(r, 'bottom', false);
      nextBefore = page.next_before ?? null;
      older.hidden = nextBefore === null;
      empty.hidden = tbody.children.length > 0;
      err.hide();
    } catch (e) { err.show(e); }
  }
  function connect() {
    clearTimeout(retryTimer);
    if (source) source.close();
    source = new EventSource(`/api/requests/live${qs(filters())}`);
    source.onopen = () => { liveState.textContent = 'live'; liveState.className = 'badge badge-ok'; };
    source.onerror = async () => {
      liveState.textContent = 'reconnecting…'; liveState.className = 'badge badge-warn';
      // The browser retries by itself unless the server refused (a 401 when the session ended).
      if (source.readyState !== EventSource.CLOSED) return;
      const closed = source;
      try {
        const s = await loadSession();
        if (!s.authenticated) { location.reload(); return; }
      } catch { /* offline: try again below */ }
      retryTimer = setTimeout(() => { if (source === closed) connect(); }, 5000);
    };
    source.addEventListener('request', (ev) => {
      let r;
      try { r = JSON.parse(ev.data); } catch { return; }
      add(r, 'top', true);
      pending += 1;
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => { announcer.textContent = `${pending} new request${pending > 1 ? 's' : ''}.`; pending = 0; }, 1500);
    });
  }
  async function start() {
    history.replaceState(null, '', `${location.pathname}${qs(filters())}`);
    clear(tbody); seen.clear();
    connect();
    await loadPage();
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); start(); });
  older.addEventListener('click', () => loadPage(nextBefore));
  await start();
  return () => { if (source) source.close(); source = null; clearTimeout(announceTimer); clearTimeout(retryTimer); };
}
