package etw.models.decarbonisation;

import static etw.models.decarbonisation.HourlyProfiles.DAYS;
import static etw.models.decarbonisation.HourlyProfiles.HOURS;
import static etw.models.decarbonisation.HourlyProfiles.HOURS_PER_DAY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Least-cost clean-electricity procurement of one consumer in one year, solved as linear programmes with ojAlgo
 * (embedded in this bundle). Pure Java, no OSGi.
 *
 * <h2>Decision variables</h2>
 * Annual contracts for solar {@code S}, wind {@code W} and flat clean-firm supply {@code F} (TWh/yr; their hours
 * follow the normalised profiles {@code s_h}, {@code w_h} and 1/8760) and, for the hourly target only, a battery of
 * power {@code P} (GW) and energy {@code E = duration x P} (GWh).
 *
 * <h2>Objective</h2>
 * <pre>
 * min  p_S S + p_W W + p_F F + (k_P + duration k_E) P          [million USD/yr]
 * </pre>
 * with PPA prices {@code p} in USD/MWh (1 TWh x 1 USD/MWh = 1 million USD) and annualised battery costs {@code k} in
 * USD/kW-yr and USD/kWh-yr (1 GW x 1 USD/kW = 1 million USD). Gross cost: surplus sold back earns nothing.
 *
 * <h2>Targets ({@code L_h} the consumer's load in GWh, {@code E_L} its annual consumption)</h2>
 * <pre>
 * annual (volumetric)  S + W + F &gt;= t E_L                                  (certificates for t of the MWh)
 * carbon (emissions)   S sum_h s_h I_h + W sum_h w_h I_h + F sum_h I_h / 8760 &gt;= t sum_h (L_h / 1000) I_h
 *                      (the emissions its contracts displace at each hour's average grid intensity I_h equal t
 *                      times those of its consumption; all 8,760 hours, exact)
 * hourly (CFE)         CFE(S, W, F, P) = 1 - sum_h (1 - cfe_h) q_h / sum_h L_h &gt;= t over all 8,760 hours, where
 *                      q_h is the load left to the grid after the portfolio and its battery, and cfe_h the grid's own
 *                      carbon-free share of hour h: load left to the grid counts at the grid's clean share, as in
 *                      Google's CFE score and in Riepin &amp; Brown's 24/7 study (PyPSA 247-cfe)
 * every target         S &gt;= S_pledged (solar the consumer contracted that the grid inputs already contain)
 * </pre>
 * The annual and carbon targets are three-variable LPs. Storage is offered to the hourly target only: the volumetric
 * target does not reward shifting energy in time, and the carbon target rewards it only by the intraday spread of
 * the average intensity (assumption: less than a battery's cost).
 *
 * <h2>The hourly target over 8,760 hours</h2>
 * Written out hour by hour (charge, discharge, state of charge and q_h per hour) the hourly target is an LP of about
 * 35,000 variables; ojAlgo needs seconds even for 24 representative days of it (measured: 3-9 s for 576 hours). So
 * it is solved in its own structure instead ({@link #hourly}): the best CFE that capacities x = (S, W, F, P) can
 * reach is a concave function of x, so Kelley's cutting-plane method solves min p.x subject to CFE(x) &gt;= t with a
 * four-variable master LP (ojAlgo) and one full-year dispatch ({@link #evaluate}) per cut; typically 10 to 30 cuts,
 * tens of milliseconds. The representative-day LP ({@link #hourlyOnRepresentativeDays}: each month's least-wind
 * day and median-wind day, days added where the full year falls short) is kept as the reference: on the 2024 world
 * grid with a 100% target the two differ by about 3% in cost (see CleanEnergyMatchingTest).
 *
 * <p>Not thread-safe; one per thread. Allocates per solve (the LP models).
 */
public final class Procurement {

    /** The three target types. */
    public enum Target { ANNUAL, CARBON, HOURLY }

    /**
     * Contract prices.
     *
     * @param solar         solar PPA, USD/MWh
     * @param wind          wind PPA, USD/MWh
     * @param firm          clean firm PPA (flat), USD/MWh
     * @param batteryPower  annualised battery power cost, USD/kW-yr
     * @param batteryEnergy annualised battery energy cost, USD/kWh-yr
     * @param roundTrip     battery round-trip efficiency, (0, 1]
     * @param duration      battery energy per unit of power, hours (E = duration x P)
     */
    public record Costs(double solar, double wind, double firm, double batteryPower, double batteryEnergy,
                        double roundTrip, double duration) {
        /** Annualised cost of one GW of battery with its duration, million USD/yr per GW. */
        double battery() {
            return batteryPower + duration * batteryEnergy;
        }
    }

    /**
     * A solved portfolio.
     *
     * @param solar      S, TWh/yr
     * @param wind       W, TWh/yr
     * @param firm       F, TWh/yr
     * @param batteryGw  P, GW
     * @param batteryGwh E, GWh
     * @param cost       objective, million USD/yr
     * @param rounds     LP solves it took (1 unless days were added)
     * @param days       representative days in the last LP (0 for the annual and carbon targets)
     * @param lpScore    the CFE score the last LP reached on its reduced hour set (hourly target; NaN otherwise)
     */
    public record Portfolio(double solar, double wind, double firm, double batteryGw, double batteryGwh, double cost,
                            int rounds, int days, double lpScore) {
        /** S + W + F, TWh/yr. */
        public double energy() {
            return solar + wind + firm;
        }
    }

    /** Most LP solves of one hourly procurement. */
    static final int MAX_ROUNDS = 4;
    /** Full-year CFE shortfall below which no day is added. */
    static final double SCORE_TOLERANCE = 1e-3;

    private final double[] served = new double[HOURS]; // per hour after evaluate: load left to the grid q_h, GWh
    private final double[] net = new double[HOURS];    // per hour after evaluate: portfolio output to the grid, GWh

    /**
     * Solves one procurement.
     *
     * @param target    which target
     * @param level     t: share of the annual MWh, of the consumption emissions, or the hourly CFE score, in [0, 1]
     * @param load      L_h, GWh per hour (8,760)
     * @param solar     s_h normalised (sums to 1)
     * @param wind      w_h normalised
     * @param intensity I_h, g CO2/kWh, average intensity of the grid without the consumer's contracts
     * @param gridCfe   cfe_h in [0, 1], the grid's carbon-free share
     * @param minSolar  S_pledged, TWh/yr
     * @param costs     prices
     */
    public Portfolio solve(Target target, double level, double[] load, double[] solar, double[] wind,
                           double[] intensity, double[] gridCfe, double minSolar, Costs costs) {
        double t = Math.min(1.0, Math.max(0.0, level));
        double pledged = Math.max(0.0, minSolar);
        double loadSum = 0.0;
        for (double l : load) loadSum += l;
        double consumption = loadSum / 1000.0; // TWh
        return switch (target) {
            case ANNUAL -> volumetric(t * consumption, pledged, costs, new double[] {1.0, 1.0, 1.0});
            case CARBON -> {
                double si = 0.0, wi = 0.0, fi = 0.0, li = 0.0;
                for (int h = 0; h < HOURS; h++) {
                    double i = intensity[h];
                    si += solar[h] * i;
                    wi += wind[h] * i;
                    fi += i / HOURS;
                    li += load[h] / 1000.0 * i;
                }
                // per TWh: emissions displaced, TWh x g/kWh; the target t sum L I
                double goal = t * li;
                yield volumetricWeighted(goal, pledged, costs, new double[] {si, wi, fi});
            }
            case HOURLY -> hourly(t, load, solar, wind, gridCfe, pledged, costs);
        };
    }

    /** min p.x subject to S + W + F &gt;= goal (the annual target). */
    private static Portfolio volumetric(double goal, double pledged, Costs costs, double[] coefficients) {
        return volumetricWeighted(goal, pledged, costs, coefficients);
    }

    /** min p.x subject to a.(S, W, F) &gt;= goal, S &gt;= pledged: a three-variable LP. */
    private static Portfolio volumetricWeighted(double goal, double pledged, Costs costs, double[] a) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable s = model.addVariable("S").lower(pledged).weight(costs.solar());
        Variable w = model.addVariable("W").lower(0.0).weight(costs.wind());
        Variable f = model.addVariable("F").lower(0.0).weight(costs.firm());
        Expression row = model.addExpression("target").lower(Math.max(0.0, goal));
        row.set(s, a[0]);
        row.set(w, a[1]);
        row.set(f, a[2]);
        Optimisation.Result r = model.minimise();
        check(r, "annual or carbon target");
        double sv = Math.max(pledged, s.getValue().doubleValue());
        double wv = Math.max(0.0, w.getValue().doubleValue());
        double fv = Math.max(0.0, f.getValue().doubleValue());
        double cost = costs.solar() * sv + costs.wind() * wv + costs.firm() * fv;
        return new Portfolio(sv, wv, fv, 0.0, 0.0, cost, 1, 0, Double.NaN);
    }

    /**
     * The hourly target on all 8,760 hours: Kelley's cutting-plane method. The hourly CFE score that capacities
     * x = (S, W, F, P, E) can reach, f(x) (the best dispatch of the year), is concave and piecewise linear in x, as the
     * optimal value of an LP maximisation whose right-hand side is linear in x. So: solve the master LP
     * min c.x subject to the cuts f(x_j) + g_j.(x - x_j) &gt;= t found so far (ojAlgo, five variables), evaluate
     * f at its solution x_k over the full year ({@link #evaluate}, greedy dispatch), stop when f(x_k) &gt;= t - tol
     * (then x_k is feasible and, the master being a relaxation, least-cost), otherwise add the cut at x_k with g_k
     * from forward differences, and repeat. The greedy dispatch is a lower bound on the best one and the forward
     * differences understate the slope, so the cuts are if anything too tight: the portfolio always meets the
     * target over 8,760 hours and costs at most slightly more than the exact optimum. Because such cuts can cut off
     * the optimum where clean firm and an over-built solar, wind and battery portfolio cost nearly the same, the
     * method runs twice, with and without clean firm, and keeps the cheaper portfolio.
     */
    private Portfolio hourly(double t, double[] load, double[] solar, double[] wind, double[] gridCfe, double pledged,
                             Costs costs) {
        Portfolio with = hourly(t, load, solar, wind, gridCfe, pledged, costs, true);
        if (with.firm() <= 0.0) return with;
        Portfolio without = hourly(t, load, solar, wind, gridCfe, pledged, costs, false);
        return without.cost() < with.cost() ? without : with;
    }

    private Portfolio hourly(double t, double[] load, double[] solar, double[] wind, double[] gridCfe, double pledged,
                             Costs costs, boolean firm) {
        double loadSum = 0.0, peak = 0.0;
        for (double l : load) {
            loadSum += l;
            peak = Math.max(peak, l);
        }
        double consumption = loadSum / 1000.0;
        double duration = Math.max(0.0, costs.duration());
        double[] price = {costs.solar(), costs.wind(), costs.firm(), costs.battery()};
        if (consumption <= 0.0 || t <= 0.0) {
            return new Portfolio(pledged, 0, 0, 0, 0, costs.solar() * pledged, 1, 0, Double.NaN);
        }
        // bounds that keep the master bounded; clean firm at firmMax alone covers every hour
        double firmMax = 1.001 * peak * HOURS / 1000.0;
        double[] lower = {pledged, 0, 0, 0};
        double[] upper = {Math.max(pledged, 40 * consumption), 40 * consumption, firm ? firmMax : 0.0, 4 * peak};
        double[] step = {1e-3 * consumption, 1e-3 * consumption, 1e-3 * consumption, 1e-3 * peak};
        List<double[]> cuts = new ArrayList<>(); // {g_S, g_W, g_F, g_P, rhs}
        double[] x = lower.clone();
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        int round = 0;
        double score = Double.NaN;
        for (round = 1; round <= MAX_CUTS; round++) {
            score = evaluate(x, duration, load, solar, wind, gridCfe, costs.roundTrip());
            double cost = dot(price, x);
            if (score >= t - CUT_TOLERANCE) {
                if (cost < bestCost) {
                    bestCost = cost;
                    best = x.clone();
                }
                break;
            }
            double[] cut = new double[VARS + 1];
            double rhs = t - score;
            for (int i = 0; i < VARS; i++) {
                double[] y = x.clone();
                double d = step[i];
                if (upper[i] <= lower[i]) continue; // fixed variable: no slope needed
                if (y[i] + d > upper[i]) d = -d; // at the upper bound: a backward difference
                y[i] += d;
                cut[i] = (evaluate(y, duration, load, solar, wind, gridCfe, costs.roundTrip()) - score) / d;
                rhs += cut[i] * x[i];
            }
            cut[VARS] = rhs;
            cuts.add(cut);
            x = master(price, lower, upper, cuts);
            if (x == null) break; // the cuts left nothing (they are slightly too tight): fall back below
        }
        if (best == null) {
            // not converged: add clean firm to the last point until the year meets the target (firmMax always does)
            double[] y = x == null ? lower.clone() : x.clone();
            double lo = y[2], hi = firmMax;
            for (int it = 0; it < 60; it++) {
                y[2] = 0.5 * (lo + hi);
                if (evaluate(y, duration, load, solar, wind, gridCfe, costs.roundTrip()) >= t - CUT_TOLERANCE) hi = y[2];
                else lo = y[2];
            }
            y[2] = hi;
            best = y;
            score = evaluate(y, duration, load, solar, wind, gridCfe, costs.roundTrip());
        }
        return new Portfolio(best[0], best[1], best[2], best[3], duration * best[3], dot(price, best), round, 0, score);
    }

    /** Decision variables of the hourly master LP: S, W, F, P. */
    private static final int VARS = 4;
    /** Most master LPs of one hourly procurement. */
    static final int MAX_CUTS = 150;
    /** Full-year CFE shortfall accepted as meeting the target. */
    static final double CUT_TOLERANCE = 1e-4;

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** The master LP: min price.x, lower &lt;= x &lt;= upper, every cut g.x &gt;= rhs; null if infeasible. */
    private static double[] master(double[] price, double[] lower, double[] upper, List<double[]> cuts) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] v = new Variable[VARS];
        for (int i = 0; i < VARS; i++) v[i] = model.addVariable("x" + i).lower(lower[i]).upper(upper[i]).weight(price[i]);
        for (double[] cut : cuts) {
            Expression row = model.addExpression().lower(cut[VARS]);
            for (int i = 0; i < VARS; i++) if (cut[i] != 0.0) row.set(v[i], cut[i]);
        }
        Optimisation.Result r = model.minimise();
        if (!r.getState().isFeasible()) return null;
        double[] x = new double[VARS];
        for (int i = 0; i < VARS; i++) x[i] = Math.min(upper[i], Math.max(lower[i], v[i].getValue().doubleValue()));
        return x;
    }

    private double evaluate(double[] x, double duration, double[] load, double[] solar, double[] wind, double[] gridCfe,
                            double roundTrip) {
        return evaluate(new Portfolio(x[0], x[1], x[2], x[3], duration * x[3], 0, 0, 0, 0), load, solar, wind, gridCfe,
                roundTrip);
    }

    /**
     * The hourly target solved as one LP on representative days with the cutting-plane on days described above
     * (the reference method: seconds per solve with ojAlgo, so it serves tests and the documented error, not runs).
     */
    Portfolio hourlyOnRepresentativeDays(double t, double[] load, double[] solar, double[] wind, double[] gridCfe, double pledged,
                             Costs costs) {
        List<Integer> days = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        representativeDays(wind, days, weights);
        Portfolio p = null;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            p = hourlyLp(t, load, solar, wind, gridCfe, pledged, costs, days, weights, round);
            double full = evaluate(p, load, solar, wind, gridCfe, costs.roundTrip());
            if (full >= t - SCORE_TOLERANCE || round == MAX_ROUNDS) break;
            int worst = worstDay(gridCfe, days);
            if (worst < 0) break;
            // the added day stands for itself; its month's median day stands for one day less
            int month = Math.min(11, worst * 12 / DAYS);
            int median = days.get(2 * month + 1);
            int mi = days.indexOf(median);
            if (weights.get(mi) > 1.0) weights.set(mi, weights.get(mi) - 1.0);
            days.add(worst);
            weights.add(1.0);
        }
        return p;
    }

    /** The day (not yet in the set) with the largest (1 - cfe_h) q_h after {@link #evaluate}; -1 if none. */
    private int worstDay(double[] gridCfe, List<Integer> days) {
        int worst = -1;
        double most = 0.0;
        for (int d = 0; d < DAYS; d++) {
            if (days.contains(d)) continue;
            double s = 0.0;
            for (int h = d * HOURS_PER_DAY; h < (d + 1) * HOURS_PER_DAY; h++) s += (1.0 - gridCfe[h]) * served[h];
            if (s > most) {
                most = s;
                worst = d;
            }
        }
        return worst;
    }

    /**
     * For each month (365 / 12 days, the last one takes the remainder): the day with the least wind (weight 1) and
     * the month's median-wind day (weight: the month's other days). Two days per month, weights summing to 365.
     */
    static void representativeDays(double[] wind, List<Integer> days, List<Double> weights) {
        double[] daily = new double[DAYS];
        for (int d = 0; d < DAYS; d++)
            for (int h = d * HOURS_PER_DAY; h < (d + 1) * HOURS_PER_DAY; h++) daily[d] += wind[h];
        for (int m = 0; m < 12; m++) {
            int from = m * DAYS / 12, to = (m + 1) * DAYS / 12;
            Integer[] order = new Integer[to - from];
            for (int d = from; d < to; d++) order[d - from] = d;
            Arrays.sort(order, (a, b) -> Double.compare(daily[a], daily[b]));
            days.add(order[0]);
            weights.add(1.0);
            days.add(order[order.length / 2]);
            weights.add((double) (order.length - 1));
        }
    }

    private static Portfolio hourlyLp(double t, double[] load, double[] solar, double[] wind, double[] gridCfe,
                                      double pledged, Costs costs, List<Integer> days, List<Double> weights, int round) {
        double eta = Math.sqrt(Math.min(1.0, Math.max(0.01, costs.roundTrip())));
        Optimisation.Options options = new Optimisation.Options();
        options.sparse = Boolean.TRUE; // measured: about twice as fast as the dense tableau on this LP
        ExpressionsBasedModel model = new ExpressionsBasedModel(options);
        Variable s = model.addVariable("S").lower(pledged).weight(costs.solar());
        Variable w = model.addVariable("W").lower(0.0).weight(costs.wind());
        Variable f = model.addVariable("F").lower(0.0).weight(costs.firm());
        Variable p = model.addVariable("P").lower(0.0).weight(costs.battery());
        Expression cfeRow = model.addExpression("cfe");
        List<Variable> left = new ArrayList<>();
        List<Double> leftWeight = new ArrayList<>();
        double allowed = 0.0;
        double firmPerHour = 1000.0 / HOURS;
        for (int j = 0; j < days.size(); j++) {
            int day = days.get(j);
            double weight = weights.get(j);
            Variable[] soc = new Variable[HOURS_PER_DAY];
            Variable[] charge = new Variable[HOURS_PER_DAY];
            Variable[] discharge = new Variable[HOURS_PER_DAY];
            for (int k = 0; k < HOURS_PER_DAY; k++) {
                int h = day * HOURS_PER_DAY + k;
                charge[k] = model.addVariable().lower(0.0);
                discharge[k] = model.addVariable().lower(0.0);
                soc[k] = model.addVariable().lower(0.0);
                Variable q = model.addVariable().lower(0.0).upper(load[h]);
                Expression balance = model.addExpression().lower(load[h]);
                balance.set(s, 1000.0 * solar[h]);
                balance.set(w, 1000.0 * wind[h]);
                balance.set(f, firmPerHour);
                balance.set(discharge[k], 1.0);
                balance.set(charge[k], -1.0);
                balance.set(q, 1.0);
                double dirty = 1.0 - Math.min(1.0, Math.max(0.0, gridCfe[h]));
                if (dirty > 0.0) {
                    cfeRow.set(q, weight * dirty);
                    left.add(q);
                    leftWeight.add(weight * dirty);
                }
                allowed += weight * load[h];
                model.addExpression().upper(0.0).set(charge[k], 1.0).set(p, -1.0);
                model.addExpression().upper(0.0).set(discharge[k], 1.0).set(p, -1.0);
                model.addExpression().upper(0.0).set(soc[k], 1.0).set(p, -Math.max(0.0, costs.duration()));
            }
            for (int k = 0; k < HOURS_PER_DAY; k++) {
                int prev = (k + HOURS_PER_DAY - 1) % HOURS_PER_DAY;
                model.addExpression().level(0.0).set(soc[k], 1.0).set(soc[prev], -1.0).set(charge[k], -eta)
                        .set(discharge[k], 1.0 / eta);
            }
        }
        cfeRow.upper((1.0 - t) * allowed);
        Optimisation.Result r = model.minimise();
        check(r, "hourly target " + t);
        double sv = Math.max(pledged, s.getValue().doubleValue());
        double wv = Math.max(0.0, w.getValue().doubleValue());
        double fv = Math.max(0.0, f.getValue().doubleValue());
        double pv = Math.max(0.0, p.getValue().doubleValue());
        double ev = Math.max(0.0, costs.duration()) * pv;
        double cost = costs.solar() * sv + costs.wind() * wv + costs.firm() * fv + costs.battery() * pv;
        double dirtyLeft = 0.0;
        for (int i = 0; i < left.size(); i++) dirtyLeft += leftWeight.get(i) * left.get(i).getValue().doubleValue();
        double lpScore = allowed > 0.0 ? 1.0 - dirtyLeft / allowed : 1.0;
        return new Portfolio(sv, wv, fv, pv, ev, cost, round, days.size(), lpScore);
    }

    private static void check(Optimisation.Result r, String what) {
        if (!r.getState().isOptimal())
            throw new IllegalStateException("procurement LP for the " + what + " ended " + r.getState()
                    + " instead of optimal; check the consumer's parameters (prices must be positive and finite)");
    }

    /**
     * Runs a portfolio over all 8,760 hours: hour h's output {@code 1000 (S s_h + W w_h + F / 8760)} serves the load
     * first; a battery charges from the surplus and discharges into the deficit (greedy, in time order, over the year
     * twice so the state of charge on 1 January is the one on 31 December); what is left of the load goes to the
     * grid ({@code q_h}). Returns the full-year CFE score {@code 1 - sum (1 - cfe_h) q_h / sum L_h} (1 without load).
     */
    public double evaluate(Portfolio p, double[] load, double[] solar, double[] wind, double[] gridCfe, double roundTrip) {
        double eta = Math.sqrt(Math.min(1.0, Math.max(0.01, roundTrip)));
        double sGwh = 1000.0 * p.solar(), wGwh = 1000.0 * p.wind(), fGwh = 1000.0 * p.firm() / HOURS;
        double power = p.batteryGw(), energy = p.batteryGwh();
        double soc = 0.0, loadSum = 0.0, dirty = 0.0;
        for (int pass = 0; pass < 2; pass++) {
            boolean last = pass == 1;
            for (int h = 0; h < HOURS; h++) {
                double gen = sGwh * solar[h] + wGwh * wind[h] + fGwh;
                double l = load[h];
                double out;
                double q = 0.0;
                if (gen >= l) {
                    double c = Math.min(gen - l, Math.min(power, (energy - soc) / eta));
                    if (c > 0.0) soc += c * eta; else c = 0.0;
                    out = gen - c; // to the load and, beyond it, back to the grid
                } else if (gridCfe[h] >= 1.0) {
                    q = l - gen; // the grid is carbon-free this hour: keep the battery for a dirtier one
                    out = gen;
                } else {
                    double d = Math.min(l - gen, Math.min(power, soc * eta));
                    if (d > 0.0) soc -= d / eta; else d = 0.0;
                    q = l - gen - d;
                    out = gen + d;
                }
                if (last) {
                    served[h] = q;
                    net[h] = out;
                    loadSum += l;
                    dirty += (1.0 - Math.min(1.0, Math.max(0.0, gridCfe[h]))) * q;
                }
            }
        }
        return loadSum > 0.0 ? Math.max(0.0, 1.0 - dirty / loadSum) : 1.0;
    }

    /** After {@link #evaluate}: load left to the grid in each hour, GWh (callers must not modify it). */
    double[] gridSupplied() {
        return served;
    }

    /** After {@link #evaluate}: the portfolio's output (to the load and beyond it to the grid) each hour, GWh. */
    double[] portfolioOutput() {
        return net;
    }
}
