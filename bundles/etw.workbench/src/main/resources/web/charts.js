// Hand-drawn SVG charts for the workbench: lines per series, stacked areas, percentile bands; axes with units.
// No library: a chart is an <svg> string built here and put into the page in one assignment. panel() wraps a chart
// with hover values (value, unit, year, region under the pointer) and a toggle to a table of the same numbers;
// multiples() lays out one small panel per region or variable.

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000',
  '#999999', '#882255', '#44AA99', '#117733'];

const esc = s => String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

/** Round numbers for axis ticks: about n ticks covering [lo, hi]. */
export function ticks(lo, hi, n = 5) {
  if (!(hi > lo)) { hi = lo + 1; }
  const raw = (hi - lo) / n;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw) || 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** Short axis labels: 12k, 1.5M. */
export function fmt(v) {
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toFixed(a >= 1e10 ? 0 : 1) + 'G';
  if (a >= 1e6) return (v / 1e6).toFixed(a >= 1e7 ? 0 : 1) + 'M';
  if (a >= 1e4) return (v / 1e3).toFixed(0) + 'k';
  if (a >= 100) return v.toFixed(0);
  if (a >= 1) return (+v.toFixed(2)).toString();
  if (a === 0) return '0';
  return (+v.toPrecision(2)).toString();
}

/** A value for people: thousands separated, about four significant digits, never an exponent (1.59E-13 is 0). */
export function fmtValue(v) {
  if (v === undefined || v === null || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a < 5e-10) return '0';
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : Math.min(12, Math.ceil(-Math.log10(a)) + 2);
  return v.toLocaleString('en-US', {minimumFractionDigits: 0, maximumFractionDigits: digits});
}

/** A difference for people: with its sign. */
export function fmtSigned(v) {
  if (!Number.isFinite(v)) return '–';
  const s = fmtValue(v);
  return v > 0 && s !== '0' ? '+' + s : s === '-0' ? '0' : s;
}

/**
 * A line chart.
 * opts: {title, unit, firstYear, series: [{label, values, color?, dashed?, width?}],
 *        bands: [{label, lo, hi, color}], stacked: bool, width, height, legend: true|false, zero: bool}
 * With stacked, each series is drawn as an area on top of the ones before it.
 * The <svg> carries its plot geometry (data-l, data-pw, data-t, data-ph, data-w, data-x0, data-x1) for panel()'s hover.
 */
export function chart(opts) {
  const W = opts.width || 900, H = opts.height || 420;
  const small = W < 600;
  const m = {l: small ? 56 : 72, r: small ? 20 : 16, t: opts.title ? (small ? 28 : 34) : 14, b: small ? 30 : 40};
  const bands = opts.bands || [];
  const legendW = opts.legend === false ? 0 : Math.min(260, Math.max(0, ...opts.series.map(s => s.label.length * 7 + 30), ...bands.map(b => b.label.length * 7 + 30)));
  const pw = W - m.l - m.r - legendW, ph = H - m.t - m.b;
  const n = Math.max(1, ...opts.series.map(s => s.values.length), ...bands.map(b => b.lo.length));
  const x0 = opts.firstYear, x1 = opts.firstYear + n - 1;
  let stackedSeries = opts.series;
  if (opts.stacked) {
    const acc = new Array(n).fill(0);
    stackedSeries = opts.series.map(s => {
      const base = acc.slice();
      const top = s.values.map((v, i) => (acc[i] += (v > 0 ? v : 0)));
      return {...s, base, top};
    });
  }
  let lo = Infinity, hi = -Infinity;
  const see = v => { if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } };
  if (opts.stacked) stackedSeries.forEach(s => s.top.forEach(see)); else opts.series.forEach(s => s.values.forEach(see));
  bands.forEach(b => { b.lo.forEach(see); b.hi.forEach(see); });
  if (opts.zero) see(0);
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  if (lo > 0 && lo < hi * 0.6) lo = 0; // start at zero unless the data sit far above it
  if (hi === lo) { hi = lo + Math.max(1, Math.abs(lo) * 0.1); }
  const ys = ticks(lo, hi, small ? 4 : 5);
  lo = Math.min(lo, ys[0]); hi = Math.max(hi, ys[ys.length - 1]);
  const X = year => m.l + (x1 === x0 ? pw / 2 : (year - x0) / (x1 - x0) * pw);
  const Y = v => m.t + ph - (v - lo) / (hi - lo) * ph;
  const pts = (vals, off = 0) => vals.map((v, i) => Number.isFinite(v) ? `${X(x0 + i + off).toFixed(1)},${Y(v).toFixed(1)}` : null).filter(Boolean);
  const fs = small ? 11 : 12;
  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(opts.title || 'chart')}" data-series="${opts.series.length}"`
    + ` data-l="${m.l}" data-pw="${pw}" data-t="${m.t}" data-ph="${ph}" data-w="${W}" data-x0="${x0}" data-x1="${x1}">`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`);
  if (opts.title) parts.push(`<text x="${m.l}" y="${small ? 18 : 22}" class="chart-title" font-size="${small ? 14 : 16}" font-weight="600">${esc(opts.title)}</text>`);
  for (const t of ys) {
    parts.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="${t === 0 && lo < 0 ? '#888' : '#ddd'}"/>`);
    parts.push(`<text x="${m.l - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end" font-size="${fs}">${esc(fmt(t))}</text>`);
  }
  const xt = ticks(x0, x1, Math.min(small ? 4 : 8, Math.max(1, x1 - x0))).filter(t => Number.isInteger(t));
  for (const t of xt) {
    parts.push(`<line x1="${X(t).toFixed(1)}" x2="${X(t).toFixed(1)}" y1="${m.t + ph}" y2="${m.t + ph + 5}" stroke="#333"/>`);
    parts.push(`<text x="${X(t).toFixed(1)}" y="${m.t + ph + (small ? 17 : 20)}" text-anchor="middle" font-size="${fs}">${t}</text>`);
  }
  parts.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${m.t + ph}" y2="${m.t + ph}" stroke="#333"/>`);
  parts.push(`<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${m.t + ph}" stroke="#333"/>`);
  parts.push(`<text transform="translate(${small ? 13 : 16},${m.t + ph / 2}) rotate(-90)" text-anchor="middle" font-size="${small ? 12 : 13}" class="unit">${esc(opts.unit || '')}</text>`);
  bands.forEach(b => {
    const up = pts(b.hi), down = pts(b.lo).reverse();
    parts.push(`<polygon points="${up.concat(down).join(' ')}" fill="${b.color}" fill-opacity="0.18" stroke="none"><title>${esc(b.label)}</title></polygon>`);
  });
  if (opts.stacked) {
    stackedSeries.forEach((s, k) => {
      const c = s.color || PALETTE[k % PALETTE.length];
      const poly = pts(s.top).concat(pts(s.base).reverse());
      parts.push(`<polygon points="${poly.join(' ')}" fill="${c}" fill-opacity="0.85" stroke="${c}"><title>${esc(s.label)}</title></polygon>`);
    });
  } else {
    opts.series.forEach((s, k) => {
      const c = s.color || PALETTE[k % PALETTE.length];
      parts.push(`<polyline points="${pts(s.values).join(' ')}" fill="none" stroke="${c}" stroke-width="${s.width || 2.5}"${s.dashed ? ' stroke-dasharray="7 5"' : ''}><title>${esc(s.label)}</title></polyline>`);
    });
  }
  if (opts.legend !== false) {
    let ly = m.t + 4;
    const lx = m.l + pw + 14;
    const legend = (label, c, dashed, box) => {
      parts.push(box ? `<rect x="${lx}" y="${ly}" width="16" height="12" fill="${c}"${box === 'band' ? ' fill-opacity="0.3"' : ''}/>`
        : `<line x1="${lx}" x2="${lx + 16}" y1="${ly + 6}" y2="${ly + 6}" stroke="${c}" stroke-width="3"${dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
      parts.push(`<text x="${lx + 22}" y="${ly + 11}" font-size="12">${esc(label.length > 32 ? '…' + label.slice(-31) : label)}</text>`);
      ly += 18;
    };
    const order = opts.stacked ? stackedSeries.map((s, k) => [s, k]).reverse() : opts.series.map((s, k) => [s, k]);
    order.forEach(([s, k]) => legend(s.label, s.color || PALETTE[k % PALETTE.length], s.dashed, opts.stacked));
    bands.forEach(b => legend(b.label, b.color, false, 'band'));
  }
  parts.push('</svg>');
  return parts.join('');
}

// ------------------------------------------------------------------ panels: hover values and a table toggle

const CSS = `
.etw-panel { position: relative; background: white; border: 1px solid #e2e2e2; border-radius: 4px; padding: 2px; min-width: 0; }
.etw-panel .etw-panel-bar { position: absolute; top: 4px; right: 6px; z-index: 2; display: flex; gap: .25rem; }
.etw-panel .etw-panel-bar button { font-size: .8rem; padding: .1rem .45rem; border: 1px solid #bbb; border-radius: 3px; background: #f7f7f7; cursor: pointer; }
.etw-panel .etw-tip { position: absolute; pointer-events: none; z-index: 3; background: rgba(20,28,38,.94); color: white; font-size: .85rem;
  padding: .35rem .5rem; border-radius: 4px; white-space: nowrap; line-height: 1.35; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.etw-panel .etw-tip b { font-weight: 600; }
.etw-panel .etw-tip .sw { display: inline-block; width: .7rem; height: .7rem; margin-right: .3rem; border-radius: 2px; vertical-align: -1px; }
.etw-panel .etw-table-wrap { max-height: 320px; overflow: auto; padding-top: 1.8rem; }
.etw-panel table.etw-table { border-collapse: collapse; font-size: .85rem; width: 100%; font-variant-numeric: tabular-nums; }
.etw-panel table.etw-table caption { text-align: left; font-weight: 600; padding: .2rem .3rem; }
.etw-panel table.etw-table th, .etw-panel table.etw-table td { padding: .15rem .4rem; border-bottom: 1px solid #eee; text-align: right; }
.etw-panel table.etw-table th:first-child, .etw-panel table.etw-table td:first-child { text-align: left; }
.etw-panel table.etw-table thead th { position: sticky; top: 0; background: #f3f5f8; }
.etw-multiples { display: grid; gap: .5rem; grid-template-columns: repeat(auto-fill, minmax(var(--etw-cell, 340px), 1fr)); }
.etw-note { font-size: .85rem; color: #7a2e00; margin: .2rem .3rem; }
`;
function ensureCss() {
  if (document.getElementById('etw-charts-css')) return;
  const s = document.createElement('style');
  s.id = 'etw-charts-css';
  s.textContent = CSS;
  document.head.appendChild(s);
}

/**
 * Draws a chart into el as a panel: hover shows the year's value of every series with unit, year and region; a
 * "Table" button shows the same numbers as a table (and "Chart" goes back). The mode survives redraws.
 * opts: chart()'s, plus region (named in the hover and the table), note (a line under the chart),
 * tableTitle, total (stacked: the total's values, default the sum of the parts), totalLabel (its label, default "total").
 */
export function panel(el, opts) {
  ensureCss();
  el.classList.add('etw-panel');
  el._opts = opts;
  if (!el._mounted) {
    el._mounted = true;
    el._mode = el._mode || 'chart';
    el.innerHTML = `<div class="etw-panel-bar"><button type="button" class="etw-toggle" aria-pressed="false">Table</button></div>
      <div class="etw-body"></div><div class="etw-tip" hidden></div>`;
    const toggle = el.querySelector('.etw-toggle');
    toggle.addEventListener('click', () => {
      el._mode = el._mode === 'chart' ? 'table' : 'chart';
      render(el);
    });
    const body = el.querySelector('.etw-body');
    body.addEventListener('mousemove', e => hover(el, e));
    body.addEventListener('mouseleave', () => unhover(el));
  }
  render(el);
  return el;
}

function render(el) {
  const opts = el._opts;
  const body = el.querySelector('.etw-body');
  const toggle = el.querySelector('.etw-toggle');
  toggle.textContent = el._mode === 'chart' ? 'Table' : 'Chart';
  toggle.setAttribute('aria-pressed', String(el._mode === 'table'));
  toggle.title = el._mode === 'chart' ? 'Show these numbers as a table' : 'Show the chart';
  const note = opts.note ? `<div class="etw-note">${esc(opts.note)}</div>` : '';
  unhover(el);
  body.innerHTML = (el._mode === 'chart' ? chart(opts) : table(opts)) + note;
  el.dataset.mode = el._mode;
}

/** The chart's numbers as a table: a row per year, a column per series (and band), the unit in the caption. */
export function table(opts) {
  const n = Math.max(1, ...opts.series.map(s => s.values.length), ...(opts.bands || []).map(b => b.lo.length));
  const cols = opts.series.map(s => ({label: s.label, values: s.values}));
  for (const b of opts.bands || []) cols.push({label: b.label + ' low', values: b.lo}, {label: b.label + ' high', values: b.hi});
  if (opts.stacked && opts.series.length > 1)
    cols.push({label: opts.totalLabel || 'total', values: opts.total || Array.from({length: n}, (_, i) => opts.series.reduce((a, s) => a + (s.values[i] || 0), 0))});
  const head = `<tr><th scope="col">Year</th>${cols.map(c => `<th scope="col">${esc(c.label)}</th>`).join('')}</tr>`;
  const rows = [];
  for (let i = 0; i < n; i++)
    rows.push(`<tr><td>${opts.firstYear + i}</td>${cols.map(c => `<td>${esc(fmtValue(c.values[i]))}</td>`).join('')}</tr>`);
  const caption = `${opts.tableTitle || opts.title || ''}${opts.region ? ', ' + opts.region : ''} [${opts.unit || ''}]`;
  return `<div class="etw-table-wrap"><table class="etw-table"><caption>${esc(caption)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function hover(el, e) {
  if (el._mode !== 'chart') return;
  const svg = el.querySelector('.etw-body svg');
  if (!svg) return;
  const opts = el._opts;
  const r = svg.getBoundingClientRect();
  const d = svg.dataset;
  const scale = (+d.w) / r.width;
  const x = (e.clientX - r.left) * scale;
  const l = +d.l, pw = +d.pw, x0 = +d.x0, x1 = +d.x1;
  if (x < l - 8 || x > l + pw + 8) { unhover(el); return; }
  const year = Math.round(x0 + Math.min(1, Math.max(0, (x - l) / pw)) * (x1 - x0));
  const i = year - opts.firstYear;
  const lines = [];
  const swatch = c => `<span class="sw" style="background:${esc(c)}"></span>`;
  const list = opts.stacked ? opts.series.map((s, k) => [s, k]).reverse() : opts.series.map((s, k) => [s, k]);
  for (const [s, k] of list)
    lines.push(`${swatch(s.color || PALETTE[k % PALETTE.length])}${esc(s.label)}: <b>${esc(fmtValue(s.values[i]))}</b> ${esc(opts.unit || '')}`);
  if (opts.stacked && opts.series.length > 1)
    lines.push(`${esc(opts.totalLabel || 'total')}: <b>${esc(fmtValue(opts.total ? opts.total[i] : opts.series.reduce((a, s) => a + (s.values[i] || 0), 0)))}</b> ${esc(opts.unit || '')}`);
  for (const b of opts.bands || [])
    lines.push(`${swatch(b.color)}${esc(b.label)}: ${esc(fmtValue(b.lo[i]))} to ${esc(fmtValue(b.hi[i]))} ${esc(opts.unit || '')}`);
  const tip = el.querySelector('.etw-tip');
  tip.innerHTML = `<b>${year}</b>${opts.region ? ' · ' + esc(opts.region) : ''}<br>${lines.join('<br>')}`;
  tip.hidden = false;
  tip.dataset.year = year;
  const elRect = el.getBoundingClientRect();
  const px = (l + (year - x0) / Math.max(1, x1 - x0) * pw) / scale + r.left - elRect.left;
  const left = px + 14 + tip.offsetWidth > el.clientWidth ? px - 14 - tip.offsetWidth : px + 14;
  tip.style.left = Math.max(0, left) + 'px';
  tip.style.top = Math.max(0, e.clientY - elRect.top - tip.offsetHeight / 2) + 'px';
  let line = svg.querySelector('line.hover-line');
  if (!line) {
    line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    line.setAttribute('class', 'hover-line');
    line.setAttribute('stroke', '#333');
    line.setAttribute('stroke-dasharray', '3 3');
    line.setAttribute('y1', d.t);
    line.setAttribute('y2', (+d.t) + (+d.ph));
    svg.appendChild(line);
  }
  const lx = (l + (year - x0) / Math.max(1, x1 - x0) * pw).toFixed(1);
  line.setAttribute('x1', lx);
  line.setAttribute('x2', lx);
}

function unhover(el) {
  const tip = el.querySelector('.etw-tip');
  if (tip) tip.hidden = true;
  el.querySelector('.etw-body svg line.hover-line')?.remove();
}

/**
 * Small multiples: one panel per item in a grid. items: [{key, opts}]; keeps each panel (and its table/chart
 * mode) across redraws by key. cell: the smallest column width in px.
 */
export function multiples(el, items, cell = 340) {
  ensureCss();
  el.classList.add('etw-multiples');
  el.style.setProperty('--etw-cell', cell + 'px');
  const keep = new Map([...el.children].map(c => [c.dataset.key, c]));
  const order = [];
  for (const {key, opts} of items) {
    let p = keep.get(key);
    if (!p) {
      p = document.createElement('div');
      p.dataset.key = key;
    }
    keep.delete(key);
    panel(p, opts);
    order.push(p);
  }
  keep.forEach(p => p.remove());
  order.forEach((p, i) => { if (el.children[i] !== p) el.insertBefore(p, el.children[i] || null); });
  return el;
}
