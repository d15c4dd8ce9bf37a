// Scenario view: the parameters of the current scenario's models as forms generated from their metadata.
// A constant gets a slider within the parameter's declared range; per-region values get one slider per region;
// a trajectory gets one per point (year). Every change re-runs the scenario at once.

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
    el.innerHTML = `<div class="scenario-head"></div>
      <div class="controls"><input type="search" placeholder="Filter parameters" aria-label="Filter parameters" class="filter">
        <button class="reset-all">Reset all changes</button></div>
      <div class="models"></div>`;
    const head = el.querySelector('.scenario-head');
    const models = el.querySelector('.models');
    const filter = el.querySelector('.filter');
    el.querySelector('.reset-all').addEventListener('click', () => {
      wb.state.overrides = {};
      render(wb.state.scenario);
      wb.run();
    });
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase();
      for (const row of models.querySelectorAll('.param'))
        row.hidden = q !== '' && !row.dataset.search.includes(q);
    });

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
      for (const m of s.models) {
        const d = document.createElement('details');
        d.open = true;
        d.innerHTML = `<summary>${esc(m.title)} <span class="muted">${esc(m.id)}</span></summary>`;
        for (const p of m.parameters) d.appendChild(paramRow(s, m.id, p));
        models.appendChild(d);
      }
    }

    function paramRow(s, model, p) {
      const row = document.createElement('div');
      row.className = 'param';
      row.dataset.model = model;
      row.dataset.param = p.name;
      row.dataset.search = (p.name + ' ' + p.description + ' ' + model).toLowerCase();
      const draw = () => {
        const v = effective(model, p);
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
          const regions = s.regions.concat(v['*'] !== undefined ? ['*'] : []);
          for (const r of regions) {
            const rv = v[r] !== undefined ? v[r] : v['*'];
            if (rv === undefined) continue;
            const name = r === '*' ? 'other regions' : r;
            if (typeof rv === 'number') {
              edits.appendChild(slider(p, name, rv, y => ({...cur(), [r]: y}), apply));
            } else {
              for (const [year, x] of Object.entries(rv))
                edits.appendChild(slider(p, `${name} ${year}`, x, y => {
                  const c = cur();
                  return {...c, [r]: {...(c[r] !== undefined ? c[r] : c['*']), [year]: y}};
                }, apply));
            }
          }
        }
        row.appendChild(edits);
        const tools = document.createElement('div');
        tools.className = 'tools';
        if (typeof v !== 'number') tools.appendChild(button('One value for all', 'Replace with one constant for every region and year',
          () => apply(firstNumber(v), performance.now(), true)));
        if (typeof v === 'number') {
          tools.appendChild(button('Per region', 'Set a value for each region',
            () => apply(Object.fromEntries(s.regions.map(r => [r, v])), performance.now(), true)));
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
        else row.classList.toggle('changed', value !== undefined);
      };
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
    render(wb.state.scenario);
  },
};
