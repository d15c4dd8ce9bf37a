package etw.models.decarbonisation;

import static etw.models.decarbonisation.HourlyProfiles.HOURS;
import static etw.models.decarbonisation.HourlyProfiles.min;

import java.util.Arrays;

/**
 * The hourly electricity balance of one region in one year: variable renewables from their profiles, firm clean
 * supply flat, hydro dispatched into the highest residual hours of each month, storage charged from surplus and
 * discharged into deficit, batteries then also holding the year's residual peak down by charging from the
 * dispatchable fleet in the valley before each day's peak, dispatchable plants (coal, gas, oil, clean firm) by
 * merit order, and what is left as unmet demand or curtailment. Pure Java, no OSGi.
 *
 * <p>The modelled year has {@code n} hours (a multiple of 24 and of 12, at most 8,760), each standing for
 * {@code weight} real hours: the full year is {@code n = 8760, weight = 1}; twelve representative days are
 * {@code n = 288, weight = 8760 / 288}. Profiles sum to 1 over the {@code n} hours. Powers are in GW (GWh per
 * real hour) inside, energies TWh per year in the results.
 *
 * <p>A workspace: it owns its {@code double[8760]} buffers and allocates nothing per call. It is <b>not</b>
 * thread-safe; use one per thread. A result depends only on the arguments of the last calls.
 *
 * <h2>Equations (modelled hour h, GW)</h2>
 * <pre>
 * base_h     = (D g_h - S s_h - W w_h) * 1000 / weight - F * 1000 / 8760   (D demand incl. losses, S solar, W wind,
 *                                                                           F flat firm clean, all TWh/yr)
 * hydro_h    = min(cap_hydro, max(0, base_h - L_m))     L_m &gt;= 0 the level at which the n/12 hours of month m take
 *                                                       exactly the month's budget H / 12 / weight, or
 *                                                       hydro_h = min(cap_hydro, max(0, base_h)) and the rest of the
 *                                                       budget is spilled when the month cannot use it
 * storage    in time order, batteries before pumped hydro, each with power P, energy E, round-trip efficiency e:
 *            surplus (base_h - hydro_h &lt; 0): charge c = min(surplus left, P, (E - soc) / sqrt e), soc += c sqrt e
 *            deficit:                         discharge d = min(deficit left, P, soc sqrt e),      soc -= d / sqrt e
 *            soc = 0 at the start of the year; representative days follow each other with soc carried over
 * shaving    then, batteries only, with what the surplus pass left free: power P'_h = P - c_h - d_h; windows w
 *            from each day's hour of lowest r_h (the earliest of equals) to the next day's (the first from hour 0,
 *            the last to hour n); room R_h = min over the window's hours h' &gt;= h of (E - soc_h'). Held to a
 *            level L, a bump b of stored energy, 0 at the start of the window, goes in time order:
 *              r_h &gt; L:                         discharge d'_h = min(P'_h, r_h - L),   b -= d'_h / sqrt e
 *              r_h &lt; min(L, C), no curtailment: charge c'_h = min(P'_h, min(L, C) - r_h, (R_h - b) / sqrt e),
 *                                                                                   b += c'_h sqrt e
 *            w can hold L when b never falls below 0. The year's level P is the lowest every window can hold:
 *            at least max_w max_h (r_h - P'_h) and the top of every window that cannot charge, found from the
 *            highest window top down (Newton's steps on the least b, to 1e-9 relative). Each window whose top is
 *            above P is held to P; the charging no discharge needs is then taken back, latest hours first, so
 *            that b ends the window at 0 (sum_h c'_h e = sum_h d'_h); r_h += c'_h - d'_h, soc_h += b_h. C is the
 *            dispatchable fleet's available capacity (unbounded unless given): charging from it never asks for
 *            more than the peak after shaving, P, nor more than the fleet. Pumped hydro stays with the surplus
 *            pass.
 * dispatch   residual r_h after storage, plants sorted by short-run cost c_f (ties in the order coal, gas, oil,
 *            clean firm): first each fuel's must-run block m_f &lt;= A_f in that order, then the rest of each
 *            available capacity A_f in that order, each min(r left, capacity left)
 * unmet_h    = r_h left after the last plant;   curtailment_h = surplus left after storage
 * price_h    = value of lost load when unmet_h &gt; 0, else the short-run cost of the last plant that ran, 0 when
 *              no plant ran (clean supply, hydro or storage was at the margin)
 * </pre>
 * The storage rules are greedy in time order (no foresight beyond the day, no optimisation): a lower bound on what
 * the same storage could do with perfect foresight. The shaving is what batteries do for the peak on days without
 * clean surplus: charged from spare dispatchable capacity in the valley before the peak, discharged into its
 * highest hours, so they hold energy on the winter and windless days that set the year's peak and earn their
 * capacity credit physically. About a day is the unit because 2-4 h batteries cycle about once a day; a window
 * runs from one valley to the next, so the charge comes before the peak it serves, whether the valley is at night
 * (little solar: the evening peak follows) or at midday (much solar: the night follows). The bump starts and ends
 * each window at 0, so the state of charge of the surplus pass, and with it every later hour, stays as it was, and
 * hours are visited in time order, so 0 &lt;= soc_h &lt;= E every hour. Charging from the fleet adds its energy and
 * the losses to the residual load of the valley hours, which dispatch serves (with fossil plants, and their
 * emissions, when they are at the margin). Only the days whose peak would stand above the year's level P are
 * shaved, and only down to P: that is all the peak needs; shaving the other days too would cycle the battery
 * between fossil hours for a round-trip loss, which pays only where the price spread covers it (not modelled), and
 * would cost a level search for every day of every region-year (the run would be about three times slower).
 * Every hour closes:
 * {@code (D g_h)/weight = (S s_h + W w_h)/weight + F/8760 + hydro_h + discharge_h - charge_h + dispatch_h + unmet_h
 * - curtailment_h}. {@link #dispatch} checks each hour to 1e-6 relative (of the hour's load net of clean supply)
 * and returns the first hour that does not close: the load left after clean supply and hydro, less the storage
 * flow, plus curtailment, must equal what the plants gave plus unmet demand. The model checks the year's sums
 * against demand as well.
 */
public final class HourlyBalance {

    /** Months of the hydro budget. */
    public static final int MONTHS = 12;
    /** Hours in a month of the hydro budget of the full year (8,760 / 12). */
    public static final int MONTH_HOURS = HOURS / MONTHS;
    /** Plants in the merit order. */
    public static final int FUELS = 4;
    /** Plant index of coal, gas, oil and clean firm (nuclear, geothermal, bioenergy and other firm clean plants). */
    public static final int COAL = 0, GAS = 1, OIL = 2, CLEAN = 3;
    /** Relative tolerance of the hourly balance invariant. */
    public static final double TOLERANCE = 1e-6;

    private static final int MAX_ITERATIONS = 100;
    /**
     * Precision of a window's shave level, relative to its highest residual (assumption: 1e-9, far inside the
     * profiles' own precision; the level found is never below the best, so the shaving errs on the safe side).
     */
    static final double SHAVE_TOLERANCE = 1e-9;

    /** A storage fleet: power in GW, energy in GWh, round-trip efficiency in (0, 1]. */
    public record Storage(double powerGw, double energyGwh, double roundTrip) {
    }

    private final double[] base = new double[HOURS];
    private final double[] afterHydro = new double[HOURS];
    private final double[] net = new double[HOURS];
    private final double[] curtailed = new double[HOURS];
    /**
     * The left-hand side of each hour's invariant, made by {@link #storage}: the load left after clean supply and
     * hydro, less the storage flow (discharge - charge), plus curtailment, as {@code (afterHydro - flow) +
     * curtailed}, the same operations in the same order as when {@link #dispatch} computed it (one array to read
     * there instead of three).
     */
    private final double[] closing = new double[HOURS];
    private final double[] price = new double[HOURS];
    /** Storage flow of each hour, discharge - charge of both stores (GW). */
    private final double[] flow = new double[HOURS];
    /** Battery flow of each hour in the surplus pass, charge or discharge (GW), and its state of charge after (GWh). */
    private final double[] batteryFlow = new double[HOURS], batterySoc = new double[HOURS];
    /** Longest window of the peak shaving: from hour 0 of a day to hour 23 of the next. */
    private static final int WINDOW = 48;
    /** Low bits of a window's sort key that carry its index (fewer than 512 windows a year). */
    private static final long WINDOW_BITS = 511L;
    /** Power left for the shaving (GW), room for its bump (GWh) and the highest residual to the window's end (GW). */
    private final double[] powerLeft = new double[HOURS], roomLeft = new double[HOURS], topAfter = new double[HOURS];
    /** Each shaving window's first and end hour, its highest residual, and the windows by top. */
    private final int[] winFrom = new int[HOURS / 24 + 2], winTo = new int[HOURS / 24 + 2];
    private final double[] winTop = new double[HOURS / 24 + 2];
    private final long[] byTop = new long[HOURS / 24 + 2];
    /** Each modelled day's hour of lowest residual, and its highest residual before that hour and from it on. */
    private final int[] dayBottom = new int[HOURS / 24];
    private final double[] dayMaxBefore = new double[HOURS / 24], dayMaxAfter = new double[HOURS / 24];
    /** Charge, discharge and bump of each hour of a window at a trial level. */
    private final double[][] trialCharge = new double[1][WINDOW], trialDischarge = new double[1][WINDOW],
            trialBump = new double[1][WINDOW];
    private double shaveIn, shaveOut, chargeTop, bumpSlope, nextKink, shaveResidual;
    private int shaveDeficit;
    private final double[] daily = new double[HOURS / 24];
    private static final int BINS = 1024;
    private final int[] bins = new int[BINS];
    /** Whether {@link #bins} holds the histogram of the residual of the last {@link #storage} run. */
    private boolean binsValid;

    private int n = HOURS;
    private double weight = 1.0;
    private double dIn, sIn, wIn, fIn;
    private double[] gIn, sProfile, wProfile;

    private double unmet, curtailment, spill, hydroDispatched, charge, discharge, losses, finalSoc, peakResidual,
            peakSurplus, residualEnergy, deficitHours, valueSolar, valueWind, meanPrice;
    private final double[] fossil = new double[FUELS];
    private final double[] peakFossil = new double[FUELS];
    private final int[] order = new int[FUELS];
    private final double[] avail = new double[FUELS];
    private final double[] floor = new double[FUELS];
    private final double[] sortedCost = new double[FUELS];
    /**
     * For tests: when set (four arrays of at least n), each hour's battery and pumped-hydro state of charge (GWh)
     * after the hour, its curtailment and its residual before dispatch (GW) are recorded here.
     */
    double[][] trace;

    /** Passes over a window the shave level search took beyond the first two, summed over calls (diagnostic). */
    long shavePasses;

    /** Passes over a month the hydro level search took, summed over calls (diagnostic for tests). */
    long hydroPasses;

    /** Runs one region-year over the full year (8,760 h); see {@link #balance} and {@link #dispatch}. */
    public void run(double demand, double[] g, double solar, double[] s, double wind, double[] w, double firm,
                    double hydro, double hydroGw, Storage battery, Storage pumped, double[] availableGw,
                    double[] mustRunGw, double[] cost) {
        balance(HOURS, 1.0, demand, g, solar, s, wind, w, firm, hydro, hydroGw, battery, pumped);
        int bad = dispatch(availableGw, mustRunGw, cost, Double.MAX_VALUE);
        if (bad >= 0) throw new IllegalStateException("hourly balance does not close in hour " + bad);
    }

    /** {@link #balance(int, double, double, double[], double, double[], double, double[], double, double, double, Storage, Storage)} over the full year. */
    public void balance(double demand, double[] g, double solar, double[] s, double wind, double[] w, double firm,
                        double hydro, double hydroGw, Storage battery, Storage pumped) {
        balance(HOURS, 1.0, demand, g, solar, s, wind, w, firm, hydro, hydroGw, battery, pumped);
    }

    /**
     * The first half of a run: clean supply, hydro and storage. Leaves the residual load of each hour for
     * {@link #dispatch}; {@link #peakResidual()} is known from here on (it does not depend on the dispatchable fleet).
     *
     * @param hours  n, the modelled hours (a multiple of 24 and 12, at most 8,760)
     * @param weight real hours each modelled hour stands for (8,760 / n for a year)
     */
    public void balance(int hours, double weight, double demand, double[] g, double solar, double[] s, double wind,
                        double[] w, double firm, double hydro, double hydroGw, Storage battery, Storage pumped) {
        if (hours <= 0 || hours > HOURS || hours % 24 != 0 || hours % MONTHS != 0)
            throw new IllegalArgumentException("modelled hours must be a positive multiple of 24 and 12 up to 8760: " + hours);
        n = hours;
        this.weight = weight;
        dIn = Math.max(0.0, demand) * 1000.0;
        sIn = Math.max(0.0, solar) * 1000.0;
        wIn = Math.max(0.0, wind) * 1000.0;
        fIn = Math.max(0.0, firm) * 1000.0 / HOURS;
        gIn = g;
        sProfile = s;
        wProfile = w;
        double inv = 1.0 / weight;
        double d = dIn * inv, sol = sIn * inv, wnd = wIn * inv, flat = fIn;
        for (int h = 0; h < n; h++) base[h] = d * g[h] - sol * s[h] - wnd * w[h] - flat;
        System.arraycopy(base, 0, afterHydro, 0, n);
        hydro(Math.max(0.0, hydro) * 1000.0 / MONTHS * inv, Math.max(0.0, hydroGw));
        storage(battery, pumped);
    }

    /**
     * Re-runs storage with other fleets on the residual that hydro left (clean supply and hydro unchanged), e.g.
     * after batteries were added. Every result of {@link #balance} but hydro is recomputed.
     */
    public void storage(Storage battery, Storage pumped) {
        storage(battery, pumped, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #storage(Storage, Storage)} with a dispatchable fleet of {@code fleetGw} available GW: the daily peak
     * shaving charges batteries from the fleet only up to that level in any hour ({@code C} in the class
     * equations), so that charging never asks for more than the fleet can give. The model passes the fleet it sized
     * when that fleet falls short of the levels the batteries charged to without a limit.
     */
    public void storage(Storage battery, Storage pumped, double fleetGw) {
        double bp = Math.max(0.0, battery.powerGw()), be = Math.max(0.0, battery.energyGwh());
        double bIn = Math.sqrt(clampEfficiency(battery.roundTrip())), bOut = bIn;
        double pp = Math.max(0.0, pumped.powerGw()), pe = Math.max(0.0, pumped.energyGwh());
        double pIn = Math.sqrt(clampEfficiency(pumped.roundTrip())), pOut = pIn;
        double bInv = 1.0 / bIn, pInv = 1.0 / pIn;
        double bSoc = 0.0, pSoc = 0.0, in = 0.0, out = 0.0, lost = 0.0, surplusLeft = 0.0, peak = 0.0, spare = 0.0,
                residual = 0.0;
        int deficit = 0;
        boolean shaving = bp > 0.0 && be > 0.0;
        // for the shaving, each day's lowest hour (the earliest of equals) and its highest residual before it and
        // from it on, kept as the hours go by
        int dayHour = 0, day = 0, low = 0;
        double before = 0.0, since = 0.0;
        for (int h = 0; h < n; h++) {
            double r = afterHydro[h];
            if (r < 0.0) {
                double surplus = -r;
                double c = min(surplus, min(bp, (be - bSoc) * bInv));
                if (c > 0.0) { bSoc += c * bIn; surplus -= c; in += c; lost += c * (1.0 - bIn); } else c = 0.0;
                double c2 = min(surplus, min(pp, (pe - pSoc) * pInv));
                if (c2 > 0.0) { pSoc += c2 * pIn; surplus -= c2; in += c2; lost += c2 * (1.0 - pIn); } else c2 = 0.0;
                surplusLeft += surplus;
                if (surplus > spare) spare = surplus;
                r = 0.0;
                curtailed[h] = surplus;
                flow[h] = -(c + c2);
                batteryFlow[h] = c;
                closing[h] = afterHydro[h] - -(c + c2) + surplus;
                if (trace != null) record(h, bSoc, pSoc, surplus, 0.0);
            } else {
                double x = min(r, min(bp, bSoc * bOut));
                if (x > 0.0) { bSoc -= x * bInv; r -= x; out += x; lost += x * (bInv - 1.0); } else x = 0.0;
                double x2 = min(r, min(pp, pSoc * pOut));
                if (x2 > 0.0) { pSoc -= x2 * pInv; r -= x2; out += x2; lost += x2 * (pInv - 1.0); } else x2 = 0.0;
                if (r > peak) peak = r;
                if (r > 0.0) deficit++;
                residual += r;
                curtailed[h] = 0.0;
                flow[h] = x + x2;
                batteryFlow[h] = x;
                closing[h] = afterHydro[h] - (x + x2) + 0.0;
                if (trace != null) record(h, bSoc, pSoc, 0.0, r);
            }
            net[h] = r;
            batterySoc[h] = bSoc;
            if (shaving) {
                if (dayHour == 0) { low = h; before = 0.0; since = r; }
                else if (r < net[low]) { if (since > before) before = since; low = h; since = r; }
                else if (r > since) since = r;
                if (++dayHour == 24) {
                    dayBottom[day] = low;
                    dayMaxBefore[day] = before;
                    dayMaxAfter[day++] = since;
                    dayHour = 0;
                }
            }
        }
        shaveIn = 0.0;
        shaveOut = 0.0;
        chargeTop = 0.0;
        shaveResidual = 0.0;
        shaveDeficit = 0;
        if (shaving) {
            double shaved = shaveYear(bp, be, bIn, Math.max(0.0, fleetGw));
            if (shaved >= 0.0) peak = shaved;
            in += shaveIn;
            out += shaveOut;
            lost += shaveIn * (1.0 - bIn) + shaveOut * (bInv - 1.0);
            residual += shaveResidual;
            deficit += shaveDeficit;
        }
        double wt = weight / 1000.0;
        curtailment = surplusLeft * wt + spill;
        charge = in * wt;
        discharge = out * wt;
        losses = lost * wt;
        finalSoc = (bSoc + pSoc) / 1000.0;
        peakResidual = peak;
        peakSurplus = spare;
        residualEnergy = residual * wt;
        deficitHours = deficit * weight;
        binsValid = false;
    }

    /** {@link #dispatch(double[], double[], double[], double)} with no value of lost load (prices ignored). */
    public void dispatch(double[] availableGw, double[] mustRunGw, double[] cost) {
        int bad = dispatch(availableGw, mustRunGw, cost, Double.MAX_VALUE);
        if (bad >= 0) throw new IllegalStateException("hourly balance does not close in hour " + bad);
    }

    /**
     * The second half of a run: dispatches the plants by merit order into the residual load that {@link #balance}
     * left, prices each hour, and checks that every hour closes. May be called again with another fleet.
     *
     * @param availableGw available capacity of each plant type, GW (coal, gas, oil, clean firm; a shorter array
     *                    leaves the rest at 0)
     * @param mustRunGw   must-run block of each plant type, GW (at most its available capacity)
     * @param cost        short-run cost of each plant type, USD/MWh
     * @param voll        value of lost load, USD/MWh: the price of an hour with unmet demand
     * @return the first modelled hour whose balance does not close to {@link #TOLERANCE}, or -1
     */
    public int dispatch(double[] availableGw, double[] mustRunGw, double[] cost, double voll) {
        sortFuels(cost);
        for (int i = 0; i < FUELS; i++) {
            int f = order[i];
            avail[i] = f < availableGw.length ? Math.max(0.0, availableGw[f]) : 0.0;
            floor[i] = f < mustRunGw.length ? Math.min(avail[i], Math.max(0.0, mustRunGw[f])) : 0.0;
            sortedCost[i] = f < cost.length ? cost[f] : 0.0;
        }
        double m0 = floor[0], m1 = floor[1], m2 = floor[2], m3 = floor[3];
        double c0 = avail[0], c1 = avail[1], c2 = avail[2], c3 = avail[3];
        double p0 = sortedCost[0], p1 = sortedCost[1], p2 = sortedCost[2], p3 = sortedCost[3];
        double f0 = 0.0, f1 = 0.0, f2 = 0.0, f3 = 0.0, k0 = 0.0, k1 = 0.0, k2 = 0.0, k3 = 0.0, short_ = 0.0;
        double vs = 0.0, vw = 0.0, pm = 0.0;
        int bad = -1;
        for (int h = 0; h < n; h++) {
            double r = net[h];
            // must-run blocks in merit order, then the rest of each fleet in merit order
            double a0 = min(r, m0); r -= a0;
            double a1 = min(r, m1); r -= a1;
            double a2 = min(r, m2); r -= a2;
            double a3 = min(r, m3); r -= a3;
            double b0 = min(r, c0 - a0); r -= b0;
            double b1 = min(r, c1 - a1); r -= b1;
            double b2 = min(r, c2 - a2); r -= b2;
            double b3 = min(r, c3 - a3); r -= b3;
            double g0 = a0 + b0, g1 = a1 + b1, g2 = a2 + b2, g3 = a3 + b3;
            f0 += g0; f1 += g1; f2 += g2; f3 += g3;
            if (g0 > k0) k0 = g0;
            if (g1 > k1) k1 = g1;
            if (g2 > k2) k2 = g2;
            if (g3 > k3) k3 = g3;
            short_ += r;
            double p = r > 0.0 ? voll : b3 > 0.0 ? p3 : b2 > 0.0 ? p2 : b1 > 0.0 ? p1 : b0 > 0.0 ? p0
                    : a3 > 0.0 ? p3 : a2 > 0.0 ? p2 : a1 > 0.0 ? p1 : a0 > 0.0 ? p0 : 0.0;
            price[h] = p;
            pm += p;
            vs += p * sProfile[h];
            vw += p * wProfile[h];
            // the invariant: demand - clean = hydro + storage flow + dispatch + unmet - curtailment, this hour;
            // base_h = (demand - solar - wind - flat firm)_h, hydro_h = base_h - afterHydro_h (see balance)
            double gap = closing[h] - (g0 + g1 + g2 + g3 + r);
            if (!(gap <= TOLERANCE * (1.0 + Math.abs(base[h])) && gap >= -TOLERANCE * (1.0 + Math.abs(base[h]))) && bad < 0)
                bad = h;
        }
        double wt = weight / 1000.0;
        fossil[order[0]] = f0 * wt;
        fossil[order[1]] = f1 * wt;
        fossil[order[2]] = f2 * wt;
        fossil[order[3]] = f3 * wt;
        peakFossil[order[0]] = k0;
        peakFossil[order[1]] = k1;
        peakFossil[order[2]] = k2;
        peakFossil[order[3]] = k3;
        unmet = short_ * wt;
        valueSolar = vs;
        valueWind = vw;
        meanPrice = n > 0 ? pm / n : 0.0;
        return bad;
    }

    /**
     * Daily energy an extra battery could shift from surplus into deficit, GWh per (real) day: for each modelled
     * day, min(curtailed energy * round trip, residual energy), after the storage of the last {@link #storage} run.
     * Sorted ascending into the returned scratch array; its first {@link #days()} values are valid.
     */
    double[] dailyShiftable(double roundTrip) {
        int days = n / 24;
        for (int d = 0, h = 0; d < days; d++) {
            double sur = 0.0, def = 0.0;
            for (int t = 0; t < 24; t++, h++) { sur += curtailed[h]; def += net[h]; }
            daily[d] = min(sur * roundTrip, def);
        }
        Arrays.sort(daily, 0, days);
        return daily;
    }

    /** Modelled days. */
    int days() { return n / 24; }

    /** Real days each modelled day stands for. */
    double weight() { return weight; }

    /**
     * The residual load (after storage, before dispatch, GW) exceeded in {@code hoursPerYear} real hours of the
     * year: the level above which a slice of dispatchable capacity runs fewer hours. 0 if fewer hours have any.
     */
    double residualExceeded(double hoursPerYear) {
        double k = hoursPerYear / weight;
        if (k < 1.0 || peakResidual <= 0.0) return peakResidual;
        if (k >= n) return 0.0;
        // a histogram of the positive residual in BINS bins of [0, peak]: one pass, resolution peak / BINS; made
        // once per storage run, however many levels are asked for (the residual only changes in storage)
        double scale = BINS / peakResidual;
        if (!binsValid) {
            java.util.Arrays.fill(bins, 0);
            for (int h = 0; h < n; h++) {
                double r = net[h];
                if (r > 0.0) bins[Math.min(BINS - 1, (int) (r * scale))]++;
            }
            binsValid = true;
        }
        int above = 0;
        for (int b = BINS - 1; b >= 0; b--) {
            above += bins[b];
            if (above >= k) return b / scale;
        }
        return 0.0;
    }

    /**
     * The peak shaving of the year. Windows run from one day's lowest residual hour to the next day's (the first
     * from hour 0, the last to hour n): the bump charges in a valley and discharges into the peak that follows it,
     * whether that is the evening (valley at night) or the night (valley at midday, when the sun shines). The level
     * P is the lowest that every window can be held to: at least each window's floor max_h (net_h - power left_h),
     * and for each window whose top is above it, the lowest level its battery can hold ({@link #leastBump} not
     * negative), found window by window from the highest top down, so that most windows need one trial. Then
     * each window whose top is above P is shaved to P: in time order, charged from the fleet up to min(P, fleetGw)
     * and discharged above P; the charging that the discharges do not need is taken back, latest hours first, so
     * the bump ends the window at exactly 0 and the state of charge of the surplus pass is unchanged at its end
     * and for every later hour.
     */
    private double shaveYear(double power, double energy, double in, double fleetGw) {
        double inv = 1.0 / in;
        int days = n / 24, windows = 0;
        // window tops from each day's highest residual before and from its lowest hour
        if (dayBottom[0] > 0) {
            winFrom[windows] = 0;
            winTo[windows] = dayBottom[0];
            winTop[windows++] = dayMaxBefore[0];
        }
        for (int d = 1; d < days; d++) {
            winFrom[windows] = dayBottom[d - 1];
            winTo[windows] = dayBottom[d];
            winTop[windows++] = Math.max(dayMaxAfter[d - 1], dayMaxBefore[d]);
        }
        winFrom[windows] = dayBottom[days - 1];
        winTo[windows] = n;
        winTop[windows++] = dayMaxAfter[days - 1];
        // no window can fall below the year's peak less the battery's power: only those above it are sorted
        int candidates = 0;
        double highest = 0.0;
        for (int w = 0; w < windows; w++) if (winTop[w] > highest) highest = winTop[w];
        double least = Math.max(0.0, highest - power);
        for (int w = 0; w < windows; w++)
            if (winTop[w] > least) byTop[candidates++] = Double.doubleToLongBits(winTop[w]) & ~WINDOW_BITS | w;
        Arrays.sort(byTop, 0, candidates); // tops are positive, so their bits sort like them; low bits: the window
        // from the highest top down, while the top is above the level: each window's power left, room and highest
        // residual to its end, its floor (it cannot fall below it) and then the lowest level it can hold
        double level = least;
        for (int k = candidates - 1; k >= 0; k--) {
            int w = (int) (byTop[k] & WINDOW_BITS);
            double top = winTop[w];
            if (top <= level) break;
            int from = winFrom[w], to = winTo[w];
            double room = energy, high = 0.0, bottom = Double.MAX_VALUE, floor = 0.0;
            for (int h = to - 1; h >= from; h--) {
                // the room for a bump: the least E - soc from here to the window's end (a bump that fits there
                // fits every later hour of the window too, as it only falls when it discharges)
                room = min(room, energy - batterySoc[h]);
                roomLeft[h] = room > 0.0 ? room : 0.0;
                double p = power - batteryFlow[h];
                powerLeft[h] = p > 0.0 ? p : 0.0;
                double r = net[h];
                if (r > high) high = r;
                topAfter[h] = high;
                if (r < bottom) bottom = r;
                if (r - powerLeft[h] > floor) floor = r - powerLeft[h];
            }
            if (bottom >= fleetGw || floor >= top || top <= bottom) { // it cannot shave: its peak stays
                level = top;
                continue;
            }
            if (floor > level) level = floor;
            double g = leastBump(from, to, level, in, inv, fleetGw, 0);
            shavePasses++;
            if (g < 0.0) level = lowestLevel(from, to, level, g, top, in, inv, fleetGw);
        }
        boolean any = false;
        double peak = 0.0;
        for (int w = 0; w < windows; w++) {
            if (winTop[w] > level) {
                peak = Math.max(peak, apply(winFrom[w], winTo[w], level, in, inv, fleetGw));
                any = true;
            } else peak = Math.max(peak, winTop[w]);
        }
        return any ? peak : -1.0;
    }

    /**
     * The lowest level to which the window [from, to) can be shaved, above {@code lo} (where {@link #leastBump}
     * gave {@code glo} &lt; 0) and at most {@code hi}, to {@link #SHAVE_TOLERANCE} of {@code hi}. The least bump
     * g(L) is negative below the level and positive above it, continuous and piecewise linear near it: Newton's
     * step from either side (its slope comes with g) lands on it when it is on the same linear piece; where g is
     * flat (discharges at full power, charges at full power or room), the next level at which a discharge changes;
     * bisection when a step leaves the bracket.
     */
    private double lowestLevel(int from, int to, double lo, double glo, double hi, double in, double inv,
                               double fleetGw) {
        double eps = SHAVE_TOLERANCE * hi, slope = bumpSlope;
        double guess = slope > 0.0 ? lo - glo / slope + 0.25 * eps : nextKink + 0.25 * eps;
        for (int it = 0; it < MAX_ITERATIONS && hi - lo > eps; it++) {
            if (guess >= hi) guess = hi - 0.5 * eps; // the level may be at hi, a kink: check just below it
            if (!(guess > lo && guess < hi)) guess = 0.5 * (lo + hi);
            double g = leastBump(from, to, guess, in, inv, fleetGw, 0);
            shavePasses++;
            slope = bumpSlope;
            if (g >= 0.0) {
                hi = guess;
                if (g <= slope * eps) break; // the level is within eps below
                guess = slope > 0.0 ? hi - g / slope + 0.25 * eps : 0.5 * (lo + hi);
                if (guess <= lo) guess = 0.5 * (lo + hi);
            } else {
                lo = guess;
                guess = slope > 0.0 ? lo - g / slope + 0.25 * eps : nextKink + 0.25 * eps;
            }
        }
        return hi;
    }

    /**
     * Shaves the window [from, to) to {@code level}, which it can hold, records the flows and returns the highest
     * residual left in the window.
     */
    private double apply(int from, int to, double level, double in, double inv, double fleetGw) {
        leastBump(from, to, level, in, inv, fleetGw, 0);
        int len = to - from;
        double[] charge = trialCharge[0], discharge = trialDischarge[0], bumps = trialBump[0];
        // take back the charging the discharges do not need, latest first: at a charging hour at most the least
        // bump from there to the end of the window
        double least = Double.MAX_VALUE;
        for (int t = len - 1; t >= 0; t--) {
            least = min(least, bumps[t]);
            double c = charge[t];
            if (c > 0.0) {
                double back = min(c * in, least);
                charge[t] = c - back * inv;
                least -= back;
            }
        }
        double bump = 0.0, high = 0.0;
        for (int t = 0, h = from; t < len; t++, h++) {
            double c = charge[t], x = discharge[t], r = net[h];
            if (c > 0.0) {
                bump += c * in;
                net[h] = r + c;
                flow[h] -= c;
                shaveIn += c;
                if (net[h] > chargeTop) chargeTop = net[h];
            } else if (x > 0.0) {
                bump -= x * inv;
                net[h] = r - x;
                flow[h] += x;
                shaveOut += x;
            }
            double after = net[h];
            if (after != r) {
                closing[h] = afterHydro[h] - flow[h] + curtailed[h];
                shaveResidual += after - r;
                shaveDeficit += (after > 0.0 ? 1 : 0) - (r > 0.0 ? 1 : 0);
            }
            if (after > high) high = after;
            batterySoc[h] += Math.max(0.0, bump);
            if (trace != null) { trace[0][h] = batterySoc[h]; trace[3][h] = after; }
        }
        return high;
    }

    /**
     * The least stored energy of the bump after a discharge (Double.MAX_VALUE if no hour discharges) when the window
     * [from, to) is shaved to {@code level}, GWh, with its slope in the level in {@link #bumpSlope} and the next level
     * above at which a discharge changes in {@link #nextKink}: in time order, each hour above the level discharges
     * min(power left, net - level), each hour below charges min(power left, min(level, fleetGw) - net,
     * (room - bump) / sqrt e) (curtailing hours excepted). The bump may go below 0 here: the level can be held when
     * the result is not negative. The flows and the bump after each hour go into trial buffer {@code buf}.
     */
    private double leastBump(int from, int to, double level, double in, double inv, double fleetGw, int buf) {
        double[] charge = trialCharge[buf], discharge = trialDischarge[buf], bumps = trialBump[buf];
        double bump = 0.0, least = Double.MAX_VALUE, cap = min(level, fleetGw);
        double slope = 0.0, leastSlope = 0.0; // d bump / d level, at the hour and at the least bump
        boolean levelCaps = level < fleetGw;
        double kink = Double.MAX_VALUE; // the next level above where a discharge changes
        int h = from, t = 0;
        for (; h < to && topAfter[h] > level; h++, t++) { // after the last hour above the level, nothing discharges
            double r = net[h], p = powerLeft[h];
            double c = 0.0, x = 0.0;
            if (r > level) {
                double want = r - level;
                if (want < p) {
                    x = want;
                    slope += inv;
                    if (r < kink) kink = r;
                } else {
                    x = p;
                    if (r - p > level && r - p < kink) kink = r - p;
                }
                bump -= x * inv;
                if (bump < least) { least = bump; leastSlope = slope; }
            } else if (r < cap && curtailed[h] <= 0.0) { // a curtailing hour is never charged from the fleet
                double byLevel = cap - r, byRoom = (roomLeft[h] - bump) * inv;
                if (byRoom > 0.0) {
                    if (p <= byLevel && p <= byRoom) c = p;
                    else if (byLevel <= byRoom) { c = byLevel; if (levelCaps) slope += in; }
                    else { c = byRoom; slope = 0.0; } // full: the bump is the room, whatever the level
                    bump += c * in;
                }
            }
            charge[t] = c;
            discharge[t] = x;
            bumps[t] = bump > 0.0 ? bump : 0.0;
        }
        double held = bump > 0.0 ? bump : 0.0;
        for (; h < to; h++, t++) { charge[t] = 0.0; discharge[t] = 0.0; bumps[t] = held; }
        bumpSlope = leastSlope;
        nextKink = kink;
        return least;
    }

    private void record(int h, double bSoc, double pSoc, double curtailedH, double residual) {
        trace[0][h] = bSoc;
        trace[1][h] = pSoc;
        trace[2][h] = curtailedH;
        trace[3][h] = residual;
    }

    /** Water-filling of each month's budget into its highest net hours, within the turbine capacity. */
    private void hydro(double budget, double cap) {
        double previousLevel = 0.0;
        double spilled = 0.0, dispatched = 0.0;
        int monthHours = n / MONTHS;
        for (int m = 0; m < MONTHS; m++) {
            int from = m * monthHours, to = from + monthHours;
            if (budget <= 0.0) continue;
            if (cap <= 0.0) { // no turbines: the water is spilled
                spilled += budget;
                continue;
            }
            double most = 0.0, top = 0.0;
            for (int h = from; h < to; h++) {
                double v = afterHydro[h];
                if (v > 0.0) most += min(cap, v);
                if (v > top) top = v;
            }
            double level;
            if (most <= budget) {
                level = 0.0;
                spilled += budget - most;
            } else {
                // f(L) = sum min(cap, max(0, net - L)) - budget decreases in L; f(0) > 0 >= f(top)
                // start from the previous month's level: neighbouring months differ little, so Newton needs fewer passes
                double lo = 0.0, hi = top, l = previousLevel < top ? previousLevel : 0.0;
                for (int it = 0; it < MAX_ITERATIONS; it++) {
                    double sum = 0.0;
                    int slope = 0;
                    for (int h = from; h < to; h++) {
                        double v = afterHydro[h] - l;
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
                double v = afterHydro[h] - level;
                double x = v > 0.0 ? min(cap, v) : 0.0;
                afterHydro[h] -= x;
                used += x;
            }
            dispatched += used;
            if (most > budget) spilled += Math.max(0.0, budget - used); // rounding of the last iteration only
        }
        spill = spilled * weight / 1000.0;
        hydroDispatched = dispatched * weight / 1000.0;
    }

    private void sortFuels(double[] cost) {
        for (int i = 0; i < FUELS; i++) order[i] = i;
        for (int i = 1; i < FUELS; i++) // insertion sort, stable: ties keep the order coal, gas, oil, clean firm
            for (int j = i; j > 0 && costOf(cost, order[j]) < costOf(cost, order[j - 1]); j--) {
                int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t;
            }
    }

    private static double costOf(double[] cost, int f) {
        return f < cost.length ? cost[f] : Double.MAX_VALUE;
    }

    private static double clampEfficiency(double e) {
        return e > 1.0 ? 1.0 : e > 0.01 ? e : 0.01;
    }

    /** Generation of a plant type ({@link #COAL}, {@link #GAS}, {@link #OIL}, {@link #CLEAN}), TWh/yr. */
    public double fossil(int fuel) { return fossil[fuel]; }

    /** Highest hourly output of a plant type, GW. */
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

    /** Highest residual load after clean supply, hydro and storage (before dispatch), GW. */
    public double peakResidual() { return peakResidual; }

    /** Residual load after storage, summed over the year (what dispatchable plants and unmet demand share), TWh. */
    public double residualEnergy() { return residualEnergy; }

    /**
     * Highest residual load of an hour in which the daily peak shaving charged batteries from the dispatchable
     * fleet, GW (0 if it never did): the fleet must give at least this much for the shaving to be feasible.
     */
    public double chargeLevel() { return chargeTop; }

    /**
     * Energy that lowering the residual load to {@code level} GW in every hour would take on the day that needs the
     * most, GWh delivered: max over the modelled days of sum_h max(0, r_h - level), after the last {@link #storage}
     * run. The battery build rule reads the capacity credit of new batteries from it.
     */
    public double shaveEnergy(double level) {
        double most = 0.0;
        for (int d = 0; d < n; d += 24) {
            double sum = 0.0;
            for (int h = d; h < d + 24; h++) {
                double v = net[h] - level;
                if (v > 0.0) sum += v;
            }
            if (sum > most) most = sum;
        }
        return most;
    }

    /** Real hours of the year with residual load left after storage. */
    public double deficitHours() { return deficitHours; }

    /** Highest hourly surplus left after storage (curtailed in that hour), GW. */
    public double peakSurplus() { return peakSurplus; }

    /** Market value of solar: its generation-weighted hourly price, USD/MWh (after {@link #dispatch}). */
    public double valueSolar() { return valueSolar; }

    /** Market value of wind: its generation-weighted hourly price, USD/MWh. */
    public double valueWind() { return valueWind; }

    /** Time-weighted mean of the hourly prices after the last dispatch, USD/MWh (every modelled hour weighs the same). */
    public double meanPrice() { return meanPrice; }

    /** The price of modelled hour h after the last dispatch, USD/MWh. */
    double price(int h) { return price[h]; }

    /** The merit order of the last run: plant indices, cheapest first. */
    int[] meritOrder() { return order.clone(); }
}
