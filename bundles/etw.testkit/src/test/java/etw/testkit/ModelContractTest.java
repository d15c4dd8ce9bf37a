package etw.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/** Each bad model breaks exactly one rule; the failure must say which, and where. */
class ModelContractTest {

    // ---- a good model -----------------------------------------------------------------------------------------

    /** Reads demand from another model, keeps a stock through a lag-1 input of its own output. */
    static final class Good implements Model {
        final ModelDescriptor d;
        final Input demand;
        final Input stockLastYear;
        final Output stock;
        final Output use;
        final Parameter share;
        final Parameter additions;

        Good() {
            ModelDescriptor.Builder b = ModelDescriptor.builder("test.good", "Good");
            demand = b.input("Final Energy|Electricity", "TWh/yr", "total demand");
            stockLastYear = b.laggedInput("Capacity|Test", "GW", 1, 0.0, "own stock");
            stock = b.output("Capacity|Test", "GW", "stock");
            use = b.output("Final Energy|Electricity|Test", "TWh/yr", "use");
            share = b.parameter("share", "1", 0.1, 0, 1, "share of demand", "assumption: test");
            additions = b.parameter("additions", "GW/yr", 5, 0, 100, "added each year", "assumption: test");
            d = b.build();
        }

        @Override public ModelDescriptor descriptor() { return d; }

        @Override
        public void step(StepContext ctx) {
            for (int r = 0; r < ctx.regionCount(); r++) {
                ctx.set(stock, r, ctx.get(stockLastYear, r) + ctx.get(additions, r));
                ctx.set(use, r, ctx.get(demand, r) * ctx.get(share, r));
            }
        }
    }

    /** A small base for the bad models: one parameter {@code share} in [0, 1], one output. */
    abstract static class OneOutput implements Model {
        final ModelDescriptor d;
        final Output out;
        final Parameter share;

        OneOutput(String id, String outputUnit) {
            ModelDescriptor.Builder b = ModelDescriptor.builder(id, id);
            out = b.output("Final Energy|Electricity|Test", outputUnit, "test output");
            share = b.parameter("share", "1", 0.5, 0, 1, "a share", "assumption: test");
            d = b.build();
        }

        @Override public ModelDescriptor descriptor() { return d; }

        @Override
        public void step(StepContext ctx) {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(out, r, value(ctx, r));
        }

        abstract double value(StepContext ctx, int r);
    }

    @Test
    void aGoodModelPasses() {
        assertDoesNotThrow(() -> ModelContract.verify(new Good()));
        assertDoesNotThrow(() -> ModelContract.of(new Good()).regions("World").years(2024, 2100).draws(500).seed(7)
                .input("Final Energy|Electricity", (r, y) -> 30_000 + 500 * (y - 2024)).check());
    }

    @Test
    void aModelWithoutParametersOrInputsPasses() {
        Model constant = new Model() {
            final ModelDescriptor d;
            final Output out;
            {
                ModelDescriptor.Builder b = ModelDescriptor.builder("test.constant", "Constant");
                out = b.output("Final Energy|Electricity|Test", "TWh/yr", "constant");
                d = b.build();
            }
            @Override public ModelDescriptor descriptor() { return d; }
            @Override public void step(StepContext ctx) {
                for (int r = 0; r < ctx.regionCount(); r++) ctx.set(out, r, 42);
            }
        };
        assertDoesNotThrow(() -> ModelContract.verify(constant));
    }

    // ---- the deliberately bad models the issue asks for ---------------------------------------------------------

    @Test
    void anOutputThatIsNeverSetFails() {
        Model skips = new Model() {
            final ModelDescriptor d;
            final Output written;
            {
                ModelDescriptor.Builder b = ModelDescriptor.builder("test.skips", "Skips an output");
                written = b.output("Final Energy|Electricity|Written", "TWh/yr", "set");
                b.output("Final Energy|Electricity|Forgotten", "TWh/yr", "never set");
                d = b.build();
            }
            @Override public ModelDescriptor descriptor() { return d; }
            @Override public void step(StepContext ctx) {
                for (int r = 0; r < ctx.regionCount(); r++) ctx.set(written, r, 1);
            }
        };
        String m = failure(skips);
        assertContains(m, "test.skips");
        assertContains(m, "output Final Energy|Electricity|Forgotten was not set in Region 1 2024");
        assertContains(m, "run: the defaults");
    }

    @Test
    void anUnknownUnitFails() {
        Model furlongs = new OneOutput("test.furlongs", "furlongs") {
            @Override double value(StepContext ctx, int r) { return 1; }
        };
        String m = failure(furlongs);
        assertContains(m, "test.furlongs");
        assertContains(m, "output Final Energy|Electricity|Test has unit 'furlongs', which the engine does not understand");
        assertContains(m, "unknown unit 'furlongs'");
        assertContains(m, "known: Wh J toe W g t m"); // the list shown to the author
    }

    @Test
    void nanAtTheEdgeOfARangeFails() {
        Model nanAtEdge = new OneOutput("test.nan", "TWh/yr") {
            @Override double value(StepContext ctx, int r) {
                double s = ctx.get(share, r);
                return 10 * (1 - s) / (1 - s); // 0/0 at share = 1
            }
        };
        String m = failure(nanAtEdge);
        assertContains(m, "test.nan");
        assertContains(m, "output Final Energy|Electricity|Test = NaN in Region 1 2024");
        assertContains(m, "run: parameter share at its max");
        assertContains(m, "parameters: share = 1.0");
    }

    static int calls; // the nondeterministic model's hidden state

    @Test
    void aStaticCounterMakesTheModelNondeterministic() {
        Model counter = new OneOutput("test.counter", "TWh/yr") {
            @Override double value(StepContext ctx, int r) { return 100 + calls++ * 1e-9; }
        };
        String m = failure(counter);
        assertContains(m, "test.counter");
        assertContains(m, "not deterministic");
        assertContains(m, "Final Energy|Electricity|Test = ");
        assertContains(m, "in Region 1 2024");
        assertContains(m, "run: the defaults");
    }

    @Test
    void aSlowStepFails() {
        Model sleeps = new OneOutput("test.sleeps", "TWh/yr") {
            @Override public void step(StepContext ctx) {
                if (ctx.year() == 2026) sleep(150);
                super.step(ctx);
            }
            @Override double value(StepContext ctx, int r) { return 1; }
        };
        String m = failure(sleeps);
        assertContains(m, "test.sleeps");
        assertContains(m, "the step of 2026 took ");
        assertContains(m, "over the limit of 100.0 ms");
        assertContains(m, "first try: ");
    }

    @Test
    void aStepThatNeverReturnsIsAbandoned() {
        Model hangs = new OneOutput("test.hangs", "TWh/yr") {
            @Override public void step(StepContext ctx) {
                if (ctx.year() == 2025) sleep(60_000); // interrupted when abandoned
                super.step(ctx);
            }
            @Override double value(StepContext ctx, int r) { return 1; }
        };
        long start = System.nanoTime();
        String m = failure(ModelContract.of(hangs));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "should give up after about a second");
        assertContains(m, "test.hangs");
        assertContains(m, "the step of 2025 did not return within");
        assertContains(m, "abandoned");
    }

    @Test
    void theStepLimitCanBeRaised() {
        Model sleeps = new OneOutput("test.sleeps", "TWh/yr") {
            @Override public void step(StepContext ctx) {
                if (ctx.year() == 2024) sleep(120);
                super.step(ctx);
            }
            @Override double value(StepContext ctx, int r) { return 1; }
        };
        assertDoesNotThrow(() -> ModelContract.of(sleeps).draws(0).stepTimeLimit(Duration.ofSeconds(2)).check());
    }

    // ---- more rules ---------------------------------------------------------------------------------------------

    @Test
    void anExceptionNamesTheYear() {
        Model throwsIn2030 = new OneOutput("test.throws", "TWh/yr") {
            @Override double value(StepContext ctx, int r) {
                if (ctx.year() == 2030) throw new IllegalStateException("boom");
                return 1;
            }
        };
        String m = failure(throwsIn2030);
        assertContains(m, "the step of 2030 threw java.lang.IllegalStateException: boom");
    }

    @Test
    void onlyTheFirstRegionFilledFails() {
        Model firstOnly = new OneOutput("test.firstregion", "TWh/yr") {
            @Override public void step(StepContext ctx) { ctx.set(out, 0, 1); }
            @Override double value(StepContext ctx, int r) { return 1; }
        };
        assertContains(failure(firstOnly), "was not set in Region 2 2024");
    }

    @Test
    void aProblemInsideTheRangeIsFoundByRandomDraws() {
        Model hole = new OneOutput("test.hole", "TWh/yr") {
            @Override double value(StepContext ctx, int r) {
                double s = ctx.get(share, r);
                return s > 0.6 && s < 0.9 ? Double.POSITIVE_INFINITY : s;
            }
        };
        String m = failure(hole);
        assertContains(m, "= Infinity in Region 1");
        assertContains(m, "run: random draw ");
        assertContains(m, "(seed " + ModelContract.DEFAULT_SEED + ")");
        assertContains(m, "parameters: share = 0.");
    }

    static final java.util.Set<Double> seenShares = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Test
    void drawsStayInsideTheRangesAndHalfOfThemAreTrajectories() {
        seenShares.clear();
        Model watches = new OneOutput("test.watches", "TWh/yr") {
            @Override double value(StepContext ctx, int r) {
                double s = ctx.get(share, r);
                if (!(s >= 0 && s <= 1)) throw new IllegalStateException("share " + s + " outside [0, 1]");
                seenShares.add(s); // observation only: the output does not depend on it
                return s;
            }
        };
        assertDoesNotThrow(() -> ModelContract.verify(watches));
        assertTrue(seenShares.contains(0.0) && seenShares.contains(1.0) && seenShares.contains(0.5), "edges and default");
        // 50 constant draws give 50 values; 50 trajectory draws over 27 years give about 50 * 27
        assertTrue(seenShares.size() > 1000, "only " + seenShares.size() + " distinct values");
    }

    @Test
    void stateKeptInTheModelObjectFails() {
        Model remembers = new OneOutput("test.remembers", "TWh/yr") {
            double total; // state between steps and runs: forbidden
            @Override double value(StepContext ctx, int r) { total += 1; return total; }
        };
        assertContains(failure(remembers), "not deterministic");
    }

    @Test
    void aParameterWithoutSourceFails() {
        Model noSource = new Model() {
            final ModelDescriptor d;
            final Output out;
            {
                ModelDescriptor.Builder b = ModelDescriptor.builder("test.nosource", "No source");
                out = b.output("Final Energy|Electricity|Test", "TWh/yr", "x");
                b.parameter("efficiency", "1", 0.5, 0, 1, "how efficient", "");
                d = b.build();
            }
            @Override public ModelDescriptor descriptor() { return d; }
            @Override public void step(StepContext ctx) {
                for (int r = 0; r < ctx.regionCount(); r++) ctx.set(out, r, 1);
            }
        };
        String m = failure(noSource);
        assertContains(m, "parameter efficiency has no source");
        assertContains(m, "assumption: why");
    }

    @Test
    void readingTheOwnOutputWithoutALagFails() {
        Model noLag = new Model() {
            final ModelDescriptor d;
            final Output out;
            {
                ModelDescriptor.Builder b = ModelDescriptor.builder("test.nolag", "No lag");
                b.input("Final Energy|Electricity|Test", "TWh/yr", "itself, this year");
                out = b.output("Final Energy|Electricity|Test", "TWh/yr", "x");
                d = b.build();
            }
            @Override public ModelDescriptor descriptor() { return d; }
            @Override public void step(StepContext ctx) {
                for (int r = 0; r < ctx.regionCount(); r++) ctx.set(out, r, 1);
            }
        };
        assertContains(failure(noLag), "input Final Energy|Electricity|Test reads the model's own output without a lag");
    }

    @Test
    void aNewDescriptorOnEveryCallFails() {
        Model fresh = new Model() {
            @Override public ModelDescriptor descriptor() {
                ModelDescriptor.Builder b = ModelDescriptor.builder("test.fresh", "Fresh");
                b.output("Final Energy|Electricity|Test", "TWh/yr", "x");
                return b.build();
            }
            @Override public void step(StepContext ctx) { }
        };
        assertContains(failure(fresh), "descriptor() returned a different object on the second call");
    }

    @Test
    void inputsDefaultToOneAndCanBeGiven() {
        Model divides = new Model() {
            final ModelDescriptor d;
            final Input population;
            final Output perHead;
            {
                ModelDescriptor.Builder b = ModelDescriptor.builder("test.divides", "Divides");
                population = b.input("Population", "million", "people");
                perHead = b.output("Final Energy|Electricity|Per Capita", "MWh/yr", "x");
                d = b.build();
            }
            @Override public ModelDescriptor descriptor() { return d; }
            @Override public void step(StepContext ctx) {
                for (int r = 0; r < ctx.regionCount(); r++) ctx.set(perHead, r, 1000 / ctx.get(population, r));
            }
        };
        assertDoesNotThrow(() -> ModelContract.verify(divides)); // Population = 1.0 million by default
        String m = failure(ModelContract.of(divides).input("Population", 0.0));
        assertContains(m, "= Infinity in Region 1 2024");
        assertContains(m, "inputs: Population = given with input(...)");
        String m2 = failure(ModelContract.of(divides).defaultInputs(0));
        assertContains(m2, "inputs: Population = 0.0 million (default)");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String failure(Model model) {
        return failure(ModelContract.of(model));
    }

    private static String failure(ModelContract contract) {
        AssertionError e = assertThrows(AssertionError.class, contract::check);
        return e.getMessage();
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected the message to contain \"" + part + "\" but it was:\n" + message);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
