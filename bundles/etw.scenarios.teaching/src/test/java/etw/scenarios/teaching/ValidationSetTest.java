package etw.scenarios.teaching;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.scenario.CannedScenario;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;

/**
 * The validation set (issue 11, docs/validation.md): scenario files under {@code src/test/resources/validation/}
 * set ETW's parameters to what a published outlook assumes; each case compares one ETW result with the result
 * the source publishes and prints ETW's value, the published one and their ratio. Run it with
 * {@code mvn -o test -pl bundles/etw.scenarios.teaching -Dtest=ValidationSetTest}.
 *
 * <p>The bar is 15%. A case outside it must be listed in {@link #KNOWN_MISSES} with its explanation (the same as
 * in docs/validation.md), and is then pinned to the side it misses on, so a change that fixes or worsens it fails
 * this test and the document is updated. A calibrated case (the scenario was tuned to that very figure) is shown
 * but does not count as validation.
 */
class ValidationSetTest {
    private static final double BAR = 0.15;
    private static final String WORLD = "World";
    private static final String US = "United States";
    private static final String EUROPE = "Europe";
    private static final String EMISSIONS = "Emissions|CO2|Energy|Supply|Electricity";
    private static final String DC = "Final Energy|Electricity|Data Centers";
    private static final String DEMAND = "Final Energy|Electricity";
    private static final List<String> EV_STOCK = List.of("LDV", "Buses", "Vans", "Medium Trucks", "Heavy Trucks");

    private static final String GEVO_2030 = "World EV stock excl. 2/3-wheelers 2030 [million]";
    private static final String GEVO_2035 = "World EV stock excl. 2/3-wheelers 2035 [million]";
    private static final String US_DC_SHARE = "US data centres' share of demand growth 2024-2030";

    /**
     * Case label to why it misses the bar; each misses low (ETW below the source) and must stay below 1 - bar
     * until fixed. The explanations are those of docs/validation.md.
     */
    private static final Map<String, String> KNOWN_MISSES = Map.of(
            GEVO_2030, "one World S-curve through 22% (2024) and 50% (2035) is back-loaded; STEPS is front-loaded by "
                    + "China, whose share is near its ceiling by 2030",
            GEVO_2035, "as 2030, and the other road modes keep baseline's S-curves (the source gives no global shares)",
            US_DC_SHARE, "ETW's US demand grows 2.9%/yr to 2030 without data centres' help: heat pumps and industrial "
                    + "heat electrify at World-wide shares; IEA's US demand grows about half as fast outside data centres");

    /** How the published figure bounds the result: a value, a floor ("more than"), a ceiling ("at least -80%"). */
    enum Kind { VALUE, AT_LEAST, AT_MOST }

    record Case(String file, String label, String source, double published, Kind kind, boolean calibrated,
                ToDoubleFunction<Result> etw) {
        Case(String file, String label, String source, double published, boolean calibrated, ToDoubleFunction<Result> etw) {
            this(file, label, source, published, Kind.VALUE, calibrated, etw);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("gevo-2024-steps.yaml", GEVO_2030,
                    "IEA Global EV Outlook 2024, STEPS", 250, false, r -> evStock(r, 2030)),
            new Case("gevo-2024-steps.yaml", GEVO_2035,
                    "IEA Global EV Outlook 2024, STEPS", 525, false, r -> evStock(r, 2035)),
            new Case("iea-energy-and-ai-2025.yaml", US_DC_SHARE,
                    "IEA Energy and AI 2025, Base Case: 'almost half'", 0.45, false, r -> growthShare(r, List.of(US))),
            new Case("iea-energy-and-ai-2025.yaml", "US + Europe data centres' share of demand growth 2024-2030",
                    "IEA Energy and AI 2025, Base Case: advanced economies 'more than 20%'", 0.2, Kind.AT_LEAST, false,
                    r -> growthShare(r, List.of(US, EUROPE))),
            new Case("iea-energy-and-ai-2025.yaml", "World data-centre electricity 2030 [TWh]",
                    "IEA Energy and AI 2025, Base Case", 945, true, r -> r.value(DC, WORLD, 2030)),
            new Case("iea-energy-and-ai-2025.yaml", "World data-centre electricity 2035 [TWh]",
                    "IEA Energy and AI 2025, Base Case", 1200, true, r -> r.value(DC, WORLD, 2035)),
            new Case("ipcc-ar6-c1.yaml", "World power CO2 2030 / base year",
                    "IPCC AR6 WGIII Table SPM.2, C1: -48% by 2030", 0.52, Kind.AT_MOST, false, r -> emissionsRatio(r, 2030)),
            new Case("ipcc-ar6-c1.yaml", "World power CO2 2040 / base year",
                    "IPCC AR6 WGIII Table SPM.2, C1: -80% by 2040", 0.20, Kind.AT_MOST, false, r -> emissionsRatio(r, 2040)));

    private static Map<String, CannedScenario> canned;
    private static List<InstalledModel> models;
    private static final Map<String, Result> results = new LinkedHashMap<>();

    @BeforeAll
    static void load() {
        canned = new LinkedHashMap<>();
        for (CannedScenario c : new TeachingScenarios().scenarios()) canned.put(c.name(), c);
        models = new ArrayList<>();
        for (Model m : ServiceLoader.load(Model.class)) models.add(InstalledModel.onClasspath(m));
    }

    @Test
    void everyCaseLandsWithinTheBarOrIsAnExplainedMiss() throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-52s %-70s %10s %13s %6s", "case", "source", "ETW", "published", "ratio"));
        int independent = 0;
        for (Case c : CASES) {
            Result r = run(c.file);
            double etw = c.etw.applyAsDouble(r);
            double ratio = etw / c.published;
            boolean within = switch (c.kind) {
                case VALUE -> Math.abs(ratio - 1) <= BAR;
                case AT_LEAST -> ratio >= 1 - BAR;
                case AT_MOST -> ratio <= 1 + BAR;
            };
            String bound = c.kind == Kind.AT_LEAST ? ">= " : c.kind == Kind.AT_MOST ? "<= " : "";
            lines.add(String.format(Locale.ROOT, "%-52s %-70s %10.4g %13s %6.2f%s", c.label, c.source, etw,
                    bound + String.format(Locale.ROOT, "%.4g", c.published), ratio,
                    c.calibrated ? " (calibrated)" : within ? "" : " MISS"));
            if (c.calibrated) continue;
            independent++;
            String miss = KNOWN_MISSES.get(c.label);
            if (!within && miss == null)
                failures.add(c.label + ": ratio " + ratio + " outside 1 +- " + BAR + " and not a documented miss");
            if (miss != null && ratio >= 1 - BAR)
                failures.add(c.label + ": no longer the documented low miss (ratio " + ratio + "); update KNOWN_MISSES and "
                        + "docs/validation.md (" + miss + ")");
        }
        System.out.println(String.join("\n", lines));
        assertTrue(independent >= 6, "at least six independent cases");
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + String.join("\n", lines));
    }

    static double evStock(Result r, int year) {
        double sum = 0;
        for (String mode : EV_STOCK) sum += r.value("Stock|Transportation|" + mode + "|EV", WORLD, year);
        return sum;
    }

    static double growthShare(Result r, List<String> regions) {
        double dc = 0;
        double demand = 0;
        for (String region : regions) {
            dc += r.value(DC, region, 2030) - r.value(DC, region, 2024);
            demand += r.value(DEMAND, region, 2030) - r.value(DEMAND, region, 2024);
        }
        return dc / demand;
    }

    static double emissionsRatio(Result r, int year) {
        return r.value(EMISSIONS, WORLD, year) / r.value(EMISSIONS, WORLD, r.firstYear());
    }

    private static Result run(String file) throws Exception {
        Result cached = results.get(file);
        if (cached != null) return cached;
        URL url = ValidationSetTest.class.getResource("/validation/" + file);
        assertNotNull(url, "validation/" + file + " on the test class path");
        ScenarioParser.ParentResolver parents = (parent, variantOf) -> Optional.ofNullable(canned.get(parent))
                .map(p -> new ScenarioParser.Source(read(p.location()), "canned:" + p.name()));
        Scenario scenario = ScenarioParser.parse(read(url), "validation/" + file, parents);
        Result r = Wiring.wire(scenario, models).run();
        results.put(file, r);
        return r;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
