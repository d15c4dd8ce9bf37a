package etw.models.decarbonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import etw.models.decarbonisation.HourlyBalance.Storage;

/**
 * The hourly balance of one region over a 48-hour "year", reproduced by hand. Each modelled hour is one real hour
 * (weight 1); demand, solar and wind are given in GW and turned into profiles that sum to 1.
 *
 * <pre>
 * demand   10 GW every hour, 42 GW in hour 47
 * solar    20 GW in hours 8-15 of each day, else 0          wind 4 GW in hours 24-29, else 0
 * battery  5 GW, 12 GWh, round trip 0.25 (0.5 each way: exact in binary), empty at the start
 * fleet    coal 3 GW at 40 USD/MWh, gas 8 GW at 70 USD/MWh, no must-run; no hydro, no flat firm supply
 *
 * surplus pass (charge from surplus, discharge into deficit)
 * day 1  h0-7    residual 10
 *        h8-15   surplus 10: charge 5,5,5,5 (soc 2.5,5,7.5,10), then 4 (soc 12), then 0; curtailed 5,5,5,5,6,10,10,10
 *        h16     discharge min(10, 5, 12 * 0.5) = 5, soc 2: residual 5
 *        h17     discharge min(10, 5, 2 * 0.5) = 1, soc 0: residual 9
 *        h18-23  residual 10
 * day 2  h24-29  residual 6 (wind 4);  h30-31 residual 10
 *        h32-39  as h8-15;  h40, h41 as h16, h17;  h42-46 residual 10;  h47 residual 42
 * peak shaving, windows from each day's lowest hour to the next day's: [0, 8), [8, 32), [32, 48); the year's
 * level P is the lowest every window can be held to; the fleet is 11 GW, so the valley is charged up to 11 GW
 *   [32, 48) tops the year (42 GW): only h41 (9 GW, 4 GW of power left) and h42-46 (10 GW) can charge, to 11 GW:
 *            2 + 5 * 1 = 7 GWh, stored 3.5 (soc 1, 1.5, 2, 2.5, 3, 3.5), delivered 1.75 in h47: P = 40.25
 *   [0, 8), [8, 32) tops 10 GW, below P: nothing to shave
 * dispatch, coal 3 GW first, then gas 8 GW
 *        h0-7, h18-23 residual 10: coal 3, gas 7;  h16 residual 5: coal 3, gas 2;  h17 residual 9: coal 3, gas 6
 *        h24-29 residual 6: coal 3, gas 3;  h30-31 10: coal 3, gas 7;  h40 5: coal 3, gas 2;  h41-46 11: coal 3,
 *        gas 8;  h47 40.25: coal 3, gas 8, unmet 29.25 (price: value of lost load)
 * totals coal 32 h * 3 = 96 GWh; gas 189 without the shaving + its charge 7 (h47's 1.75 comes off unmet demand)
 *        = 196; unmet 29.25; curtailed 2 * 56 = 112; charged 48 + 7 = 55; discharged 12 + 1.75 = 13.75; losses
 *        41.25; peak residual 40.25
 * check  demand 512 = solar 320 + wind 24 + discharge 13.75 + coal 96 + gas 196 + unmet 29.25 - charge 55
 *        - curtailed 112
 * </pre>
 */
class HandBalanceTest {
    private static final double TOL = 1e-7; // GWh: the rounding of the profile shares and the shave level (1e-9 relative)

    @Test
    void fortyEightHoursByHand() {
        int n = 48;
        double[] demand = new double[n], solar = new double[n], wind = new double[n];
        for (int h = 0; h < n; h++) {
            demand[h] = h == 47 ? 42 : 10;
            int t = h % 24;
            solar[h] = t >= 8 && t <= 15 ? 20 : 0;
            wind[h] = h >= 24 && h <= 29 ? 4 : 0;
        }
        double d = sum(demand), s = sum(solar), w = sum(wind);
        assertEquals(512, d, 0);
        double[] g = share(demand, d), sp = share(solar, s), wp = share(wind, w);
        HourlyBalance b = new HourlyBalance();
        b.trace = new double[4][n];
        Storage none = new Storage(0, 0, 1);
        Storage battery = new Storage(5, 12, 0.25);
        b.balance(n, 1.0, d / 1000, g, s / 1000, sp, w / 1000, wp, 0, 0, 0, battery, none);
        // without a limit the last window is charged at the power left until full (4, 5, 5, 5 and then 1 GW in
        // h45, what h47's 5 GW need), up to 15 GW, more than the 11 GW fleet below
        assertEquals(15, b.chargeLevel(), TOL, "without a limit");
        b.storage(battery, none, 11); // the fleet below: coal 3 + gas 8
        double[] available = {3, 8, 0, 0}, cost = {40, 70, 200, 10};
        int bad = b.dispatch(available, new double[4], cost, 10_000);
        assertEquals(-1, bad, "every hour closes");

        // hour by hour: state of charge, curtailment, residual before dispatch
        double[] soc = {2.5, 5, 7.5, 10, 12, 12, 12, 12};
        double[] cut = {5, 5, 5, 5, 6, 10, 10, 10};
        for (int day = 0; day < 2; day++)
            for (int i = 0; i < 8; i++) {
                assertEquals(soc[i], b.trace[0][24 * day + 8 + i], TOL, "soc hour " + (24 * day + 8 + i));
                assertEquals(cut[i], b.trace[2][24 * day + 8 + i], TOL, "curtailed hour " + (24 * day + 8 + i));
            }
        assertEquals(5, b.trace[3][16], TOL);
        assertEquals(9, b.trace[3][17], TOL);
        assertEquals(10, b.trace[3][18], TOL);
        assertEquals(6, b.trace[3][24], TOL);
        assertEquals(10, b.trace[3][31], TOL);
        assertEquals(11, b.trace[3][41], TOL);
        assertEquals(11, b.trace[3][46], TOL);
        assertEquals(40.25, b.trace[3][47], TOL);
        assertEquals(0, b.trace[0][17], TOL, "empty after hour 17");
        assertEquals(1, b.trace[0][41], TOL);
        assertEquals(3.5, b.trace[0][46], TOL);
        assertEquals(0, b.trace[0][47], TOL, "empty at the end");
        assertEquals(11, b.chargeLevel(), TOL);

        // the year (TWh)
        assertEquals(0.096, b.fossil(HourlyBalance.COAL), TOL);
        assertEquals(0.196, b.fossil(HourlyBalance.GAS), TOL);
        assertEquals(0, b.fossil(HourlyBalance.OIL), TOL);
        assertEquals(0.02925, b.unmet(), TOL);
        assertEquals(0.112, b.curtailment(), TOL);
        assertEquals(0.055, b.charge(), TOL);
        assertEquals(0.01375, b.discharge(), TOL);
        assertEquals(0.04125, b.losses(), TOL);
        assertEquals(0, b.finalStorage(), TOL);
        assertEquals(40.25, b.peakResidual(), TOL);
        // prices: 0 while curtailing, coal's 40 when coal alone would do (never here), gas's 70, VoLL in hour 47
        assertEquals(70, b.price(0), 0);
        assertEquals(0, b.price(8), 0);
        assertEquals(70, b.price(16), 0);
        assertEquals(10_000, b.price(47), 0);
        // solar's market value: it only runs in curtailed hours, so 0
        assertEquals(0, b.valueSolar(), 0);
        assertTrue(b.valueWind() == 70, "wind runs in hours 24-29, where gas is marginal: " + b.valueWind());
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }

    private static double[] share(double[] x, double total) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) p[i] = x[i] / total;
        return p;
    }
}
