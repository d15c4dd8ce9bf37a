// The view in the address bar, so that a link reproduces it: ?scenario=NAME&set=MODEL/PARAM=VALUE&set=...
// VALUE is written as `etw run --set` takes it where it can be: a number (1.2) or a trajectory (2030:0.4,2050:0.9);
// per-region values are JSON ({"World":70,"*":5}). Views keep their own choices (a region, a mode) as further
// parameters with setParam(); those survive a change of the parameters but not a change of scenario.

const TRAJECTORY = /^\d{4}:-?[\d.eE+-]+(,\d{4}:-?[\d.eE+-]+)*$/;

/** One value form as text for the address. */
export function formatValue(v) {
  if (typeof v === 'number') return String(v);
  const keys = Object.keys(v);
  if (keys.length && keys.every(k => /^\d{4}$/.test(k)) && keys.every(k => typeof v[k] === 'number'))
    return keys.map(k => `${k}:${v[k]}`).join(',');
  return JSON.stringify(v);
}

/** One value from the address, or throws an Error saying what is wrong. */
export function parseValue(text, where) {
  const t = text.trim();
  if (t !== '' && Number.isFinite(+t)) return +t;
  if (TRAJECTORY.test(t)) {
    const out = {};
    for (const point of t.split(',')) {
      const [y, x] = point.split(':');
      if (!Number.isFinite(+x)) throw new Error(`${where}: ${x} is not a number`);
      out[y] = +x;
    }
    return out;
  }
  if (t.startsWith('{')) {
    try { return JSON.parse(t); } catch (e) { /* below */ }
  }
  throw new Error(`${where}: '${t}' is not a value; write a number (1.2), a trajectory (2030:0.4,2050:0.9) or per-region JSON ({"World":70})`);
}

/** {scenario, overrides, problems} from the address (problems: set= entries that could not be read). */
export function read(search = location.search) {
  const q = new URLSearchParams(search);
  const overrides = {};
  const problems = [];
  for (const s of q.getAll('set')) {
    const eq = s.indexOf('=');
    const slash = s.lastIndexOf('/', eq);
    if (eq < 0 || slash <= 0) {
      problems.push(`set=${s}: write set=MODEL/PARAMETER=VALUE, e.g. set=etw.models.datacenter/pue=1.2`);
      continue;
    }
    try {
      (overrides[s.slice(0, slash)] ||= {})[s.slice(slash + 1, eq)] = parseValue(s.slice(eq + 1), 'set=' + s.slice(0, eq));
    } catch (e) {
      problems.push(e.message);
    }
  }
  return {scenario: q.get('scenario'), overrides, problems};
}

/** The address's query for a scenario and its changes, keeping parameters others own (token, views' choices). */
export function query(ref, overrides, search = location.search, keepViewParams = true) {
  const old = new URLSearchParams(search);
  const q = new URLSearchParams();
  if (old.get('token')) q.set('token', old.get('token'));
  if (old.get('perspective')) q.set('perspective', old.get('perspective'));
  if (ref) q.set('scenario', ref);
  for (const model of Object.keys(overrides).sort())
    for (const param of Object.keys(overrides[model]).sort())
      q.append('set', `${model}/${param}=${formatValue(overrides[model][param])}`);
  if (keepViewParams)
    for (const [k, v] of old) if (k !== 'token' && k !== 'perspective' && k !== 'scenario' && k !== 'set') q.append(k, v);
  return q.toString();
}

/**
 * Writes the workbench's state into the address (replacing, not adding, a history entry). A scenario opened from
 * a file has no name to link to: its changes are still written, without scenario=.
 */
export function write(state) {
  const sameScenario = new URLSearchParams(location.search).get('scenario') === (state.ref || null);
  const q = query(state.ref, state.overrides || {}, location.search, sameScenario);
  const url = location.pathname + (q ? '?' + q : '') + location.hash;
  if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
}

/** A view's own choice (null removes it), kept in the address. */
export function setParam(name, value) {
  const q = new URLSearchParams(location.search);
  if (value === null || value === undefined || value === '') q.delete(name); else q.set(name, value);
  const s = q.toString();
  history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
}

export function getParam(name) {
  return new URLSearchParams(location.search).get(name);
}
