// Results view: a chart per variable (one line per region, axes with units), the variable's parts stacked for one
// region, ensemble bands (p5-p95 around the median), a second scenario to compare, and the IAMC CSV download.
import {chart, PALETTE} from '/charts.js';

const HEADLINES = ['Final Energy|Electricity', 'Secondary Energy|Electricity', 'Emissions|CO2|Energy|Supply|Electricity',
  'Final Energy|Electricity|Data Centers', 'Capacity|Electricity|Solar'];
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

export default {
  mount(el, wb) {
    el.innerHTML = `
      <div class="controls">
        <label>Variable <select class="variable" aria-label="Variable"></select></label>
        <label>Compare with <select class="compare" aria-label="Compare with"><option value="">(none)</option></select></label>
        <button class="download" title="Every variable, region and year of this run, in the IAMC format">Download IAMC CSV</button>
      </div>
      <div class="chart" id="results-chart"></div>
      <div class="controls">
        <label>Parts of the variable for <select class="region" aria-label="Region for parts"></select></label>
      </div>
      <div class="chart" id="results-stack"></div>
      <h3>Ensemble</h3>
      <div class="controls">
        <label>Samples <input type="number" class="samples" value="200" min="10" max="5000" step="10" style="width:6rem"></label>
        <button class="ensemble">Run ensemble bands</button>
        <span class="muted ensemble-note"></span>
      </div>`;
    const $ = sel => el.querySelector(sel);
    const varSelect = $('.variable'), regionSelect = $('.region'), compareSelect = $('.compare');
    let compare = null;     // {ref, results}
    let ensemble = null;    // the last ensemble answer, for the scenario it was run on
    let lastVariables = '';

    function fillVariables(results) {
      const names = results.variables.map(v => v.name);
      const key = names.join('\n');
      if (key === lastVariables) return;
      lastVariables = key;
      const keep = varSelect.value;
      varSelect.innerHTML = '';
      const groups = {};
      for (const n of names) (groups[n.split('|')[0]] ||= []).push(n);
      for (const [g, list] of Object.entries(groups)) {
        const og = document.createElement('optgroup');
        og.label = g;
        list.forEach(n => og.appendChild(new Option(n, n)));
        varSelect.appendChild(og);
      }
      varSelect.value = names.includes(keep) ? keep : HEADLINES.find(h => names.includes(h)) || names[0];
    }

    function fillRegions(results) {
      const keep = regionSelect.value;
      regionSelect.innerHTML = '';
      results.regions.forEach(r => regionSelect.appendChild(new Option(r, r)));
      regionSelect.value = results.regions.includes(keep) ? keep : results.regions[0];
    }

    function draw() {
      const results = wb.state.results;
      if (!results) return;
      const name = varSelect.value;
      const v = results.variables.find(x => x.name === name);
      if (!v) return;
      const series = results.regions.map((r, i) => ({label: r, values: v.values[i], color: PALETTE[i % PALETTE.length]}));
      const cv = compare?.results.variables.find(x => x.name === name);
      if (cv) compare.results.regions.forEach((r, i) => {
        const k = results.regions.indexOf(r);
        series.push({label: `${r} (${compare.results.scenario})`, values: cv.values[i], dashed: true,
          color: PALETTE[(k < 0 ? i : k) % PALETTE.length], width: 1.8});
      });
      const bands = [];
      const ev = ensemble?.variables.find(x => x.name === name);
      if (ev) results.regions.forEach((r, i) => bands.push({label: `${r} p5–p95 (${ensemble.samples} samples)`,
        lo: ev.values[0][i], hi: ev.values[2][i], color: PALETTE[i % PALETTE.length]}));
      $('#results-chart').innerHTML = chart({title: name, unit: v.unit, firstYear: results.firstYear, series, bands});
      drawParts(results, v);
    }

    /** The written children of the variable (one level down), stacked, for one region. */
    function drawParts(results, v) {
      const prefix = v.name + '|';
      const depth = v.name.split('|').length + 1;
      const parts = results.variables.filter(x => x.name.startsWith(prefix) && x.name.split('|').length === depth && x.unit === v.unit);
      const box = $('#results-stack');
      regionSelect.parentElement.hidden = parts.length < 2;
      if (parts.length < 2) { box.innerHTML = ''; return; }
      const r = Math.max(0, results.regions.indexOf(regionSelect.value));
      box.innerHTML = chart({title: `${v.name} by part, ${results.regions[r]} (stacked)`, unit: v.unit, firstYear: results.firstYear,
        stacked: true, height: 360, series: parts.map(p => ({label: p.name.slice(prefix.length), values: p.values[r]}))});
    }

    async function loadCompare() {
      const ref = compareSelect.value;
      compare = null;
      if (ref) {
        try {
          compare = {ref, results: await wb.api('/api/run', {scenario: ref})};
        } catch (e) { wb.showError(e.message); }
      }
      draw();
    }

    function fillCompare() {
      const keep = compareSelect.value;
      compareSelect.innerHTML = '<option value="">(none)</option>';
      for (const s of wb.state.scenarios || []) compareSelect.appendChild(new Option(s.name, s.name));
      compareSelect.value = keep;
    }

    function defaultUncertainty() {
      // Without an uncertainty section, sample each changed constant within +-20% (inside its declared range).
      const u = {};
      for (const m of wb.state.scenario.models)
        for (const p of m.parameters) {
          const v = wb.state.overrides[m.id]?.[p.name];
          if (typeof v !== 'number') continue;
          const lo = Math.max(p.min, v - 0.2 * Math.abs(v)), hi = Math.min(p.max, v + 0.2 * Math.abs(v));
          if (hi > lo) (u[m.id] ||= {})[p.name] = {distribution: 'uniform', min: lo, max: hi};
        }
      return u;
    }

    $('.ensemble').addEventListener('click', async () => {
      const s = wb.state.scenario;
      const note = $('.ensemble-note');
      const declared = Object.keys(s.uncertainty || {}).length > 0;
      const extra = {samples: Math.round(+$('.samples').value) || 200};
      if (!declared) {
        const u = defaultUncertainty();
        if (!Object.keys(u).length) {
          note.textContent = 'This scenario declares no uncertainty. Change a parameter to sample it within ±20%, or pick a scenario with an uncertainty section.';
          return;
        }
        extra.uncertainty = u;
      }
      note.textContent = 'Running…';
      try {
        ensemble = await wb.api('/api/ensemble', wb.request(extra));
        note.textContent = `${ensemble.samples} samples in ${ensemble.runMs.toFixed(0)} ms; bands are p5–p95 of ` +
          (declared ? "the scenario's uncertainty section" : 'the changed parameters within ±20%');
        draw();
      } catch (e) {
        note.textContent = '';
        wb.showError(e.message);
      }
    });

    $('.download').addEventListener('click', async () => {
      try {
        const name = await wb.download('/api/export', wb.request());
        wb.status('Downloaded ' + name);
      } catch (e) { wb.showError(e.message); }
    });

    varSelect.addEventListener('change', draw);
    regionSelect.addEventListener('change', draw);
    compareSelect.addEventListener('change', loadCompare);

    wb.on('scenario', () => { ensemble = null; fillCompare(); });
    wb.on('overrides', () => { if (ensemble) { ensemble = null; $('.ensemble-note').textContent = 'Parameters changed: run the ensemble again for bands.'; } });
    wb.on('results', ({results, t0}) => {
      fillVariables(results);
      fillRegions(results);
      draw();
      const ms = performance.now() - t0;
      window.etwLastRedrawMs = ms;
      window.etwRedraws = (window.etwRedraws || 0) + 1;
      el.dataset.redrawMs = ms.toFixed(1);
    });
    fillCompare();
    if (wb.state.results) { fillVariables(wb.state.results); fillRegions(wb.state.results); draw(); }
  },
};
