// Results view: a chart per variable (one line per region, axes with units), the variable's parts stacked for one
// region, ensemble bands (p5-p95 around the median), a second scenario to compare, and the IAMC CSV download.
// Every chart has hover values and a table toggle; with a comparison or ensemble bands the chart becomes small
// multiples, one per region, instead of a dozen lines and overlapping bands.
import {panel, multiples, PALETTE} from '/charts.js';
import {clusterControls} from '/views/etw.workbench.sensitivity/cluster.js'; // "Run on the cluster" (cluster helper)

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
      <div class="chart" id="results-chart"><div class="single"></div><p class="muted per-region-legend" hidden></p><div class="per-region"></div></div>
      <div class="controls">
        <label>Parts of the variable for <select class="region" aria-label="Region for parts"></select></label>
      </div>
      <div class="chart" id="results-stack"></div>
      <h3>Ensemble</h3>
      <div class="controls">
        <label>Samples <input type="number" class="samples" value="200" min="10" max="5000" step="10" style="width:6rem"></label>
        <button class="ensemble">Run ensemble bands</button>
        <span class="muted ensemble-note"></span>
      </div>
      <div class="controls ensemble-cluster"></div>`;
    const $ = sel => el.querySelector(sel);
    const varSelect = $('.variable'), regionSelect = $('.region'), compareSelect = $('.compare');
    let compare = null;     // {ref, results}
    let ensemble = null;    // the last ensemble answer, for the scenario it was run on
    let lastVariables = '';
    const cluster = clusterControls($('.ensemble-cluster'), wb);

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
      const cv = compare?.results.variables.find(x => x.name === name);
      const ev = ensemble?.variables.find(x => x.name === name);
      const single = $('#results-chart .single'), grid = $('#results-chart .per-region');
      if (!cv && !ev) {
        grid.innerHTML = '';
        grid.hidden = true;
        $('.per-region-legend').hidden = true;
        single.hidden = false;
        const series = results.regions.map((r, i) => ({label: r, values: v.values[i], color: PALETTE[i % PALETTE.length]}));
        panel(single, {title: name, unit: v.unit, firstYear: results.firstYear, series});
      } else {
        // small multiples: a panel per region, this run solid, the comparison dashed, the band behind
        single.innerHTML = '';
        single._mounted = false;
        single.hidden = true;
        grid.hidden = false;
        const items = results.regions.map((r, i) => {
          const series = [{label: results.scenario, values: v.values[i], color: PALETTE[0]}];
          const bands = [];
          const k = compare?.results.regions.indexOf(r);
          if (cv && k >= 0) series.push({label: compare.results.scenario, values: align(cv.values[k], compare.results, results),
            dashed: true, color: PALETTE[1], width: 2});
          if (ev) bands.push({label: `p5–p95, ${ensemble.samples} samples`, lo: ev.values[0][i], hi: ev.values[2][i], color: PALETTE[0]});
          return {key: r, opts: {title: r, tableTitle: `${name}`, region: r, unit: v.unit, firstYear: results.firstYear,
            series, bands, width: 460, height: 260, legend: false}};
        });
        multiples(grid, items, 320);
        const legend = [`— ${results.scenario}`];
        if (cv) legend.push(`- - ${compare.results.scenario}`);
        if (ev) legend.push(`band: p5–p95 of ${ensemble.samples} samples`);
        $('.per-region-legend').textContent = `${name}, per region: ${legend.join('   ')}`;
        $('.per-region-legend').hidden = false;
      }
      drawParts(results, v);
    }

    /** Another run's values on this run's years (NaN where it has none). */
    function align(values, from, to) {
      return Array.from({length: to.years}, (_, i) => {
        const j = to.firstYear + i - from.firstYear;
        return j >= 0 && j < values.length ? values[j] : NaN;
      });
    }

    /**
     * The variable's parts, stacked, for one region: every written descendant with no written ancestor below the
     * variable (so a plugin's variable two levels down shows as a part), and what the parts leave of the total as an
     * explicit remainder, so that the stack always adds up to the total shown.
     */
    function drawParts(results, v) {
      const prefix = v.name + '|';
      const depth = v.name.split('|').length + 1;
      const below = results.variables.filter(x => x.name.startsWith(prefix) && x.unit === v.unit);
      const names = new Set(below.map(x => x.name));
      const parts = below.filter(x => {
        const seg = x.name.split('|');
        for (let k = depth; k < seg.length; k++) if (names.has(seg.slice(0, k).join('|'))) return false;
        return true;
      });
      const box = $('#results-stack');
      regionSelect.parentElement.hidden = parts.length < 1;
      if (parts.length < 1) { box.innerHTML = ''; box._mounted = false; box.className = 'chart'; return; }
      const r = Math.max(0, results.regions.indexOf(regionSelect.value));
      const total = v.values[r];
      const series = parts.map(p => ({label: p.name.slice(prefix.length), values: p.values[r]}));
      const rest = total.map((t, i) => t - parts.reduce((a, p) => a + p.values[r][i], 0));
      const scale = Math.max(1e-12, ...total.map(Math.abs));
      let note = null;
      if (rest.some(x => x > 1e-9 * scale)) series.push({label: 'other (in the total, in no part: e.g. a plugin\'s)', values: rest.map(x => Math.max(0, x)), color: '#bbbbbb'});
      if (rest.some(x => x < -1e-9 * scale)) {
        const worst = Math.min(...rest);
        note = `The parts add up to more than the total (by up to ${(-worst).toLocaleString('en-US', {maximumFractionDigits: 1})} ${v.unit}): the total is written by a model, not summed from its parts.`;
      }
      panel(box, {title: `${v.name} by part, ${results.regions[r]} (stacked)`, tableTitle: `${v.name} by part`, region: results.regions[r],
        unit: v.unit, firstYear: results.firstYear, stacked: true, height: 360, series, note, total, totalLabel: `total (${v.name})`});
      box.dataset.parts = String(series.length);
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
        ensemble = await cluster.run('ensemble', wb.request(extra));
        note.textContent = `${ensemble.samples} samples in ${ensemble.runMs.toFixed(0)} ms` + (cluster.onCluster ? ' ' + cluster.onCluster : '') +
          '; bands are p5–p95 of ' + (declared ? "the scenario's uncertainty section" : 'the changed parameters within ±20%');
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
