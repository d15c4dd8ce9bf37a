package etw.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.api.scenario.RunManifest;
import etw.api.scenario.Scenario;
import etw.io.HtmlReport;

class HtmlReportTest {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    // ------------------------------------------------------------------------------------------ fixtures

    /** Builds results by hand: variable name to (unit, values per region, one per year). */
    private static final class Builder {
        private final String name;
        private final List<String> regions;
        private final int first;
        private final int last;
        private final Map<String, String> units = new LinkedHashMap<>();
        private final Map<String, double[][]> data = new LinkedHashMap<>();
        private String runAt = "2026-01-01T00:00:00Z";

        Builder(String name, List<String> regions, int first, int last) {
            this.name = name;
            this.regions = regions;
            this.first = first;
            this.last = last;
        }

        /** Same values in every region, scaled by (1 + region index). */
        Builder linear(String variable, String unit, double start, double slope) {
            int n = last - first + 1;
            double[][] v = new double[regions.size()][n];
            for (int r = 0; r < regions.size(); r++)
                for (int y = 0; y < n; y++) v[r][y] = (start + slope * y) * (1 + r);
            units.put(variable, unit);
            data.put(variable, v);
            return this;
        }

        Builder runAt(String t) {
            runAt = t;
            return this;
        }

        Result build() {
            Scenario s = Scenario.builder(name).description("A test scenario").regions(regions).years(first, last).build();
            List<String> names = new ArrayList<>(data.keySet());
            names.sort(null);
            List<Result.VariableInfo> vars = new ArrayList<>();
            double[][] values = new double[names.size()][];
            int n = last - first + 1;
            for (int i = 0; i < names.size(); i++) {
                vars.add(new Result.VariableInfo(names.get(i), units.get(names.get(i)), "test"));
                double[] flat = new double[regions.size() * n];
                for (int r = 0; r < regions.size(); r++) System.arraycopy(data.get(names.get(i))[r], 0, flat, r * n, n);
                values[i] = flat;
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("etw.models.decarbonisation/ef_coal", "1060.0");
            params.put("etw.models.datacenter/pue", "*={2024=1.56, 2050=1.35}");
            params.put("etw.models.electrification/demand_growth", "0.02");
            RunManifest m = new RunManifest("run-1", name, "e63f8a17e702065532f1f3bc5178061fe268fb952e2da3ebe83e505e87c17410",
                    Map.of(), Map.of("etw.models.decarbonisation", "0.1.0", "etw.models.datacenter", "0.1.0"),
                    Map.of("etw.models.datacenter", "etw.models.datacenter"), java.util.List.of(), params, 7, runAt,
                    java.util.List.of());
            return new Result(s, vars, values, m);
        }
    }

    /** A full result with every charted variable, like the baseline run. */
    static Builder full(String name, List<String> regions, int first, int last) {
        return new Builder(name, regions, first, last)
                .linear("Secondary Energy|Electricity|Coal", "TWh/yr", 10478, -200)
                .linear("Secondary Energy|Electricity|Gas", "TWh/yr", 6784, -50)
                .linear("Secondary Energy|Electricity|Other", "TWh/yr", 1757, 0)
                .linear("Secondary Energy|Electricity|Nuclear", "TWh/yr", 2775, 20)
                .linear("Secondary Energy|Electricity|Hydro", "TWh/yr", 4409, 22)
                .linear("Secondary Energy|Electricity|Wind", "TWh/yr", 2499, 300)
                .linear("Secondary Energy|Electricity|Solar", "TWh/yr", 2125, 700)
                .linear("Secondary Energy|Electricity", "TWh/yr", 30827, 792)
                .linear("Final Energy|Electricity", "TWh/yr", 27772, 700)
                .linear("Final Energy|Electricity|Transportation", "TWh/yr", 505, 80)
                .linear("Final Energy|Electricity|Residential and Commercial", "TWh/yr", 13300, 300)
                .linear("Final Energy|Electricity|Industry", "TWh/yr", 11600, 300)
                .linear("Final Energy|Electricity|Data Centers", "TWh/yr", 415, 50)
                .linear("Final Energy|Electricity|Data Centers|AI", "TWh/yr", 62, 30)
                .linear("Final Energy|Electricity|Other", "TWh/yr", 1952, 40)
                .linear("Emissions|CO2|Energy|Supply|Electricity", "Mt CO2/yr", 14599, -300)
                .linear("Carbon Intensity|Electricity", "g CO2/kWh", 474, -14);
    }

    static EnsembleResult ensemble(Result main, String variable) {
        Scenario s = main.scenario();
        int n = s.yearCount();
        int v = main.indexOf(variable);
        double[][][] values = new double[1][3][];
        double[] mid = new double[s.regions().size() * n];
        for (int r = 0; r < s.regions().size(); r++) System.arraycopy(main.series(v, r), 0, mid, r * n, n);
        values[0][0] = mid.clone();
        values[0][1] = mid.clone();
        values[0][2] = mid.clone();
        for (int i = 0; i < mid.length; i++) {
            values[0][0][i] *= 0.8;
            values[0][2][i] *= 1.25;
        }
        return new EnsembleResult(s, 100, new double[] {5, 50, 95}, List.of(main.variables().get(v)), values);
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Node root, String ns, String local) {
        NodeList nl = root instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) root).getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) out.add((Element) nl.item(i));
        return out;
    }

    static List<Element> withClass(Node root, String ns, String local, String cls) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements(root, ns, local))
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) out.add(e);
        return out;
    }

    static Element svg(Document d, String id) {
        for (Element e : elements(d, SVG, "svg")) if (e.getAttribute("id").equals(id)) return e;
        throw new AssertionError("no chart " + id);
    }

    static double[] numbers(String attr) {
        String[] parts = attr.trim().split(" ");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i]);
        return out;
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    void isWellFormedXhtmlWithOneSvgPerChart() throws Exception {
        Result main = full("baseline", List.of("World", "China"), 2024, 2050).build();
        String html = HtmlReport.toHtml(List.of(main), null);
        Document d = parse(html);
        assertEquals("html", d.getDocumentElement().getLocalName());
        assertEquals(XHTML, d.getDocumentElement().getNamespaceURI());
        // 4 charts per region, two regions
        assertEquals(8, elements(d, SVG, "svg").size());
        for (String r : List.of("r0", "r1"))
            for (String c : List.of("supply", "demand", "emissions", "intensity")) assertNotNull(svg(d, r + "-" + c));
        assertEquals(2, withClass(d, XHTML, "section", "region").size());
        assertEquals(2, withClass(d, XHTML, "table", "headlines").size());
        // self-contained: no scripts, nothing fetched
        assertTrue(elements(d, XHTML, "script").isEmpty());
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/", "").contains("http://"), "no URLs");
        assertFalse(html.contains("https://"));
        assertFalse(html.contains("@import") || html.contains("url("));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("break-inside: avoid"));
        // pure ASCII, whatever the writer's encoding
        assertTrue(html.chars().allMatch(c -> c < 0x80));
    }

    @Test
    void everyAxisLabelNamesItsUnit() throws Exception {
        Document d = parse(HtmlReport.toHtml(List.of(full("b", List.of("World"), 2024, 2050).build()), null));
        Map<String, String> expected = Map.of("r0-supply", "(TWh/yr)", "r0-demand", "(TWh/yr)",
                "r0-emissions", "(Mt CO2/yr)", "r0-intensity", "(g CO2/kWh)");
        expected.forEach((id, unit) -> {
            Element svg = svg(d, id);
            List<Element> y = withClass(svg, SVG, "text", "axis-label");
            assertEquals(2, y.size(), id);
            assertTrue(y.stream().anyMatch(e -> e.getAttribute("class").contains("y") && e.getTextContent().contains(unit)),
                    id + " y axis names " + unit);
            assertTrue(y.stream().anyMatch(e -> e.getTextContent().equals("Year")), id + " x axis");
            assertFalse(withClass(svg, SVG, "text", "chart-title").get(0).getTextContent().isBlank());
            assertTrue(withClass(svg, SVG, "g", "legend").get(0).getElementsByTagNameNS(SVG, "text").getLength() > 0);
            // year ticks and value ticks
            List<Element> ticks = withClass(svg, SVG, "text", "tick");
            assertTrue(ticks.stream().anyMatch(t -> t.getTextContent().equals("2030")), id);
            assertTrue(ticks.stream().filter(t -> t.getAttribute("class").contains("y")).count() >= 3, id);
        });
    }

    @Test
    void stackTopEqualsTheSumOfTheStackedSeries() throws Exception {
        Result main = full("b", List.of("World"), 2024, 2050).build();
        Document d = parse(HtmlReport.toHtml(List.of(main), null));
        Element svg = svg(d, "r0-supply");
        Element plot = withClass(svg, SVG, "g", "plot").get(0);
        double[] xm = numbers(plot.getAttribute("data-xmap"));
        double[] ym = numbers(plot.getAttribute("data-ymap"));
        List<Element> areas = withClass(svg, SVG, "polygon", "area");
        assertEquals(List.of("Coal", "Gas", "Other", "Nuclear", "Hydro", "Wind", "Solar"),
                areas.stream().map(a -> a.getAttribute("data-series")).toList());
        for (int year : new int[] {2024, 2035, 2050}) {
            double sum = 0;
            for (String src : SupplyMixSection.USUAL_ORDER) sum += main.value("Secondary Energy|Electricity|" + src, "World", year);
            Element stack = withClass(svg, SVG, "g", "stack").get(0);
            assertEquals(sum, numbers(stack.getAttribute("data-total"))[year - 2024], 1e-6);
            // the drawn top of the last polygon at that year's x is the pixel of the sum
            Element top = areas.get(areas.size() - 1);
            double px = xm[0] + xm[1] * year;
            double expectedY = ym[0] + ym[1] * sum;
            boolean found = false;
            for (String p : top.getAttribute("points").split(" ")) {
                String[] xy = p.split(",");
                if (Math.abs(Double.parseDouble(xy[0]) - px) < 0.01) {
                    assertEquals(expectedY, Double.parseDouble(xy[1]), 0.01, "top at " + year);
                    found = true;
                    break; // the first point at this x is on the top edge
                }
            }
            assertTrue(found, "a point at " + year);
            // and the top of the stack matches the total's value
            assertEquals(sum, numbers(top.getAttribute("data-top"))[year - 2024], 1e-6);
        }
        // the y axis reaches above the total and starts at zero
        double zeroY = ym[0];
        assertEquals(SvgChart.TOP + SvgChart.PLOT_H, zeroY, 1e-6);
    }

    @Test
    void supplySourcesAreFoundInTheResultNotTakenFromAList() throws Exception {
        Result main = full("b", List.of("World"), 2024, 2030)
                .linear("Secondary Energy|Electricity|Geothermal", "TWh/yr", 90, 10)
                .linear("Secondary Energy|Electricity|Biomass", "TWh/yr", 600, 5)
                .linear("Secondary Energy|Electricity|Solar|Rooftop", "TWh/yr", 300, 40)
                .linear("Secondary Energy|Electricity|Curtailment", "TWh/yr", 50, 10)
                .linear("Secondary Energy|Electricity|Unmet Demand", "TWh/yr", 0, 20).build();
        Document d = parse(HtmlReport.toHtml(List.of(main), null));
        Element svg = svg(d, "r0-supply");
        assertEquals(List.of("Coal", "Gas", "Other", "Nuclear", "Hydro", "Wind", "Solar", "Biomass", "Geothermal"),
                withClass(svg, SVG, "polygon", "area").stream().map(a -> a.getAttribute("data-series")).toList(),
                "the usual sources in their order, then the others by name; grandchildren are in their parent; curtailment "
                        + "and unmet demand are not sources");
        double sum = 0;
        for (String v : SupplyMixSection.sources(main)) sum += main.value(v, "World", 2030);
        Element stack = withClass(svg, SVG, "g", "stack").get(0);
        assertEquals(sum, numbers(stack.getAttribute("data-total"))[6], 1e-6);
        Result onlyPlugins = new Builder("p", List.of("World"), 2024, 2030)
                .linear("Secondary Energy|Electricity|Fusion", "TWh/yr", 1, 1).build();
        assertEquals(List.of("Fusion"), withClass(svg(parse(HtmlReport.toHtml(List.of(onlyPlugins), null)), "r0-supply"),
                SVG, "polygon", "area").stream().map(a -> a.getAttribute("data-series")).toList());
    }

    @Test
    void headerAndManifestNameThePluginsAndWarnings() throws Exception {
        Result r = full("b", List.of("World"), 2024, 2030).build();
        etw.api.scenario.RunManifest m = r.manifest();
        Result withPlugin = new Result(r.scenario(), r.variables(), values(r), new etw.api.scenario.RunManifest(
                "run-42", m.scenario(), m.scenarioSha256(), m.files(), m.bundles(), m.models(),
                List.of("acme.h2 (acme.h2 1.0.0)"), m.parameters(), m.seed(), m.runAt(), List.of("plugin x left out: bad unit")));
        String html = HtmlReport.toHtml(List.of(withPlugin), null);
        assertTrue(html.contains("Plugins: acme.h2 (acme.h2 1.0.0)."), html);
        assertTrue(html.contains("run-42"));
        assertTrue(html.contains("plugin x left out: bad unit"));
        assertTrue(HtmlReport.toHtml(List.of(r), null).contains("Plugins: none."));
    }

    private static double[][] values(Result r) {
        double[][] v = new double[r.variables().size()][];
        int n = r.scenario().yearCount();
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[r.regions().size() * n];
            for (int g = 0; g < r.regions().size(); g++) System.arraycopy(r.series(i, g), 0, v[i], g * n, n);
        }
        return v;
    }

    @Test
    void demandStacksEveryDirectChildOnly() throws Exception {
        Result main = full("b", List.of("World"), 2024, 2030)
                .linear("Final Energy|Electricity|Hydrogen", "TWh/yr", 10, 5).build();
        Document d = parse(HtmlReport.toHtml(List.of(main), null));
        List<String> series = withClass(svg(d, "r0-demand"), SVG, "polygon", "area").stream()
                .map(a -> a.getAttribute("data-series")).toList();
        assertEquals(List.of("Transportation", "Residential and Commercial", "Industry", "Data Centers", "Other", "Hydrogen"),
                series);
    }

    @Test
    void aPluginsDeeperDemandIsStackedAndTheRestOfTheTotalIsShownAsOther() throws Exception {
        Result main = new Builder("p", List.of("World"), 2024, 2030)
                .linear("Final Energy|Electricity", "TWh/yr", 100, 10)
                .linear("Final Energy|Electricity|Industry", "TWh/yr", 60, 5)
                .linear("Final Energy|Electricity|Hydrogen|Electrolysis", "TWh/yr", 20, 2).build();
        String html = HtmlReport.toHtml(List.of(main), null);
        Element svg = svg(parse(html), "r0-demand");
        assertEquals(List.of("Industry", "Hydrogen (sum of 1 below)", "other (plugins)"),
                withClass(svg, SVG, "polygon", "area").stream().map(a -> a.getAttribute("data-series")).toList(),
                "a grandchild whose parent no one writes is a part, and what the total holds beyond the parts is drawn");
        double[] top = numbers(withClass(svg, SVG, "g", "stack").get(0).getAttribute("data-total"));
        for (int y = 2024; y <= 2030; y++)
            assertEquals(main.value("Final Energy|Electricity", "World", y), top[y - 2024], 1e-9, "the stack adds up to the total in " + y);
        assertTrue(html.contains("Final Energy|Electricity|Hydrogen is not written itself"), html);
        assertTrue(html.contains("holds beyond the parts drawn"), html);

        Result exact = new Builder("q", List.of("World"), 2024, 2030)
                .linear("Final Energy|Electricity", "TWh/yr", 80, 7)
                .linear("Final Energy|Electricity|Industry", "TWh/yr", 60, 5)
                .linear("Final Energy|Electricity|Hydrogen|Electrolysis", "TWh/yr", 20, 2).build();
        assertFalse(HtmlReport.toHtml(List.of(exact), null).contains("other (plugins)"), "no remainder when the parts add up");
    }

    @Test
    void aModelsHeadlinesJoinTheHeadlineTable() throws Exception {
        Result main = full("b", List.of("World"), 2024, 2030)
                .linear("Final Energy|Electricity|Hydrogen", "TWh/yr", 10, 5).build();
        assertFalse(HtmlReport.toHtml(List.of(main), null).contains("<td>Final Energy|Electricity|Hydrogen</td>"));
        List<String> headlines = new ArrayList<>(etw.io.Headlines.VARIABLES);
        headlines.add("Final Energy|Electricity|Hydrogen");
        assertTrue(HtmlReport.toHtml(List.of(main), null, headlines).contains("<td>Final Energy|Electricity|Hydrogen</td>"));
    }

    @Test
    void emissionsShowTheC1MilestonesRelativeToTheBaseYear() throws Exception {
        Result main = full("b", List.of("World"), 2024, 2050).build();
        String html = HtmlReport.toHtml(List.of(main), null);
        Document d = parse(html);
        Element svg = svg(d, "r0-emissions");
        List<Element> ms = withClass(svg, SVG, "g", "milestone");
        assertEquals(3, ms.size());
        double base = main.value("Emissions|CO2|Energy|Supply|Electricity", "World", 2024);
        int[] years = {2030, 2040, 2050};
        double[] factors = {0.52, 0.20, 0.01};
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(years[i]), ms.get(i).getAttribute("data-year"));
            assertEquals(base * factors[i], Double.parseDouble(ms.get(i).getAttribute("data-value")), 1e-9);
        }
        assertTrue(ms.get(0).getTextContent().contains("\u221248%"));
        assertTrue(d.getDocumentElement().getTextContent()
                .contains("relative to the base year, as a proxy for 2019 (the IPCC reference year)"));
        assertEquals(1, withClass(d, XHTML, "table", "milestones").size());
        // no ensemble given: no band
        assertTrue(withClass(d, SVG, "polygon", "band").isEmpty());
    }

    @Test
    void milestonesOutsideTheYearsAreLeftOutWithANote() throws Exception {
        Result main = full("b", List.of("World"), 2024, 2035).build();
        Document d = parse(HtmlReport.toHtml(List.of(main), null));
        assertEquals(1, withClass(svg(d, "r0-emissions"), SVG, "g", "milestone").size());
        assertTrue(d.getDocumentElement().getTextContent().contains("The 2040 milestone"));
    }

    @Test
    void ensembleBandOnlyWhenGiven() throws Exception {
        Result main = full("b", List.of("World"), 2024, 2050).build();
        EnsembleResult ens = ensemble(main, "Emissions|CO2|Energy|Supply|Electricity");
        Document without = parse(HtmlReport.toHtml(List.of(main), null));
        assertTrue(withClass(without, SVG, "polygon", "band").isEmpty());
        Document with = parse(HtmlReport.toHtml(List.of(main), ens));
        List<Element> bands = withClass(with, SVG, "polygon", "band");
        assertEquals(1, bands.size(), "only the emissions chart: the ensemble has no other variable");
        Element emissions = svg(with, "r0-emissions");
        assertEquals(1, withClass(emissions, SVG, "polygon", "band").size());
        assertTrue(bands.get(0).getAttribute("data-series").contains("p5\u2013p95"));
        double[] hi = numbers(bands.get(0).getAttribute("data-hi"));
        assertEquals(main.value("Emissions|CO2|Energy|Supply|Electricity", "World", 2024) * 1.25, hi[0], 1e-6);
        assertTrue(withClass(emissions, SVG, "g", "series").stream()
                .anyMatch(g -> g.getAttribute("data-series").equals("Ensemble median (p50)")));
        assertTrue(withClass(svg(with, "r0-intensity"), SVG, "polygon", "band").isEmpty());
    }

    @Test
    void comparisonsAreDashedLines() throws Exception {
        Result main = full("baseline", List.of("World"), 2024, 2050).build();
        Result fast = full("fast solar", List.of("World"), 2024, 2050)
                .linear("Secondary Energy|Electricity|Solar", "TWh/yr", 2125, 1400).build();
        Document d = parse(HtmlReport.toHtml(List.of(main, fast), null));
        assertEquals(4, elements(d, SVG, "svg").size());
        for (String c : List.of("supply", "demand", "emissions", "intensity")) {
            List<Element> lines = withClass(svg(d, "r0-" + c), SVG, "g", "series");
            Element cmp = lines.stream().filter(g -> g.getAttribute("data-series").startsWith("fast solar")).findFirst()
                    .orElseThrow(() -> new AssertionError("comparison in " + c));
            Element path = (Element) cmp.getElementsByTagNameNS(SVG, "path").item(0);
            assertFalse(path.getAttribute("stroke-dasharray").isEmpty(), c);
        }
        // the supply comparison is the total of the same sources
        Element total = withClass(svg(d, "r0-supply"), SVG, "g", "series").get(0);
        double sum = 0;
        for (String src : SupplyMixSection.USUAL_ORDER) sum += fast.value("Secondary Energy|Electricity|" + src, "World", 2050);
        double[] v = numbers(total.getAttribute("data-values"));
        assertEquals(sum, v[v.length - 1], 1e-6);
        // headline table has both scenarios
        Element table = withClass(d, XHTML, "table", "headlines").get(0);
        assertTrue(table.getTextContent().contains("fast solar"));
    }

    @Test
    void escapesNamesEverywhere() throws Exception {
        String nasty = "a<b&c\"d'e \u00e9\u2014\ud83d\ude00";
        Result main = full(nasty, List.of("R<1>&\"2\""), 2024, 2030).build();
        String html = HtmlReport.toHtml(List.of(main, full("x</svg>", List.of("R<1>&\"2\""), 2024, 2030).build()), null);
        assertFalse(html.contains("a<b"));
        assertFalse(html.contains("x</svg>"));
        assertFalse(html.contains("&c\""));
        Document d = parse(html);
        assertEquals("Scenario report: " + nasty, elements(d, XHTML, "h1").get(0).getTextContent());
        assertEquals("ETW report: " + nasty, elements(d, XHTML, "title").get(0).getTextContent());
        assertTrue(withClass(svg(d, "r0-emissions"), SVG, "g", "series").stream()
                .anyMatch(g -> g.getAttribute("data-series").equals(nasty)), "attribute round trip");
        assertTrue(svg(d, "r0-supply").getTextContent().contains("R<1>&\"2\""));
        assertEquals("&#65533;x&#65533;&#127;&#233;&#128512;", Html.esc("\u0001x\ud800\u007f\u00e9\ud83d\ude00"),
                "characters XML does not allow are replaced, others referenced by code point");
        assertEquals("&#65533;&lt;&gt;&amp;&quot;&#39;", Html.esc("\u0001<>&\"'"));
    }

    @Test
    void sameInputsGiveTheSameBytes(@TempDir Path dir) throws Exception {
        Result main = full("b", List.of("World", "China"), 2024, 2050).build();
        Result other = full("c", List.of("World"), 2024, 2050).build();
        EnsembleResult ens = ensemble(main, "Carbon Intensity|Electricity");
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        HtmlReport.write(List.of(main, other), ens, a);
        HtmlReport.write(List.of(main, other), ens, b);
        assertEquals(a.toString(), b.toString());
        // a rebuilt, equal result gives the same bytes; only runAt may differ between runs
        Result again = full("b", List.of("World", "China"), 2024, 2050).runAt("2027-05-05T12:00:00Z").build();
        String c = HtmlReport.toHtml(List.of(again, other), ens);
        assertNotEquals(a.toString(), c);
        assertEquals(a.toString(), c.replace("2027-05-05T12:00:00Z", "2026-01-01T00:00:00Z"));
        // the file version writes the same bytes, atomically
        Path file = dir.resolve("report.html");
        HtmlReport.write(List.of(main, other), ens, file);
        assertEquals(a.toString(), Files.readString(file, StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("report.html.tmp")));
    }

    @Test
    void missingVariablesSkipTheirChartWithANote() throws Exception {
        Result main = new Builder("bare", List.of("World"), 2024, 2030)
                .linear("Secondary Energy|Electricity|Solar", "TWh/yr", 100, 10)
                .linear("Carbon Intensity|Electricity", "g CO2/kWh", 400, -10).build();
        Document d = parse(HtmlReport.toHtml(List.of(main), null));
        assertEquals(2, elements(d, SVG, "svg").size());
        List<Element> notes = withClass(d, XHTML, "p", "missing");
        assertEquals(2, notes.size());
        assertTrue(notes.get(0).getTextContent().startsWith("Demand by sector not shown"));
        assertTrue(notes.get(1).getTextContent().startsWith("Emissions not shown"));
        assertEquals(1, withClass(svg(d, "r0-supply"), SVG, "polygon", "area").size());
    }

    @Test
    void handlesASingleYearZerosAndNegatives() throws Exception {
        Result one = full("one", List.of("World"), 2030, 2030).build();
        Document d = parse(HtmlReport.toHtml(List.of(one), ensemble(one, "Emissions|CO2|Energy|Supply|Electricity")));
        assertEquals(4, elements(d, SVG, "svg").size());
        Element line = withClass(svg(d, "r0-emissions"), SVG, "g", "series").stream()
                .filter(g -> g.getAttribute("data-series").equals("one")).findFirst().orElseThrow();
        assertEquals(1, line.getElementsByTagNameNS(SVG, "circle").getLength(), "a single year is drawn as a dot");
        assertEquals(1, withClass(svg(d, "r0-emissions"), SVG, "polygon", "band").size());
        Element ticks = withClass(svg(d, "r0-supply"), SVG, "g", "ticks").get(0);
        assertTrue(ticks.getTextContent().contains("2030"));
        assertEquals(1, withClass(svg(d, "r0-emissions"), SVG, "g", "milestone").size(), "2030 only");
        // a lone year's bar stays inside the plot, also beside a comparison over more years
        Result longer = full("longer", List.of("World"), 2025, 2030).build();
        Element bar = withClass(svg(parse(HtmlReport.toHtml(List.of(one, longer), null)), "r0-supply"), SVG, "polygon", "area").get(0);
        for (String p : bar.getAttribute("points").split(" ")) {
            double x = Double.parseDouble(p.split(",")[0]);
            assertTrue(x >= SvgChart.LEFT && x <= SvgChart.LEFT + SvgChart.PLOT_W, "inside the plot: " + x);
        }

        Result odd = new Builder("odd", List.of("World"), 2024, 2030)
                .linear("Secondary Energy|Electricity|Coal", "TWh/yr", 0, 0)
                .linear("Secondary Energy|Electricity|Other", "TWh/yr", -50, -10)
                .linear("Secondary Energy|Electricity|Solar", "TWh/yr", 100, 20)
                .linear("Emissions|CO2|Energy|Supply|Electricity", "Mt CO2/yr", 0, 0)
                .linear("Carbon Intensity|Electricity", "g CO2/kWh", 10, -5).build();
        String html = HtmlReport.toHtml(List.of(odd), null);
        Document o = parse(html);
        Element supply = svg(o, "r0-supply");
        assertEquals(1, withClass(supply, SVG, "line", "zero").size(), "zero line when the axis goes negative");
        assertTrue(withClass(supply, SVG, "text", "tick").stream().anyMatch(t -> t.getTextContent().startsWith("\u2212")));
        assertTrue(withClass(svg(o, "r0-emissions"), SVG, "g", "milestone").isEmpty());
        assertTrue(o.getDocumentElement().getTextContent().contains("No 1.5"));
        assertFalse(html.contains("NaN") || html.contains("Infinity"));
    }

    @Test
    void rejectsNoResults() {
        assertThrows(IllegalArgumentException.class, () -> HtmlReport.toHtml(List.of(), null));
    }

    @Test
    void manifestListsHashBundlesSeedAndParameters() throws Exception {
        Result main = full("b", List.of("World"), 2024, 2030).build();
        Document d = parse(HtmlReport.toHtml(List.of(main), null));
        Element section = withClass(d, XHTML, "section", "manifest").get(0);
        String text = section.getTextContent();
        assertTrue(text.contains("e63f8a17e702065532f1f3bc5178061fe268fb952e2da3ebe83e505e87c17410"));
        assertTrue(text.contains("etw.models.datacenter0.1.0"));
        assertTrue(text.contains("ef_coal1060.0"));
        assertTrue(text.contains("Seed7"));
        assertEquals(3, withClass(section, XHTML, "table", "parameters").size(), "one table per model");
    }

    @Test
    void niceNumbers() {
        SvgChart.Scale s = SvgChart.niceScale(0, 14599, 5);
        assertEquals(5000, s.step());
        assertEquals(0, s.lo());
        assertEquals(15000, s.hi());
        s = SvgChart.niceScale(0, 10000, 5);
        assertEquals(2000, s.step());
        assertEquals(10000, s.hi(), "an exact multiple is not pushed up a step");
        s = SvgChart.niceScale(-60, 160, 5);
        assertEquals(50, s.step());
        assertEquals(-100, s.lo());
        assertEquals(200, s.hi());
        s = SvgChart.niceScale(0, 0, 5);
        assertEquals(0.2, s.step(), 1e-12);
        assertEquals(1, SvgChart.decimalsFor(0.2));
        assertEquals(2, SvgChart.decimalsFor(0.25));
        assertEquals(0, SvgChart.decimalsFor(25));
        assertEquals("0.3", SvgChart.number(3 * 0.1, 1));
        assertEquals("12,500", SvgChart.number(12500, 0));
        assertEquals("\u22121,234.5", SvgChart.number(-1234.5, 1));
        assertEquals("0", SvgChart.number(-0.0001, 0));
        assertEquals("-1.5", SvgChart.c(-1.5));
        assertEquals("0", SvgChart.c(-0.001));
        assertEquals("14,599", Html.amount(14599.31));
        assertEquals("0.0123", Html.amount(0.012345));
        assertEquals("47.4", Html.amount(47.36));
        assertEquals(List.of(2025, 2030, 2035, 2040, 2045, 2050),
                java.util.Arrays.stream(SvgChart.yearTicks(2024, 2050)).boxed().toList());
        assertEquals(List.of(2030), java.util.Arrays.stream(SvgChart.yearTicks(2030, 2030)).boxed().toList());
    }
}
