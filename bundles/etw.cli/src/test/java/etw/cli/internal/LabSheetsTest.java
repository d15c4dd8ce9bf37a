package etw.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.Model;
import etw.api.scenario.ScenarioLibrary;
import etw.engine.InstalledModel;
import etw.io.Numbers;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/**
 * One test per lab sheet: the sheet is read as a student reads it (through {@code etw scenarios NAME}), every
 * {@code ./etw} command it documents is run through the CLI, and each question's answer is found in the output
 * of those commands, checked against the run's CSV. The answers are derived from the output, not pinned, so a
 * change of the physics moves them without breaking the test; a sheet that points at a command that fails, at a
 * file a student does not have, or at output that does not hold the answer, fails it.
 */
class LabSheetsTest {
    private static final List<InstalledModel> MODELS = ServiceLoader.load(Model.class).stream()
            .map(p -> InstalledModel.onClasspath(p.get())).toList();
    @TempDir
    Path dir;

    // ------------------------------------------------------------------------------------------ the CLI as a student uses it

    private record Output(int code, String out, String err) {
    }

    private Output etw(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<ScenarioLibrary> libraries = List.of(new TeachingScenarios());
        ScenarioService scenarios = new ScenarioService(() -> libraries, dir.resolve("scenarios"), ScenarioService.Access.LOCAL);
        List<String> all = new ArrayList<>(args);
        if (List.of("run", "ensemble").contains(all.get(0)) && !all.contains("--out")) {
            all.add("--out");
            all.add(dir.resolve("results").toString());
        }
        int code = new Cli(() -> MODELS, scenarios, List::of, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(all.toArray(String[]::new));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command line as written in a sheet ({@code ./etw show baseline "A|B" --region China}); must succeed. */
    private String etw(String line) {
        List<String> args = words(line);
        Output o = etw(args);
        assertEquals(0, o.code, line + "\n" + o.err);
        return o.out;
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line.replaceFirst("^\\./etw\\s+", ""));
        while (m.find()) words.add(m.group(1) != null ? m.group(1) : m.group(2));
        return words;
    }

    /** The sheet as {@code etw scenarios NAME} prints it. */
    private String sheet(String name) {
        String text = etw("scenarios " + name);
        assertTrue(text.startsWith("# "), "a lab sheet: " + text);
        assertFalse(text.contains("DOMAIN.md") || text.contains("../shared") || text.contains("shared/data"),
                name + " points at files a student does not have");
        return text;
    }

    /**
     * Every {@code ./etw ...} command of a sheet (code blocks and inline), with placeholders left out (and those the
     * sheet says do not work, which are checked to fail).
     */
    private static List<String> commands(String sheet) {
        List<String> out = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(sheet);
        while (block.find())
            for (String l : block.group(1).split("\n"))
                if (l.startsWith("./etw ")) out.add(l.replaceAll("\\s+#.*$", "").strip());
        Matcher inline = Pattern.compile("`(\\./etw [^`]*)`( does not work)?").matcher(sheet);
        while (inline.find()) if (inline.group(2) == null) out.add(inline.group(1).replaceAll("\\s+", " ").strip());
        out.removeIf(c -> c.contains("<") || c.contains("my-variant") || c.contains("...") || c.split(" ").length < 3);
        return out.stream().distinct().toList();
    }

    /** Runs every documented command; returns each one's output. Commands naming a file the sheet asks for run in {@code dir}. */
    private Map<String, String> runAll(String sheet) {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String c : commands(sheet)) outputs.put(c, etw(c.replaceAll("([\\w-]+\\.yaml)", dir.resolve("$1").toString().replace("\\", "/"))));
        return outputs;
    }

    private String documented(String sheet, Map<String, String> outputs, String command) {
        assertTrue(outputs.containsKey(command), "the sheet documents " + command + "; it documents " + outputs.keySet());
        return outputs.get(command);
    }

    // ------------------------------------------------------------------------------------------ reading the output

    /** The table {@code etw show} prints: column label to values by year. */
    static Map<String, Map<Integer, String>> show(String out) {
        List<String> lines = out.lines().toList();
        int head = 1;
        List<String> rows = lines.stream().filter(l -> l.matches("\\d{4} .*")).toList();
        assertFalse(rows.isEmpty(), out);
        List<Integer> edges = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+").matcher(rows.get(0));
        m.find();
        while (m.find()) edges.add(m.end());
        Map<String, Map<Integer, String>> table = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        int from = 6;
        for (int e : edges) {
            labels.add(lines.get(head).substring(from, e).strip());
            from = e;
        }
        for (String label : labels) table.put(label, new LinkedHashMap<>());
        for (String row : rows) {
            String[] t = row.trim().split("\\s+");
            for (int i = 0; i < labels.size(); i++) table.get(labels.get(i)).put(Integer.parseInt(t[0]), t[i + 1]);
        }
        return table;
    }

    static double number(String formatted) {
        return formatted.equals("~0") ? 0 : Double.parseDouble(formatted.replace(",", ""));
    }

    /** A run's CSV: variable to region to values from the first year. */
    static Map<String, Map<String, double[]>> csv(Path file) throws IOException {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String l : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>();
            Matcher m = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)").matcher(l);
            int pos = 0;
            while (pos <= l.length() && m.find(pos)) {
                cells.add(m.group(1) != null ? m.group(1) : m.group(2));
                pos = m.end() + 1;
            }
            double[] v = new double[cells.size() - 5];
            for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(cells.get(i + 5));
            out.computeIfAbsent(cells.get(3), k -> new LinkedHashMap<>()).put(cells.get(2), v);
        }
        return out;
    }

    private Map<String, Map<String, double[]>> runCsv(String scenario, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", scenario));
        args.addAll(List.of(extra));
        Output o = etw(args);
        assertEquals(0, o.code, o.err);
        String name = o.out.lines().filter(l -> l.startsWith("Scenario ")).findFirst().orElseThrow()
                .replaceFirst("^Scenario ([^:]+):.*", "$1");
        return csv(dir.resolve("results").resolve(name + ".csv"));
    }

    /** The first year from which {@code a} stays above {@code b}, or 0. */
    static int crossing(Map<Integer, Double> a, Map<Integer, Double> b) {
        int year = 0;
        for (int y : a.keySet()) {
            if (a.get(y) > b.get(y)) {
                if (year == 0) year = y;
            } else {
                year = 0;
            }
        }
        return year;
    }

    static Map<Integer, Double> series(double[] v, int first) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) m.put(first + i, v[i]);
        return m;
    }

    static Map<Integer, Double> column(Map<Integer, String> c) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        c.forEach((y, s) -> m.put(y, number(s)));
        return m;
    }

    /** The printed value matches the CSV's to the printed precision. */
    static void matches(double csv, String printed, String what) {
        assertEquals(Numbers.format(csv), printed, what);
    }

    /** The rows of {@code etw compare}: "variable|year" to the printed cells after the year. */
    static Map<String, String[]> compare(String out) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String l : out.lines().toList()) {
            if (l.length() < 62 || !l.substring(56, 62).strip().matches("\\d{4}")) continue;
            rows.put(l.substring(0, 42).strip() + "|" + l.substring(56, 62).strip(), l.substring(62).trim().split("\\s+"));
        }
        assertFalse(rows.isEmpty(), out);
        return rows;
    }

    // ------------------------------------------------------------------------------------------ one test per lab

    @Test
    void baseline() throws Exception {
        String sheet = sheet("baseline");
        Map<String, String> outputs = runAll(sheet);
        Map<String, Map<String, double[]>> csv = runCsv("baseline");

        // Q1: demand by sector per decade, read from etw show and equal to the CSV
        Map<String, Map<Integer, String>> demand = show(documented(sheet, outputs,
                "./etw show baseline \"Final Energy|Electricity\" --region World --years 2024,2034,2044"));
        for (int y : new int[] {2024, 2034, 2044}) {
            matches(csv.get("Final Energy|Electricity").get("World")[y - 2024], demand.get("(total)").get(y), "demand " + y);
            matches(csv.get("Final Energy|Electricity|Data Centers").get("World")[y - 2024], demand.get("Data Centers").get(y), "DC " + y);
        }
        assertTrue(demand.keySet().containsAll(List.of("Transportation", "Industry", "Residential and Commercial", "Data Centers")),
                "every sector has a column: " + demand.keySet());

        // Q2: the year solar overtakes coal, from etw show --every 1, equals the one computed from the CSV
        for (String region : List.of("China", "World", "Europe")) {
            String out = region.equals("China") ? documented(sheet, outputs,
                    "./etw show baseline \"Secondary Energy|Electricity\" --region China --every 1")
                    : etw("./etw show baseline \"Secondary Energy|Electricity\" --region \"" + region + "\" --every 1");
            Map<String, Map<Integer, String>> t = show(out);
            int printed = crossing(column(t.get("Solar")), column(t.get("Coal")));
            int computed = crossing(series(csv.get("Secondary Energy|Electricity|Solar").get(region), 2024),
                    series(csv.get("Secondary Energy|Electricity|Coal").get(region), 2024));
            assertEquals(computed, printed, "solar overtakes coal in " + region);
        }

        // Q3: the what-if with no new solar shows the CO2 change in 2050, the difference of the two runs
        Map<String, String[]> whatIf = compare(documented(sheet, outputs,
                "./etw compare baseline --set solar_additions_growth=0 --years 2030,2050 --region World"));
        Map<String, Map<String, double[]>> noSolar = runCsv("baseline", "--set", "solar_additions_growth=0");
        String co2 = "Emissions|CO2|Energy|Supply|Electricity";
        double diff = noSolar.get(co2).get("World")[26] - csv.get(co2).get("World")[26];
        assertEquals(Numbers.signed(diff), whatIf.get(co2 + "|2050")[2], "the CO2 difference in 2050");
        assertTrue(diff > 0, "solar additions are the lever that keeps CO2 from rising");
        Map<String, String[]> price = compare(etw("./etw compare baseline --set carbon_price=100 --years 2050 --region World"));
        assertTrue(price.containsKey("Secondary Energy|Electricity|Gas|2050") && price.containsKey("Secondary Energy|Electricity|Coal|2050"),
                "which fuel takes coal's place can be read: " + price.keySet());

        // Q4: every region's 2050 CO2, one etw show per region
        String q4 = documented(sheet, outputs, "./etw show baseline \"Emissions|CO2|Energy|Supply|Electricity\" --years 2050 --region China");
        matches(csv.get(co2).get("China")[26], show(q4).get("(total)").get(2050), "China CO2 2050");
        for (String region : List.of("World", "United States", "Europe", "Asia-Pacific excluding China", "Rest of World")) {
            String out = etw("./etw show baseline \"" + co2 + "\" --years 2050 --region \"" + region + "\"");
            matches(csv.get(co2).get(region)[26], show(out).get("(total)").get(2050), region + " CO2 2050");
        }

        // Q5: Europe's generation by source
        Map<String, Map<Integer, String>> europe = show(documented(sheet, outputs,
                "./etw show baseline \"Secondary Energy|Electricity\" --region Europe"));
        assertEquals("0", europe.get("Coal").get(2050), "Europe's coal is gone by 2050");
        assertTrue(europe.containsKey("Gas"));

        // Q6: sources of parameters
        assertTrue(documented(sheet, outputs, "./etw explain solar_capacity_factor").contains("source: "));
        assertTrue(etw("./etw models etw.models.datacenter").contains("source: "));
    }

    @Test
    void aiEfficiency() throws Exception {
        String sheet = sheet("ai-efficiency");
        Map<String, String> outputs = runAll(sheet);
        Map<String, Map<String, double[]>> csv = runCsv("ai-efficiency");
        Map<String, Map<String, double[]>> base = runCsv("baseline");
        String dc = "Final Energy|Electricity|Data Centers";

        // headline: data-centre electricity against baseline in 2050, from compare
        Map<String, String[]> c = compare(documented(sheet, outputs, "./etw compare baseline ai-efficiency --years 2030,2040,2050"));
        matches(base.get(dc).get("World")[26], c.get(dc + "|2050")[0], "baseline DC 2050");
        matches(csv.get(dc).get("World")[26], c.get(dc + "|2050")[1], "ai-efficiency DC 2050");
        Map<String, Map<Integer, String>> eff = show(documented(sheet, outputs,
                "./etw show ai-efficiency \"Compute Efficiency|Data Centers\" --region World"));
        matches(csv.get("Compute Efficiency|Data Centers").get("World")[26], eff.get("(total)").get(2050), "efficiency index");

        // Q1: the rebound series, one etw show per value; more rebound, more electricity; a full rebound warns
        String q1 = "./etw show ai-efficiency \"Final Energy|Electricity|Data Centers\" --region World --set rebound_elasticity=0.8";
        documented(sheet, outputs, q1);
        double last = -1;
        for (String rebound : List.of("0.5", "0.8", "0.9")) { // 1.0: the warning, on a run to 2050 below
            String out = etw(q1.replace("0.8", rebound));
            double v = number(show(out).get("(total)").get(2050));
            assertTrue(v > last, "data-centre electricity rises with the rebound: " + v + " after " + last);
            last = v;
        }
        Files.writeString(dir.resolve("ai-efficiency-2050.yaml"), "name: ai-efficiency\nextends: ai-efficiency\nyears: {first: 2024, last: 2050}\n");
        Output full = etw(words("run " + dir.resolve("ai-efficiency-2050.yaml") + " --set rebound_elasticity=1.0"));
        assertTrue(full.out.contains("Warning: implausible result of etw.models.datacenter"), full.out);
        // Q2: the equation is printed by etw models
        assertTrue(etw("./etw models etw.models.datacenter").contains("rebound_elasticity"));
        // Q3: a PUE trajectory as a one-line what-if
        assertTrue(compare(documented(sheet, outputs, "./etw compare ai-efficiency --set pue=2024:1.56,2050:1.1 --years 2050"))
                .containsKey(dc + "|2050"));
    }

    @Test
    void aiBoom() throws Exception {
        String sheet = sheet("ai-boom");
        Map<String, String> outputs = runAll(sheet);
        Map<String, Map<String, double[]>> boom = runCsv("ai-boom");
        Map<String, Map<String, double[]>> base = runCsv("baseline");
        String dc = "Final Energy|Electricity|Data Centers";
        // Q1: the extra electricity of the boom, in the compare's difference column
        Map<String, String[]> c = compare(documented(sheet, outputs, "./etw compare baseline ai-boom --years 2035,2050"));
        double extra = boom.get(dc).get("World")[26] - base.get(dc).get("World")[26];
        assertEquals(Numbers.signed(extra), c.get(dc + "|2050")[2], "extra data-centre electricity 2050");
        // Q2: sources of the extra demand: the generation rows are in the compare
        Map<String, String[]> us = compare(documented(sheet, outputs,
                "./etw compare baseline ai-boom --years 2030,2035,2040 --region \"United States\""));
        for (String s : List.of("Solar", "Wind", "Coal", "Gas"))
            assertTrue(us.containsKey("Secondary Energy|Electricity|" + s + "|2035"), s);
        // Q5: which region's emissions rise most: one compare per region
        String co2 = "Emissions|CO2|Energy|Supply|Electricity";
        for (String region : List.of("China", "United States", "Europe")) {
            Map<String, String[]> r = compare(etw("./etw compare baseline ai-boom --years 2050 --region \"" + region + "\""));
            assertEquals(Numbers.signed(boom.get(co2).get(region)[26] - base.get(co2).get(region)[26]), r.get(co2 + "|2050")[2], region);
        }
        // Q6: the coal-build what-if runs
        assertTrue(compare(documented(sheet, outputs, "./etw compare ai-boom --set coal_build_share=0 --years 2035,2050"))
                .containsKey(co2 + "|2050"));
        // the boom with a full rebound warns (issue 13), on a run to 2050
        Files.writeString(dir.resolve("ai-boom-2050.yaml"), "name: ai-boom\nextends: ai-boom\nyears: {first: 2024, last: 2050}\n");
        assertTrue(etw(words("run " + dir.resolve("ai-boom-2050.yaml") + " --set rebound_elasticity=1.0")).out.contains("implausible result"));
    }

    @Test
    void electrificationSurge() throws Exception {
        String sheet = sheet("electrification-surge");
        Map<String, String> outputs = runAll(sheet);
        Map<String, Map<String, double[]>> csv = runCsv("electrification-surge");
        Map<String, Map<Integer, String>> demand = show(documented(sheet, outputs,
                "./etw show electrification-surge \"Final Energy|Electricity\" --region World"));
        for (String sector : List.of("Transportation", "Residential and Commercial", "Industry"))
            matches(csv.get("Final Energy|Electricity|" + sector).get("World")[26], demand.get(sector).get(2050), sector);
        Map<String, Map<Integer, String>> stock = show(documented(sheet, outputs,
                "./etw show electrification-surge \"Stock|Transportation|LDV|EV\" --region World"));
        matches(csv.get("Stock|Transportation|LDV|EV").get("World")[26], stock.get("(total)").get(2050), "EV stock");
        // Q3: the COP what-if saves electricity in 2050
        Map<String, String[]> cop = compare(etw("./etw compare electrification-surge --set heat_pump_cop=4 --years 2050 --region World"));
        assertTrue(cop.get("Final Energy|Electricity|2050")[2].startsWith("-"), "a better COP saves electricity");
    }

    @Test
    void ictShare2040() throws Exception {
        String sheet = sheet("ict-share-2040");
        Map<String, String> outputs = runAll(sheet);
        Map<String, Map<String, double[]>> csv = runCsv("ict-share-2040");
        // step 1: the three numbers are in the compare for 2040, and give the data-centre CO2
        Map<String, String[]> c = compare(documented(sheet, outputs,
                "./etw compare baseline ict-share-2040 --years 2030,2035,2040 --region World"));
        double dc = number(c.get("Final Energy|Electricity|Data Centers|2040")[1]);
        double fe = number(c.get("Final Energy|Electricity|2040")[1]);
        double co2 = number(c.get("Emissions|CO2|Energy|Supply|Electricity|2040")[1]);
        double exact = csv.get("Final Energy|Electricity|Data Centers").get("World")[16] / csv.get("Final Energy|Electricity").get("World")[16]
                * csv.get("Emissions|CO2|Energy|Supply|Electricity").get("World")[16];
        assertEquals(exact, dc / fe * co2, exact * 0.01, "step 1 from the printed numbers");
    }

    @Test
    void koreaDatacentres2030() throws Exception {
        Output refused = etw(words("compare baseline korea-datacentres-2030"));
        assertEquals(2, refused.code, "the sheet says this does not work");
        assertTrue(refused.err.contains("South Korea"), refused.err);
        Files.writeString(dir.resolve("korea-no-pledge.yaml"), "name: korea-no-pledge\nextends: baseline\nregions: [South Korea]\n");
        String sheet = sheet("korea-datacentres-2030");
        assertTrue(sheet.contains("`name: korea-no-pledge`, `extends: baseline`, `regions: [South Korea]`"),
                "the sheet says what to save; this test saved it");
        Map<String, String> outputs = runAll(sheet);
        Map<String, Map<String, double[]>> p30 = runCsv("korea-datacentres-2030");
        Map<String, Map<String, double[]>> p40 = runCsv("korea-datacentres-2040");
        // Q1: CO2 saved per year by the earlier pledge, in the compare's difference column
        Map<String, String[]> c = compare(documented(sheet, outputs,
                "./etw compare korea-datacentres-2040 korea-datacentres-2030 --years 2026,2030,2035,2040"));
        String co2 = "Emissions|CO2|Energy|Supply|Electricity";
        assertEquals(Numbers.signed(p30.get(co2).get("South Korea")[6] - p40.get(co2).get("South Korea")[6]),
                c.get(co2 + "|2030")[2], "CO2 difference 2030");
        // Q3/Q4: the company's rows
        Map<String, Map<Integer, String>> cfe = show(documented(sheet, outputs, "./etw show korea-datacentres-2030 \"CFE Score|Consumer\""));
        assertTrue(cfe.size() >= 2, "hourly and annual scores: " + cfe.keySet());
        assertTrue(show(documented(sheet, outputs,
                "./etw show korea-datacentres-2030 \"Consumer Emissions|CO2|Hourly Matching\" --every 1")).values().iterator().next().size() >= 27);
        assertTrue(documented(sheet, outputs, "./etw compare korea-no-pledge.yaml korea-datacentres-2030").contains("korea-no-pledge"));
    }

    @Test
    void koreaDatacentres2040() throws Exception {
        String sheet = sheet("korea-datacentres-2040");
        Map<String, String> outputs = runAll(sheet);
        Map<String, Map<String, double[]>> p40 = runCsv("korea-datacentres-2040");
        Map<String, Map<Integer, String>> cfe40 = show(documented(sheet, outputs,
                "./etw show korea-datacentres-2040 \"CFE Score|Consumer\" --every 1"));
        Map<String, Map<Integer, String>> cfe30 = show(documented(sheet, outputs,
                "./etw show korea-datacentres-2030 \"CFE Score|Consumer\" --every 1"));
        // Q1: the year the two cases differ most, from the printed scores
        String hourly = cfe40.keySet().stream().filter(k -> k.contains("Hourly")).findFirst().orElseThrow(() -> new AssertionError(cfe40.keySet()));
        int most = 0;
        double gap = -1;
        for (int y = 2024; y <= 2040; y++) {
            double d = Math.abs(number(cfe30.get(hourly).get(y)) - number(cfe40.get(hourly).get(y)));
            if (d > gap) {
                gap = d;
                most = y;
            }
        }
        assertTrue(most > 2024 && most <= 2040, "the largest gap is found: " + most);
        matches(p40.get("CFE Score|Consumer|" + hourly).get("South Korea")[most - 2024], cfe40.get(hourly).get(most), "CFE " + most);
        // Q3: the coal phase-out what-if
        assertTrue(compare(documented(sheet, outputs,
                "./etw compare korea-datacentres-2040 --set coal_phase_out_year=2035 --years 2030,2040,2050"))
                .containsKey("Secondary Energy|Electricity|Coal|2040"));
    }

    @Test
    void netZero2050() throws Exception {
        String sheet = sheet("net-zero-2050");
        Map<String, String> outputs = runAll(sheet);
        Map<String, Map<String, double[]>> csv = runCsv("net-zero-2050");
        // Q3: unmet demand, printed by etw show and warned about by etw run
        Map<String, Map<Integer, String>> supply = show(documented(sheet, outputs, "./etw show net-zero-2050 \"Secondary Energy|Electricity\""));
        matches(csv.get("Secondary Energy|Electricity|Unmet Demand").get("World")[26], supply.get("Unmet Demand").get(2050), "unmet 2050");
        double unmet = 0;
        for (double u : csv.get("Secondary Energy|Electricity|Unmet Demand").get("World")) unmet = Math.max(unmet, u);
        assertEquals(unmet > 1e-6, documented(sheet, outputs, "./etw run net-zero-2050").contains("Warning: demand is not met"),
                "the run warns exactly when demand goes unmet (at most " + unmet + " TWh/yr)");
        // Q3: at the historical pace of clean-firm building, demand goes unmet in 2050 and the table shows how much
        Map<String, Map<Integer, String>> slow = show(documented(sheet, outputs,
                "./etw show net-zero-2050 \"Secondary Energy|Electricity\" --set clean_firm_build_max=30 --years 2030,2040,2050"));
        assertTrue(number(slow.get("Unmet Demand").get(2050)) > 0, "unmet demand at 30 GW/yr of clean firm: " + slow);
        // Q1: the 2030 cut without the carbon price
        assertTrue(compare(documented(sheet, outputs, "./etw compare net-zero-2050 --set carbon_price=0 --years 2030"))
                .containsKey("Emissions|CO2|Energy|Supply|Electricity|2030"));
        // Q6: curtailment is a column of the same table; its peak year is readable
        int peak = supply.get("Curtailment").entrySet().stream().max(Map.Entry.comparingByValue(
                (a, b) -> Double.compare(number(a), number(b)))).orElseThrow().getKey();
        assertTrue(peak >= 2024 && peak <= 2050);
    }

    @Test
    void annualVsHourlyMatchingRunsItsDocumentedCommands() {
        // the sheet belongs to the matching work; here only: every command it documents runs and prints no exponent
        String sheet = sheet("annual-vs-hourly-matching");
        for (String out : runAll(sheet).values())
            assertFalse(out.matches("(?s).*\\d[eE]-\\d.*"), "no exponent notation: " + out);
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
