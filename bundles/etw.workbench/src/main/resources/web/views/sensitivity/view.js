// Sensitivity view: first-order (S1) and total (ST) Sobol indices of the current scenario's uncertain parameters
// (its uncertainty: section) for one output, from POST /api/sensitivity (or /api/cluster/sensitivity, cluster.js);
// ranked bars with 95% intervals and a table.

import {clusterControls} from './cluster.js';

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
const f2 = v => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);

export function chart(a) {
  const W = 720, LEFT = 290, RIGHT = 24, TOP = 16, ROW = 30, BAR = 10;
  let lo = 0, hi = 1;
  for (const r of a.rows) { lo = Math.min(lo, r.s1Low, r.stLow); hi = Math.max(hi, r.s1High, r.stHigh); }
  lo = Math.floor(lo * 10) / 10; hi = Math.ceil(hi * 10) / 10;
  const b = (W - LEFT - RIGHT) / (hi - lo), x = v => LEFT + (v - lo) * b, bottom = TOP + a.rows.length * ROW;
  const out = [`<svg class="sensitivity-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${bottom + 40}" width="100%">`];
  const step = [0.1, 0.2, 0.5, 1, 2, 5, 10].find(t => (hi - lo) / t <= 10) ?? 20;
  for (let k = Math.ceil(lo / step - 1e-9); k <= Math.floor(hi / step + 1e-9); k++)
    out.push(`<line x1="${x(k * step)}" y1="${TOP}" x2="${x(k * step)}" y2="${bottom}" stroke="${k === 0 ? '#000' : '#ddd'}"/>`,
      `<text x="${x(k * step)}" y="${bottom + 14}" text-anchor="middle" font-size="11">${(k * step).toFixed(1)}</text>`);
  a.rows.forEach((r, i) => {
    const y = TOP + i * ROW + 4;
    out.push(`<text x="${LEFT - 6}" y="${y + BAR + 3}" text-anchor="end" font-size="11">${esc(r.parameter)}</text>`);
    for (const [v, l, h, c, dy, n] of [[r.s1, r.s1Low, r.s1High, '#4a90d9', 0, 'S1'], [r.st, r.stLow, r.stHigh, '#1f4e8c', BAR + 2, 'ST']])
      out.push(`<rect class="index" data-name="${n} ${esc(r.parameter)}" data-value="${v}" x="${Math.min(x(0), x(v))}" y="${y + dy}" ` +
        `width="${Math.abs(x(v) - x(0))}" height="${BAR}" fill="${c}"><title>${n} ${f2(v)} [${f2(l)}, ${f2(h)}]</title></rect>`,
        `<line x1="${x(l)}" y1="${y + dy + BAR / 2}" x2="${x(h)}" y2="${y + dy + BAR / 2}" stroke="#000"/>`);
  });
  out.push(`<rect x="${LEFT}" y="${bottom + 24}" width="12" height="10" fill="#4a90d9"/><text x="${LEFT + 16}" y="${bottom + 33}" font-size="12">S1, first order</text>`,
    `<rect x="${LEFT + 150}" y="${bottom + 24}" width="12" height="10" fill="#1f4e8c"/><text x="${LEFT + 166}" y="${bottom + 33}" font-size="12">ST, total (whiskers: 95% interval)</text></svg>`);
  return out.join('');
}

export default {
  mount(el, wb) {
    el.innerHTML = '<div class="controls">Which uncertain parameters drive <select class="var"></select> in ' +
      '<span class="where"></span>? Base samples N <input class="samples" type="number" min="2" max="256" value="32"> ' +
      '<button class="go">Compute Sobol indices</button> <span class="status muted"></span></div>' +
      '<div class="muted">Saltelli design on Sobol points, N × (k + 2) runs; S1 (Saltelli 2010) is what a parameter explains ' +
      'alone, ST (Jansen) what it takes part in; 95% bootstrap intervals. The command line does more: etw sensitivity.</div>' +
      '<div class="out"></div>';
    const sel = el.querySelector('.var'), status = el.querySelector('.status'), out = el.querySelector('.out');
    const cluster = clusterControls(el.querySelector('.controls'), wb);
    const vars = ['Emissions|CO2|Energy|Supply|Electricity', 'Emissions|CO2', 'Secondary Energy|Electricity', 'Final Energy|Electricity'];
    sel.innerHTML = vars.map(v => `<option>${esc(v)}</option>`).join('');
    el.querySelector('.where').textContent = 'World (or the first region), 2050 (or the last year)';
    el.querySelector('.go').addEventListener('click', async () => {
      if (!wb.state.scenario) { status.textContent = 'Choose a scenario first.'; return; }
      const req = Object.assign({}, wb.request(), {samples: Number(el.querySelector('.samples').value), variables: [sel.value]});
      status.textContent = 'Computing…';
      out.innerHTML = '';
      let a;
      try {
        a = await cluster.run('sensitivity', req);
      } catch (e) {
        status.textContent = e.message;
        return;
      }
      status.textContent = `${a.runs} runs in ${(a.ms / 1000).toFixed(1)} s, seed ${a.seed}` + (cluster.onCluster ? ', ' + cluster.onCluster : '');
      out.innerHTML = `<h3>${esc(a.variable)}, ${esc(a.region)}, ${a.year}: mean ${a.mean.toPrecision(4)}, sd ${a.sd.toPrecision(3)} ${esc(a.unit)}</h3>` +
        chart(a) + '<table class="sensitivity"><thead><tr><th>Rank</th><th>Parameter</th><th>Distribution</th><th>S1 [95%]</th><th>ST [95%]</th></tr></thead><tbody>' +
        a.rows.map((r, i) => `<tr><td>${i + 1}</td><td>${esc(r.parameter)}</td><td>${esc(r.distribution)}</td>` +
          `<td>${f2(r.s1)} [${f2(r.s1Low)}, ${f2(r.s1High)}]</td><td>${f2(r.st)} [${f2(r.stLow)}, ${f2(r.stHigh)}]</td></tr>`).join('') +
        '</tbody></table>';
    });
  }
};
