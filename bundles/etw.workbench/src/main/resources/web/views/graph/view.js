// Graph view: the current scenario's wiring, laid out by dagre (vendored in ./lib, MIT; see lib/README.md).
// Models are boxes with their full titles; the variables one model passes to another are pills between them; a
// variable read as the sum of its parts is a Σ pill fed by its parts. A model's reads of its own earlier outputs
// (self-lags, how stocks and growth carry over from year to year) are not drawn as arcs: they are counted in a badge
// on the box, listed in its tooltip. A lagged read of another model's output (how feedback loops are closed) is a
// dashed orange arc marked "lag n". Wheel or buttons zoom, dragging pans, hovering a model lights its inputs and
// outputs. `etw graph --dot` groups the same way.
import dagre from './lib/dagre.esm.js';

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const TITLE = {size: 15, weight: 600, line: 19}, SMALL = {size: 12, weight: 400, line: 16}, PILL = {size: 14, weight: 400};
const PAD = 12, TITLE_MAX = 300, PILL_H = 28;

let canvas;
const widths = new Map();
function textWidth(text, {size, weight}) {
  const key = `${weight} ${size} ${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    canvas ||= document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    ctx.font = `${weight} ${size}px ${FONT}`;
    widths.set(key, w = ctx.measureText(text).width);
  }
  return w;
}

/** Breaks a title into lines no wider than max pixels, at spaces (a word longer than max keeps its own line). */
function wrap(text, max, font) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/)) {
    const next = line ? line + ' ' + word : word;
    if (line && textWidth(next, font) > max) { lines.push(line); line = word; } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The graph to lay out, from /api/graph: model nodes (with their self-lags counted), variable nodes for what one
 * model (or the scenario) gives another, Σ nodes for aggregates, and edges with their lag.
 */
export function buildGraph(g) {
  const nodes = new Map(), edges = [];
  const n = g.models.length;
  g.models.forEach(m => nodes.set(m.id, {id: m.id, kind: 'model', title: m.title || m.id, sub: m.id,
    step: `step ${m.step + 1} of ${n} · ${m.bundle === m.id ? 'version' : 'bundle ' + m.bundle} ${m.bundleVersion}`, selfLags: new Map()}));
  if (g.wires.some(w => w.producer === 'scenario'))
    nodes.set('scenario', {id: 'scenario', kind: 'model', title: 'Scenario data', sub: 'exogenous series of the scenario', selfLags: new Map()});
  const varNode = (name, producer) => {
    const id = 'var:' + name;
    if (!nodes.has(id)) {
      nodes.set(id, {id, kind: 'variable', title: name, producer});
      if (nodes.has(producer)) edges.push({from: producer, to: id, lag: 0, model: producer});
    }
    return id;
  };
  const seen = new Set();
  for (const w of g.wires) {
    if (w.producer === w.consumer) { // a self-lag: a badge on the box, not an arc
      const s = nodes.get(w.consumer)?.selfLags;
      if (s) s.set(w.variable, Math.max(s.get(w.variable) || 0, w.lag));
      continue;
    }
    let from = varNode(w.variable, w.producer);
    if (w.aggregate) {
      const sid = 'sum:' + w.readAs;
      if (!nodes.has(sid)) nodes.set(sid, {id: sid, kind: 'sum', title: w.readAs, parts: new Set()});
      nodes.get(sid).parts.add(w.variable);
      const k = from + '>' + sid;
      if (!seen.has(k)) { seen.add(k); edges.push({from, to: sid, lag: 0, sum: true}); }
      from = sid;
    }
    const k = from + '>' + w.consumer + '>' + w.lag;
    if (!seen.has(k)) { seen.add(k); edges.push({from, to: w.consumer, lag: w.lag, model: w.consumer}); }
  }
  return {nodes, edges};
}

/** Sizes every node from its text, lays the graph out with dagre, and returns positions and edge routes. */
export function layoutGraph({nodes, edges}) {
  const d = new dagre.graphlib.Graph({multigraph: true});
  d.setGraph({rankdir: 'LR', nodesep: 14, ranksep: 60, edgesep: 10, marginx: 16, marginy: 16, ranker: 'network-simplex'});
  for (const node of nodes.values()) {
    if (node.kind === 'model') {
      const small = [node.sub, node.step].filter(Boolean);
      if (node.selfLags.size) small.push(`↻ ${node.selfLags.size} self-lagged read${node.selfLags.size > 1 ? 's' : ''}`);
      node.small = small;
      node.lines = wrap(node.title, Math.max(TITLE_MAX, ...small.map(l => textWidth(l, SMALL) + 16)), TITLE);
      const w = Math.max(...node.lines.map(l => textWidth(l, TITLE)), ...small.map(l => textWidth(l, SMALL) + (l.startsWith('↻') ? 16 : 0)));
      node.width = Math.ceil(Math.max(180, w + 2 * PAD));
      node.height = Math.ceil(PAD * 2 + node.lines.length * TITLE.line + small.length * SMALL.line + 4);
    } else {
      node.label = node.kind === 'sum' ? `Σ ${node.title} (${node.parts.size} parts)` : node.title;
      node.width = Math.ceil(textWidth(node.label, PILL) + 2 * PAD + 4);
      node.height = PILL_H;
    }
    d.setNode(node.id, {width: node.width, height: node.height});
  }
  edges.forEach((e, i) => {
    // a lagged read runs against the year's order: laid out reversed, so the step order stays left to right
    e.reversed = e.lag > 0;
    const label = e.lag > 0 ? {width: textWidth(`lag ${e.lag}`, SMALL) + 8, height: SMALL.line, labelpos: 'c'} : {};
    d.setEdge(e.reversed ? e.to : e.from, e.reversed ? e.from : e.to, {minlen: 1, weight: e.lag ? 1 : 3, ...label}, 'e' + i);
  });
  dagre.layout(d);
  for (const node of nodes.values()) {
    const p = d.node(node.id);
    node.x = p.x - node.width / 2;
    node.y = p.y - node.height / 2;
  }
  edges.forEach((e, i) => {
    const de = d.edge(e.reversed ? e.to : e.from, e.reversed ? e.from : e.to, 'e' + i);
    e.points = e.reversed ? [...de.points].reverse() : de.points;
    if (e.lag) { e.lx = de.x; e.ly = de.y; }
  });
  const gg = d.graph();
  return {width: Math.ceil(gg.width), height: Math.ceil(gg.height)};
}

function path(points) {
  if (points.length < 3) return `M${points.map(p => `${p.x},${p.y}`).join(' L')}`;
  let s = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const m = {x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2};
    s += ` Q${points[i].x},${points[i].y} ${i === points.length - 2 ? `${points[i + 1].x},${points[i + 1].y}` : `${m.x},${m.y}`}`;
  }
  return s;
}

function svg(graph, size) {
  const {nodes, edges} = graph;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Wiring graph" font-family='${FONT}'>`,
    '<defs><marker id="g-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker>',
    '<marker id="g-arrow-lag" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#D55E00"/></marker></defs>',
    `<g class="viewport"><rect class="backdrop" x="0" y="0" width="${size.width}" height="${size.height}" fill="white"/>`];
  edges.forEach((e, i) => {
    const what = e.lag ? `${e.to} reads ${nodes.get(e.from).title} of the year before (lag ${e.lag})` : `${e.from} → ${e.to}`;
    out.push(`<path class="edge${e.lag ? ' lag' : ''}${e.sum ? ' sum' : ''}" data-edge="${i}" d="${path(e.points)}" marker-end="url(#${e.lag ? 'g-arrow-lag' : 'g-arrow'})"><title>${esc(what)}</title></path>`);
    if (e.lag) out.push(`<text class="edge-label" data-edge="${i}" x="${e.lx}" y="${e.ly + 4}" font-size="${SMALL.size}" fill="#D55E00" stroke="white" stroke-width="4" paint-order="stroke" text-anchor="middle">lag ${e.lag}</text>`);
  });
  for (const node of nodes.values()) {
    const {x, y, width: w, height: h} = node;
    if (node.kind === 'model') {
      const lags = [...node.selfLags.entries()].map(([v, lag]) => `${v} (up to lag ${lag})`);
      const tip = `${node.title}\n${node.sub}${lags.length ? `\nReads its own earlier values of:\n  ${lags.join('\n  ')}` : ''}`;
      let ty = y + PAD + TITLE.size;
      const title = node.lines.map((l, i) => `<tspan x="${x + PAD}" y="${ty + i * TITLE.line}">${esc(l)}</tspan>`).join('');
      ty += (node.lines.length - 1) * TITLE.line + 4;
      const small = node.small.map((l, i) => {
        const yy = ty + (i + 1) * SMALL.line;
        return l.startsWith('↻')
          ? `<g class="self-lags"><rect x="${x + PAD - 4}" y="${yy - SMALL.size}" width="${textWidth(l, SMALL) + 8}" height="${SMALL.line}" rx="8" fill="#fde2d3"/><text x="${x + PAD}" y="${yy - 2}" font-size="${SMALL.size}" fill="#7a2e00">${esc(l)}</text></g>`
          : `<text x="${x + PAD}" y="${yy - 2}" font-size="${SMALL.size}" fill="#444">${esc(l)}</text>`;
      }).join('');
      out.push(`<g class="node model" data-node="${esc(node.id)}" data-model="${esc(node.id)}"><title>${esc(tip)}</title>
        <rect class="box" x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${node.id === 'scenario' ? '#f1f1f1' : '#e8f1fa'}" stroke="#0072B2" stroke-width="2"/>
        <text class="title" font-size="${TITLE.size}" font-weight="${TITLE.weight}" fill="#111">${title}</text>${small}</g>`);
    } else {
      const tip = node.kind === 'sum' ? `${node.title}: read as the sum of ${[...node.parts].join(', ')}` : `${node.title}, written by ${node.producer}`;
      out.push(`<g class="node variable${node.kind === 'sum' ? ' aggregate' : ''}" data-node="${esc(node.id)}"><title>${esc(tip)}</title>
        <rect class="box" x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2}" fill="${node.kind === 'sum' ? '#fff4d6' : '#f3f3f3'}" stroke="#999"/>
        <text class="title" x="${x + PAD + 2}" y="${y + h / 2 + PILL.size / 2 - 2}" font-size="${PILL.size}">${esc(node.label)}</text></g>`);
    }
  }
  out.push('</g></svg>');
  return out.join('');
}

/** The nodes and edges on a model's input and output paths: through variables and sums up to the next model. */
function neighbourhood(graph, id) {
  const lit = new Set([id]), litEdges = new Set();
  for (const dir of ['in', 'out']) {
    const queue = [id];
    while (queue.length) {
      const at = queue.shift();
      graph.edges.forEach((e, i) => {
        const [here, there] = dir === 'out' ? [e.from, e.to] : [e.to, e.from];
        if (here !== at || litEdges.has(i)) return;
        litEdges.add(i);
        lit.add(there);
        if (graph.nodes.get(there)?.kind !== 'model') queue.push(there);
      });
    }
  }
  return {lit, litEdges};
}

export default {
  mount(el, wb) {
    wb.wants?.(el, []); // shows no run values: a run's answer need not carry them for this view
    el.innerHTML = `<div class="graph-tools">
        <button class="zoom-in" title="Zoom in">+</button><button class="zoom-out" title="Zoom out">−</button>
        <button class="zoom-fit" title="Fit the graph into the frame">Fit</button><button class="zoom-one" title="Actual size">1:1</button>
        <span class="muted">Models in step order, left to right. Pills: variables one model gives another; Σ: read as the sum of its
        parts; dashed orange: a lagged read (an earlier year's value); ↻: reads of a model's own earlier outputs. Hover a model to
        light its inputs and outputs; wheel to zoom, drag to pan.</span></div>
      <div class="graph graph-frame"></div>`;
    const frame = el.querySelector('.graph-frame');
    let key = '', graph = null, size = null, view = {k: 1, x: 0, y: 0}, fitted = false, moved = false;

    function apply() {
      const vp = frame.querySelector('g.viewport');
      if (vp) vp.setAttribute('transform', `translate(${view.x},${view.y}) scale(${view.k})`);
      frame.dataset.zoom = view.k.toFixed(3);
    }
    function fit() {
      if (!size) return;
      const r = frame.getBoundingClientRect();
      if (!r.width || !r.height) return;
      // fit, but never below 72 %: text stays at 10 px or more, and a larger graph is panned
      const k = Math.max(0.72, Math.min(1, (r.width - 20) / size.width, (r.height - 20) / size.height));
      view = {k, x: Math.max(10, (r.width - size.width * k) / 2), y: Math.max(10, (r.height - size.height * k) / 2)};
      fitted = true;
      moved = false;
      apply();
    }
    function zoom(factor, cx, cy) {
      const r = frame.getBoundingClientRect();
      cx ??= r.width / 2; cy ??= r.height / 2;
      const k = Math.min(4, Math.max(0.2, view.k * factor));
      view = {k, x: cx - (cx - view.x) * k / view.k, y: cy - (cy - view.y) * k / view.k};
      moved = true;
      apply();
    }
    el.querySelector('.zoom-in').addEventListener('click', () => zoom(1.25));
    el.querySelector('.zoom-out').addEventListener('click', () => zoom(0.8));
    el.querySelector('.zoom-fit').addEventListener('click', fit);
    el.querySelector('.zoom-one').addEventListener('click', () => { view = {k: 1, x: 10, y: 10}; moved = true; apply(); });
    frame.addEventListener('wheel', e => {
      e.preventDefault();
      const r = frame.getBoundingClientRect();
      zoom(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    }, {passive: false});
    let drag = null;
    frame.addEventListener('pointerdown', e => {
      if (e.button !== 0) return;
      drag = {x: e.clientX, y: e.clientY, vx: view.x, vy: view.y};
      frame.setPointerCapture(e.pointerId);
      frame.classList.add('panning');
    });
    frame.addEventListener('pointermove', e => {
      if (!drag) return;
      view.x = drag.vx + e.clientX - drag.x;
      view.y = drag.vy + e.clientY - drag.y;
      moved = true;
      apply();
    });
    const endDrag = () => { drag = null; frame.classList.remove('panning'); };
    frame.addEventListener('pointerup', endDrag);
    frame.addEventListener('pointercancel', endDrag);

    function highlight(id) {
      const s = frame.querySelector('svg');
      if (!s) return;
      s.querySelectorAll('.lit').forEach(x => x.classList.remove('lit'));
      s.classList.toggle('hovering', !!id);
      if (!id) return;
      const {lit, litEdges} = neighbourhood(graph, id);
      for (const x of s.querySelectorAll('[data-node]')) if (lit.has(x.dataset.node)) x.classList.add('lit');
      for (const x of s.querySelectorAll('[data-edge]')) if (litEdges.has(+x.dataset.edge)) x.classList.add('lit');
    }
    frame.addEventListener('mouseover', e => {
      const m = e.target.closest?.('g.node.model');
      highlight(m ? m.dataset.node : null);
    });
    frame.addEventListener('mouseleave', () => highlight(null));

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
        frame.textContent = 'The scenario cannot be wired: ' + e.message;
        return;
      }
      const t0 = performance.now();
      graph = buildGraph(g);
      size = layoutGraph(graph);
      frame.innerHTML = svg(graph, size);
      window.etwGraphLayoutMs = performance.now() - t0; // measured by the browser test, printed with its figures
      window.etwGraphRenders = (window.etwGraphRenders || 0) + 1;
      frame.dataset.width = size.width;
      frame.dataset.height = size.height;
      fitted = false;
      fit();
    }

    wb.on('scenario', () => { key = ''; render(); });
    wb.on('models', () => { key = ''; render(); });
    // laid out while hidden (no size yet): fit when first shown
    const later = () => requestAnimationFrame(() => { if (!fitted) fit(); });
    // the frame grows or shrinks (an area maximized, the window resized): fit again unless the user zoomed or panned
    new ResizeObserver(() => { if (!moved) fit(); }).observe(frame);
    wb.on('view', later);
    wb.on('perspective', later);
    render();
  },
};
