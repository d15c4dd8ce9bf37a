package etw.engine;

import static etw.engine.TestModels.constant;
import static etw.engine.TestModels.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.StepContext;
import etw.api.scenario.Distribution;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;

/** Issue 14: paths that used to change results without a word now fail or warn. */
class TrustTest {
    private static final Scenario WORLD = Scenario.builder("t").years(2024, 2026).build();

    private static InstalledModel plugin(ModelDescriptor d, TestModels.Step step) {
        return InstalledModel.pluginOnClasspath(new Model() {
            public ModelDescriptor descriptor() { return d; }
            public void step(StepContext ctx) { step.step(ctx); }
        });
    }

    /** A plugin model adding {@code value} TWh/yr of demand under Final Energy|Electricity. */
    private static InstalledModel demandPlugin(String id, String variable, boolean joinsByDefault) {
        ModelDescriptor.Builder b = ModelDescriptor.builder(id, id);
        if (joinsByDefault) b.joinsByDefault();
        Output o = b.output(variable, "TWh/yr", "");
        return plugin(b.build(), ctx -> ctx.set(o, 0, 13));
    }

    /** A distribution model reading total demand. */
    private static InstalledModel grid() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("grid", "grid");
        Input demand = b.input("Final Energy|Electricity", "TWh/yr", "");
        Output out = b.output("Secondary Energy|Electricity", "TWh/yr", "");
        return of(b.build(), ctx -> ctx.set(out, 0, ctx.get(demand, 0)));
    }

    @Test
    void aPluginJoinsOnlyWhenNamedAndSaysSo() throws Exception {
        List<InstalledModel> installed = List.of(grid(), constant("dc", "Final Energy|Electricity|Data Centers", "TWh/yr", 100),
                demandPlugin("acme.heat", "Final Energy|Electricity|Heat Pumps", false));
        Result without = Wiring.wire(WORLD, installed).run();
        assertEquals(100, without.value("Secondary Energy|Electricity", "World", 2024));
        assertEquals(List.of(), without.manifest().plugins());

        Result with = Wiring.wire(WORLD.toBuilder("t").with(List.of("acme.heat")).build(), installed).run();
        assertEquals(113, with.value("Secondary Energy|Electricity", "World", 2024));
        assertEquals(List.of("acme.heat (bundle classpath 0)"), with.manifest().plugins());

        Scenario listed = WORLD.toBuilder("t").models(List.of("grid", "dc")).build();
        List<InstalledModel> free = List.of(grid(), constant("dc", "Final Energy|Electricity|Data Centers", "TWh/yr", 100),
                demandPlugin("acme.free", "Final Energy|Electricity|Hydrogen", true));
        assertEquals(100, Wiring.wire(listed, free).run().value("Secondary Energy|Electricity", "World", 2024),
                "a scenario listing its models runs exactly those, even with a plugin that joins by default");
        assertEquals(113, Wiring.wire(WORLD, free).run().value("Secondary Energy|Electricity", "World", 2024),
                "a plugin declared joinsByDefault joins a scenario without a models list");
    }

    @Test
    void aBrokenPluginThatJoinedByDefaultIsLeftOutWithItsReason() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("acme.typo", "typo").joinsByDefault();
        b.input("Final Energy|Electricty", "TWh/yr", "");
        Output o = b.output("Final Energy|Electricity|Hydrogen", "TWh/yr", "");
        InstalledModel typo = plugin(b.build(), ctx -> ctx.set(o, 0, 1));
        List<InstalledModel> installed = List.of(grid(), constant("dc", "Final Energy|Electricity|Data Centers", "TWh/yr", 100), typo);
        Wiring w = Wiring.wire(WORLD, installed);
        assertEquals(List.of("dc", "grid"), w.order().stream().map(InstalledModel::id).sorted().toList());
        assertTrue(w.warnings().stream().anyMatch(s -> s.contains("acme.typo") && s.contains("Final Energy|Electricty")
                && s.contains("looks like 'Final Energy|Electricity'")), w.warnings().toString());
        assertEquals(w.warnings(), w.run().manifest().warnings());

        WiringException e = assertThrows(WiringException.class,
                () -> Wiring.wire(WORLD.toBuilder("t").with(List.of("acme.typo")).build(), installed));
        assertTrue(e.getMessage().contains("Final Energy|Electricty"), e.getMessage());
    }

    @Test
    void exogenousDataNobodyReadsIsATypoErrorOrAWarning() throws Exception {
        List<InstalledModel> installed = List.of(grid(), constant("dc", "Final Energy|Electricity|Data Centers", "TWh/yr", 100));
        Scenario typo = WORLD.toBuilder("t").exogenous("Final Energy|Electricity|Data Center", "TWh/yr", RegionalSeries.constant(5)).build();
        assertThrows(WiringException.class, () -> Wiring.wire(typo, installed));
        Scenario typoParent = WORLD.toBuilder("t").exogenous("Final Energy|Electricty|Hydrogen", "TWh/yr", RegionalSeries.constant(5)).build();
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(typoParent, installed));
        assertTrue(e.getMessage().contains("'Final Energy|Electricty' looks like 'Final Energy|Electricity'"), e.getMessage());
        Scenario unrelated = WORLD.toBuilder("t").exogenous("Population", "million", RegionalSeries.constant(8000)).build();
        Wiring w = Wiring.wire(unrelated, installed);
        assertTrue(w.warnings().stream().anyMatch(s -> s.contains("'Population' is not read")), w.warnings().toString());
    }

    @Test
    void exogenousDataBelowAModelsOutputIsRefused() {
        List<InstalledModel> installed = List.of(grid(), constant("ev", "Final Energy|Electricity|Transportation", "TWh/yr", 100));
        Scenario s = WORLD.toBuilder("t").exogenous("Final Energy|Electricity|Transportation|Buses", "TWh/yr",
                RegionalSeries.constant(5)).build();
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(s, installed));
        assertTrue(e.getMessage().contains("would not enter that total"), e.getMessage());
    }

    @Test
    void uncertaintyOnAnUnknownParameterAndAMisspelledRegionAreErrorsAtWiring() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("p", "p");
        b.parameter("share", "1", 0.5, 0, 1, "", "assumption");
        Output o = b.output("V", "TWh/yr", "");
        InstalledModel p = of(b.build(), ctx -> ctx.set(o, 0, 1));
        Scenario unknown = WORLD.toBuilder("t").uncertain("p", "shares", Distribution.uniform(0, 1)).build();
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(unknown, List.of(p)));
        assertTrue(e.getMessage().contains("no parameter 'shares'. Did you mean 'share'?"), e.getMessage());

        Map<String, Trajectory> byRegion = new LinkedHashMap<>();
        byRegion.put("*", Trajectory.constant(0.5));
        byRegion.put("Wrold", Trajectory.constant(0.9));
        Scenario region = WORLD.toBuilder("t").parameter("p", "share", new RegionalSeries(byRegion, "s.yaml:3:5")).build();
        e = assertThrows(WiringException.class, () -> Wiring.wire(region, List.of(p)));
        assertTrue(e.getMessage().startsWith("s.yaml:3:5: ") && e.getMessage().contains("region 'Wrold'")
                && e.getMessage().contains("did you mean 'World'?"), e.getMessage());
    }

    @Test
    void theSameInputDeclaredTwiceIsRefused() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("m", "m");
        b.input("A", "TWh/yr", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.input("A", "TWh/yr", ""));
        assertTrue(e.getMessage().contains("declares input A twice"), e.getMessage());
        b.laggedInput("A", "TWh/yr", 1, 0, ""); // last year's value is another input
    }

    @Test
    void anOutputWhoseNameLooksLikeATypoIsWarnedAbout() throws Exception {
        InstalledModel typo = constant("h2", "Final Energy|Electricty|Hydrogen", "TWh/yr", 5);
        List<InstalledModel> installed = List.of(grid(), constant("dc", "Final Energy|Electricity|Data Centers", "TWh/yr", 100), typo);
        Wiring w = Wiring.wire(WORLD, installed);
        assertTrue(w.warnings().stream().anyMatch(s -> s.contains("h2") && s.contains("looks like 'Final Energy|Electricity'")),
                w.warnings().toString());
        assertEquals(1, NameCheck.likelyTypos(installed).size(), NameCheck.likelyTypos(installed).toString());
        assertEquals(null, NameCheck.closest("Secondary Energy|Electricity|Oil", List.of("Secondary Energy|Electricity|Coal")),
                "a short name two edits away is another word, not a typo");
    }

    @Test
    void anErrorInAStepFailsTheRunAndNoNanIsReturned() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("bad", "bad");
        Output o = b.output("V", "TWh/yr", "");
        InstalledModel asserting = of(b.build(), ctx -> {
            if (ctx.year() == 2025) throw new AssertionError("invariant broken");
            ctx.set(o, 0, 1);
        });
        RunException e = assertThrows(RunException.class, () -> Wiring.wire(WORLD, List.of(asserting)).run(Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("threw java.lang.AssertionError: invariant broken in year 2025"), e.getMessage());
        e = assertThrows(RunException.class, () -> Wiring.wire(WORLD, List.of(asserting)).run());
        assertTrue(e.getMessage().contains("AssertionError"), e.getMessage());
    }

    @Test
    void aHungModelIsQuarantinedUntilReloaded() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("acme.hang", "hang");
        Output o = b.output("Final Energy|Electricity|Hang", "TWh/yr", "");
        b.joinsByDefault();
        InstalledModel hang = plugin(b.build(), ctx -> {
            while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            ctx.set(o, 0, 1);
        });
        List<InstalledModel> installed = List.of(grid(), hang);
        assertThrows(RunException.class, () -> Wiring.wire(WORLD, installed).run(Duration.ofMillis(100)));
        assertTrue(Quarantine.contains(hang.model()));
        assertTrue(Quarantine.describe().stream().anyMatch(s -> s.startsWith("model acme.hang (bundle classpath 0) is quarantined")),
                Quarantine.describe().toString());
        WiringException named = assertThrows(WiringException.class,
                () -> Wiring.wire(WORLD.toBuilder("t").with(List.of("acme.hang")).build(), installed));
        assertTrue(named.getMessage().contains("quarantined"), named.getMessage());
        // by default it is left out, with the reason, and the grid then has no demand to read
        WiringException left = assertThrows(WiringException.class, () -> Wiring.wire(WORLD, installed));
        assertTrue(left.getMessage().contains("Final Energy|Electricity"), left.getMessage());
    }

    @Test
    void theManifestHashesACanonicalFormNotTheOrderKeysWereGivenIn() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("p", "p");
        b.parameter("a", "1", 0.5, 0, 1, "", "assumption");
        b.parameter("c", "1", 0.5, 0, 1, "", "assumption");
        Output o = b.output("V", "TWh/yr", "");
        InstalledModel p = of(b.build(), ctx -> ctx.set(o, 0, 1));
        Scenario one = WORLD.toBuilder("t").parameter("p", "a", 0.1).parameter("p", "c", 0.2).build();
        Scenario two = WORLD.toBuilder("t").parameter("p", "c", 0.2).parameter("p", "a", 0.1).text("# another text").build();
        String h1 = Wiring.wire(one, List.of(p)).run().manifest().scenarioSha256();
        assertEquals(h1, Wiring.wire(two, List.of(p)).run().manifest().scenarioSha256());
        Scenario three = WORLD.toBuilder("t").parameter("p", "a", 0.1).parameter("p", "c", 0.3).build();
        assertFalse(h1.equals(Wiring.wire(three, List.of(p)).run().manifest().scenarioSha256()));
    }

    @Test
    void aVariantSettingAParameterItsParentVariesIsVariedAroundTheVariantsValue() {
        Scenario parent = WORLD.toBuilder("parent").uncertain("p", "share", new Distribution(Distribution.Kind.TRIANGULAR,
                0.5, 0, 0.25, 0.75, "")).build();
        Scenario variant = parent.toBuilder("variant").parameter("p", "share", 0.8).build();
        Distribution d = variant.uncertainty().get("p").get("share");
        assertTrue(d.scale());
        assertEquals(0.5, d.min(), 1e-12);
        assertEquals(1.0, d.a(), 1e-12);
        assertEquals(1.5, d.max(), 1e-12);
    }

    @Test
    void aRunThatCannotMeetDemandSaysSoInItsManifest() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("supply", "supply");
        Output unmet = b.output("Secondary Energy|Electricity|Unmet Demand", "TWh/yr", "");
        InstalledModel supply = of(b.build(), ctx -> ctx.set(unmet, 0, ctx.year() == 2025 ? 42 : 0));
        Result r = Wiring.wire(WORLD, List.of(supply)).run();
        assertEquals(List.of("demand is not met: Secondary Energy|Electricity|Unmet Demand reaches 42 TWh/yr in World in "
                + "2025; the supply in this scenario cannot cover every hour (etw show prints it by year)"), r.manifest().warnings());
        InstalledModel enough = constant("supply", "Secondary Energy|Electricity|Unmet Demand", "TWh/yr", 0);
        assertEquals(List.of(), Wiring.wire(WORLD, List.of(enough)).run().manifest().warnings());
    }
}
