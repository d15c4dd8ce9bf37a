// Scenario view: the parameters of the current scenario's models as forms generated from their metadata, in a
// searchable panel of collapsible groups, one per model (closed at first: the key levers of the Explore view come
// first; every parameter stays reachable here). A group's forms are built when it is first opened or searched.
// A constant gets a slider within the parameter's declared range; per-region values get one slider per region;
// a trajectory gets one per point (year). Every change re-runs the scenario at once; a change made elsewhere (a
// key lever, the address) shows here too.

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

/** Slider bounds: the declared range, or for a very wide one (0 to 100000 for a value of 60) up to 4x the larger of default and value. */
function sliderRange(p, value) {
  const span = p.max - p.min;
  const scale = Math.max(Math.abs(p.default), Math.abs(value), 1e-9);
  let lo = p.min, hi = p.max;
  if (span > 20 * scale) hi = Math.min(p.max, Math.max(p.min + 1e-9, 4 * scale));
  if (hi - lo > 20 * scale && lo < -4 * scale) lo = Math.max(p.min, -4 * scale);
  const raw = (hi - lo) / 200;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map(m => m * mag).find(s => s >= raw);
  return {lo, hi, step};
}

function numberText(v) { return Number.isFinite(v) ? String(+v.toPrecision(6)) : ''; }

export default {
  mount(el, wb) {
    wb.wants?.(el, []); // shows no run values: a run's answer need not carry them for this view
    el.innerHTML = `<div class="scenario-head"></div>
      <h3 class="all-head">All parameters <span class="muted count"></span></h3>
      <div class="controls"><input type="search" placeholder="Search parameters" title="Searches names, descriptions, models and units" aria-label="Filter parameters" class="filter">
        <label class="muted"><input type="checkbox" class="changed-only"> changed only</label>
        <button class="expand-all" title="Open every model's parameters">Expand all</button>
        <button class="collapse-all" title="Close every model's parameters">Collapse all</button>
        <button class="reset-all">Reset all changes</button></div>
      <p class="muted match-count" aria-live="polite"></p>
      <div class="models"></div>`;
    const head = el.querySelector('.scenario-head');
    const models = el.querySelector('.models');
    const filter = el.querySelector('.filter');
    const changedOnly = el.querySelector('.changed-only');
    let groups = [];   // {details, model, params: [{p, search}], rows: Map name -> row | null}
    el.querySelector('.reset-all').addEventListener('click', () => {
      wb.state.overrides = {};
      render(wb.state.scenario);
      wb.emit('overrides', wb.state.overrides);
      wb.run();
    });
    el.querySelector('.expand-all').addEventListener('click', () => groups.forEach(g => { g.details.open = true; }));
    el.querySelector('.collapse-all').addEventListener('click', () => groups.forEach(g => { g.details.open = false; }));
    filter.addEventListener('input', applyFilter);
    changedOnly.addEventListener('change', applyFilter);

    const isChanged = (model, name) => wb.state.overrides[model]?.[name] !== undefined;

    /** Shows the parameters that match the search (and "changed only"), opening the groups that have some. */
    function applyFilter() {
      const q = filter.value.trim().toLowerCase();
      const only = changedOnly.checked;
      let shown = 0, total = 0;
      for (const g of groups) {
        let n = 0;
        for (const {p, search} of g.params) {
          total++;
          const match = (q === '' || search.includes(q)) && (!only || isChanged(g.model.id, p.name));
          if (match) n++;
          if (q !== '' || only) { if (match) build(g); }
          const row = g.rows.get(p.name);
          if (row) row.hidden = !match;
        }
        shown += n;
        g.details.hidden = n === 0;
        if (q !== '' || only) g.details.open = n > 0;
        g.details.querySelector('.group-count').textContent = groupCount(g);
      }
      el.querySelector('.match-count').textContent = q !== '' || only ? `${shown} of ${total} parameters match` : '';
    }

    function groupCount(g) {
      const changed = g.params.filter(({p}) => isChanged(g.model.id, p.name)).length;
      return `${g.params.length} parameter${g.params.length === 1 ? '' : 's'}${changed ? `, ${changed} changed` : ''}`;
    }

    /** Builds a group's forms, once. */
    function build(g) {
      if (g.built) return;
      g.built = true;
      const s = wb.state.scenario;
      for (const {p} of g.params) {
        const row = paramRow(s, g.model.id, p);
        g.rows.set(p.name, row);
        g.details.appendChild(row);
      }
    }

    function effective(model, p) {
      const o = wb.state.overrides[model]?.[p.name];
      return o !== undefined ? o : (p.value ?? p.default);
    }

    function render(s) {
      if (!s) return;
      head.innerHTML = `<h2>${esc(s.name)}</h2><p class="muted">${esc(s.description)}</p>
        <p class="muted">Regions: ${esc(s.regions.join(', '))} · ${s.firstYear}–${s.lastYear}</p>
        ${s.labSheet ? `<details><summary>Lab sheet</summary><pre class="lab">${esc(s.labSheet)}</pre></details>` : ''}`;
      models.innerHTML = '';
      groups = [];
      for (const m of s.models) {
        const d = document.createElement('details');
        d.className = 'model-params';
        d.dataset.model = m.id;
        d.innerHTML = `<summary>${esc(m.title)} <span class="muted">${esc(m.id)} · <span class="group-count"></span></span></summary>`;
        const g = {details: d, model: m, rows: new Map(), built: false,
          params: m.parameters.map(p => ({p, search: [p.name, p.description, m.id, m.title, p.unit].join(' ').toLowerCase()}))};
        d.addEventListener('toggle', () => { if (d.open) build(g); });
        groups.push(g);
        models.appendChild(d);
      }
      el.querySelector('.count').textContent = `(${groups.reduce((a, g) => a + g.params.length, 0)} in ${groups.length} models)`;
      applyFilter();
    }

    /** A change made elsewhere (a key lever, Reset): redraws the rows whose value it changed. */
    function sync() {
      for (const g of groups) {
        for (const [name, row] of g.rows) {
          if (row.contains(document.activeElement)) continue; // being edited here
          const now = JSON.stringify(wb.state.overrides[g.model.id]?.[name] ?? null);
          if (row.dataset.drawn !== now) row.redraw();
        }
        g.details.querySelector('.group-count').textContent = groupCount(g);
      }
      if (changedOnly.checked) applyFilter();
    }

    function paramRow(s, model, p) {
      const row = document.createElement('div');
      row.className = 'param';
      row.dataset.model = model;
      row.dataset.param = p.name;
      row.dataset.search = (p.name + ' ' + p.description + ' ' + model).toLowerCase();
      const draw = () => {
        row.dataset.drawn = JSON.stringify(wb.state.overrides[model]?.[p.name] ?? null);
        const v = effective(model, p);
        // World run with other regions is their sum: its own value would change nothing (RegionSum), so it gets no
        // slider, and a change per region leaves it out (the engine needs no World value there; a World value a
        // change carried over would be reported as unused)
        const stepped = s.regions.length > 1 ? s.regions.filter(r => r !== 'World') : s.regions;
        const summed = stepped.length < s.regions.length;
        const own = o => { if (!summed) return o; const {World, ...rest} = o; return rest; };
        const changed = wb.state.overrides[model]?.[p.name] !== undefined;
        row.classList.toggle('changed', changed);
        const kind = typeof v === 'number' ? 'constant' : isTrajectory(v) ? 'trajectory' : 'per region';
        row.innerHTML = `<div><span class="name" title="${esc(p.description)}">${esc(p.name)}</span>
          <span class="muted">[${esc(p.unit)}] · ${kind}${changed ? ' · changed' : p.value == null ? ' · model default' : ''} · range ${numberText(p.min)} to ${numberText(p.max)}</span></div>
          <div class="muted" title="${esc(p.source)}">${esc(p.description)}</div>`;
        const edits = document.createElement('div');
        const cur = () => effective(model, p); // edits build on the value now, not the one drawn
        if (typeof v === 'number') {
          edits.appendChild(slider(p, 'value', v, x => x, apply));
        } else if (isTrajectory(v)) {
          for (const [year, x] of Object.entries(v))
            edits.appendChild(slider(p, year, x, y => ({...cur(), [year]: y}), apply));
        } else {
          const regions = stepped.concat(v['*'] !== undefined ? ['*'] : []);
          for (const r of regions) {
            const rv = v[r] !== undefined ? v[r] : v['*'];
            if (rv === undefined) continue;
            const name = r === '*' ? 'other regions' : r;
            if (typeof rv === 'number') {
              edits.appendChild(slider(p, name, rv, y => own({...cur(), [r]: y}), apply));
            } else {
              for (const [year, x] of Object.entries(rv))
                edits.appendChild(slider(p, `${name} ${year}`, x, y => {
                  const c = cur();
                  return own({...c, [r]: {...(c[r] !== undefined ? c[r] : c['*']), [year]: y}});
                }, apply));
            }
          }
          if (summed) {
            const note = document.createElement('p');
            note.className = 'muted world-summed';
            note.textContent = 'World: the sum of the regions in this scenario; its own value applies only when World runs alone.';
            edits.appendChild(note);
          }
        }
        row.appendChild(edits);
        const tools = document.createElement('div');
        tools.className = 'tools';
        if (typeof v !== 'number') tools.appendChild(button('One value for all', 'Replace with one constant for every region and year',
          () => apply(firstNumber(v), performance.now(), true)));
        if (typeof v === 'number') {
          tools.appendChild(button('Per region', 'Set a value for each region',
            () => apply(Object.fromEntries(stepped.map(r => [r, v])), performance.now(), true)));
          tools.appendChild(button('Trajectory', 'Set values for the first and last year, interpolated between',
            () => apply({[s.firstYear]: v, [s.lastYear]: v}, performance.now(), true)));
        }
        if (changed) tools.appendChild(button('Reset', 'Back to the scenario\'s value', () => apply(undefined, performance.now(), true)));
        row.appendChild(tools);
      };
      /** Sets the change and re-runs; redraws the row unless a slider is being dragged (that would drop the drag). */
      const apply = (value, t0, redraw) => {
        wb.setOverride(model, p.name, value, t0);
        if (redraw) draw();
        else {
          row.classList.toggle('changed', value !== undefined);
          row.dataset.drawn = JSON.stringify(value ?? null);
        }
      };
      row.redraw = draw;
      draw();
      return row;
    }

    function button(text, title, onClick) {
      const b = document.createElement('button');
      b.textContent = text;
      b.title = title;
      b.addEventListener('click', onClick);
      return b;
    }

    /** One labelled slider with a number box. build(x) makes the parameter's new value from the edited number. */
    function slider(p, label, value, build, apply) {
      const {lo, hi, step} = sliderRange(p, value);
      const row = document.createElement('div');
      row.className = 'row';
      row.innerHTML = `<label title="${esc(label)}">${esc(label)}</label>
        <input type="range" min="${lo}" max="${hi}" step="${step}" value="${value}" aria-label="${esc(p.name + ' ' + label)}" data-param="${esc(p.name)}">
        <input type="number" min="${p.min}" max="${p.max}" step="any" value="${numberText(value)}" aria-label="${esc(p.name + ' ' + label + ' value')}">`;
      const [range, num] = row.querySelectorAll('input');
      range.addEventListener('input', () => {
        const t0 = performance.now();
        window.etwLastInputAt = t0;
        num.value = numberText(+range.value);
        apply(build(+range.value), t0, false);
      });
      num.addEventListener('change', () => {
        const x = +num.value;
        if (num.value === '' || !Number.isFinite(x) || x < p.min || x > p.max) {
          wb.showError(`${p.name}: ${num.value} is outside its range ${p.min} to ${p.max} ${p.unit}`);
          num.value = numberText(+range.value);
          return;
        }
        apply(build(x), performance.now(), true);
      });
      return row;
    }

    function isTrajectory(v) { return v && typeof v === 'object' && Object.keys(v).every(k => /^\d{4}$/.test(k)); }
    function firstNumber(v) {
      for (const x of Object.values(v)) {
        if (typeof x === 'number') return x;
        const y = firstNumber(x);
        if (y !== undefined) return y;
      }
    }

    wb.on('scenario', render);
    wb.on('overrides', sync);
    render(wb.state.scenario);
  },
};
