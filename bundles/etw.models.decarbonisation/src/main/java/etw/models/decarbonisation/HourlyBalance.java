package etw.models.decarbonisation;

import static etw.models.decarbonisation.HourlyProfiles.HOURS;
import static etw.models.decarbonisation.HourlyProfiles.min;

/**
 * The hourly (8,760 h) electricity balance of one region in one year: variable renewables from their profiles,
 * firm clean supply flat, hydro dispatched into the highest residual hours of each month, storage charged from
 * surplus and discharged into deficit, dispatchable fossil by merit order, and what is left as unmet demand or
 * curtailment. Pure Java, no OSGi.
 *
 * <p>A workspace: it owns one {@code double[8760]} buffer and allocates nothing per call. It is <b>not</b>
 * thread-safe; use one per thread. {@link #run} overwrites every result, so a result depends only on its
 * arguments. Energy is in GWh per hour (= GW) inside, TWh per year in the results.
 *
 * <h2>Equations (hour h, all in GWh)</h2>
 * <pre>
 * net_h      = D g_h - S s_h - W w_h - F / 8760            (D demand incl. losses, S solar, W wind, F firm clean)
 * hydro_h    = min(cap_hydro, max(0, net_h - L_m))          L_m >= 0 the level at which the hours of month m
 *                                                           (730 h each) take exactly the month's budget H / 12,
 *                                                           or hydro_h = min(cap_hydro, max(0, net_h)) and the rest
 *                                                           of the budget is spilled when the month cannot use it
 * storage    in time order, batteries before pumped hydro, each with power P, energy E, round-trip efficiency e:
 *            surplus (net_h - hydro_h &lt; 0): charge c = min(surplus left, P, (E - soc) / sqrt e), soc += c sqrt e
 *            deficit:                        discharge d = min(deficit left, P, soc sqrt e),      soc -= d / sqrt e
 *            soc = 0 at the start of every year (the model keeps no state between years)
 * fossil     residual r_h after storage, fuels sorted by short-run cost c_f = fuel_f / eff_f + carbon * ef_f / 1000
 *            (ties in the order coal, gas, oil): first each fuel's must-run block m_f &lt;= A_f in that order,
 *            then the rest of each available capacity A_f in that order, each min(r left, capacity left)
 * unmet_h    = r_h left after the last fuel;   curtailment = surplus left after storage + spilled hydro
 * </pre>
 * The storage rule is a greedy in time order (no foresight, no optimisation): it is a lower bound on what the
 * same storage could do with perfect foresight. The year closes exactly:
 * {@code S + W + F + hydro + discharge + fossil + unmet = D + charge + curtailment - spill}, with
 * {@code charge - discharge = losses + final soc}.
 */
public final class HourlyBalance {

    /** Months of the hydro budget. */
    public static final int MONTHS = 12;
    /** Hours in a month of the hydro budget (8,760 / 12). */
    public static final int MONTH_HOURS = HOURS / MONTHS;
    /** Fuels in the merit order. */
    public static final int FUELS = 3;
    /** Fuel index of coal, gas and oil. */
    public static final int COAL = 0, GAS = 1, OIL = 2;

    private static final int MAX_ITERATIONS = 100;

    /** A storage fleet: power in GW, energy in GWh, round-trip efficiency in (0, 1]. */
    public record Storage(double powerGw, double energyGwh, double roundTrip) {
    }

    private final double[] net = new double[HOURS];

    private double unmet, curtailment, spill, hydroDispatched, charge, discharge, losses, finalSoc, peakResidual, peakSurplus;
    private final double[] fossil = new double[FUELS];
    private final double[] peakFossil = new double[FUELS];
    private final int[] order = new int[FUELS];
    private final double[] avail = new double[FUELS];
    private final double[] floor = new double[FUELS];
    /**
     * For tests: when set (four arrays of 8,760), each hour's battery and pumped-hydro state of charge (GWh) after
     * the hour, its curtailment and its residual before fossil (GWh) are recorded here.
     */
    double[][] trace;

    /**
     * Runs one region-year.
     *
     * @param demand    D, generation required incl. losses, TWh/yr
     * @param g         normalised demand profile (sums to 1)
     * @param solar     S, TWh/yr, with its normalised profile {@code s}
     * @param wind      W, TWh/yr, with its normalised profile {@code w}
     * @param firm      F, flat clean supply (nuclear and other), TWh/yr
     * @param hydro     H, hydro energy budget, TWh/yr
     * @param hydroGw   hydro turbine capacity, GW
     * @param battery   batteries
     * @param pumped    pumped hydro
     * @param availableGw available capacity of each fuel, GW (coal, gas, oil)
     * @param mustRunGw must-run block of each fuel, GW (at most its available capacity)
     * @param cost      short-run cost of each fuel, USD/MWh (any consistent unit: only the order counts)
     */
    public void run(double demand, double[] g, double solar, double[] s, double wind, double[] w, double firm,
                    double hydro, double hydroGw, Storage battery, Storage pumped, double[] availableGw,
                    double[] mustRunGw, double[] cost) {
        balance(demand, g, solar, s, wind, w, firm, hydro, hydroGw, battery, pumped);
        dispatch(availableGw, mustRunGw, cost);
    }

    /**
     * The first half of {@link #run}: clean supply, hydro and storage. Leaves the residual load of each hour for
     * {@link #dispatch} and sets every result but the fossil ones and unmet demand; {@link #peakResidual()} is
     * known from here on (it does not depend on the fossil fleet).
     */
    public void balance(double demand, double[] g, double solar, double[] s, double wind, double[] w, double firm,
                        double hydro, double hydroGw, Storage battery, Storage pumped) {
        double d = Math.max(0.0, demand) * 1000.0;
        double sol = Math.max(0.0, solar) * 1000.0;
        double wnd = Math.max(0.0, wind) * 1000.0;
        double flat = Math.max(0.0, firm) * 1000.0 / HOURS;
        for (int h = 0; h < HOURS; h++) net[h] = d * g[h] - sol * s[h] - wnd * w[h] - flat;

        hydro(Math.max(0.0, hydro) * 1000.0 / MONTHS, Math.max(0.0, hydroGw));

        double bp = Math.max(0.0, battery.powerGw()), be = Math.max(0.0, battery.energyGwh());
        double bIn = Math.sqrt(clampEfficiency(battery.roundTrip())), bOut = bIn;
        double pp = Math.max(0.0, pumped.powerGw()), pe = Math.max(0.0, pumped.energyGwh());
        double pIn = Math.sqrt(clampEfficiency(pumped.roundTrip())), pOut = pIn;
        double bInv = 1.0 / bIn, pInv = 1.0 / pIn;
        double bSoc = 0.0, pSoc = 0.0, in = 0.0, out = 0.0, lost = 0.0, surplusLeft = 0.0, peak = 0.0, spare = 0.0;
        for (int h = 0; h < HOURS; h++) {
            double r = net[h];
            if (r < 0.0) {
                double surplus = -r;
                double c = min(surplus, min(bp, (be - bSoc) * bInv));
                if (c > 0.0) { bSoc += c * bIn; surplus -= c; in += c; lost += c * (1.0 - bIn); }
                c = min(surplus, min(pp, (pe - pSoc) * pInv));
                if (c > 0.0) { pSoc += c * pIn; surplus -= c; in += c; lost += c * (1.0 - pIn); }
                surplusLeft += surplus;
                if (surplus > spare) spare = surplus;
                net[h] = 0.0;
                if (trace != null) record(h, bSoc, pSoc, surplus, 0.0);
                continue;
            }
            double x = min(r, min(bp, bSoc * bOut));
            if (x > 0.0) { bSoc -= x * bInv; r -= x; out += x; lost += x * (bInv - 1.0); }
            x = min(r, min(pp, pSoc * pOut));
            if (x > 0.0) { pSoc -= x * pInv; r -= x; out += x; lost += x * (pInv - 1.0); }
            if (r > peak) peak = r;
            net[h] = r;
            if (trace != null) record(h, bSoc, pSoc, 0.0, r);
        }
        curtailment = (surplusLeft + spill) / 1000.0;
        spill /= 1000.0;
        hydroDispatched /= 1000.0;
        charge = in / 1000.0;
        discharge = out / 1000.0;
        losses = lost / 1000.0;
        finalSoc = (bSoc + pSoc) / 1000.0;
        peakResidual = peak;
        peakSurplus = spare;
    }

    /**
     * The second half of {@link #run}: dispatches the fossil fleet by merit order into the residual load that
     * {@link #balance} left. May be called again with another fleet (it does not change the residual load).
     */
    public void dispatch(double[] availableGw, double[] mustRunGw, double[] cost) {
        sortFuels(cost);
        for (int i = 0; i < FUELS; i++) {
            int f = order[i];
            avail[i] = Math.max(0.0, availableGw[f]);
            floor[i] = Math.min(avail[i], Math.max(0.0, mustRunGw[f]));
        }
        double m0 = floor[0], m1 = floor[1], m2 = floor[2], c0 = avail[0], c1 = avail[1], c2 = avail[2];
        double f0 = 0.0, f1 = 0.0, f2 = 0.0, k0 = 0.0, k1 = 0.0, k2 = 0.0, short_ = 0.0;
        for (int h = 0; h < HOURS; h++) {
            double r = net[h];
            // must-run blocks in merit order, then the rest of each fleet in merit order
            double a0 = min(r, m0); r -= a0;
            double a1 = min(r, m1); r -= a1;
            double a2 = min(r, m2); r -= a2;
            double b0 = min(r, c0 - a0); r -= b0;
            double b1 = min(r, c1 - a1); r -= b1;
            double b2 = min(r, c2 - a2); r -= b2;
            double g0 = a0 + b0, g1 = a1 + b1, g2 = a2 + b2;
            f0 += g0; f1 += g1; f2 += g2;
            if (g0 > k0) k0 = g0;
            if (g1 > k1) k1 = g1;
            if (g2 > k2) k2 = g2;
            short_ += r;
        }
        fossil[order[0]] = f0 / 1000.0;
        fossil[order[1]] = f1 / 1000.0;
        fossil[order[2]] = f2 / 1000.0;
        peakFossil[order[0]] = k0;
        peakFossil[order[1]] = k1;
        peakFossil[order[2]] = k2;
        unmet = short_ / 1000.0;
    }

    private void record(int h, double bSoc, double pSoc, double curtailed, double residual) {
        trace[0][h] = bSoc;
        trace[1][h] = pSoc;
        trace[2][h] = curtailed;
        trace[3][h] = residual;
    }

    /** Water-filling of each month's budget into its highest net hours, within the turbine capacity. */
    /** Passes over a month the hydro level search took, summed over calls (diagnostic for tests). */
    long hydroPasses;

    private void hydro(double budget, double cap) {
        double previousLevel = 0.0;
        spill = 0.0;
        hydroDispatched = 0.0;
        for (int m = 0; m < MONTHS; m++) {
            int from = m * MONTH_HOURS, to = from + MONTH_HOURS;
            double most = 0.0, top = 0.0;
            for (int h = from; h < to; h++) {
                double v = net[h];
                if (v > 0.0) most += min(cap, v);
                if (v > top) top = v;
            }
            double level;
            if (budget <= 0.0) continue;
            if (cap <= 0.0) { // no turbines: the water is spilled
                spill += budget;
                continue;
            }
            if (most <= budget) {
                level = 0.0;
                spill += budget - most;
            } else {
                // f(L) = sum min(cap, max(0, net - L)) - budget decreases in L; f(0) > 0 >= f(top)
                // start from the previous month's level: neighbouring months differ little, so Newton needs fewer passes
                double lo = 0.0, hi = top, l = previousLevel < top ? previousLevel : 0.0;
                for (int it = 0; it < MAX_ITERATIONS; it++) {
                    double sum = 0.0;
                    int slope = 0;
                    for (int h = from; h < to; h++) {
                        double v = net[h] - l;
                        if (v > 0.0) {
                            if (v < cap) { sum += v; slope++; } else sum += cap;
                        }
                    }
                    hydroPasses++;
                    double f = sum - budget;
                    if (Math.abs(f) <= 1e-9 * budget) break;
                    if (f > 0.0) lo = l; else hi = l;
                    double next = slope > 0 ? l + f / slope : 0.5 * (lo + hi);
                    l = next > lo && next < hi ? next : 0.5 * (lo + hi);
                }
                level = l;
                previousLevel = l;
            }
            double used = 0.0;
            for (int h = from; h < to; h++) {
                double v = net[h] - level;
                double x = v > 0.0 ? min(cap, v) : 0.0;
                net[h] -= x;
                used += x;
            }
            hydroDispatched += used;
            if (most > budget) spill += Math.max(0.0, budget - used); // rounding of the last iteration only
        }
    }

    private void sortFuels(double[] cost) {
        for (int i = 0; i < FUELS; i++) order[i] = i;
        for (int i = 1; i < FUELS; i++) // insertion sort, stable: ties keep the order coal, gas, oil
            for (int j = i; j > 0 && cost[order[j]] < cost[order[j - 1]]; j--) {
                int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t;
            }
    }

    private static double clampEfficiency(double e) {
        return e > 1.0 ? 1.0 : e > 0.01 ? e : 0.01;
    }

    /** Generation of a fuel ({@link #COAL}, {@link #GAS}, {@link #OIL}), TWh/yr. */
    public double fossil(int fuel) { return fossil[fuel]; }

    /** Highest hourly output of a fuel, GW. */
    public double peakFossil(int fuel) { return peakFossil[fuel]; }

    /** Demand no supply could meet, TWh/yr. */
    public double unmet() { return unmet; }

    /** Surplus no storage could take, plus spilled hydro, TWh/yr. */
    public double curtailment() { return curtailment; }

    /** Hydro budget that no hour could use, TWh/yr (part of {@link #curtailment()}). */
    public double hydroSpill() { return spill; }

    /** Hydro energy dispatched, TWh/yr. */
    public double hydroDispatched() { return hydroDispatched; }

    /** Energy taken from the grid by storage, TWh/yr. */
    public double charge() { return charge; }

    /** Energy given back to the grid by storage, TWh/yr. */
    public double discharge() { return discharge; }

    /** Storage conversion losses, TWh/yr. */
    public double losses() { return losses; }

    /** Energy left in storage at the end of the year, TWh. */
    public double finalStorage() { return finalSoc; }

    /** Highest residual load after clean supply, hydro and storage (before fossil), GW. */
    public double peakResidual() { return peakResidual; }

    /** Highest hourly surplus left after storage (curtailed in that hour), GW. */
    public double peakSurplus() { return peakSurplus; }

    /** The merit order of the last run: fuel indices, cheapest first. */
    int[] meritOrder() { return order.clone(); }
}
