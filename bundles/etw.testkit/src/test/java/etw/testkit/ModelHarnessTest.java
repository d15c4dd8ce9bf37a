package etw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class ModelHarnessTest {

    /** out = demand * share + last year's out (lag 1, 0 before the first year). */
    static final class Adds implements Model {
        final ModelDescriptor d;
        final Input demand;
        final Input last;
        final Output out;
        final Output other;
        final Parameter share;
        boolean skipOther;
        double override = Double.NaN;
        long sleepMs;

        Adds() {
            ModelDescriptor.Builder b = ModelDescriptor.builder("test.adds", "Adds");
            demand = b.input("Final Energy|Electricity", "TWh/yr", "demand");
            last = b.laggedInput("Test|Out", "TWh/yr", 1, 0, "own output");
            out = b.output("Test|Out", "TWh/yr", "running total");
            other = b.output("Test|Other", "1", "always 1");
            share = b.parameter("share", "1", 0.5, 0, 1, "share", "assumption: test");
            d = b.build();
        }

        @Override public ModelDescriptor descriptor() { return d; }

        @Override
        public void step(StepContext ctx) {
            if (sleepMs > 0) {
                try {
                    Thread.sleep(sleepMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (int r = 0; r < ctx.regionCount(); r++) {
                double v = ctx.get(demand, r) * ctx.get(share, r) + ctx.get(last, r);
                ctx.set(out, r, Double.isNaN(override) ? v : override);
                if (!skipOther) ctx.set(other, r, 1);
            }
        }
    }

    @Test
    void givenInputsAndOwnHistory() {
        ModelHarness h = ModelHarness.of(new Adds()).years(2024, 2026)
                .input("Final Energy|Electricity", (r, y) -> y - 2000)
                .parameter("share", 0.1).run();
        assertEquals(2.4, h.output("Test|Out", 2024), 1e-12);
        assertEquals(2.4 + 2.5, h.output("Test|Out", 2025), 1e-12);
        assertEquals(2.4 + 2.5 + 2.6, h.output("Test|Out", "World", 2026), 1e-12);
    }

    @Test
    void aMissingInputIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelHarness.of(new Adds()).run());
        assertEquals("no values given for input Final Energy|Electricity", e.getMessage());
    }

    @Test
    void defaultInputsFeedEveryInputNotGiven() {
        ModelHarness h = ModelHarness.of(new Adds()).years(2024, 2025).defaultInputs(10).run();
        assertEquals(5, h.output("Test|Out", 2024));
        assertEquals(10, h.output("Test|Out", 2025)); // the lagged own output still comes from the model
        ModelHarness given = ModelHarness.of(new Adds()).years(2024, 2024).input("Final Energy|Electricity", 4)
                .defaultInputs(10).run();
        assertEquals(2, given.output("Test|Out", 2024)); // a given input wins, whatever the call order
    }

    @Test
    void unsetAndNotFiniteAreToldApart() {
        Adds skips = new Adds();
        skips.skipOther = true;
        IllegalStateException unset = assertThrows(IllegalStateException.class,
                () -> ModelHarness.of(skips).defaultInputs(1).run());
        assertEquals("test.adds did not set Test|Other in World 2024", unset.getMessage());

        Adds nan = new Adds();
        nan.override = Double.POSITIVE_INFINITY;
        IllegalStateException notFinite = assertThrows(IllegalStateException.class,
                () -> ModelHarness.of(nan).defaultInputs(1).run());
        assertEquals("test.adds left Test|Out = Infinity in World 2024", notFinite.getMessage());
    }

    @Test
    void stepsAreTimedAndCanBeLimited() {
        Adds slow = new Adds();
        slow.sleepMs = 30;
        ModelHarness h = ModelHarness.of(slow).years(2024, 2025).defaultInputs(1).run();
        assertTrue(h.stepTime(2025).compareTo(Duration.ofMillis(25)) >= 0, h.stepTime(2025).toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ModelHarness.of(slow).defaultInputs(1).stepTimeLimit(Duration.ofMillis(5)).run());
        assertTrue(e.getMessage().startsWith("test.adds: the step of 2024 took "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" ms, over the limit of 5.0 ms"), e.getMessage());
    }
}
