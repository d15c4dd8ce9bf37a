package etw.engine;

import static etw.engine.TestModels.of;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.scenario.Distribution;
import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Scenario;

class EnsembleTest {
    /** Writes X = share and Y = share * (year - 2023), so every cell's distribution is known exactly. */
    private static InstalledModel model() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("m", "m");
        Parameter share = b.parameter("share", "1", 0.5, 0, 1, "a share", "assumption");
        Output x = b.output("X", "1", "");
        Output y = b.output("Y", "1", "");
        return of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) {
                ctx.set(x, r, ctx.get(share, r));
                ctx.set(y, r, ctx.get(share, r) * (ctx.year() - 2023));
            }
        });
    }

    private static Scenario scenario(Distribution d) {
        return Scenario.builder("e").years(2024, 2030).uncertain("m", "share", d).build();
    }

    @Test
    void percentilesOfAUniformParameterAreItsQuantiles() throws Exception {
        EnsembleResult e = Ensemble.of(Wiring.wire(scenario(Distribution.uniform(0, 1)), List.of(model())))
                .samples(20_000).seed(3).run();
        assertEquals(20_000, e.samples());
        assertArrayEquals(new double[] {5, 50, 95}, e.percentiles());
        assertEquals(0.05, e.value("X", 0, "World", 2024), 0.01);
        assertEquals(0.50, e.value("X", 1, "World", 2024), 0.01);
        assertEquals(0.95, e.value("X", 2, "World", 2024), 0.01);
        assertEquals(0.95 * 7, e.value("Y", 2, "World", 2030), 0.07);
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreadsButOnTheSeed() throws Exception {
        Wiring w = Wiring.wire(scenario(new Distribution(Distribution.Kind.NORMAL, 0.5, 0.2, 0, 1, "")), List.of(model()));
        EnsembleResult one = Ensemble.of(w).samples(3_000).seed(9).threads(1).run();
        EnsembleResult two = Ensemble.of(w).samples(3_000).seed(9).threads(2).run();
        EnsembleResult other = Ensemble.of(w).samples(3_000).seed(10).threads(2).run();
        for (int p = 0; p < 3; p++) {
            assertArrayEquals(one.series(one.indexOf("Y"), p, 0), two.series(two.indexOf("Y"), p, 0));
            assertFalse(Arrays.equals(one.series(one.indexOf("Y"), p, 0), other.series(other.indexOf("Y"), p, 0)));
        }
    }

    @Test
    void progressReachesTheSampleCount() throws Exception {
        AtomicInteger last = new AtomicInteger();
        Ensemble.of(Wiring.wire(scenario(Distribution.uniform(0, 1)), List.of(model()))).samples(1_000)
                .progress(d -> last.accumulateAndGet(d, Math::max)).run();
        assertEquals(1_000, last.get());
    }

    @Test
    void aScaleDistributionMultipliesPerRegionValuesAndIsCheckedAgainstTheRange() throws Exception {
        Scenario s = Scenario.builder("e").regions(List.of("A", "B")).years(2024, 2026)
                .parameter("m", "share", new etw.api.scenario.RegionalSeries(java.util.Map.of(
                        "A", etw.api.scenario.Trajectory.constant(0.2), "B", etw.api.scenario.Trajectory.constant(0.8)), ""))
                .uncertain("m", "share", new Distribution(Distribution.Kind.UNIFORM, 0, 0, 0.5, 1.2, "", true)).build();
        EnsembleResult e = Ensemble.of(Wiring.wire(s, List.of(model()))).samples(5_000).run();
        assertEquals(0.2 * 0.535, e.value("X", 0, "A", 2025), 0.005, "p5 of 0.2 x U(0.5, 1.2)");
        assertEquals(0.8 * 1.165, e.value("X", 2, "B", 2025), 0.02, "p95 of 0.8 x U(0.5, 1.2)");
        Scenario tooWide = Scenario.builder("e").parameter("m", "share", 0.9)
                .uncertain("m", "share", new Distribution(Distribution.Kind.UNIFORM, 0, 0, 0.5, 1.2, "s.yaml:3:4", true)).build();
        WiringException w = assertThrows(WiringException.class, () -> Ensemble.of(Wiring.wire(tooWide, List.of(model()))));
        assertTrue(w.getMessage().startsWith("s.yaml:3:4: scaling m/share by [0.5, 1.2] takes its value 0.9 to [0.45, 1.08]"),
                w.getMessage());
    }

    @Test
    void drawsStayInsideTheirBoundsWithTheRightCentre() {
        SplittableRandom random = new SplittableRandom(1);
        Distribution[] ds = {
                new Distribution(Distribution.Kind.TRIANGULAR, 0.2, 0, 0, 1, ""),
                new Distribution(Distribution.Kind.NORMAL, 1.5, 0.1, 1.3, 1.6, ""),
                new Distribution(Distribution.Kind.LOGNORMAL, 2.6, 0.2, 1.5, 5, "")};
        double[] expectedMean = {0.4, 1.4826, 2.6 * Math.exp(0.02)};
        for (int d = 0; d < ds.length; d++) {
            double sum = 0;
            for (int i = 0; i < 100_000; i++) {
                double v = Ensemble.draw(ds[d], random);
                assertTrue(v >= ds[d].min() && v <= ds[d].max(), ds[d] + " drew " + v);
                sum += v;
            }
            assertEquals(expectedMean[d], sum / 100_000, 0.01 * expectedMean[d], ds[d].toString());
        }
    }

    @Test
    void aDistributionOutsideTheParameterRangeIsRejectedWithItsOrigin() throws Exception {
        Scenario s = scenario(new Distribution(Distribution.Kind.UNIFORM, 0, 0, 0.5, 1.5, "e.yaml:9:12"));
        WiringException e = assertThrows(WiringException.class, () -> Ensemble.of(Wiring.wire(s, List.of(model()))));
        assertTrue(e.getMessage().startsWith("e.yaml:9:12: the distribution of m/share spans [0.5, 1.5], outside the "
                + "parameter's allowed range [0.0, 1.0]"), e.getMessage());
        Scenario none = Scenario.builder("n").build();
        e = assertThrows(WiringException.class, () -> Ensemble.of(Wiring.wire(none, List.of(model()))));
        assertTrue(e.getMessage().contains("declares no uncertainty"), e.getMessage());
    }

    @Test
    void aStepThatHangsInOneSampleFailsTheEnsembleInTime() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("m", "m");
        Parameter share = b.parameter("share", "1", 0.5, 0, 1, "a share", "assumption");
        Output x = b.output("X", "1", "");
        InstalledModel hangs = of(b.build(), ctx -> {
            if (ctx.get(share, 0) > 0.99) {
                while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            }
            ctx.set(x, 0, 1);
        });
        long t0 = System.nanoTime();
        RunException e = assertThrows(RunException.class, () -> Ensemble.of(Wiring.wire(
                scenario(Distribution.uniform(0, 1)), List.of(hangs))).samples(2_000).stepLimit(java.time.Duration.ofMillis(300)).run());
        assertTrue(e.getMessage().matches("sample \\d+ of the ensemble failed \\(m/share=0\\.99\\d*\\): Model m .* did not return "
                + "from its step within 300 ms .*"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "the caller got control back");
    }

    @Test
    void aFailingSampleNamesItsDrawnValues() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("m", "m");
        Parameter share = b.parameter("share", "1", 0.5, 0, 1, "a share", "assumption");
        Output x = b.output("X", "1", "");
        InstalledModel fragile = of(b.build(), ctx -> ctx.set(x, 0, ctx.get(share, 0) > 0.9 ? Double.NaN : 1));
        RunException e = assertThrows(RunException.class, () -> Ensemble.of(Wiring.wire(
                scenario(Distribution.uniform(0, 1)), List.of(fragile))).samples(1_000).run());
        assertTrue(e.getMessage().matches("sample \\d+ of the ensemble failed \\(m/share=0\\.9\\d*\\): Model m .*"), e.getMessage());
    }
}
