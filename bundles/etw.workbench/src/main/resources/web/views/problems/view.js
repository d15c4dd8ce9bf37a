// Problems view, as in an Eclipse workbench: what to know before trusting a result, grouped by the place each
// concerns. Errors (the scenario or a change to it does not validate, so nothing ran), warnings of the current run
// (plausibility: a model's result outside the soft range its author declared; demand not met; the wiring's
// notes), and what was left out (plugins and models, with the reason, as `etw models` lists them). The place is
// read from the message: the model, plugin or bundle it names, and the region, variable, year or file position.

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
const SEVERITY = {error: '⛔', warning: '⚠', info: 'ℹ'};
const KIND = {validation: 'Validation error', plausibility: 'Plausibility', demand: 'Demand not met', wiring: 'Wiring',
  leftOut: 'Left out', run: 'Run failed'};

/**
 * Where a message points: {group, detail}. group: the model, plugin or bundle (else 'Scenario'); detail: region,
 * variable, year or file position, as far as the message says. known: the model ids and regions of this run.
 */
export function placeOf(text, known = {models: [], regions: []}) {
  let m;
  if ((m = /^implausible result of (\S+?): (.+)$/s.exec(text))) {
    // "<what> is 0.160 in United States 2038, outside the plausible 0 to 0.150 (also World 2056, China 2068); source: ..."
    const place = {kind: 'plausibility', group: 'model ' + m[1]};
    const what = m[2].replace(/; source: .*$/s, '');
    const regions = [...known.regions].sort((a, b) => b.length - a.length).map(r => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const at = regions.length && new RegExp(` in (${regions.join('|')}) (\\d{4}(?:-\\d{4})?)`).exec(what);
    if (at) { place.region = at[1]; place.year = at[2]; }
    const v = /^(?:share of )?([A-Z][^|]*(?:\|[^|]+?)+?)(?= is | grows | in )/.exec(what);
    if (v) place.variable = v[1];
    const also = /\(also ([^)]*)\)/.exec(what);
    if (also) place.also = also[1];
    return place;
  }
  if ((m = /^demand is not met: (.+?) reaches .*? in (.+?) in (\d{4})/.exec(text)))
    return {kind: 'demand', group: 'region ' + m[2], variable: m[1], region: m[2], year: m[3]};
  if ((m = /^(plugins\/[^:\s]+): /.exec(text))) return {kind: 'leftOut', group: m[1]};
  if ((m = /^bundle (\S+): /.exec(text))) return {kind: 'leftOut', group: 'bundle ' + m[1]};
  if ((m = /^model (\S+) \(bundle /.exec(text))) return {kind: 'leftOut', group: 'model ' + m[1]};
  const place = {kind: 'wiring', group: 'Scenario'};
  const model = [...known.models].sort((a, b) => b.length - a.length).find(id => text.includes(id));
  if (model) place.group = 'model ' + model;
  else if ((m = /\bplugin (\S+?)[,:;)]?\s/.exec(text))) place.group = 'plugin ' + m[1];
  const region = known.regions.find(r => new RegExp(`\\b(?:in|for) ${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
  if (region) place.region = region;
  if ((m = /^([A-Za-z]+):(\d+):(\d+): /.exec(text))) place.position = `${m[1]}, line ${m[2]}, column ${m[3]}`;
  if ((m = /\b([A-Z][A-Za-z0-9 ]*(?:\|[A-Za-z0-9 &()+-]+)+)/.exec(text))) place.variable = m[1].trim();
  if ((m = /parameter '([^']+)'/.exec(text))) place.parameter = m[1];
  return place;
}

export default {
  async mount(el, wb) {
    wb.wants?.(el, []); // shows no run values: a run's answer need not carry them for this view
    let leftOut = [];

    function items() {
      const r = wb.state.results;
      const known = {models: [...(r?.models || []), ...(wb.state.scenario?.models || []).map(m => m.id)],
        regions: r?.regions || wb.state.scenario?.regions || []};
      const out = [];
      if (wb.state.error) {
        const p = placeOf(wb.state.error, known);
        out.push({severity: 'error', ...p, kind: /^\w+:\d+:\d+: /.test(wb.state.error) ? 'validation' : 'run', text: wb.state.error});
      }
      for (const w of r?.warnings || []) out.push({severity: 'warning', ...placeOf(w, known), text: w});
      for (const l of leftOut) out.push({severity: 'warning', ...placeOf(l, known), kind: 'leftOut', text: l});
      return out;
    }

    function draw() {
      const list = items();
      const r = wb.state.results;
      const count = k => list.filter(i => i.severity === k).length;
      const groups = new Map();
      for (const i of list) (groups.get(i.group) || groups.set(i.group, []).get(i.group)).push(i);
      const where = i => [i.region && `region ${i.region}`, i.variable && `variable ${i.variable}`, i.parameter && `parameter ${i.parameter}`,
        i.year && `year ${i.year}`, i.position, i.also && `also ${i.also}`].filter(Boolean).map(esc).join(' · ');
      el.innerHTML = `<h2>Problems</h2>
        <p class="muted summary">${count('error')} error(s) · ${list.filter(i => i.kind !== 'leftOut').length - count('error')} warning(s) of
          ${r ? 'the run of ' + esc(r.scenario) : 'no run yet'} · Left out: ${leftOut.length}</p>` +
        (list.length ? [...groups.entries()].map(([g, is]) => `<section class="problem-group" data-place="${esc(g)}">
          <h3>${esc(g)} (${is.length})</h3>
          ${is.map(i => `<div class="problem ${i.severity}" data-kind="${esc(i.kind)}">
            <span class="sev" title="${esc(i.severity)}">${SEVERITY[i.severity]}</span>
            <div><div class="where"><b>${esc(KIND[i.kind] || i.kind)}</b>${where(i) ? ' · ' + where(i) : ''}</div>
            <div class="text">${esc(i.text)}</div></div></div>`).join('')}</section>`).join('')
          : `<p class="muted">${r ? 'No problems: the run finished without warnings, and every installed plugin and model is available.' : 'No run yet.'}</p>`) +
        (r ? `<p class="muted">Plugins that took part: ${r.plugins.length ? r.plugins.map(esc).join(', ') : 'none'}</p>` : '');
    }

    async function refresh() {
      try {
        leftOut = (await wb.api('/api/models')).leftOut;
      } catch (e) {
        leftOut = ['The list of what was left out could not be read: ' + e.message];
      }
      draw();
    }
    wb.on('results', draw);
    wb.on('run-error', draw);
    wb.on('models', refresh);
    await refresh();
  },
};
