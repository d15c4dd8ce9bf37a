// The workbench page: loads the views (WorkbenchView services, listed by /api/views), keeps the current scenario
// and its parameter changes, and re-runs on every change. It talks to the server only through /api.

import * as urlState from './urlstate.js'; // the scenario and its changes in the address (explore helper)

const token = new URLSearchParams(location.search).get('token');
const listeners = {};

const wb = {
  /** The current scenario: ref (canned name or file) or text, its parsed description, the changes, results. */
  state: {ref: null, text: null, scenario: null, overrides: {}, results: null, revision: 0, views: [], perspective: null,
    error: null, full: false},

  /** Calls the JSON API; rejects with an Error carrying the server's message. */
  async api(path, body) {
    const init = {headers: {}};
    if (token) init.headers['X-ETW-Token'] = token;
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const resp = await fetch(path, init);
    const type = resp.headers.get('Content-Type') || '';
    if (!resp.ok) {
      let message = resp.status + ' ' + resp.statusText;
      if (type.startsWith('application/json')) message = (await resp.json()).error || message;
      throw new Error(message);
    }
    return type.startsWith('application/json') ? resp.json() : resp.text();
  },

  /** Posts to the API and offers the answer as a file download. */
  async download(path, body) {
    const headers = {'Content-Type': 'application/json'};
    if (token) headers['X-ETW-Token'] = token;
    const resp = await fetch(path, {method: 'POST', headers, body: JSON.stringify(body)});
    if (!resp.ok) throw new Error((await resp.json()).error);
    const name = /filename="([^"]+)"/.exec(resp.headers.get('Content-Disposition') || '')?.[1] || 'export.csv';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await resp.blob());
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    return name;
  },

  on(event, listener) { (listeners[event] ||= []).push(listener); },
  emit(event, data) {
    for (const l of listeners[event] || []) {
      try { l(data); } catch (e) { console.error(e); showError('A view failed: ' + e.message); }
    }
  },

  /** The request body naming the current scenario with its changes. */
  request(extra = {}) {
    const r = this.state.ref ? {scenario: this.state.ref} : {text: this.state.text};
    if (Object.keys(this.state.overrides).length) r.overrides = this.state.overrides;
    return Object.assign(r, extra);
  },

  /** Sets (value) or removes (undefined) one parameter change, and re-runs. t0: when the user moved the control. */
  setOverride(model, param, value, t0 = performance.now()) {
    const o = this.state.overrides;
    this.state.full = false;
    if (value === undefined) {
      if (o[model]) { delete o[model][param]; if (!Object.keys(o[model]).length) delete o[model]; }
    } else {
      (o[model] ||= {})[param] = value;
    }
    this.emit('overrides', o);
    this.run(t0);
  },

  /**
   * Runs the current scenario; runs asked for while one is under way collapse into one, with the latest changes (a
   * run already sent is not cancelled: the server would finish it anyway, and its answer is dropped if stale).
   * A scenario with changes made in the page runs as a quick preview (the power sector on 12 representative days,
   * see RunsResource.preview) until the user asks for the full 8,760 h ({full: true}); a scenario as it is always
   * runs in full.
   */
  run(t0 = performance.now(), {full = false} = {}) {
    pending = {t0, full};
    if (!running) drain();
  },

  /**
   * A view says which variables of a run it shows (names), or that it reads none ([]); a loaded view that says
   * nothing gets every variable. A run's answer then carries only what the loaded views show (the Explore
   * dashboard's headlines: about 70 kB instead of 1 MB of JSON); el is the view's pane.
   */
  wants(el, names) {
    wants.set(el.id, names ? [...names] : null);
    const r = this.state.results;
    if (r?.partial && !covers(r)) this.run();
  },

  /** True if the next run of the current state is a quick preview. */
  previewing() {
    return Object.keys(this.state.overrides).length > 0 && !this.state.full;
  },

  showError, status,
};
window.etw = wb;
wb.on('overrides', () => { wb.state.full = false; urlState.write(wb.state); }); // a change is previewed again

let running = false, pending = null;
const wants = new Map(); // view pane id -> the variables it shows (null: all)

/** The variables the loaded views show, or null for every one. */
function wantedVariables() {
  const names = new Set();
  for (const v of mounted.values()) {
    if (!v.loaded) continue;
    const w = wants.get(v.pane.id);
    if (w === undefined || w === null) return null;
    w.forEach(n => names.add(n));
  }
  return [...names].sort();
}

/** True if the results hold every variable the loaded views show. */
function covers(results) {
  if (!results.partial) return true;
  const w = wantedVariables();
  if (w === null) return false;
  const have = new Set(results.partial);
  return w.every(n => have.has(n));
}
async function drain() {
  running = true;
  while (pending) {
    const {t0, full} = pending;
    pending = null;
    if (full) wb.state.full = true;
    const preview = wb.previewing();
    try {
      status(preview ? 'Running a quick preview…' : 'Running…');
      const variables = wantedVariables();
      const extra = preview ? {preview: true} : {};
      if (variables) extra.variables = variables;
      const results = await wb.api('/api/run', wb.request(extra));
      if (pending && !pending.full) continue; // already stale: the newer changes run next
      if (variables) results.partial = variables;
      wb.state.results = results;
      showPreview(results);
      const plugins = results.plugins.length ? ` · plugins: ${results.plugins.join(', ')}` : '';
      const warnings = results.warnings.length ? ` · ${results.warnings.length} warning(s)` : '';
      status(`${results.scenario}: ${results.reused ? 'the same changes as an earlier run, not run again' : `run in ${results.runMs.toFixed(0)} ms`}${plugins}${warnings}`);
      document.getElementById('status').title = results.warnings.join('\n');
      hideError();
      wb.state.error = null;
      wb.emit('results', {results, t0});
    } catch (e) {
      status('Run failed');
      showError(e.message);
      wb.state.error = e.message;
      wb.emit('run-error', e.message);
    }
  }
  running = false;
}

/** The header's "Quick preview" note, with its button for the full run, shown while the results are a preview. */
function showPreview(results) {
  const note = document.getElementById('preview-note');
  note.hidden = !results.preview;
  note.title = results.preview || '';
  document.body.dataset.preview = results.preview ? 'true' : 'false';
}
document.getElementById('full-run').addEventListener('click', () => wb.run(performance.now(), {full: true}));

function status(text) { document.getElementById('status').textContent = text; }
function showError(text) {
  const el = document.getElementById('error');
  el.textContent = text;
  el.hidden = false;
}
function hideError() { document.getElementById('error').hidden = true; }
document.getElementById('error').addEventListener('click', hideError);

// ------------------------------------------------------------------ scenarios

async function loadScenarioList(select) {
  const {scenarios, canSave} = await wb.api('/api/scenarios');
  const picker = document.getElementById('scenario-picker');
  picker.innerHTML = '';
  const groups = {canned: 'Canned scenarios', workspace: 'Saved in the workspace'};
  for (const kind of ['canned', 'workspace']) {
    const list = scenarios.filter(s => s.kind === kind);
    if (!list.length) continue;
    const g = document.createElement('optgroup');
    g.label = groups[kind];
    for (const s of list) {
      const o = new Option(kind === 'canned' ? `${s.name} — ${s.title}` : s.name, s.name);
      g.appendChild(o);
    }
    picker.appendChild(g);
  }
  document.getElementById('save-button').disabled = !canSave;
  wb.state.scenarios = scenarios;
  if (select) picker.value = select;
  return scenarios;
}

async function openScenario(ref, overrides = {}) {
  try {
    const scenario = await wb.api('/api/scenarios/' + encodeURIComponent(ref));
    Object.assign(wb.state, {ref, text: null, scenario, overrides, results: null, full: false});
    document.getElementById('scenario-picker').value = ref;
    urlState.write(wb.state);
    wb.emit('scenario', scenario);
    wb.run();
  } catch (e) {
    showError(e.message);
  }
}

async function openText(text, fileName) {
  try {
    const scenario = await wb.api('/api/scenarios/parse', {text});
    Object.assign(wb.state, {ref: null, text, scenario, overrides: {}, results: null, full: false});
    const picker = document.getElementById('scenario-picker');
    const o = new Option(`${fileName} (opened)`, '');
    picker.prepend(o);
    picker.value = '';
    urlState.write(wb.state);
    wb.emit('scenario', scenario);
    wb.run();
  } catch (e) {
    showError(e.message);
  }
}
wb.openScenario = openScenario;

document.getElementById('scenario-picker').addEventListener('change', e => { if (e.target.value) openScenario(e.target.value); });
document.getElementById('file-picker').addEventListener('change', async e => {
  const f = e.target.files[0];
  if (f) openText(await f.text(), f.name);
  e.target.value = '';
});
document.getElementById('save-button').addEventListener('click', async () => {
  const base = (wb.state.scenario?.name || 'scenario').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const file = prompt('Save into the scenarios folder as (lower-case letters, digits and -, ending in .yaml):', base + '-variant.yaml');
  if (!file) return;
  try {
    let saved;
    try {
      saved = await wb.api('/api/scenarios/save', wb.request({file}));
    } catch (e) {
      if (!/exists/.test(e.message) || !confirm(e.message + '\n\nOverwrite it?')) throw e;
      saved = await wb.api('/api/scenarios/save', wb.request({file, overwrite: true}));
    }
    status(`Saved scenarios/${saved.file}`);
    const name = saved.file.replace(/\.yaml$/, ''); // carry on with the saved variant: exports and links name it
    await loadScenarioList(name);
    await openScenario(name);
  } catch (e) {
    showError(e.message);
  }
});

// ------------------------------------------------------------------ perspectives and views
// As in an Eclipse workbench: a perspective (Explore, Model, Plugins) is a set of views, each in its area (side or
// main). A view names its perspectives with the service property etw.workbench.perspective (/api/views lists them);
// a view that names none lands in Model. The perspective is kept in the address (?perspective=...), beside what
// other parts of the page keep there.

const PERSPECTIVES = {
  explore: {title: 'Explore', tip: 'Key levers and a dashboard of the headline results'},
  model: {title: 'Model', tip: 'All parameters, results and the wiring graph'},
  plugins: {title: 'Plugins', tip: 'Installed bundles, their models, and what was left out'},
};
const mounted = new Map();  // view id -> {id, title, order, area, module, perspectives, tab, pane, loaded}
const selected = {};        // perspective -> area -> the view id last shown there

/** Sets (a value) or removes (null) keys of the address's query, keeping every other key. */
function setUrl(changes) {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') q.delete(k); else q.set(k, v);
  }
  history.replaceState(history.state, '', '?' + q.toString() + location.hash);
}
wb.setUrl = setUrl;

function viewsOf(perspective, area) {
  return [...mounted.values()].filter(v => v.perspectives.includes(perspective) && (!area || v.area === area))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** True if the perspective has a view of its own, not only views every perspective shares. */
function hasOwnViews(perspective) {
  return viewsOf(perspective).some(v => v.perspectives.length < Object.keys(PERSPECTIVES).length);
}

function showView(area, id) {
  const p = wb.state.perspective;
  (selected[p] ||= {})[area] = id;
  for (const [vid, v] of mounted) {
    if (v.area !== area) continue;
    const on = vid === id;
    v.tab.setAttribute('aria-selected', String(on));
    v.pane.hidden = !on;
    if (on && !v.loaded) loadView(v);
  }
  wb.emit('view', {area, id});
}
wb.showView = (id) => { const v = mounted.get(id); if (v) showView(v.area, id); };

function showPerspective(name, {keepUrl = false} = {}) {
  if (!PERSPECTIVES[name]) name = 'model';
  wb.state.perspective = name;
  document.body.dataset.perspective = name;
  for (const b of document.querySelectorAll('#perspectives button'))
    b.setAttribute('aria-selected', String(b.dataset.perspective === name));
  for (const v of mounted.values()) v.tab.hidden = !v.perspectives.includes(name);
  const areas = [];
  for (const area of ['side', 'main']) {
    const list = viewsOf(name, area);
    const stack = document.getElementById(area);
    stack.hidden = !list.length;
    if (!list.length) {
      for (const v of mounted.values()) if (v.area === area) v.pane.hidden = true;
      continue;
    }
    areas.push(area);
    const want = selected[name]?.[area];
    showView(area, list.some(v => v.id === want) ? want : list[0].id);
  }
  const main = document.getElementById('workbench');
  main.dataset.areas = areas.join(' ');
  const empty = document.getElementById('empty-perspective');
  empty.hidden = areas.length > 0;
  empty.textContent = `No view is installed in the ${PERSPECTIVES[name].title} perspective. A plugin adds one by registering a ` +
    `WorkbenchView service with the property etw.workbench.perspective=${name}.`;
  if (!keepUrl) setUrl({perspective: name});
  wb.emit('perspective', name);
}
wb.showPerspective = showPerspective;

/** Maximizes an area (as double-clicking an Eclipse view's tab does), or restores both areas. */
function toggleMaximized(area) {
  const main = document.getElementById('workbench');
  if (main.dataset.maximized === area) delete main.dataset.maximized; else main.dataset.maximized = area;
  for (const b of document.querySelectorAll('.tabs button.maximize'))
    b.setAttribute('aria-pressed', String(main.dataset.maximized === b.dataset.area));
}
wb.toggleMaximized = toggleMaximized;
for (const area of ['side', 'main']) {
  const b = document.createElement('button');
  b.className = 'maximize';
  b.dataset.area = area;
  b.textContent = '⤢';
  b.title = 'Maximize this area, or restore it (or double-click a tab)';
  b.setAttribute('aria-pressed', 'false');
  b.addEventListener('click', () => toggleMaximized(area));
  document.getElementById(area).querySelector('.tabs').appendChild(b);
}

function drawPerspectiveBar() {
  const bar = document.getElementById('perspectives');
  if (bar.childElementCount) return;
  for (const [name, p] of Object.entries(PERSPECTIVES)) {
    const b = document.createElement('button');
    b.id = 'perspective-' + name;
    b.role = 'tab';
    b.dataset.perspective = name;
    b.textContent = p.title;
    b.title = p.tip;
    b.setAttribute('aria-selected', 'false');
    b.addEventListener('click', () => showPerspective(name));
    bar.appendChild(b);
  }
}

async function loadView(v) {
  v.loaded = true;
  try {
    const module = await import(v.module);
    await module.default.mount(v.pane, wb); // a view draws wb.state itself, then follows the events
    if (wb.state.results && !covers(wb.state.results)) wb.run(); // it shows variables the last answer left out
  } catch (e) {
    v.pane.textContent = 'This view failed to load: ' + e.message;
  }
}

async function refreshViews() {
  const {views, revision} = await wb.api('/api/views');
  wb.state.views = views;
  drawPerspectiveBar();
  const ids = new Set(views.map(v => v.id));
  for (const [id, v] of mounted) {
    if (!ids.has(id)) { v.tab.remove(); v.pane.remove(); mounted.delete(id); }
  }
  for (const v of views) {
    const perspectives = v.perspectives?.length ? v.perspectives : ['model'];
    if (mounted.has(v.id)) { mounted.get(v.id).perspectives = perspectives; continue; }
    const stack = document.getElementById(v.area);
    const tab = document.createElement('button');
    tab.textContent = v.title;
    tab.role = 'tab';
    tab.id = 'tab-' + v.id;
    tab.dataset.view = v.id;
    tab.addEventListener('click', () => { showView(v.area, v.id); urlState.setParam('view', v.id); });
    tab.addEventListener('dblclick', () => toggleMaximized(v.area));
    const pane = document.createElement('div');
    pane.className = 'pane';
    pane.id = 'view-' + v.id;
    pane.hidden = true;
    pane.setAttribute('role', 'tabpanel');
    stack.querySelector('.tabs').appendChild(tab);
    stack.querySelector('.panes').appendChild(pane);
    mounted.set(v.id, {...v, perspectives, tab, pane, loaded: false});
  }
  for (const area of ['side', 'main']) {
    const tabs = document.getElementById(area).querySelector('.tabs');
    [...mounted.values()].filter(v => v.area === area)
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)).forEach(v => tabs.appendChild(v.tab));
    tabs.appendChild(tabs.querySelector('button.maximize')); // last, on the right
  }
  for (const b of document.querySelectorAll('#perspectives button'))
    b.classList.toggle('empty', !viewsOf(b.dataset.perspective).length);
  if (wb.state.perspective) showPerspective(wb.state.perspective, {keepUrl: true});
  return revision;
}

// ------------------------------------------------------------------ live updates from the server

async function poll() {
  try {
    const {revision} = await wb.api('/api/status');
    if (revision !== wb.state.revision) {
      const first = wb.state.revision === 0;
      wb.state.revision = revision;
      if (!first) {
        await refreshViews();
        wb.emit('models', revision);
        if (wb.state.scenario) wb.run();
      }
    }
  } catch (e) {
    status('Connection to the workbench lost');
  }
  setTimeout(poll, 1000);
}

async function start() {
  try {
    wb.state.revision = await refreshViews();
    const asked = new URLSearchParams(location.search).get('perspective');
    showPerspective(PERSPECTIVES[asked] ? asked : hasOwnViews('explore') ? 'explore' : 'model', {keepUrl: !asked});
    const view = mounted.get(urlState.getParam('view')); // the view the address names, shown first
    if (view && !view.perspectives.includes(wb.state.perspective) && !asked)
      showPerspective(view.perspectives[0], {keepUrl: true}); // in its own perspective, unless the address names another
    if (view && view.perspectives.includes(wb.state.perspective)) showView(view.area, view.id);
    const scenarios = await loadScenarioList();
    const wanted = urlState.read();
    const first = scenarios.find(s => s.name === wanted.scenario) || scenarios.find(s => s.name === 'baseline') || scenarios[0];
    if (first) await openScenario(first.name, first.name === wanted.scenario ? wanted.overrides : {});
    if (wanted.problems.length) showError('The address has changes the workbench cannot read:\n' + wanted.problems.join('\n'));
    setTimeout(poll, 1000);
  } catch (e) {
    showError('The workbench could not start: ' + e.message);
  }
}
start();
