// Key levers on parameter values in the forms of a scenario file: a number, a trajectory {year: number}, or per
// region {region: number | trajectory} ('*' for the other regions). A lever's target moves its parameter by
// op 'set' (the slider's value x convert everywhere, or with `at` at that year of every region's trajectory),
// 'scale' (the scenario's values times value x convert) or 'shift' (plus value x convert). See docs/levers.md.

export const isTrajectory = v => v !== null && typeof v === 'object' && Object.keys(v).length > 0
  && Object.keys(v).every(k => /^\d{4}$/.test(k));

/** The value of a number or trajectory in a year: linear between points, flat outside (as etw.api's Trajectory). */
export function valueAt(t, year) {
  if (typeof t === 'number') return t;
  const ys = Object.keys(t).map(Number).sort((a, b) => a - b);
  if (year <= ys[0]) return t[ys[0]];
  if (year >= ys[ys.length - 1]) return t[ys[ys.length - 1]];
  for (let i = 1; i < ys.length; i++)
    if (year <= ys[i]) {
      const a = ys[i - 1], b = ys[i];
      return t[a] + (t[b] - t[a]) * (year - a) / (b - a);
    }
  return t[ys[ys.length - 1]];
}

/** The number or trajectory a region gets from a value form. */
export function forRegion(v, region) {
  if (typeof v === 'number' || isTrajectory(v)) return v;
  return v[region] !== undefined ? v[region] : v['*'];
}

/** Every number of a value form mapped by f, the form kept. */
export function mapNumbers(v, f) {
  if (typeof v === 'number') return f(v);
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = mapNumbers(x, f);
  return out;
}

function numbers(v, out = []) {
  if (typeof v === 'number') out.push(v);
  else for (const x of Object.values(v)) numbers(x, out);
  return out;
}

/** A trajectory (or number) with the point at `year` set to x, the others kept; a number c becomes {first: c, year: x}. */
function withPoint(t, year, x, firstYear) {
  if (typeof t === 'number') return year <= firstYear ? x : {[firstYear]: t, [year]: x};
  return {...t, [year]: x};
}

/** Twelve significant digits: 70 x 0.01 is 0.7, not 0.7000000000000001, in the address and a saved file. */
const clean = n => +n.toPrecision(12);

/** The parameter's new value when its lever stands at x; `base` is the scenario's value (form). */
export function apply(target, base, x, firstYear) {
  const v = clean(x * target.convert);
  switch (target.op) {
    case 'scale': return mapNumbers(base, b => clean(b * v));
    case 'shift': return mapNumbers(base, b => clean(b + v));
    default:
      if (target.at == null) return v;
      if (typeof base === 'number' || isTrajectory(base)) return withPoint(base, target.at, v, firstYear);
      return Object.fromEntries(Object.entries(base).map(([r, t]) => [r, withPoint(t, target.at, v, firstYear)]));
  }
}

/**
 * Where the lever stands for a parameter value `now`, given the scenario's `base`: read in one region (World if
 * the scenario has it, else its first) and one year (the target's `at`, else the last year for 'set', else the
 * first year whose base value is not zero). null if it cannot be told (a base of zero everywhere for 'scale').
 */
export function position(target, base, now, scenario) {
  const region = scenario.regions.includes('World') ? 'World' : scenario.regions[0];
  const b = forRegion(base, region), n = forRegion(now, region);
  if (b === undefined || n === undefined) return null;
  if (target.op === 'set') return valueAt(n, target.at ?? scenario.lastYear) / target.convert;
  for (let y = scenario.firstYear; y <= scenario.lastYear; y++) {
    const by = valueAt(b, y), ny = valueAt(n, y);
    if (target.op === 'shift') return (ny - by) / target.convert;
    if (by !== 0) return ny / by / target.convert;
  }
  return null;
}

/**
 * The slider values that keep every target inside its parameter's declared range, within [lever.min, lever.max]:
 * each new number is a x + b in the slider's value x, so the allowed x form an interval.
 */
export function feasible(lever, bases) {
  let lo = lever.min, hi = lever.max;
  lever.targets.forEach((t, i) => {
    const cells = t.op === 'set' ? [0] : numbers(bases[i]);
    for (const c of cells) {
      const a = t.op === 'scale' ? c * t.convert : t.convert;
      const b = t.op === 'shift' ? c : 0;
      if (a === 0) continue;
      let x1 = (t.min - b) / a, x2 = (t.max - b) / a;
      if (x1 > x2) [x1, x2] = [x2, x1];
      lo = Math.max(lo, x1);
      hi = Math.min(hi, x2);
    }
  });
  return {lo, hi};
}

/** Rounds to the lever's step, so float noise (0.30000000000000004) never shows. */
export function snap(x, lever) {
  const k = Math.round((x - lever.min) / lever.step);
  const v = lever.min + k * lever.step;
  const decimals = Math.max(0, Math.ceil(-Math.log10(lever.step)) + 1);
  return +v.toFixed(Math.min(10, decimals));
}

export function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
