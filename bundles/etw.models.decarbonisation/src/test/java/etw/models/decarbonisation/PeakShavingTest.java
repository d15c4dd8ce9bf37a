package etw.models.decarbonisation;

import static etw.models.decarbonisation.HourlyProfiles.HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import etw.models.decarbonisation.HourlyBalance.Storage;

/**
 * The daily peak shaving of {@link HourlyBalance}: batteries charged from the dispatchable fleet in a valley and
 * discharged into the peak that follows, on days without any clean surplus. Demand is given in GW per modelled hour
 * (weight 1) and turned into a profile; there is no solar, wind, firm supply or hydro unless said.
 */
class PeakShavingTest {

    private static final Storage NONE = new Storage(0, 0, 1);
    private static final double[] NOTHING = new double[HOURS];
    /** Round trip 0.81: 0.9 each way. */
    private static final double RT = 0.81;

    /** One day: 6 GW in hours 0-5, 8 GW in 6-15 and 20-23, 12 GW in the evening peak, hours 16-19. */
    private static double[] oneDay() {
        double[] d = new double[24];
        for (int h = 0; h < 24; h++) d[h] = h < 6 ? 6 : h >= 16 && h < 20 ? 12 : 8;
        return d;
    }

    /**
     * Energy-limited, by hand: a 2 GW / 4 GWh battery, empty, no surplus. It can deliver 4 * 0.9 = 3.6 GWh, spread
     * over the four peak hours: 0.9 GW each, so the peak falls from 12 to L = 11.1 GW. It charges in time order from
     * hour 0 (the valley, 6 GW): 2 GW (stores 1.8), 2 GW (3.6), then 0.4 / 0.9 = 0.444 GW (full at 4 GWh). Charged
     * 4 / 0.9 = 4.444 GWh from the fleet, discharged 3.6, lost 0.844.
     */
    @Test
    void aBatteryWithNoSurplusShavesTheEveningPeakByHand() {
        HourlyBalance b = day(new Storage(2, 4, RT));
        double tol = 1e-6; // the level is found to 1e-9
        assertEquals(11.1, b.peakResidual(), 1e-6);
        assertTrue(b.peakResidual() >= 11.1 - 1e-9, "the level found is never below the best");
        for (int h = 16; h < 20; h++) assertEquals(b.peakResidual(), b.trace[3][h], 1e-9, "flat top, hour " + h);
        assertEquals(4 / 0.9 / 1000, b.charge(), tol / 1000);
        assertEquals(3.6 / 1000, b.discharge(), tol / 1000);
        assertEquals((4 / 0.9 - 3.6) / 1000, b.losses(), tol / 1000);
        assertEquals(0, b.finalStorage(), 1e-12);
        // the charge, in time order from the valley's start
        assertEquals(8, b.trace[3][0], 1e-9);
        assertEquals(8, b.trace[3][1], 1e-9);
        assertEquals(6 + 0.4 / 0.9, b.trace[3][2], tol);
        for (int h = 3; h < 6; h++) assertEquals(6, b.trace[3][h], 1e-9, "no charge once full, hour " + h);
        for (int h = 6; h < 16; h++) assertEquals(8, b.trace[3][h], 1e-9, "hour " + h);
        assertEquals(1.8, b.trace[0][0], 1e-9);
        assertEquals(3.6, b.trace[0][1], 1e-9);
        assertEquals(4, b.trace[0][15], tol);
        assertEquals(0, b.trace[0][19], 1e-9, "empty after the peak");
        // the fleet serves the charge: gas 20 GW (no unmet); its energy is demand + losses
        assertEquals((sum(oneDay()) + 4 / 0.9 - 3.6) / 1000, b.fossil(HourlyBalance.GAS), tol / 1000);
        assertEquals(0, b.unmet(), 0);
    }

    /** Power-limited: 0.5 GW / 4 GWh lowers the peak by its power, 0.5 GW, and stores 2 / 0.9 GWh for it. */
    @Test
    void aBatteryShavesAtMostItsPower() {
        HourlyBalance b = day(new Storage(0.5, 4, RT));
        assertEquals(11.5, b.peakResidual(), 1e-9);
        assertEquals(2.0 / 1000, b.discharge(), 1e-12);
        assertEquals(2.0 / RT / 1000, b.charge(), 1e-12);
        double most = 0;
        for (int h = 0; h < 24; h++) most = Math.max(most, b.trace[0][h]);
        assertEquals(2 / 0.9, most, 1e-9, "it stores what the peak needs, not more");
    }

    /** A battery of no power, or of no energy, changes nothing: the same residual hour by hour. */
    @Test
    void aBatteryOfZeroChangesNothing() {
        double[] residual = day(NONE).trace[3].clone();
        double peak = day(NONE).peakResidual();
        assertEquals(12, peak, 0);
        for (Storage zero : new Storage[] {new Storage(0, 4, RT), new Storage(2, 0, RT)}) {
            HourlyBalance b = day(zero);
            for (int h = 0; h < 24; h++) assertEquals(residual[h], b.trace[3][h], 0, "hour " + h);
            assertEquals(peak, b.peakResidual(), 0);
            assertEquals(0, b.charge(), 0);
            assertEquals(0, b.losses(), 0);
        }
    }

    /**
     * A full year without any clean surplus (grid demand profile, no solar or wind): every hour the state of charge
     * stays in [0, E] and moves at most by the power, the energy charged times the round trip is the energy
     * discharged, the losses are served by the fleet, and the peak is lower than without the battery.
     */
    @Test
    void aYearWithoutSurplusKeepsTheBatteryPhysical() {
        double[] demand = new double[HOURS];
        HourlyProfiles.gridDemand(demand, 0.15, 0.1);
        double p = 300, e = 1200;
        HourlyBalance without = new HourlyBalance();
        without.run(30000, demand, 0, NOTHING, 0, NOTHING, 0, 0, 0, NONE, NONE, new double[] {2000, 3000, 0},
                new double[4], new double[] {40, 70, 170});
        HourlyBalance b = new HourlyBalance();
        b.trace = new double[4][HOURS];
        b.run(30000, demand, 0, NOTHING, 0, NOTHING, 0, 0, 0, new Storage(p, e, 0.86), NONE,
                new double[] {2000, 3000, 0}, new double[4], new double[] {40, 70, 170});
        double before = 0, in = Math.sqrt(0.86);
        for (int h = 0; h < HOURS; h++) {
            double soc = b.trace[0][h];
            assertTrue(soc >= -1e-9 && soc <= e + 1e-9, "energy " + soc + " in hour " + h);
            assertTrue(soc - before <= p * in + 1e-9 && before - soc <= p / in + 1e-9, "power in hour " + h);
            before = soc;
        }
        assertEquals(0, b.curtailment(), 0);
        assertTrue(b.discharge() > 0, "it shaves without any surplus");
        assertEquals(b.charge() * 0.86, b.discharge(), 1e-9 * b.charge());
        assertEquals(b.charge() - b.discharge(), b.losses(), 1e-9 * b.charge());
        assertEquals(0, b.finalStorage(), 1e-9);
        assertEquals(without.residualEnergy() + b.losses(), b.residualEnergy(), 1e-9 * b.residualEnergy());
        double fossil = b.fossil(0) + b.fossil(1), fossilWithout = without.fossil(0) + without.fossil(1);
        assertEquals(fossilWithout + b.losses(), fossil, 1e-9 * fossil);
        assertTrue(b.peakResidual() < without.peakResidual() - 0.5 * p,
                b.peakResidual() + " GW against " + without.peakResidual() + " without the battery");
        assertTrue(b.peakResidual() >= without.peakResidual() - p - 1e-9, "never more than its power");
    }

    /**
     * A peak before the valley: in a 48 h year with a midday valley 10-14 (4 GW) and a peak 19-23 and 0-3 (10 GW)
     * each day, except 9 GW in hours 0-3 of day 1, the night of day 1 has nothing stored before it and stays at 9;
     * the evening peak and the night of day 2 (hours 19-27) are served by the valley before them. By hand, a 1 GW
     * battery charges 1 GW in hours 10-18 (stores 8.1 GWh) and holds the nine peak hours at L:
     * 9 (10 - L) / 0.9 = 8.1, L = 9.19; the window from hour 34 holds 9.19 as well.
     */
    @Test
    void theChargeComesBeforeThePeakItServes() {
        double[] d = new double[48];
        for (int h = 0; h < 48; h++) {
            int t = h % 24;
            d[h] = t < 4 || t >= 19 ? 10 : t >= 10 && t < 15 ? 4 : 7;
        }
        for (int h = 0; h < 4; h++) d[h] = 9;
        HourlyBalance b = balance(d, new Storage(1, 12, RT), Double.POSITIVE_INFINITY);
        for (int h = 0; h < 4; h++) assertEquals(9, b.trace[3][h], 0, "no energy before hour " + h);
        for (int h = 19; h < 28; h++) assertEquals(9.19, b.trace[3][h], 1e-6, "hour " + h);
        for (int h = 43; h < 48; h++) assertEquals(9.19, b.trace[3][h], 1e-6, "hour " + h);
        for (int h = 0; h < 48; h++) assertTrue(b.trace[0][h] >= 0 && b.trace[0][h] <= 12 + 1e-9, "hour " + h);
        for (int h = 10; h < 19; h++) assertEquals(d[h] + 1, b.trace[3][h], 1e-6, "charged in hour " + h);
        assertEquals(9.19, b.peakResidual(), 1e-6);
    }

    /** With a fleet of 7 GW, the valley is charged up to 7 GW at most, never beyond what the fleet can give. */
    @Test
    void chargingNeverAsksMoreThanTheFleet() {
        HourlyBalance free = day(new Storage(2, 4, RT));
        assertTrue(free.chargeLevel() > 7, "without a limit the valley is filled to " + free.chargeLevel());
        HourlyBalance b = balance(oneDay(), new Storage(2, 4, RT), 7);
        assertTrue(b.chargeLevel() <= 7 + 1e-9, "charged up to " + b.chargeLevel());
        // 1 GW a valley hour (stores 0.9) until the 4 GWh are full: hours 0-3, then 0.4 / 0.9 GW in hour 4
        double tol = 1e-6;
        for (int h = 0; h < 4; h++) assertEquals(7, b.trace[3][h], 1e-9, "valley hour " + h);
        assertEquals(6 + 0.4 / 0.9, b.trace[3][4], tol);
        assertEquals(6, b.trace[3][5], 1e-9);
        assertEquals(3.6 / 1000, b.discharge(), tol / 1000);
        assertEquals(11.1, b.peakResidual(), 1e-6);
        assertEquals(0, b.unmet(), 0);
    }

    private static HourlyBalance day(Storage battery) {
        return balance(oneDay(), battery, Double.POSITIVE_INFINITY);
    }

    private static HourlyBalance balance(double[] demandGw, Storage battery, double fleetGw) {
        int n = demandGw.length;
        double d = sum(demandGw);
        double[] g = new double[n];
        for (int h = 0; h < n; h++) g[h] = demandGw[h] / d;
        HourlyBalance b = new HourlyBalance();
        b.trace = new double[4][n];
        b.balance(n, 1.0, d / 1000, g, 0, NOTHING, 0, NOTHING, 0, 0, 0, battery, NONE);
        if (fleetGw < Double.POSITIVE_INFINITY) b.storage(battery, NONE, fleetGw);
        assertEquals(-1, b.dispatch(new double[] {0, 20, 0, 0}, new double[4], new double[] {40, 70, 170, 10}, 10_000),
                "every hour closes");
        return b;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }
}
