// Usage: aggregates over time and by key/provider/model/combo, chart, table, CSV export.
import { get, qs } from '../api.js';
import { h, clear, field, select, table, num, compact, usd, errorBox } from '../ui.js';
import { timeChart, bucketize } from '../charts.js';

const SINCE = [['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days']];
const BUCKET = [['hour', 'Hour'], ['day', 'Day']];
const BY = [['', 'Nothing (totals)'], ['key', 'Key'], ['provider', 'Provider'], ['model', 'Model'], ['combo', 'Combo']];
const MS = { '24h': 24 * 3600e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3 };

export async function render(main) {
  const params = new URLSearchParams(location.search);
  const since = select({ id: 'usage-since', testid: 'usage-since' }, SINCE, params.get('since') || '24h');
  const bucket = select({ id: 'usage-bucket', testid: 'usage-bucket' }, BUCKET, params.get('bucket') || 'hour');
  const by = select({ id: 'usage-by', testid: 'usage-by' }, BY, params.get('by') || '');
  const csv = h('a.button.secondary', { testid: 'usage-csv', download: 'usage.csv' }, 'Export CSV');
  const err = errorBox('usage-error');
  const chartBox = h('section.card', { 'aria-labelledby': 'usage-chart-h' });
  const tableBox = h('div', { testid: 'usage-table' });
  const refresh = h('button.secondary', { type: 'button', testid: 'usage-refresh' }, 'Refresh');
  main.append(h('h1', 'Usage'),
    h('form.row', { testid: 'usage-controls', 'aria-label': 'Usage filters', onsubmit: (e) => e.preventDefault() },
      field('Period', since), field('Bucket', bucket), field('Group by', by), refresh, csv),
    err, chartBox, tableBox);

  async function load() {
    const q = { since: since.value, bucket: bucket.value, by: by.value };
    history.replaceState(null, '', `${location.pathname}${qs(q)}`);
    csv.href = `/api/usage.csv${qs(q)}`;
    try {
      const [series, totals] = await Promise.all([
        get(`/api/usage${qs(q)}`),
        get(`/api/usage${qs({ since: q.since, bucket: 'all', by: q.by })}`),
      ]);
      err.hide();
      const points = bucketize(series.rows, q.bucket, Date.now() - MS[q.since] + (q.bucket === 'day' ? 86400e3 : 3600e3), ['requests', 'errors']);
      clear(chartBox, h('h2#usage-chart-h', 'Requests over time'),
        h('div.chart-wrap', timeChart(points, { bar: 'requests', barLabel: 'requests', line: 'errors', lineLabel: 'errors', bucket: q.bucket, title: 'Requests per ' + q.bucket, testid: 'usage-chart' })));
      const rows = [...(totals.rows || [])].sort((a, b) => b.requests - a.requests);
      const t = totals.totals || series.totals;
      const line = (r, head) => h('tr', { testid: head ? 'usage-total' : `usage-row-${r.group ?? 'all'}` },
        h('th', { scope: 'row' }, head || (r.group ?? (q.by ? '(none)' : 'All'))),
        h('td.num', { testid: head ? 'usage-total-requests' : null }, num(r.requests)), h('td.num', num(r.errors)),
        h('td.num', compact(r.input_tokens)), h('td.num', compact(r.cached_tokens)), h('td.num', compact(r.output_tokens)),
        h('td.num', usd(r.cost_usd)), h('td.num', compact(r.saved_tokens)),
        h('td.num', r.p50_ms ? `${num(r.p50_ms)} ms` : '—'), h('td.num', r.p95_ms ? `${num(r.p95_ms)} ms` : '—'));
      clear(tableBox, table(`Usage, ${SINCE.find((s) => s[0] === q.since)[1].toLowerCase()}`,
        [BY.find((b) => b[0] === q.by)[1].replace('Nothing (totals)', 'Group'), 'Requests', 'Errors', 'Input', 'Cached', 'Output', 'Cost', 'Saved tokens', 'p50', 'p95'],
        [...rows.map((r) => line(r)), t && q.by ? line(t, 'Total') : null],
        { 'data-total-requests': t ? t.requests : '' }));
      if (!rows.length) tableBox.append(h('p.muted', 'No requests in this period.'));
    } catch (e) { err.show(e); }
  }
  for (const s of [since, bucket, by]) s.addEventListener('change', load);
  refresh.addEventListener('click', load);
  await load();
}
