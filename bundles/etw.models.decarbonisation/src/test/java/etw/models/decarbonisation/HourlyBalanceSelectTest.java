package etw.models.decarbonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link HourlyBalance#select} gives what a sort would put at each index, ties and zeros included. */
class HourlyBalanceSelectTest {

    @Test
    void selectionEqualsTheSortedValueAtEveryRank() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(400);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(4); // many ties and zeros, as on days without surplus
                a[i] = kind == 0 ? 0.0 : kind == 1 ? Math.floor(random.nextDouble() * 5) : random.nextDouble() * 1e3;
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                double[] work = a.clone();
                assertEquals(Double.doubleToLongBits(sorted[k]), Double.doubleToLongBits(HourlyBalance.select(work, n, k)),
                        "trial " + trial + ", n " + n + ", rank " + k);
            }
        }
    }
}
