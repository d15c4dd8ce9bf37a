// Explore: the scenario's key levers beside a small-multiples dashboard of the headline results, En-ROADS style.
// Moving a lever changes the parameters it maps onto (GET /api/levers/{scenario}: the scenario's levers file, or
// its parent's), re-runs the scenario and redraws every chart. Each chart has hover values and a table toggle.
// "Difference" shows the run against a reference (the scenario without the changes, or its parent), LEAP style, in
// absolute terms or in percent, with a table of the differences in chosen years.
import {multiples, PALETTE, fmtValue, fmtSigned} from '/charts.js';
import * as urlState from '/urlstate.js';
import {apply, position, feasible, snap, same} from './levers.js';

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
const SHOW = {values: 'Values', diff: 'Difference', pct: 'Difference %'};

function stylesheet() {
  if (document.getElementById('etw-explore-css')) return;
  const link = document.createElement('link');
  link.id = 'etw-explore-css';
  link.rel = 'stylesheet';
  link.href = new URL('explore.css', import.meta.url).href;
  document.head.appendChild(link);
}

export default {
  mount(el, wb) {
    stylesheet();
    el.innerHTML = `
      <div class="explore">
        <aside class="levers-col" aria-label="Key levers">
          <div class="levers-head"><h2>Key levers</h2><span class="muted from"></span></div>
          <div class="levers"></div>
          <div class="lever-tools">
            <button type="button" class="reset-levers" title="Every parameter back to the scenario's value">Reset all changes</button>
            <button type="button" class="all-params" title="Every parameter of every model, searchable">All parameters…</button>
          </div>
          <p class="muted changes"></p>
          <ul class="lever-problems"></ul>
        </aside>
        <section class="dash" aria-label="Dashboard">
          <div class="controls">
            <label>Region <select class="region" aria-label="Region"></select></label>
            <span class="show" role="group" aria-label="Show">${Object.entries(SHOW).map(([k, t]) =>
              `<button type="button" data-show="${k}" aria-pressed="false">${t}</button>`).join('')}</span>
            <label>Against <select class="against" aria-label="Against"></select></label>
          </div>
          <div class="dash-legend"></div>
          <p class="preview-note" hidden>Quick preview: the power sector is balanced on 12 representative days, not all 8,760 hours,
            so that a lever redraws at once; its results drift from the full run over the decades (hover for how much).
            <button type="button" class="full-run">Run the full 8,760 h</button></p>
          <div class="multiples"></div>
          <div class="difference"></div>
        </section>
      </div>`;
    const $ = s => el.querySelector(s);
    const leversBox = $('.levers'), regionSelect = $('.region'), againstSelect = $('.against');
    let info = null;          // GET /api/levers answer for the current scenario
    let params = new Map();   // 'model/param' -> {p, base, model}
    let rows = [];            // {lever, range, output, initial, bases}
    let region = urlState.getParam('region');
    let show = SHOW[urlState.getParam('show')] ? urlState.getParam('show') : 'values';
    let against = urlState.getParam('against') || 'auto';
    const refs = new Map();   // request key -> results (or a promise)
    let ref = null;           // {label, results} the reference drawn now
    window.etwExplore = window.etwExplore || {redraws: 0, lastMs: null, times: []};

    // ------------------------------------------------------------ levers

    function scenarioParams(s) {
      const m = new Map();
      for (const model of s.models)
        for (const p of model.parameters) m.set(model.id + '/' + p.name, {p, model: model.id, base: p.value ?? p.default});
      return m;
    }

    function effective(t) {
      const o = wb.state.overrides[t.model]?.[t.parameter];
      return o !== undefined ? o : params.get(t.model + '/' + t.parameter).base;
    }

    async function loadLevers(s) {
      params = scenarioParams(s);
      rows = [];
      leversBox.innerHTML = '';
      $('.lever-problems').innerHTML = '';
      $('.from').textContent = '';
      const name = wb.state.ref;
      if (!name) {
        info = null;
        leversBox.innerHTML = '<p class="muted">A scenario opened from a file has no key levers: use All parameters, or save it and open it by name.</p>';
        wb.wants?.(el, []);
        return;
      }
      try {
        info = await wb.api('/api/levers/' + encodeURIComponent(name));
      } catch (e) {
        info = null;
        leversBox.innerHTML = `<p class="muted">${esc(e.message)}</p>`;
        wb.wants?.(el, []);
        return;
      }
      if (wb.state.ref !== name) return; // another scenario was opened meanwhile
      wb.wants?.(el, info.headlines); // the dashboard draws these only: a run need not send the rest
      $('.from').textContent = info.from ? (info.from === info.scenario ? info.file : `${info.file} (from ${info.from})`) : '';
      $('.lever-problems').innerHTML = info.problems.map(p => `<li>${esc(p)}</li>`).join('');
      if (!info.levers.length) {
        leversBox.innerHTML = `<p class="muted">${esc(name)} names no key levers${info.problems.length ? '' : ' (no levers file here or in what it extends)'}. All parameters are reachable below.</p>`;
      }
      for (const lever of info.levers) leversBox.appendChild(leverRow(s, lever));
      fillAgainst();
      if (wb.state.results) draw();
    }

    function leverRow(s, lever) {
      const row = document.createElement('div');
      row.className = 'lever';
      row.dataset.lever = lever.id;
      const missing = lever.targets.find(t => !params.has(t.model + '/' + t.parameter));
      const sourceText = `${lever.description}\n\nMoves: ${lever.targets.map(t => `${t.model}/${t.parameter} (${t.op}${t.at ? ' at ' + t.at : ''}${t.convert !== 1 ? ', ×' + t.convert : ''})`).join(', ')}${lever.source ? '\nSource: ' + lever.source : ''}`;
      if (missing) {
        row.classList.add('disabled');
        row.innerHTML = `<div class="lever-top"><span class="lever-label">${esc(lever.label)}</span></div>
          <div class="muted">Not in this scenario: it does not run ${esc(missing.model)}.</div>`;
        return row;
      }
      const bases = lever.targets.map(t => params.get(t.model + '/' + t.parameter).base);
      const initial = position(lever.targets[0], bases[0], bases[0], s);
      const {lo, hi} = feasible(lever, bases);
      const id = 'lever-' + lever.id;
      row.innerHTML = `<div class="lever-top"><label class="lever-label" for="${id}" title="${esc(sourceText)}">${esc(lever.label)}</label>
          <output for="${id}"></output><button type="button" class="lever-reset" title="Back to the scenario's value" aria-label="Reset ${esc(lever.label)}">↺</button></div>
        <input type="range" id="${id}" min="${lo}" max="${hi}" step="${lever.step}" aria-label="${esc(lever.label)}" data-lever="${esc(lever.id)}">
        <div class="lever-scale"><span>${esc(fmtValue(lo))}</span><span class="mark" title="The scenario's value"></span><span>${esc(fmtValue(hi))} ${esc(lever.unit)}</span></div>
        <div class="muted lever-desc" title="${esc(sourceText)}">${esc(lever.description)}${lo > lever.min || hi < lever.max ? ` (range narrowed to ${fmtValue(lo)} to ${fmtValue(hi)} by the parameters' ranges)` : ''}</div>`;
      const range = row.querySelector('input'), output = row.querySelector('output');
      const mark = row.querySelector('.mark');
      if (initial !== null && hi > lo) mark.style.left = `calc(${Math.min(100, Math.max(0, (initial - lo) / (hi - lo) * 100))}% - 5px)`;
      else mark.hidden = true;
      const r = {lever, range, output, initial, bases, row, lo, hi};
      rows.push(r);
      range.addEventListener('input', () => {
        const t0 = performance.now();
        window.etwLastInputAt = t0;
        move(r, +range.value, t0);
      });
      row.querySelector('.lever-reset').addEventListener('click', () => move(r, null, performance.now()));
      place(r);
      return row;
    }

    /** Sets the lever's targets for slider value x (null: back to the scenario), re-runs once. */
    function move(r, x, t0) {
      const o = wb.state.overrides;
      const back = x === null || (r.initial !== null && Math.abs(x - r.initial) < r.lever.step / 2);
      r.lever.targets.forEach((t, i) => {
        const value = back ? undefined : apply(t, r.bases[i], x, wb.state.scenario.firstYear);
        if (value === undefined || same(value, r.bases[i])) {
          if (o[t.model]) { delete o[t.model][t.parameter]; if (!Object.keys(o[t.model]).length) delete o[t.model]; }
        } else {
          (o[t.model] ||= {})[t.parameter] = value;
        }
      });
      if (x === null) place(r); else show1(r, x);
      wb.emit('overrides', o);
      wb.run(t0);
    }

    function show1(r, x) {
      r.output.textContent = `${fmtValue(x)} ${r.lever.unit}`.trim();
      const changed = r.lever.targets.some(t => wb.state.overrides[t.model]?.[t.parameter] !== undefined);
      r.row.classList.toggle('changed', changed);
      r.row.dataset.value = String(x);
    }

    /**
     * Puts the slider where the parameters now are. The number shown is exact (baseline's 12% stays 12%, not the
     * 10% of the nearest step); the thumb sits at the nearest step, and a move goes from step to step.
     */
    function place(r) {
      let x = position(r.lever.targets[0], r.bases[0], effective(r.lever.targets[0]), wb.state.scenario);
      if (x === null || !Number.isFinite(x)) x = r.initial ?? r.lo;
      x = +Math.min(r.hi, Math.max(r.lo, x)).toPrecision(10);
      if (document.activeElement !== r.range) r.range.value = String(snap(x, r.lever));
      show1(r, x);
    }

    function describeChanges() {
      const n = Object.values(wb.state.overrides).reduce((a, m) => a + Object.keys(m).length, 0);
      $('.changes').textContent = n ? `${n} parameter${n > 1 ? 's' : ''} changed from ${wb.state.scenario?.name}. The address keeps them: copy it to share this view; Save as… keeps them in the workspace.` : '';
    }

    $('.full-run').addEventListener('click', () => wb.run(performance.now(), {full: true}));
    $('.reset-levers').addEventListener('click', () => {
      wb.state.overrides = {};
      rows.forEach(place);
      wb.emit('overrides', wb.state.overrides);
      wb.run();
    });
    $('.all-params').addEventListener('click', () => {
      // the All parameters panel is the Scenario view, in the Model perspective
      wb.showPerspective?.('model');
      if (wb.showView) wb.showView('etw.workbench.scenario');
      else document.querySelector('[data-view="etw.workbench.scenario"]')?.click();
      setTimeout(() => document.querySelector('#view-etw\\.workbench\\.scenario input[type=search]')?.focus(), 50);
    });

    // ------------------------------------------------------------ reference (difference) runs

    function scenarioEntry(name) { return (wb.state.scenarios || []).find(s => s.name === name); }

    function parentName() {
      return info?.parent || scenarioEntry(wb.state.ref)?.parent || '';
    }

    /** What "against" means now: {key, label, request} or null. */
    function reference() {
      const changed = Object.keys(wb.state.overrides).length > 0;
      const self = wb.state.ref ? {scenario: wb.state.ref} : {text: wb.state.text};
      const name = wb.state.scenario?.name;
      let a = against;
      if (a === 'auto') a = changed ? 'unchanged' : parentName() ? 'parent' : '';
      if (a === 'unchanged') return {key: 'u:' + JSON.stringify(self), label: `${name} as it is`, request: self};
      if (a === 'parent') {
        const p = parentName();
        return p ? {key: 's:' + p, label: p, request: {scenario: p}} : null;
      }
      if (a.startsWith('scenario:')) {
        const n = a.slice('scenario:'.length);
        return {key: 's:' + n, label: n, request: {scenario: n}};
      }
      return null;
    }

    function fillAgainst() {
      const p = parentName();
      const opts = [['auto', p ? `Automatic (parent ${p}, or the scenario without your changes)` : 'Automatic (the scenario without your changes)'],
        ['unchanged', `${wb.state.scenario?.name || 'the scenario'} without changes`]];
      if (p) opts.push(['parent', `parent: ${p}`]);
      for (const s of wb.state.scenarios || []) if (s.name !== wb.state.ref) opts.push(['scenario:' + s.name, s.name]);
      opts.push(['none', 'nothing']);
      againstSelect.innerHTML = opts.map(([v, t]) => `<option value="${esc(v)}">${esc(t)}</option>`).join('');
      if (![...againstSelect.options].some(o => o.value === against)) against = 'auto';
      againstSelect.value = against;
    }

    /** A reference is run as the results it is compared with were: a quick preview against a quick preview. */
    function modeKey() { return wb.state.results?.preview ? '|preview' : ''; }

    async function loadReference() {
      const r = against === 'none' ? null : reference();
      if (!r) { ref = null; return; }
      const key = r.key + modeKey();
      let got = refs.get(key);
      if (!got) {
        const body = {...r.request, variables: info?.headlines || []};
        if (modeKey()) body.preview = true;
        got = wb.api('/api/run', body).catch(e => ({error: e.message}));
        refs.set(key, got);
      }
      const results = await got;
      if (results.error) { ref = {label: r.label, error: results.error}; return; }
      ref = {label: r.label, results, key};
    }

    // ------------------------------------------------------------ dashboard

    function fillRegions(results) {
      const keep = region && results.regions.includes(region) ? region : results.regions.includes('World') ? 'World' : results.regions[0];
      if (regionSelect.dataset.regions !== results.regions.join('\n')) {
        regionSelect.innerHTML = results.regions.map(r => `<option value="${esc(r)}">${esc(r)}</option>`).join('');
        regionSelect.dataset.regions = results.regions.join('\n');
      }
      regionSelect.value = keep;
      region = keep;
    }

    /** The reference's values of a variable for the run's region and years (NaN where it has none). */
    function refValues(name, results) {
      if (!ref?.results) return null;
      const v = ref.results.variables.find(x => x.name === name);
      const ri = ref.results.regions.indexOf(region);
      if (!v || ri < 0) return null;
      return Array.from({length: results.years}, (_, i) => {
        const j = results.firstYear + i - ref.results.firstYear;
        return j >= 0 && j < v.values[ri].length ? v.values[ri][j] : NaN;
      });
    }

    function draw() {
      const results = wb.state.results;
      if (!results || !info) return;
      fillRegions(results);
      const ri = results.regions.indexOf(region);
      const label = results.scenario + (Object.keys(wb.state.overrides).length ? ' with your changes' : '')
        + (results.preview ? ' (quick preview, 12 representative days)' : '');
      const diff = show !== 'values';
      for (const b of el.querySelectorAll('.show button')) b.setAttribute('aria-pressed', String(b.dataset.show === show));
      const items = [];
      for (const name of info.headlines) {
        const v = results.variables.find(x => x.name === name);
        if (!v) continue;
        const values = v.values[ri];
        const rv = refValues(name, results);
        let series, unit = v.unit, note = null;
        if (!diff) {
          series = [{label, values, color: PALETTE[0]}];
          if (rv) series.push({label: ref.label, values: rv, color: '#666', dashed: true, width: 2});
        } else if (!rv) {
          series = [];
          note = ref?.error ? 'No reference: ' + ref.error : 'Choose what to compare against';
        } else if (show === 'diff') {
          series = [{label: `${label} − ${ref.label}`, values: values.map((x, i) => x - rv[i]), color: PALETTE[5]}];
        } else {
          unit = '%';
          series = [{label: `${label} vs ${ref.label}`, values: values.map((x, i) => rv[i] !== 0 ? (x - rv[i]) / Math.abs(rv[i]) * 100 : NaN), color: PALETTE[5]}];
          if (rv.some(x => x === 0)) note = 'No % where the reference is 0';
        }
        items.push({key: name, opts: {title: name, tableTitle: name + (diff ? (show === 'diff' ? ' (difference)' : ' (difference, %)') : ''),
          unit, firstYear: results.firstYear, series, width: 440, height: 250, legend: false, region, zero: diff, note}});
      }
      multiples($('.multiples'), items, 300);
      $('.dash-legend').innerHTML = diff
        ? `<span class="key"><i style="border-color:${PALETTE[5]}"></i>${esc(label)} minus ${esc(ref?.label || '(no reference)')}${show === 'pct' ? ', in % of it' : ''}</span> · region: ${esc(region)}`
        : `<span class="key"><i style="border-color:${PALETTE[0]}"></i>${esc(label)}</span>${ref?.results ? `<span class="key"><i class="dashed"></i>${esc(ref.label)}</span>` : ''} · region: ${esc(region)}`;
      const note = $('.preview-note');
      note.hidden = !results.preview;
      note.title = results.preview || '';
      drawDifference(results, label);
    }

    /** LEAP-style: each headline in chosen years, reference, this run, difference and difference in %. */
    function drawDifference(results, label) {
      const box = $('.difference');
      if (!ref?.results) {
        box.innerHTML = ref?.error ? `<p class="muted">No reference run: ${esc(ref.error)}</p>` : '';
        return;
      }
      const years = [];
      for (let y = Math.ceil(results.firstYear / 10) * 10; y <= results.lastYear; y += 10) if (y > results.firstYear) years.push(y);
      if (!years.includes(results.lastYear)) years.push(results.lastYear);
      const head = `<tr><th rowspan="2" scope="col">Variable</th><th rowspan="2" scope="col">Unit</th>${years.map(y => `<th colspan="4" scope="colgroup">${y}</th>`).join('')}</tr>
        <tr>${years.map(() => `<th scope="col" title="${esc(ref.label)}">ref.</th><th scope="col" title="${esc(label)}">this</th><th scope="col">Δ</th><th scope="col">Δ %</th>`).join('')}</tr>`;
      const body = [];
      for (const name of info.headlines) {
        const v = results.variables.find(x => x.name === name);
        const rv = v && refValues(name, results);
        if (!rv) continue;
        const ri = results.regions.indexOf(region);
        const cells = years.map(y => {
          const i = y - results.firstYear, a = rv[i], b = v.values[ri][i];
          const d = b - a, p = a !== 0 ? d / Math.abs(a) * 100 : NaN;
          const cls = Math.abs(d) > 1e-9 * Math.max(1, Math.abs(a)) ? (d > 0 ? 'up' : 'down') : '';
          return `<td>${esc(fmtValue(a))}</td><td>${esc(fmtValue(b))}</td><td class="${cls}">${esc(fmtSigned(d))}</td><td class="${cls}">${Number.isFinite(p) ? esc(fmtSigned(+p.toFixed(1))) + '%' : '–'}</td>`;
        });
        body.push(`<tr data-variable="${esc(name)}"><th scope="row">${esc(name)}</th><td>${esc(v.unit)}</td>${cells.join('')}</tr>`);
      }
      box.innerHTML = `<h3>Difference: ${esc(label)} against ${esc(ref.label)}, ${esc(region)}</h3>
        <div class="diff-wrap"><table class="diff-table"><thead>${head}</thead><tbody>${body.join('')}</tbody></table></div>`;
    }

    async function redrawWithReference() {
      await loadReference();
      draw();
    }

    // ------------------------------------------------------------ controls and events

    regionSelect.addEventListener('change', () => { region = regionSelect.value; urlState.setParam('region', region); draw(); });
    for (const b of el.querySelectorAll('.show button'))
      b.addEventListener('click', () => { show = b.dataset.show; urlState.setParam('show', show === 'values' ? null : show); draw(); });
    againstSelect.addEventListener('change', () => {
      against = againstSelect.value;
      urlState.setParam('against', against === 'auto' ? null : against);
      redrawWithReference();
    });

    wb.on('scenario', s => {
      refs.clear();
      ref = null;
      loadLevers(s).then(redrawWithReference);
      describeChanges();
    });
    wb.on('overrides', () => {
      rows.forEach(place);
      describeChanges();
    });
    wb.on('models', () => { if (wb.state.scenario) loadLevers(wb.state.scenario); });
    wb.on('results', ({results, t0}) => {
      if (!Object.keys(wb.state.overrides).length) { // the scenario as it is: the reference for its changes to come
        const self = wb.state.ref ? {scenario: wb.state.ref} : {text: wb.state.text};
        refs.set('u:' + JSON.stringify(self) + modeKey(), Promise.resolve(results));
      }
      const before = ref?.key;
      const wanted = against === 'none' ? null : reference();
      const wantedKey = wanted && wanted.key + modeKey();
      if (wanted && wantedKey !== before && !(ref?.error && refs.has(wantedKey))) {
        redrawWithReference().then(() => record(t0, results, NaN));
        return;
      }
      if (!wanted) ref = null;
      const d0 = performance.now();
      draw();
      record(t0, results, performance.now() - d0);
    });

    /** The latency of this redraw: from the input event (t0) to the dashboard drawn; the run's own part; the drawing's. */
    function record(t0, results, drawMs) {
      if (t0 === undefined) return;
      const ms = performance.now() - t0;
      const m = window.etwExplore;
      m.redraws++;
      m.lastMs = ms;
      m.last = {totalMs: ms, runMs: results.runMs, drawMs, preview: !!results.preview, reused: !!results.reused};
      m.times.push(ms);
      if (m.times.length > 200) m.times.shift();
      el.dataset.redrawMs = ms.toFixed(1);
    }

    if (wb.state.scenario) {
      loadLevers(wb.state.scenario).then(redrawWithReference);
      describeChanges();
    }
  },
};
