// Inline SVG charts: a time-series chart (bars + optional line) and a horizontal bar chart.

const NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Whole-number grid step for counts: 1, 2, 5, 10, 20, 50… at least v. */
function niceStep(v) {
  if (!(v > 1)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function short(n) {
  if (n >= 1e9) return `${+(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return `${+n.toFixed(2)}`;
}

/**
 * Sum rows (UsageRow) by their `start`, filling empty buckets between `from` and now.
 * bucket: 'hour' | 'day'. Returns [{t: Date, ...sums}].
 */
export function bucketize(rows, bucket, from, keys) {
  const step = bucket === 'day' ? 86400e3 : 3600e3;
  const floor = (ms) => {
    if (bucket === 'day') { const d = new Date(ms); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); }
    return Math.floor(ms / step) * step;
  };
  const map = new Map();
  for (const r of rows || []) {
    const t = floor(Date.parse(r.start));
    if (isNaN(t)) continue;
    const acc = map.get(t) || Object.fromEntries(keys.map((k) => [k, 0]));
    for (const k of keys) acc[k] += Number(r[k]) || 0;
    map.set(t, acc);
  }
  const times = [...map.keys()];
  let start = from ? floor(from) : Math.min(...times);
  const end = floor(Date.now());
  if (times.length) start = Math.min(start, ...times);
  const out = [];
  if (!isFinite(start)) return out;
  for (let t = start; t <= Math.max(end, ...times); t += step) {
    out.push({ t: new Date(t), ...(map.get(t) || Object.fromEntries(keys.map((k) => [k, 0]))) });
  }
  return out;
}

/**
 * points: [{t: Date, [bar]: n, [line]: n}]
 * opts: {bar: key, barLabel, line: key, lineLabel, bucket, title, testid}
 */
export function timeChart(points, opts) {
  const W = 720, H = 240, L = 48, R = 12, T = 16, B = 40;
  const iw = W - L - R, ih = H - T - B;
  const n = Math.max(points.length, 1);
  // four grid steps of a "nice" size, so counts get whole-number ticks
  const maxV = 4 * niceStep(Math.max(0, ...points.map((p) => Math.max(p[opts.bar] || 0, opts.line ? p[opts.line] || 0 : 0))) / 4);
  const y = (v) => T + ih - (v / maxV) * ih;
  const bw = iw / n;
  const total = points.reduce((a, p) => a + (p[opts.bar] || 0), 0);
  const label = `${opts.title || 'Chart'}: ${total} ${opts.barLabel || ''} over ${points.length} ${opts.bucket === 'day' ? 'days' : 'hours'}`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label, 'data-testid': opts.testid || 'time-chart', 'data-total': total });
  svg.append(s('title', {}, label));
  const grid = s('g', { class: 'grid' });
  for (let i = 0; i <= 4; i++) {
    const v = (maxV * i) / 4;
    grid.append(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    grid.append(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, short(v)));
  }
  svg.append(grid);
  const bars = s('g', { class: 'bars' });
  points.forEach((p, i) => {
    const v = p[opts.bar] || 0;
    const x = L + i * bw;
    const when = opts.bucket === 'day' ? p.t.toLocaleDateString() : p.t.toLocaleString(undefined, { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });
    const rect = s('rect', { x: x + bw * 0.12, width: Math.max(1, bw * 0.76), y: y(v), height: Math.max(0, T + ih - y(v)) });
    rect.append(s('title', {}, `${when}: ${v} ${opts.barLabel || ''}${opts.line ? `, ${p[opts.line] || 0} ${opts.lineLabel}` : ''}`));
    bars.append(rect);
  });
  svg.append(bars);
  if (opts.line && points.length) {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${(L + i * bw + bw / 2).toFixed(1)},${y(p[opts.line] || 0).toFixed(1)}`).join(' ');
    svg.append(s('path', { d, class: 'line' }));
  }
  // x axis labels: at most ~8
  const every = Math.max(1, Math.ceil(points.length / 8));
  const xa = s('g', { class: 'x-axis' });
  xa.append(s('line', { x1: L, x2: W - R, y1: T + ih, y2: T + ih, class: 'axis' }));
  points.forEach((p, i) => {
    if (i % every) return;
    const txt = opts.bucket === 'day'
      ? p.t.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
      : p.t.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    xa.append(s('text', { x: L + i * bw + bw / 2, y: H - B + 18, 'text-anchor': 'middle', class: 'axis-label' }, txt));
  });
  svg.append(xa);
  // legend
  const lg = s('g', { class: 'legend', transform: `translate(${L},${H - 8})` });
  lg.append(s('rect', { x: 0, y: -9, width: 10, height: 10, class: 'legend-bar' }));
  lg.append(s('text', { x: 14, y: 0, class: 'axis-label' }, opts.barLabel || opts.bar));
  if (opts.line) {
    lg.append(s('line', { x1: 110, x2: 124, y1: -4, y2: -4, class: 'line' }));
    lg.append(s('text', { x: 128, y: 0, class: 'axis-label' }, opts.lineLabel || opts.line));
  }
  svg.append(lg);
  return svg;
}

/** items: [{label, value}] → horizontal bar chart. */
export function barChart(items, opts = {}) {
  const rowH = 26, L = 140, R = 70, W = 720;
  const H = Math.max(1, items.length) * rowH + 10;
  const maxV = Math.max(1, ...items.map((i) => i.value || 0));
  const fmt = opts.format || short;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart bar-chart', role: 'img', 'aria-label': opts.title || 'Bar chart', 'data-testid': opts.testid || 'bar-chart' });
  svg.append(s('title', {}, opts.title || 'Bar chart'));
  if (!items.length) svg.append(s('text', { x: W / 2, y: 20, 'text-anchor': 'middle', class: 'axis-label' }, 'No data yet'));
  items.forEach((it, i) => {
    const y = 5 + i * rowH;
    const w = ((it.value || 0) / maxV) * (W - L - R);
    const label = it.label.length > 20 ? `${it.label.slice(0, 19)}…` : it.label;
    svg.append(s('text', { x: L - 8, y: y + 17, 'text-anchor': 'end', class: 'axis-label' }, label));
    const rect = s('rect', { x: L, y: y + 3, width: Math.max(1, w), height: rowH - 8, class: 'bar' });
    rect.append(s('title', {}, `${it.label}: ${fmt(it.value || 0)}`));
    svg.append(rect);
    svg.append(s('text', { x: L + w + 6, y: y + 17, class: 'axis-label' }, fmt(it.value || 0)));
  });
  return svg;
}
