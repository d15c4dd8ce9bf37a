package etw.models.decarbonisation;

import static etw.models.decarbonisation.HourlyProfiles.HOURS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import etw.models.decarbonisation.HourlyBalance.Storage;

class HourlyBalanceTest {

    private static final Storage NONE = new Storage(0, 0, 1);
    private static final double[] FLAT = flat();
    private static final double[] DEMAND = new double[HOURS];
    private static final double[] SOLAR = new double[HOURS];
    private static final double[] WIND = new double[HOURS];

    static {
        HourlyProfiles.gridDemand(DEMAND, 0.15, 0.1);
        HourlyProfiles.solar(SOLAR, 12, 0.3);
        HourlyProfiles.wind(WIND, 0.2, 0.1, 0.5, 0.97, 1);
    }

    private static double[] flat() {
        double[] p = new double[HOURS];
        Arrays.fill(p, 1.0 / HOURS);
        return p;
    }

    /** Two hours a day repeated: day hours with solar, night hours without; every quantity by hand. */
    @Test
    void aSmallProfileByHand() {
        // solar only in the first 12 h of each day, demand flat: 8.76 TWh = 1 GW every hour
        double[] s = new double[HOURS];
        for (int h = 0; h < HOURS; h++) if (h % 24 < 12) s[h] = 1.0 / (HOURS / 2);
        HourlyBalance b = new HourlyBalance();
        // solar 13.14 TWh = 3 GW in each sunlit hour: 2 GW surplus; battery 1 GW / 6 GWh, 81% (0.9 each way)
        b.run(8.76, FLAT, 13.14, s, 0, WIND, 0, 0, 0, new Storage(1, 6, 0.81), NONE,
                new double[] {0.5, 10, 0}, new double[] {0, 0, 0}, new double[] {10, 20, 30});
        // each day: 12 sunlit hours charge min(2, 1, room / 0.9): 6.667 h at 0.9 GW stored... exact sums below
        // day 1: charge 1 GW for 6 h stores 5.4 GWh, then 0.6 / 0.9 = 0.667 GW in hour 7: full at 6 GWh.
        // night: discharge min(1 GW, soc * 0.9): 5.4 GWh delivered over 5.4 h (5 h at 1, then 0.4), soc 0.
        // then the peak shaving (windows from hour 0 to hour 0: the sunlit hours curtail, so they are not charged
        // from the fleet): the battery, empty after the 6th night hour, charges from the fleet in hour 17 (0.6 GW
        // left, residual 0.6) up to L and discharges into hours 18-23 (residual 1) down to L:
        // 0.81 (L - 0.6) = 6 (1 - L), L = 6.486 / 6.81
        double level = 6.486 / 6.81;
        double shaveIn = level - 0.6, shaveOut = 6 * (1 - level);
        assertEquals(shaveIn * 0.81, shaveOut, 1e-12, "the hand calculation itself");
        double chargePerDay = 6 + 0.6 / 0.9 + shaveIn;
        double dischargePerDay = 6 * 0.9 + shaveOut;
        assertEquals(365 * chargePerDay / 1000, b.charge(), 1e-9);
        assertEquals(365 * dischargePerDay / 1000, b.discharge(), 1e-9);
        assertEquals(365 * (12 * 2 - 6 - 0.6 / 0.9) / 1000, b.curtailment(), 1e-9);
        assertEquals(level, b.peakResidual(), 1e-9);
        // night: the battery covers 5 h and 0.4 of the 6th; residual 0.6 + 6 x 1 = 6.6 GWh plus the shaving's
        // losses: coal (cheapest) 0.5 GW in each of those 7 hours = 3.5 GWh, gas the rest, 3.1 GWh + losses
        assertEquals(365 * 3.5 / 1000, b.fossil(HourlyBalance.COAL), 1e-9);
        assertEquals(365 * (3.1 + shaveIn - shaveOut) / 1000, b.fossil(HourlyBalance.GAS), 1e-9);
        assertEquals(0, b.unmet(), 1e-12);
        assertEquals(0, b.finalStorage(), 1e-9);
        assertEquals(365 * (chargePerDay - dischargePerDay) / 1000, b.losses(), 1e-9);
    }

    @Test
    void theYearClosesInEveryCase() {
        double[][] cases = { // demand, solar, wind, firm, hydro, hydroGw, battery GW, GWh, pumped GW, GWh, coal, gas, oil GW
                {30830, 2131, 2497, 4532, 4409, 1280, 150, 375, 180, 1620, 1849, 1615, 212},
                {30830, 15000, 9000, 4532, 4409, 1280, 1500, 6000, 180, 1620, 500, 800, 0},
                {10000, 9000, 3000, 0, 1000, 50, 0, 0, 500, 5000, 0, 0, 0},
                {5000, 0, 0, 0, 9000, 2000, 10, 10, 0, 0, 0, 0, 0}};
        HourlyBalance b = new HourlyBalance();
        for (double[] c : cases) {
            b.run(c[0], DEMAND, c[1], SOLAR, c[2], WIND, c[3], c[4], c[5], new Storage(c[6], c[7], 0.86),
                    new Storage(c[8], c[9], 0.78), new double[] {c[10], c[11], c[12]}, new double[] {0, 0.3 * c[11], 0},
                    new double[] {40, 70, 170});
            double fossil = b.fossil(0) + b.fossil(1) + b.fossil(2);
            double supply = c[1] + c[2] + c[3] + c[4] + b.discharge() + fossil + b.unmet();
            double use = c[0] + b.charge() + b.curtailment();
            assertEquals(use, supply, 1e-9 * use, Arrays.toString(c));
            assertEquals(b.charge() - b.discharge(), b.losses() + b.finalStorage(), 1e-9 * Math.max(1, b.charge()));
            assertEquals(c[4], b.hydroDispatched() + b.hydroSpill(), 1e-6 * Math.max(1, c[4]));
        }
    }

    @Test
    void storageStaysWithinItsEnergyAndPower() {
        HourlyBalance b = new HourlyBalance();
        b.trace = new double[4][HOURS];
        Storage battery = new Storage(300, 900, 0.86);
        Storage pumped = new Storage(100, 900, 0.78);
        b.run(30000, DEMAND, 15000, SOLAR, 9000, WIND, 3000, 4000, 1000, battery, pumped,
                new double[] {1000, 1000, 0}, new double[] {0, 0, 0}, new double[] {40, 70, 170});
        double before = 0, beforeP = 0;
        for (int h = 0; h < HOURS; h++) {
            double soc = b.trace[0][h], socP = b.trace[1][h];
            assertTrue(soc >= -1e-9 && soc <= 900 + 1e-9, "battery energy " + soc + " at hour " + h);
            assertTrue(socP >= -1e-9 && socP <= 900 + 1e-9, "pumped energy " + socP + " at hour " + h);
            double in = soc - before; // stored energy changes by at most power x one-way efficiency
            assertTrue(in <= 300 * Math.sqrt(0.86) + 1e-9 && -in <= 300 / Math.sqrt(0.86) + 1e-9, "battery power at hour " + h);
            assertTrue(Math.abs(socP - beforeP) <= 100 / Math.sqrt(0.78) + 1e-9, "pumped power at hour " + h);
            before = soc;
            beforeP = socP;
        }
        assertTrue(b.discharge() > 0 && b.curtailment() > 0);
    }

    @Test
    void meritOrderDispatchesTheCheapestFuelFirst() {
        HourlyBalance b = new HourlyBalance();
        double[] avail = {500, 500, 500};
        b.run(8760, FLAT, 0, SOLAR, 0, WIND, 0, 0, 0, NONE, NONE, avail, new double[3], new double[] {50, 30, 90});
        assertArrayEquals(new int[] {1, 0, 2, 3}, b.meritOrder()); // clean firm (no cost given) last
        assertEquals(500 * 8.76, b.fossil(HourlyBalance.GAS), 1e-9); // 1,000 GW of load: gas 500 first, coal 500
        assertEquals(500 * 8.76, b.fossil(HourlyBalance.COAL), 1e-9);
        assertEquals(0, b.fossil(HourlyBalance.OIL), 1e-12);
        b.run(8760 * 0.4, FLAT, 0, SOLAR, 0, WIND, 0, 0, 0, NONE, NONE, avail, new double[3], new double[] {50, 30, 90});
        assertEquals(0, b.fossil(HourlyBalance.COAL), 1e-12, "400 GW: gas alone");
        // a must-run block of coal runs before gas even though gas is cheaper
        b.run(8760 * 0.4, FLAT, 0, SOLAR, 0, WIND, 0, 0, 0, NONE, NONE, avail, new double[] {100, 0, 0},
                new double[] {50, 30, 90});
        assertEquals(100 * 8.76, b.fossil(HourlyBalance.COAL), 1e-9);
        assertEquals(300 * 8.76, b.fossil(HourlyBalance.GAS), 1e-9);
        // more load than capacity: oil last, the rest unmet
        b.run(8760 * 1.7, FLAT, 0, SOLAR, 0, WIND, 0, 0, 0, NONE, NONE, avail, new double[3], new double[] {50, 30, 90});
        assertEquals(500 * 8.76, b.fossil(HourlyBalance.OIL), 1e-9);
        assertEquals(200 * 8.76, b.unmet(), 1e-9);
    }

    @Test
    void hydroShavesTheHighestHoursWithinItsCapacity() {
        HourlyBalance b = new HourlyBalance();
        b.trace = new double[4][HOURS];
        b.run(30000, DEMAND, 0, SOLAR, 0, WIND, 0, 1200, 200, NONE, NONE, new double[] {5000, 0, 0}, new double[3],
                new double[] {1, 2, 3});
        assertEquals(1200, b.hydroDispatched(), 1e-6);
        assertTrue(b.hydroPasses <= 12 * 12, "the level search converges in a few passes a month: " + b.hydroPasses);
        assertEquals(0, b.hydroSpill(), 1e-6);
        // within a month, hours that got part of the capacity all end at one level L; hours below L get nothing,
        // hours above L + capacity get all of it
        for (int m = 0; m < HourlyBalance.MONTHS; m++) {
            double top = Double.NaN;
            int from = m * HourlyBalance.MONTH_HOURS;
            for (int h = from; h < from + HourlyBalance.MONTH_HOURS; h++) {
                double cut = 30000 * 1000 * DEMAND[h] - b.trace[3][h];
                if (cut > 1e-6 && cut < 200 - 1e-6) top = b.trace[3][h];
            }
            for (int h = from; h < from + HourlyBalance.MONTH_HOURS; h++) {
                double before = 30000 * 1000 * DEMAND[h];
                double after = b.trace[3][h];
                assertTrue(before - after <= 200 + 1e-6, "within capacity");
                if (before - after > 1e-6 && before - after < 200 - 1e-6) assertEquals(top, after, 1e-6, "level");
                if (before - after <= 1e-6 && !Double.isNaN(top)) assertTrue(before <= top + 1e-6, "untouched below L");
                if (before - after >= 200 - 1e-6 && !Double.isNaN(top)) assertTrue(after >= top - 1e-6, "full above L");
            }
        }
    }

    @Test
    void timingForTheFullBaselineSize() {
        HourlyBalance b = new HourlyBalance();
        Storage battery = new Storage(300, 900, 0.86), pumped = new Storage(180, 1620, 0.78);
        double sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            long t0 = System.nanoTime();
            for (int run = 0; run < 27 * 6; run++) {
                b.run(30000 + run, DEMAND, 5000 + 50 * run, SOLAR, 4000, WIND, 4500, 4400, 1280, battery, pumped,
                        new double[] {1849, 1615, 212}, new double[] {0, 775, 0}, new double[] {40, 70, 170});
                sink += b.unmet();
            }
            long t1 = System.nanoTime();
            System.out.printf("HourlyBalance: 27 years x 6 regions x 8,760 h in %.1f ms (pass %d)%n", (t1 - t0) / 1e6, warm);
        }
        assertTrue(sink >= 0);
    }
}
