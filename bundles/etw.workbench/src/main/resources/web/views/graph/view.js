// Graph view: the current scenario's wiring. Models are boxes in columns by step (a model stands right of every
// model it reads from in the same year); the variables they exchange are pills between them. Lagged reads (last
// year's value, how feedback loops are closed) are dashed orange arcs marked "lag n".

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
const short = (s, n) => s.length > n ? '…' + s.slice(-(n - 1)) : s;

export function layout(g) {
  const col = {scenario: 0};
  const hasScenario = g.wires.some(w => w.producer === 'scenario');
  for (const m of g.models) {
    let c = hasScenario ? 1 : 0;
    for (const w of g.wires)
      if (w.consumer === m.id && w.lag === 0 && w.producer !== 'scenario' && w.producer !== m.id && col[w.producer] !== undefined)
        c = Math.max(c, col[w.producer] + 1);
    col[m.id] = c;
  }
  return col;
}

export default {
  mount(el, wb) {
    el.innerHTML = '<div class="controls muted">Models in step order, left to right; the variables between them; ' +
      'dashed orange: a lagged read (last year\'s value); Σ: a variable read as the sum of its parts.</div><div class="graph"></div>';
    const box = el.querySelector('.graph');
    let key = '';

    async function render() {
      if (!wb.state.scenario) return;
      const req = wb.request();
      const k = JSON.stringify([req.scenario, req.text, wb.state.revision]);
      if (k === key) return;
      key = k;
      let g;
      try {
        g = await wb.api('/api/graph', req);
      } catch (e) {
        box.textContent = 'The scenario cannot be wired: ' + e.message;
        return;
      }
      box.innerHTML = draw(g);
    }

    function draw(g) {
      const col = layout(g);
      const BOXW = 250, BOXH = 80, VARW = 270, GAP = 70, COLW = BOXW + GAP + VARW + GAP, ROW = 26, TOP = 130;
      // the variables some model reads: each sits right of its producer; an aggregate (read as the sum of its
      // parts) right of its right-most part, after the plain ones
      const vars = new Map();
      for (const w of g.wires) {
        if (w.aggregate) {
          const a = vars.get(w.readAs) || {name: w.readAs, aggregate: true, parts: new Set(), column: 0};
          a.parts.add(w.variable);
          a.column = Math.max(a.column, col[w.producer] ?? 0);
          vars.set(w.readAs, a);
        } else if (!vars.has(w.variable)) {
          vars.set(w.variable, {name: w.variable, producer: w.producer, column: col[w.producer] ?? 0});
        }
      }
      const byCol = {};
      for (const v of [...vars.values()].sort((a, b) => (a.aggregate ? 1 : 0) - (b.aggregate ? 1 : 0) || a.name.localeCompare(b.name)))
        (byCol[v.column] ||= []).push(v);
      let height = TOP;
      for (const [c, list] of Object.entries(byCol)) {
        list.forEach((v, i) => { v.x = 20 + c * COLW + BOXW + GAP; v.y = TOP + i * ROW; });
        height = Math.max(height, TOP + list.length * ROW);
      }
      const models = (g.wires.some(w => w.producer === 'scenario') ? [{id: 'scenario', title: 'Scenario data', step: -1}] : []).concat(g.models);
      const mpos = {}, perCol = {};
      for (const m of models) {
        const c = col[m.id];
        const i = (perCol[c] = (perCol[c] ?? -1) + 1);
        mpos[m.id] = {x: 20 + c * COLW, y: TOP + i * (BOXH + 50)};
        height = Math.max(height, TOP + i * (BOXH + 50) + BOXH);
      }
      const width = 20 + (Math.max(...Object.values(col)) + 1) * COLW;
      const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 20}" width="${width}" height="${height + 20}">`,
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>',
        '<marker id="arrow-lag" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#D55E00"/></marker></defs>'];
      let backs = 0;
      const curve = (x1, y1, x2, y2, lag, label) => {
        let d;
        if (x2 > x1) {
          const dx = Math.max(30, (x2 - x1) / 2);
          d = `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
        } else { // back to a model on the left (a lagged read): over the top, in a lane of its own
          const lane = 14 + (backs++ % 6) * 18;
          d = `M${x1},${y1} C${x1 + 70},${y1} ${x1 + 70},${lane} ${(x1 + x2) / 2},${lane} S${x2 - 70},${y2} ${x2},${y2}`;
          if (lag) parts.push(`<text x="${(x1 + x2) / 2}" y="${lane - 3}" font-size="11" fill="#D55E00" text-anchor="middle">lag ${lag}</text>`);
        }
        parts.push(`<path d="${d}" fill="none" stroke="${lag ? '#D55E00' : '#888'}" stroke-width="${lag ? 1.8 : 1.1}"${lag ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#${lag ? 'arrow-lag' : 'arrow'})" class="${lag ? 'wire lag' : 'wire'}"><title>${esc(label)}</title></path>`);
        if (lag && x2 > x1) parts.push(`<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" font-size="11" fill="#D55E00" text-anchor="middle">lag ${lag}</text>`);
      };
      for (const v of vars.values()) {
        const m = mpos[v.producer];
        if (m) curve(m.x + BOXW, m.y + BOXH / 2, v.x, v.y + 10, 0, `${v.producer} writes ${v.name}`);
      }
      const drawn = new Set();
      for (const w of g.wires) {
        const v = vars.get(w.aggregate ? w.readAs : w.variable), m = mpos[w.consumer];
        const k = v.name + '>' + w.consumer + '>' + w.lag;
        if (!m || drawn.has(k)) continue;
        drawn.add(k);
        curve(v.x + VARW, v.y + 10, m.x, m.y + BOXH / 2 + (w.lag ? 12 : 0), w.lag,
          `${w.consumer} reads ${w.readAs}${w.lag ? ` lagged ${w.lag} year(s): last year's value` : ''}`);
      }
      for (const m of models) {
        const p = mpos[m.id];
        parts.push(`<g class="model" data-model="${esc(m.id)}"><rect x="${p.x}" y="${p.y}" width="${BOXW}" height="${BOXH}" rx="8" fill="#e8f1fa" stroke="#0072B2" stroke-width="2"/>
          <text x="${p.x + 10}" y="${p.y + 24}" font-size="14" font-weight="600">${esc(short(m.title, 30))}<title>${esc(m.title)}</title></text>
          <text x="${p.x + 10}" y="${p.y + 44}" font-size="11" fill="#444">${esc(short(m.id, 34))}</text>
          ${m.step >= 0 ? `<text x="${p.x + 10}" y="${p.y + 64}" font-size="11" fill="#444">step ${m.step + 1} of ${g.models.length}</text>` : ''}</g>`);
      }
      for (const v of vars.values()) {
        const label = v.aggregate ? `Σ ${v.name} (${v.parts.size} parts)` : v.name;
        const tip = v.aggregate ? `${v.name}: the sum of ${[...v.parts].join(', ')}` : `${v.name}, written by ${v.producer}`;
        parts.push(`<g class="variable${v.aggregate ? ' aggregate' : ''}"><rect x="${v.x}" y="${v.y}" width="${VARW}" height="20" rx="10" fill="${v.aggregate ? '#fff4d6' : '#f3f3f3'}" stroke="#999"/>
          <text x="${v.x + 10}" y="${v.y + 14}" font-size="11">${esc(short(label, 44))}<title>${esc(tip)}</title></text></g>`);
      }
      parts.push('</svg>');
      return parts.join('');
    }

    wb.on('scenario', () => { key = ''; render(); });
    wb.on('models', () => { key = ''; render(); });
    render();
  },
};
