package etw.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.scenario.ScenarioLibrary;
import etw.cli.internal.ValidateCommand.Outcome;
import etw.cli.internal.ValidationSet.Status;
import etw.engine.InstalledModel;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/**
 * The validation set through {@code etw validate}, with the real models and canned scenarios (no OSGi). Pins the
 * table of docs/validation.md: every must-pass case lands within 15%, every documented miss stays on the side it
 * misses on (a change that fixes it fails here until KNOWN_MISS, this test and the document are updated), and the
 * published GEVO figures and fed sales are those of IEA's data file (test resource iea-gevd-2024-excerpt.csv).
 */
class ValidateCommandTest {
    private static List<InstalledModel> models;
    private static ScenarioService scenarios;
    private static List<Outcome> outcomes;

    @BeforeAll
    static void runTheSet() throws Exception {
        models = ServiceLoader.load(Model.class).stream().map(p -> InstalledModel.onClasspath(p.get())).toList();
        List<ScenarioLibrary> libraries = List.of(new TeachingScenarios());
        scenarios = new ScenarioService(() -> libraries, null, ScenarioService.Access.LOCAL);
        outcomes = new ValidateCommand(() -> models, scenarios, System.out).outcomes();
    }

    @Test
    void mustPassCasesLandWithinTheBarAndMissesStayDocumented() {
        int independent = 0;
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            switch (o.c().status()) {
                case MUST_PASS -> {
                    independent++;
                    if (!o.within()) failures.add(o.c().label() + ": ratio " + o.ratio() + " outside the bar");
                }
                case KNOWN_MISS -> {
                    independent++;
                    assertTrue(!o.c().why().isBlank(), o.c().label() + ": a documented miss says why");
                    // every documented miss today is low: ETW below the source
                    if (o.ratio() >= 1 - ValidationSet.BAR)
                        failures.add(o.c().label() + ": no longer the documented low miss (ratio " + o.ratio()
                                + "); update ValidationSet, docs/validation.md and this test");
                }
                case CALIBRATED -> { }
            }
        }
        assertTrue(independent >= 6, "at least six independent cases");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void regionalEvCasesCoverWorldChinaTheUnitedStatesAndEuropeIn2030And2035() {
        for (String region : List.of("World", "China", "United States", "Europe"))
            for (int year : new int[] {2030, 2035})
                for (String what : List.of(" EV stock ", " EV electricity ")) {
                    String label = region + what;
                    String y = " " + year + " ";
                    assertTrue(outcomes.stream().anyMatch(o -> o.c().label().startsWith(label)
                                    && o.c().label().contains(y) && o.c().status() == Status.MUST_PASS),
                            "a must-pass case for " + label + year);
                }
    }

    /**
     * Issue 11: data-centre growth per region. World, the United States, China and Europe each have a 2030 case
     * against IEA Energy and AI's Base Case; baseline's regional growth is calibrated to it (with each region's PUE
     * path and AI share), so the cases are marked calibrated and pinned here within 2%, tighter than the bar.
     */
    @Test
    void regionalDataCentreCasesAreCalibratedToIeasBaseCase() {
        for (String region : List.of("World", "United States", "China", "Europe")) {
            String label = region + " data-centre electricity 2030 [TWh]";
            Outcome o = outcomes.stream().filter(x -> x.c().label().equals(label)).findFirst().orElseThrow(
                    () -> new AssertionError("a case '" + label + "'"));
            assertEquals(Status.CALIBRATED, o.c().status(), label);
            assertEquals(1, o.ratio(), 0.02, label + ": ETW " + o.etw() + " against " + o.c().published());
        }
        assertTrue(outcomes.stream().anyMatch(o -> o.c().label().startsWith("US data-centre electricity 2028")
                && o.c().status() == Status.MUST_PASS && o.within()), "the path between 2024 and 2030 against LBNL");
    }

    /**
     * The supply side against IEA Electricity 2025 (World, 2024-2027): what was fed (demand, solar and wind growth)
     * is within 1% of IEA's figures, so the compared results rest on the forecast's own assumptions; power-sector
     * CO2 and intensity must pass; gas-fired growth is the documented miss (ETW's gas falls where IEA's grows).
     */
    @Test
    void supplyCasesFeedIeaElectricity2025AndCompareTheFossilResponse() {
        List<Outcome> supply = outcomes.stream().filter(o -> o.c().file().equals(ValidationSet.ELECTRICITY_2025))
                .toList();
        assertEquals(6, supply.size(), "cases of " + ValidationSet.ELECTRICITY_2025);
        for (Outcome o : supply) {
            String label = o.c().label();
            if (label.endsWith("(fed)")) {
                assertEquals(Status.CALIBRATED, o.c().status(), label);
                assertEquals(1, o.ratio(), 0.01, label + ": ETW " + o.etw() + " against " + o.c().published());
            }
        }
        for (String label : List.of("World power-sector CO2 2027 / 2024",
                "World carbon intensity of electricity 2027 / 2024"))
            assertTrue(supply.stream().anyMatch(o -> o.c().label().equals(label)
                    && o.c().status() == Status.MUST_PASS), "a must-pass case '" + label + "'");
        Outcome gas = supply.stream().filter(o -> o.c().label().startsWith("World gas-fired generation, growth"))
                .findFirst().orElseThrow();
        assertEquals(Status.KNOWN_MISS, gas.c().status());
        assertTrue(gas.etw() < 0, "ETW's World-alone gas generation falls to 2027 (was " + gas.etw()
                + "); if it grows now, update ValidationSet, docs/validation.md and this test");
    }

    /** The published figures and the fed EV sales are IEA's: sums of the data file's rows. */
    @Test
    void gevoFiguresAndFedSalesAreThoseOfIeasDataFile() throws IOException {
        Map<String, Double> iea = excerpt();
        String[] modes = {"Cars", "Buses", "Vans", "Trucks"};
        Map<String, String> ieaRegion = Map.of("World", "World", "China", "China", "United States", "USA",
                "Europe", "Europe");
        for (Outcome o : outcomes) {
            if (!o.c().file().equals(ValidationSet.GEVO)) continue;
            Matcher m = Pattern.compile("(.+) EV (stock|electricity) .* (\\d{4}) .*").matcher(o.c().label());
            assertTrue(m.matches(), o.c().label());
            String region = ieaRegion.get(m.group(1));
            int year = Integer.parseInt(m.group(3));
            double sum = 0;
            for (String mode : modes)
                sum += m.group(2).equals("stock")
                        ? iea.get(key(region, "EV stock", mode, "BEV", year)) + iea.get(key(region, "EV stock", mode, "PHEV", year))
                        : iea.get(key(region, "Electricity demand", mode, "EV", year));
            double published = m.group(2).equals("stock") ? sum / 1e6 : sum / 1e3;
            assertEquals(published, o.c().published(), 0.006 * published, o.c().label());
        }
        // fed sales: 2030 car EV sales per region, in the scenario's ev_sales_given
        String yaml = resource("/validation/" + ValidationSet.GEVO);
        Matcher cars = Pattern.compile("\n    ev_sales_given: \\{(.*)}\n").matcher(yaml);
        assertTrue(cars.find(), "ev_sales_given in " + ValidationSet.GEVO);
        for (var e : ieaRegion.entrySet()) {
            double sales = (iea.get(key(e.getValue(), "EV sales", "Cars", "BEV", 2030))
                    + iea.get(key(e.getValue(), "EV sales", "Cars", "PHEV", 2030))) / 1e6;
            Matcher v = Pattern.compile(Pattern.quote(e.getKey()) + ": \\{[^}]*2030: ([0-9.]+)").matcher(cars.group(1));
            assertTrue(v.find(), e.getKey() + " in " + cars.group(1));
            assertEquals(sales, Double.parseDouble(v.group(1)), 1e-3 * sales, e.getKey() + " 2030 EV car sales");
        }
    }

    @Test
    void theCommandPrintsTheTableAndExitsZeroWhenEveryMustPassCasePasses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(() -> models, scenarios, List::of, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(new String[] {"validate"});
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text + err);
        assertTrue(text.startsWith("case "), text);
        assertTrue(text.contains("within 15%?"), text);
        assertTrue(text.contains("China EV stock excl. 2/3-wheelers 2035 [million]"), text);
        assertTrue(text.contains("no (documented miss)"), text);
        assertTrue(text.contains(" must-pass within 15%"), text);

        err.reset();
        code = new Cli(() -> models, scenarios, List::of, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(new String[] {"validate", "extra"});
        assertEquals(Cli.BAD_INPUT, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("validate takes no arguments"), err.toString());
    }

    @Test
    void helpDescribesTheCommandAndItsExitCode() {
        assertTrue(Cli.USAGE.contains("  validate  "), Cli.USAGE);
        assertTrue(Cli.USAGE.contains("exit code 3 if a case marked must-pass is not"), Cli.USAGE);
    }

    private static String key(String region, String parameter, String mode, String powertrain, int year) {
        return region + "|" + parameter + "|" + mode + "|" + powertrain + "|" + year;
    }

    /** The excerpt of IEA's Global EV Data Explorer 2024 file, summed by key (historical and STEPS rows). */
    private static Map<String, Double> excerpt() throws IOException {
        Map<String, Double> map = new HashMap<>() {
            @Override
            public Double get(Object k) {
                return getOrDefault(k, 0.0);
            }
        };
        String text = resource("/validation/iea-gevd-2024-excerpt.csv");
        text.lines().skip(1).forEach(line -> {
            String[] f = line.split(",");
            map.merge(key(f[0], f[2], f[3], f[4], Integer.parseInt(f[5])), Double.parseDouble(f[7]), Double::sum);
        });
        return map;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ValidateCommandTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
