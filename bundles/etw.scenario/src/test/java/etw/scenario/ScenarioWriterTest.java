package etw.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import etw.api.scenario.Distribution;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;

class ScenarioWriterTest {
    /** The canned scenarios of the teaching library, read as files. */
    static final Path CANNED = Path.of("../etw.scenarios.teaching/src/main/resources/scenarios");

    static ScenarioParser.ParentResolver cannedParents() {
        return (name, of) -> ScenarioParser.readIfExists(CANNED.resolve(name + ".yaml"));
    }

    static List<Path> cannedFiles() throws Exception {
        try (Stream<Path> s = Files.list(CANNED)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".levers.yaml")).sorted().toList();
        }
    }

    /** Everything that matters for a run, compared; origins, source, text and files are not meaning. */
    static void assertSameMeaning(Scenario a, Scenario b) {
        assertEquals(a.name(), b.name());
        assertEquals(a.description(), b.description());
        assertEquals(a.regions(), b.regions());
        assertEquals(a.firstYear(), b.firstYear());
        assertEquals(a.lastYear(), b.lastYear());
        assertEquals(a.seed(), b.seed());
        assertEquals(a.models(), b.models());
        assertEquals(a.with(), b.with());
        assertEquals(meaning(a.parameters(), a.regions()), meaning(b.parameters(), b.regions()), a.name() + " parameters");
        Map<String, Object> xa = new LinkedHashMap<>();
        Map<String, Object> xb = new LinkedHashMap<>();
        a.exogenous().forEach((k, x) -> xa.put(k, x.unit() + " " + values(x.values(), a.regions())));
        b.exogenous().forEach((k, x) -> xb.put(k, x.unit() + " " + values(x.values(), b.regions())));
        assertEquals(xa, xb);
        Map<String, Object> ua = new LinkedHashMap<>();
        Map<String, Object> ub = new LinkedHashMap<>();
        a.uncertainty().forEach((m, ds) -> ds.forEach((p, d) -> ua.put(m + "/" + p, distribution(d))));
        b.uncertainty().forEach((m, ds) -> ds.forEach((p, d) -> ub.put(m + "/" + p, distribution(d))));
        assertEquals(ua, ub);
    }

    private static Map<String, Object> meaning(Map<String, Map<String, RegionalSeries>> p, List<String> regions) {
        Map<String, Object> out = new java.util.TreeMap<>();
        p.forEach((m, values) -> values.forEach((k, v) -> out.put(m + "/" + k, values(v, regions))));
        return out;
    }

    /** A series as (region -> points), single points as constants, "*" entries for regions not run dropped. */
    private static Map<String, Object> values(RegionalSeries s, List<String> regions) {
        Map<String, Object> out = new java.util.TreeMap<>();
        boolean all = s.byRegion().containsKey(RegionalSeries.ALL_REGIONS);
        s.byRegion().forEach((r, t) -> {
            if (all && !r.equals(RegionalSeries.ALL_REGIONS) && !regions.contains(r)) return;
            out.put(r, t.points().size() == 1 ? (Object) t.points().values().iterator().next() : t.points());
        });
        return out;
    }

    private static List<Object> distribution(Distribution d) {
        boolean usesA = d.kind() != Distribution.Kind.UNIFORM;
        boolean usesB = d.kind() == Distribution.Kind.NORMAL || d.kind() == Distribution.Kind.LOGNORMAL;
        return List.of(d.kind(), usesA ? d.a() : 0.0, usesB ? d.b() : 0.0, d.min(), d.max(), d.scale());
    }

    private static void roundTrip(Scenario s) throws Exception {
        String text = ScenarioWriter.write(s);
        Scenario back = ScenarioParser.parse(text, "written.yaml");
        assertSameMeaning(s, back);
        assertEquals(text, ScenarioWriter.write(back), "the canonical form is a fixed point");
    }

    @Test
    void everyCannedScenarioRoundTrips() throws Exception {
        List<Path> files = cannedFiles();
        assertEquals(9, files.size(), "the nine canned scenarios");
        for (Path f : files) {
            Scenario s = ScenarioParser.parse(f, cannedParents());
            roundTrip(s);
        }
    }

    @Test
    void scaleTrueAndWithAreWritten() throws Exception {
        Scenario baseline = ScenarioParser.parse(CANNED.resolve("baseline.yaml"), cannedParents());
        String text = ScenarioWriter.write(baseline);
        assertTrue(text.contains("scale: true"), "baseline's scale distributions keep scale: true");
        Scenario withPlugin = baseline.toBuilder("b").with(List.of("org.example.heatpumps")).build();
        String w = ScenarioWriter.write(withPlugin);
        assertTrue(w.contains("with: [org.example.heatpumps]"), w.substring(0, 300));
        assertEquals(List.of("org.example.heatpumps"), ScenarioParser.parse(w, "w.yaml").with());
    }

    private static Scenario codeBuilt(boolean reversed) {
        List<String> models = new ArrayList<>(List.of("m.a", "m.b", "m.c"));
        if (reversed) java.util.Collections.reverse(models);
        Scenario.Builder b = Scenario.builder("code").description("Built in code: \"quoted\", 'single', 2024, yes, # not a comment\nsecond line")
                .regions(List.of("World", "2024 Region", "yes", "Region: with colon", "Côte d'Ivoire")).years(2024, 2060).seed(-7)
                .models(List.of("m.a", "m.b")).with(List.of("plugin.x"));
        for (String m : models) {
            b.parameter(m, "constant", 1.4);
            b.parameter(m, "tiny", 1e-300);
            b.parameter(m, "huge", 1.7e308);
            b.parameter(m, "negzero", -0.0);
            b.parameter(m, "third", 1.0 / 3);
            b.parameter(m, "trajectory", RegionalSeries.of(Trajectory.of(Map.of(2024, 0.45, 2040, 0.1, 2300, -3.0)), "x"));
            Map<String, Trajectory> by = new LinkedHashMap<>();
            by.put("yes", Trajectory.constant(2));
            by.put("World", Trajectory.of(Map.of(2024, 353.0, 2030, 400.0)));
            by.put(RegionalSeries.ALL_REGIONS, Trajectory.constant(10));
            by.put("Côte d'Ivoire", Trajectory.constant(0.5));
            b.parameter(m, "perRegion", new RegionalSeries(by, ""));
            b.uncertain(m, "u1", new Distribution(Distribution.Kind.UNIFORM, 0, 0, 0.8, 1.2, "", true));
            b.uncertain(m, "u2", new Distribution(Distribution.Kind.TRIANGULAR, 0.5, 0, 0.3, 0.7, "a:1:1"));
            b.uncertain(m, "u3", new Distribution(Distribution.Kind.NORMAL, 1.45, 0.1, 1.1, 2.0, ""));
            b.uncertain(m, "u4", new Distribution(Distribution.Kind.LOGNORMAL, 2.6, 0.2, 1.5, 5, ""));
        }
        b.exogenous("Final Energy|Electricity|Hydrogen", "TWh/yr", RegionalSeries.of(Trajectory.of(Map.of(2024, 1.0, 2050, 27.0)), ""));
        b.exogenous("Population", "million", RegionalSeries.constant(8100));
        return b.build();
    }

    @Test
    void codeBuiltScenariosRoundTrip() throws Exception {
        roundTrip(codeBuilt(false));
        roundTrip(Scenario.builder("minimal").build());
    }

    @Test
    void theSameScenarioBuiltInAnotherOrderWritesTheSameText() {
        assertEquals(ScenarioWriter.write(codeBuilt(false)), ScenarioWriter.write(codeBuilt(true)));
    }

    @Test
    void numbersAreShortAndExact() {
        assertEquals("62", ScenarioWriter.format(62));
        assertEquals("0.45", ScenarioWriter.format(0.45));
        assertEquals("-0.0", ScenarioWriter.format(-0.0));
        assertEquals("1.0E-5", ScenarioWriter.format(1e-5));
        assertEquals("1.0E20", ScenarioWriter.format(1e20));
    }

    @Test
    void aVariantIsWrittenAsItsDifferences() throws Exception {
        Scenario baseline = ScenarioParser.parse(CANNED.resolve("baseline.yaml"), cannedParents());
        Scenario boom = ScenarioParser.parse(CANNED.resolve("ai-boom.yaml"), cannedParents());
        String text = ScenarioWriter.writeVariant(boom, "baseline", baseline).orElseThrow();
        assertTrue(text.startsWith("name: ai-boom\nextends: baseline\n"), text);
        assertTrue(text.lines().count() < 15, text);
        assertSameMeaning(boom, ScenarioParser.parse(text, "v.yaml", cannedParents()));
        Scenario fewer = Scenario.builder("fewer").regions(baseline.regions()).build();
        assertEquals(Optional.empty(), ScenarioWriter.writeVariant(fewer, "baseline", baseline), "cannot drop the parent's settings");
        assertFalse(ScenarioWriter.write(boom).contains("extends"));
    }
}
