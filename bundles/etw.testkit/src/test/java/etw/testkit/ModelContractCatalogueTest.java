package etw.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * The rules of issue 14, item 19: input typos and lag-0 cycles against the installed models, flows without a
 * per-year unit, a model class without {@code @Component}, and state shared between concurrent runs. Each bad
 * model breaks exactly one of them.
 */
class ModelContractCatalogueTest {

    /** A model reading {@code reads} (each lag 0, unless the name ends in " @1") and writing {@code writes}. */
    static final class Wired implements Model {
        final ModelDescriptor d;
        final List<Output> outs;
        final List<Input> ins;

        Wired(String id, List<String> reads, List<String> writes, String unit) {
            ModelDescriptor.Builder b = ModelDescriptor.builder(id, id);
            ins = reads.stream().map(v -> v.endsWith(" @1")
                    ? b.laggedInput(v.substring(0, v.length() - 3), "TWh/yr", 1, 0, "lagged")
                    : b.input(v, "TWh/yr", "read")).toList();
            outs = writes.stream().map(v -> b.output(v, unit, "written")).toList();
            d = b.build();
        }

        Wired(String id, List<String> reads, List<String> writes) {
            this(id, reads, writes, "TWh/yr");
        }

        @Override public ModelDescriptor descriptor() { return d; }

        @Override
        public void step(StepContext ctx) {
            for (int r = 0; r < ctx.regionCount(); r++) {
                double sum = 1;
                for (Input in : ins) sum += ctx.get(in, r);
                for (Output o : outs) ctx.set(o, r, sum);
            }
        }
    }

    /** What the workbench has installed, in these tests: demand by sector, a supply model, a price model. */
    static final List<ModelDescriptor> INSTALLED = List.of(
            new Wired("etw.demand", List.of(), List.of("Final Energy|Electricity|Residential",
                    "Final Energy|Electricity|Industry")).descriptor(),
            new Wired("etw.supply", List.of("Final Energy|Electricity"),
                    List.of("Secondary Energy|Electricity|Coal", "Emissions|CO2|Energy|Supply|Electricity")).descriptor(),
            new Wired("etw.price", List.of("Secondary Energy|Electricity|Coal"), List.of("Price|Electricity")).descriptor());

    // ---- input typos against the installed catalogue ----------------------------------------------------------

    @Test
    void aMisspeltInputIsNamedWithTheVariableItMisses() {
        Model typo = new Wired("test.typo", List.of("Final Energy|Electricty"), List.of("Useful Energy|Test"));
        assertDoesNotThrow(() -> ModelContract.of(typo).draws(0).check(), "without a catalogue there is nothing to compare");
        String m = failure(ModelContract.of(typo).installed(INSTALLED));
        assertContains(m, "test.typo");
        assertContains(m, "input Final Energy|Electricty is written by no installed model");
        assertContains(m, "did you mean Final Energy|Electricity (the sum of the variables below it)?");

        Model transposed = new Wired("test.typo2", List.of("Secondary Energy|Electricity|Cola"), List.of("Useful Energy|Test"));
        assertContains(failure(ModelContract.of(transposed).installed(INSTALLED)),
                "did you mean Secondary Energy|Electricity|Coal (written by etw.supply)?");
        Model caseSlip = new Wired("test.typo3", List.of("Price|electricity"), List.of("Useful Energy|Test"));
        assertContains(failure(ModelContract.of(caseSlip).installed(INSTALLED)), "did you mean Price|Electricity");
    }

    @Test
    void anExogenousInputOrANeighbourGasIsNoTypo() {
        Model reads = new Wired("test.exogenous", List.of("Population", "Emissions|CH4|Energy|Supply|Electricity",
                "Final Energy|Electricity"), List.of("Useful Energy|Test"));
        assertDoesNotThrow(() -> ModelContract.of(reads).draws(0).installed(INSTALLED).check());
        assertNull(Catalogue.nearest("Emissions|CH4", List.of("Emissions|CO2")), "CO2 and CH4 are both real gases");
        assertEquals("Final Energy|Electricity", Catalogue.nearest("Final Energy|Electrcity", List.of("Final Energy|Electricity")));
        assertEquals(1, Catalogue.distance("Electricty", "Electricity"));
        assertEquals(1, Catalogue.distance("Cola", "Coal"), "a transposition is one edit");
    }

    @Test
    void anOutputBelowAMisspeltParentIsAWarning() {
        Model child = new Wired("test.child", List.of(), List.of("Final Energy|Electricty|Hydrogen"));
        ModelContract c = ModelContract.of(child).draws(0).installed(INSTALLED);
        c.check();
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertContains(c.warnings().get(0), "output Final Energy|Electricty|Hydrogen sits below Final Energy|Electricty, "
                + "which no other model writes or reads, and which looks like a misspelling of Final Energy|Electricity");
        assertContains(failure(ModelContract.of(child).draws(0).installed(INSTALLED).failOnWarnings()), "failOnWarnings");
        Model good = new Wired("test.goodchild", List.of(), List.of("Final Energy|Electricity|Hydrogen"));
        ModelContract ok = ModelContract.of(good).draws(0).installed(INSTALLED);
        ok.check();
        assertEquals(List.of(), ok.warnings());
    }

    // ---- lag-0 cycles with the installed models ----------------------------------------------------------------

    @Test
    void aLagZeroCycleThroughTheInstalledModelsIsPrinted() {
        // reads the price (lag 0), which depends on coal generation, which meets total demand, which includes ours
        Model heatPumps = new Wired("test.heatpumps", List.of("Price|Electricity"),
                List.of("Final Energy|Electricity|Heat Pumps"));
        assertDoesNotThrow(() -> ModelContract.of(heatPumps).draws(0).check(), "alone it has no cycle");
        String m = failure(ModelContract.of(heatPumps).installed(INSTALLED));
        assertContains(m, "a cycle of lag-0 inputs with the installed models: "
                + "test.heatpumps reads Price|Electricity (lag 0) from etw.price; "
                + "etw.price reads Secondary Energy|Electricity|Coal (lag 0) from etw.supply; "
                + "etw.supply reads Final Energy|Electricity (the sum that includes Final Energy|Electricity|Heat Pumps) "
                + "(lag 0) from test.heatpumps");
        assertContains(m, "laggedInput(..., 1, initialValue, ...)");

        Model lagged = new Wired("test.heatpumps", List.of("Price|Electricity @1"),
                List.of("Final Energy|Electricity|Heat Pumps"));
        assertDoesNotThrow(() -> ModelContract.of(lagged).draws(0).installed(INSTALLED).check(), "a lag breaks the cycle");
    }

    @Test
    void aGrandchildUnderAWrittenChildIsNotSummedSoItMakesNoCycle() {
        // etw.demand writes Final Energy|Electricity|Residential; a model below it is not part of the total's sum
        Model below = new Wired("test.below", List.of("Final Energy|Electricity"),
                List.of("Final Energy|Electricity|Residential|Cooling"));
        assertDoesNotThrow(() -> ModelContract.of(below).draws(0).installed(INSTALLED).check());
    }

    @Test
    void readingATotalThatIncludesTheModelsOwnOutputIsACycle() {
        Model own = new Wired("test.own", List.of("Final Energy|Electricity"), List.of("Final Energy|Electricity|Own"));
        assertContains(failure(ModelContract.of(own).installed(List.of())), "test.own reads Final Energy|Electricity "
                + "(the sum that includes Final Energy|Electricity|Own) (lag 0) from test.own");
    }

    @Test
    void theCatalogueCanComeFromTheClassPath() {
        // no META-INF/services/etw.api.Model on the testkit's test class path: an empty catalogue, and no failure
        assertDoesNotThrow(() -> ModelContract.of(new Wired("test.cp", List.of(), List.of("Useful Energy|Test")))
                .draws(0).installedOnClasspath().check());
    }

    // ---- per-year units for flows -------------------------------------------------------------------------------

    @Test
    void aFlowWithoutAPerYearUnitIsAWarning() {
        Model energy = new Wired("test.flow", List.of(), List.of("Secondary Energy|Electricity|Solar"), "TWh");
        ModelContract c = ModelContract.of(energy).draws(0);
        c.check();
        assertEquals(List.of("output Secondary Energy|Electricity|Solar is a flow (Secondary Energy is an amount per "
                + "year in IAMC) but its unit 'TWh' is not per time; write 'TWh/yr'"), c.warnings());
        assertContains(failure(ModelContract.of(energy).draws(0).failOnWarnings()), "is not per time; write 'TWh/yr'");

        Model gas = new Wired("test.gas", List.of(), List.of("Emissions|CH4|Energy"), "Mt CH4");
        ModelContract g = ModelContract.of(gas).draws(0);
        g.check();
        assertContains(g.warnings().get(0), "write 'Mt CH4/yr'");

        for (String ok : List.of("TWh/yr", "Mt CO2e/yr", "1", "%")) {
            ModelContract fine = ModelContract.of(new Wired("test.ok", List.of(), List.of("Emissions|CO2|Test"), ok)).draws(0);
            fine.check();
            assertEquals(List.of(), fine.warnings(), ok);
        }
        ModelContract stock = ModelContract.of(new Wired("test.stock", List.of(), List.of("Capacity|Electricity|Solar"), "GW"))
                .draws(0);
        stock.check();
        assertEquals(List.of(), stock.warnings(), "a capacity is a stock, not a flow");
    }

    // ---- @Component -------------------------------------------------------------------------------------------

    @Test
    void aModelClassWithoutComponentFails() {
        String m = failure(ModelContract.of(new UnannotatedModel()).draws(0));
        assertContains(m, "class etw.testkit.UnannotatedModel is not a Declarative Services component: it carries no "
                + "@Component (org.osgi.service.component.annotations) and there is no OSGI-INF/etw.testkit.UnannotatedModel.xml");
        assertContains(m, "@Component(service = Model.class)");
        assertDoesNotThrow(() -> ModelContract.of(new UnannotatedModel()).draws(0).component(false).check());
    }

    @Test
    void aModelClassWithComponentPassesAndWithoutBndsXmlWarns() {
        ModelContract c = ModelContract.of(new AnnotatedModel()).draws(0);
        c.check(); // test classes are not processed by bnd: the annotation is there, the XML is not
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertContains(c.warnings().get(0), "carries @Component, but OSGI-INF/etw.testkit.AnnotatedModel.xml is not "
                + "beside the classes");
    }

    @Test
    void nestedTestDoublesAreCheckedOnlyWhenAsked() {
        Model nested = new Wired("test.nested", List.of(), List.of("Useful Energy|Test"));
        assertDoesNotThrow(() -> ModelContract.of(nested).draws(0).check());
        assertContains(failure(ModelContract.of(nested).draws(0).component(true)),
                "class etw.testkit.ModelContractCatalogueTest$Wired is not a Declarative Services component");
    }

    // ---- state shared between concurrent runs ------------------------------------------------------------------

    /** Uses a field as scratch space within a step: right alone, wrong when two runs share the object. */
    static final class Scratch implements Model {
        final ModelDescriptor d;
        final Output out;
        final Parameter share;
        double scratch; // shared between every run of this object

        Scratch() {
            ModelDescriptor.Builder b = ModelDescriptor.builder("test.scratch", "Scratch");
            out = b.output("Final Energy|Electricity|Test", "TWh/yr", "x");
            share = b.parameter("share", "1", 0.5, 0, 1, "a share", "assumption: test");
            d = b.build();
        }

        @Override public ModelDescriptor descriptor() { return d; }

        @Override
        public void step(StepContext ctx) {
            for (int r = 0; r < ctx.regionCount(); r++) {
                scratch = 100 * ctx.get(share, r) + ctx.year();
                LockSupport.parkNanos(50_000); // the window in which another run overwrites it
                ctx.set(out, r, scratch);
            }
        }
    }

    @Test
    void scratchStateInAFieldFailsWhenRunsShareTheModel() {
        Model scratch = new Scratch();
        // alone and in sequence, it is deterministic: the old determinism check passes it
        assertDoesNotThrow(() -> {
            ModelHarness a = ModelHarness.of(scratch).years(2024, 2030).run();
            ModelHarness b = ModelHarness.of(scratch).years(2024, 2030).run();
            for (int y = 2024; y <= 2030; y++) assertEquals(a.output("Final Energy|Electricity|Test", y),
                    b.output("Final Energy|Electricity|Test", y));
        });
        String m = failure(ModelContract.of(scratch).draws(10));
        assertContains(m, "test.scratch");
        assertContains(m, "state shared between runs: run alone, it gives Final Energy|Electricity|Test = ");
        assertContains(m, "other runs use the same model object on other threads");
        assertContains(m, "not even scratch space within a step; use local variables");
    }

    @Test
    void aStatelessModelPassesInParallel() {
        assertDoesNotThrow(() -> ModelContract.of(new ModelContractTest.Good()).threads(8).check());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String failure(ModelContract contract) {
        return assertThrows(AssertionError.class, contract::check).getMessage();
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected the message to contain \"" + part + "\" but it was:\n" + message);
    }
}
