package etw.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The Ishigami function, f(x) = sin x1 + a sin^2 x2 + b x3^4 sin x1 with x uniform on [-pi, pi]^3, whose indices
 * are known analytically (Ishigami and Homma 1990; Saltelli et al. 2008, Global Sensitivity Analysis: The Primer,
 * section 4.8). For a = 7, b = 0.1: S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437.
 */
class IshigamiTest {
    static final double A = 7, B = 0.1;

    static final double[] S1 = {0.3139, 0.4424, 0};
    static final double[] ST = {0.5576, 0.4424, 0.2437};

    static double ishigami(double[] x) {
        return Math.sin(x[0]) + A * Math.sin(x[1]) * Math.sin(x[1]) + B * Math.pow(x[2], 4) * Math.sin(x[0]);
    }

    static SobolAnalysis analysis() {
        List<Factor> factors = List.of(Factor.uniform("x1", -Math.PI, Math.PI), Factor.uniform("x2", -Math.PI, Math.PI),
                Factor.uniform("x3", -Math.PI, Math.PI));
        return SobolAnalysis.of(factors, List.of("f"), (x, run) -> new double[] {ishigami(x)});
    }

    @Test
    void analyticValuesAreRecoveredWithinTolerance() throws Exception {
        Indices ix = analysis().samples(8192).seed(1).bootstrap(200).run().get(0);
        for (int i = 0; i < 3; i++) {
            assertEquals(S1[i], ix.s1()[i], 0.02, "S1 of x" + (i + 1));
            assertEquals(ST[i], ix.st()[i], 0.02, "ST of x" + (i + 1));
            // the intervals hold their estimate and are narrow at this N
            assertTrue(ix.s1Low()[i] <= ix.s1()[i] && ix.s1()[i] <= ix.s1High()[i], "S1 interval of x" + (i + 1));
            assertTrue(ix.stLow()[i] <= ix.st()[i] && ix.st()[i] <= ix.stHigh()[i], "ST interval of x" + (i + 1));
            assertTrue(ix.s1High()[i] - ix.s1Low()[i] < 0.1, "S1 interval width of x" + (i + 1));
            assertTrue(ix.stHigh()[i] - ix.stLow()[i] < 0.1, "ST interval width of x" + (i + 1));
        }
        // mean a/2 = 3.5, variance a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.8446
        assertEquals(3.5, ix.mean(), 0.05);
        assertEquals(13.8446, ix.variance(), 0.2);
        assertEquals(List.of(0, 1, 2), ix.ranking());
    }

    @Test
    void theErrorShrinksAsTheSampleGrows() throws Exception {
        double small = error(analysis().samples(256).seed(3).bootstrap(0).run().get(0));
        double large = error(analysis().samples(16384).seed(3).bootstrap(0).run().get(0));
        assertTrue(large < small, "error at N=16384 " + large + " should be below the one at N=256 " + small);
        assertTrue(large < 0.01, "error at N=16384: " + large);
    }

    private static double error(Indices ix) {
        double worst = 0;
        for (int i = 0; i < 3; i++)
            worst = Math.max(worst, Math.max(Math.abs(ix.s1()[i] - S1[i]), Math.abs(ix.st()[i] - ST[i])));
        return worst;
    }

    @Test
    void resultDoesNotDependOnThreadsOrBlocks() throws Exception {
        Indices one = analysis().samples(1000).seed(5).threads(1).run().get(0);
        Indices four = analysis().samples(1000).seed(5).threads(4).run().get(0);
        assertArrayEquals(one.s1(), four.s1());
        assertArrayEquals(one.stHigh(), four.stHigh());
        // blocks evaluated separately, as on other machines, and merged in row order
        SobolAnalysis a = analysis().samples(1000).seed(5);
        Indices merged = a.estimate(new double[][][][] {a.rows(0, 333), a.rows(333, 334), a.rows(334, 1000)}).get(0);
        assertArrayEquals(one.s1(), merged.s1());
        assertArrayEquals(one.st(), merged.st());
        assertArrayEquals(one.s1Low(), merged.s1Low());
        // another seed gives other points, close indices
        Indices other = analysis().samples(1000).seed(6).run().get(0);
        assertTrue(other.s1()[0] != one.s1()[0]);
        assertEquals(one.s1()[0], other.s1()[0], 0.05);
    }

    @Test
    void designIsSaltelliOnSobolPoints() {
        SobolAnalysis a = analysis().samples(64).seed(1);
        double[][][] p = a.points(0, 64);
        assertEquals(64, p.length);
        for (double[][] row : p) {
            assertEquals(5, row.length); // A, B, AB1..AB3
            for (int i = 0; i < 3; i++) {
                for (int d = 0; d < 3; d++) assertEquals(d == i ? row[1][d] : row[0][d], row[2 + i][d]);
            }
            for (double[] x : row) for (double v : x) assertTrue(v >= -Math.PI && v <= Math.PI);
        }
        // low discrepancy: 64 points fill the 8 eighths of each coordinate of A and B evenly (8 each, or one off:
        // the all-zero point 0 of the sequence is skipped and point 64 taken instead)
        for (int j = 0; j < 2; j++)
            for (int d = 0; d < 3; d++) {
                int[] count = new int[8];
                for (double[][] row : p) count[(int) ((row[j][d] + Math.PI) / (2 * Math.PI) * 8)]++;
                for (int c : count) assertTrue(c >= 7 && c <= 9, "matrix " + j + " coordinate " + d + ": " + java.util.Arrays.toString(count));
            }
        // points of a block are the same wherever the block starts
        assertArrayEquals(p[40][2], a.points(40, 41)[0][2]);
    }

    @Test
    void progressReachesTheTotal() throws Exception {
        List<Long> seen = new ArrayList<>();
        AtomicLong last = new AtomicLong();
        analysis().samples(500).progress(d -> {
            synchronized (seen) {
                seen.add(d);
            }
            last.set(d);
        }).run();
        assertEquals(500 * 5, last.get());
        assertTrue(seen.size() >= 50, "progress was reported " + seen.size() + " times");
    }
}
