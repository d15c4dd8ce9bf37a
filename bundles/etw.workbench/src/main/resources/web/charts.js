// Hand-drawn SVG charts for the workbench: lines per series, stacked areas, percentile bands; axes with units.
// No library: a chart is an <svg> string built here and put into the page in one assignment.

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

/**
 * A line chart.
 * opts: {title, unit, firstYear, series: [{label, values, color?, dashed?, width?}],
 *        bands: [{label, lo, hi, color}], stacked: bool, width, height}
 * With stacked, each series is drawn as an area on top of the ones before it.
 */
export function chart(opts) {
  const W = opts.width || 900, H = opts.height || 420;
  const m = {l: 72, r: 16, t: opts.title ? 34 : 14, b: 40};
  const legendW = Math.min(260, Math.max(0, ...opts.series.map(s => s.label.length * 7 + 30), ...(opts.bands || []).map(b => b.label.length * 7 + 30)));
  const pw = W - m.l - m.r - legendW, ph = H - m.t - m.b;
  const n = Math.max(1, ...opts.series.map(s => s.values.length), ...(opts.bands || []).map(b => b.lo.length));
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
  (opts.bands || []).forEach(b => { b.lo.forEach(see); b.hi.forEach(see); });
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  if (lo > 0 && lo < hi * 0.6) lo = 0; // start at zero unless the data sit far above it
  if (hi === lo) { hi = lo + Math.max(1, Math.abs(lo) * 0.1); }
  const ys = ticks(lo, hi, 5);
  lo = Math.min(lo, ys[0]); hi = Math.max(hi, ys[ys.length - 1]);
  const X = year => m.l + (x1 === x0 ? pw / 2 : (year - x0) / (x1 - x0) * pw);
  const Y = v => m.t + ph - (v - lo) / (hi - lo) * ph;
  const pts = (vals, off = 0) => vals.map((v, i) => Number.isFinite(v) ? `${X(x0 + i + off).toFixed(1)},${Y(v).toFixed(1)}` : null).filter(Boolean);
  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(opts.title || 'chart')}" data-series="${opts.series.length}">`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`);
  if (opts.title) parts.push(`<text x="${m.l}" y="22" class="chart-title" font-size="16" font-weight="600">${esc(opts.title)}</text>`);
  for (const t of ys) {
    parts.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#ddd"/>`);
    parts.push(`<text x="${m.l - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end" font-size="12">${esc(fmt(t))}</text>`);
  }
  const xt = ticks(x0, x1, Math.min(8, Math.max(1, x1 - x0))).filter(t => Number.isInteger(t));
  for (const t of xt) {
    parts.push(`<line x1="${X(t).toFixed(1)}" x2="${X(t).toFixed(1)}" y1="${m.t + ph}" y2="${m.t + ph + 5}" stroke="#333"/>`);
    parts.push(`<text x="${X(t).toFixed(1)}" y="${m.t + ph + 20}" text-anchor="middle" font-size="12">${t}</text>`);
  }
  parts.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${m.t + ph}" y2="${m.t + ph}" stroke="#333"/>`);
  parts.push(`<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${m.t + ph}" stroke="#333"/>`);
  parts.push(`<text transform="translate(16,${m.t + ph / 2}) rotate(-90)" text-anchor="middle" font-size="13" class="unit">${esc(opts.unit || '')}</text>`);
  (opts.bands || []).forEach(b => {
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
  (opts.bands || []).forEach(b => legend(b.label, b.color, false, 'band'));
  parts.push('</svg>');
  return parts.join('');
}
