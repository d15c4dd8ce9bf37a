package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The RCP-style shell in headless Chromium against a real {@code etw workbench}: perspectives switch and are kept
 * in the address, the Plugins view lists bundles and starts and stops one, the Problems view shows a warning with
 * its place, and the wiring graph has no two boxes overlapping and every title whole inside its box, measured in
 * the page. Screenshots go to {@code target/screenshots/}.
 */
class WorkbenchShellIT {
    private static WorkbenchProcess workbench;
    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start();
        workbench = WorkbenchProcess.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (workbench != null) workbench.close();
    }

    private static Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private static void open(String query) {
        browser.driver.get(workbench.url + query);
        browser.waiting(60).until(d -> js("return window.etw && window.etw.state.results && window.etw.state.perspective") != null);
    }

    private static boolean shown(String id) {
        return Boolean.TRUE.equals(js("const e = document.getElementById(arguments[0]); return !!e && e.offsetParent !== null;", id));
    }

    private static String perspective() {
        return (String) js("return window.etw.state.perspective;");
    }

    private static String noError() {
        return browser.driver.findElement(By.id("error")).isDisplayed() ? browser.driver.findElement(By.id("error")).getText() : "";
    }

    @Test
    void perspectivesSwitchAndAreKeptInTheAddress() throws Exception {
        open("?scenario=baseline&perspective=model");
        assertEquals("model", perspective());
        assertTrue(shown("tab-etw.workbench.scenario") && shown("tab-etw.workbench.results") && shown("tab-etw.workbench.graph"));
        assertFalse(shown("tab-etw.workbench.plugins"), "the Plugins view is not in the Model perspective");

        browser.driver.findElement(By.id("perspective-plugins")).click();
        browser.waiting(20).until(d -> shown("view-etw.workbench.plugins"));
        assertEquals("plugins", perspective());
        assertFalse(shown("tab-etw.workbench.results"), "Results is not in the Plugins perspective");
        assertFalse(shown("tab-etw.workbench.scenario"));
        String url = browser.driver.getCurrentUrl();
        assertTrue(url.contains("perspective=plugins") && url.contains("scenario=baseline"), url);

        browser.driver.findElement(By.id("perspective-explore")).click();
        browser.waiting(20).until(d -> "explore".equals(perspective()));
        assertTrue(browser.driver.getCurrentUrl().contains("perspective=explore"), browser.driver.getCurrentUrl());
        assertTrue(shown("tab-etw.workbench.problems"), "Problems is in every perspective");
        assertFalse(shown("tab-etw.workbench.graph"));
        browser.screenshot("shell-1-explore");

        // the address reproduces the perspective
        browser.driver.navigate().refresh();
        browser.waiting(60).until(d -> "explore".equals(js("return window.etw && window.etw.state.perspective")));
        open("?scenario=baseline&perspective=plugins");
        assertEquals("plugins", perspective());
        assertTrue(shown("view-etw.workbench.plugins"));
        browser.driver.findElement(By.id("perspective-model")).click();
        browser.waiting(20).until(d -> shown("view-etw.workbench.results"));
        assertTrue(browser.driver.getCurrentUrl().contains("perspective=model"));
        browser.screenshot("shell-2-model");
        assertEquals("", noError());
    }

    @Test
    void thePluginsViewListsBundlesAndStartsAndStopsOne() throws Exception {
        open("?scenario=baseline&perspective=plugins");
        By pane = By.id("view-etw.workbench.plugins");
        browser.waiting(30).until(d -> !d.findElements(By.cssSelector("#view-etw\\.workbench\\.plugins tr.bundle")).isEmpty());
        WebElement dc = browser.driver.findElement(By.cssSelector("#view-etw\\.workbench\\.plugins tr.bundle[data-bundle='etw.models.datacenter']"));
        assertEquals("ACTIVE", dc.getAttribute("data-state"));
        assertTrue(dc.getText().contains("etw.models.datacenter") && dc.findElement(By.cssSelector("td.models")).getText().contains("etw.models.datacenter"), dc.getText());
        assertTrue(dc.getText().matches("(?s).*\\d+\\.\\d+\\.\\d+.*"), "shows the version: " + dc.getText());

        // a plugin that works and one that is left out, with its reason
        Path dir = Files.createTempDirectory(workbench.home, "plugin-");
        TestPlugins.drop(workbench, PluginIT.buildPlugin(dir));
        TestPlugins.drop(workbench, TestPlugins.build(dir, "oddunit", "OddUnit",
                TestPlugins.model("oddunit", "OddUnit", "Test|Odd Unit", "zorps per glorp", "", "")));
        By hydrogen = By.cssSelector("#view-etw\\.workbench\\.plugins tr.bundle[data-bundle='test.hydrogen']");
        By odd = By.cssSelector("#view-etw\\.workbench\\.plugins tr.bundle[data-bundle='test.oddunit']");
        browser.waiting(30).until(d -> !d.findElements(hydrogen).isEmpty() && !d.findElements(odd).isEmpty()
                && d.findElement(odd).getText().contains("zorps per glorp"));
        browser.waiting(10).until(d -> "ACTIVE".equals(d.findElement(hydrogen).getAttribute("data-state"))
                && d.findElement(hydrogen).getText().contains("plugins/hydrogen.jar") && d.findElement(hydrogen).getText().contains("test.hydrogen"));
        assertTrue(browser.driver.findElement(pane).getText().contains("this request came from this machine"));
        browser.screenshot("plugins-1-listed");

        // stop it from the page, see it stopped with the reason, its model gone; start it again
        browser.waiting(10).until(d -> {
            d.findElement(hydrogen).findElement(By.cssSelector("button.stop")).click();
            return true;
        });
        // the view re-renders as the bundle and its models change: each check looks the row up again (stale rows ignored)
        browser.waiting(30).until(d -> "RESOLVED".equals(d.findElement(hydrogen).getAttribute("data-state")));
        browser.waiting(10).until(d -> d.findElement(hydrogen).getText().contains("stopped from the workbench")
                && !d.findElement(hydrogen).findElement(By.cssSelector("td.models")).getText().contains("test.hydrogen"));
        browser.screenshot("plugins-2-stopped");
        browser.waiting(10).until(d -> {
            d.findElement(hydrogen).findElement(By.cssSelector("button.start")).click();
            return true;
        });
        browser.waiting(30).until(d -> "ACTIVE".equals(d.findElement(hydrogen).getAttribute("data-state"))
                && d.findElement(hydrogen).findElement(By.cssSelector("td.models")).getText().contains("test.hydrogen"));
        assertEquals("", noError());
        Files.delete(workbench.home.resolve("plugins/hydrogen.jar"));
        Files.delete(workbench.home.resolve("plugins/oddunit.jar"));
        browser.waiting(30).until(d -> d.findElements(hydrogen).isEmpty());
    }

    @Test
    void theProblemsViewShowsAWarningWithItsPlace() throws Exception {
        // ai-boom with a rebound elasticity of 1.0: its data centres pass the soft range their model declares
        open("?scenario=ai-boom&set=etw.models.datacenter/rebound_elasticity=1&perspective=model");
        browser.driver.findElement(By.id("tab-etw.workbench.problems")).click();
        By warnings = By.cssSelector("#view-etw\\.workbench\\.problems .problem.warning");
        browser.waiting(60).until(d -> !d.findElements(warnings).isEmpty());
        @SuppressWarnings("unchecked")
        List<String> runWarnings = (List<String>) js("return window.etw.state.results.warnings;");
        assertFalse(runWarnings.isEmpty(), "ai-boom warns");
        // every warning of the run is shown, under a heading naming its place, with the region/variable it concerns
        for (WebElement w : browser.driver.findElements(warnings)) {
            WebElement group = w.findElement(By.xpath("ancestor::section[contains(@class,'problem-group')]"));
            String place = group.getAttribute("data-place");
            assertTrue(place.startsWith("model ") || place.startsWith("region ") || place.startsWith("plugin") || place.startsWith("bundle "),
                    "a warning is grouped under the place it concerns, not '" + place + "'");
            assertFalse(w.findElement(By.cssSelector(".where")).getText().isBlank());
        }
        String text = browser.driver.findElement(By.id("view-etw.workbench.problems")).getText();
        for (String rw : runWarnings) assertTrue(text.contains(rw), "shows the run's warning: " + rw);
        By plausibility = By.cssSelector("#view-etw\\.workbench\\.problems section[data-place='model etw.models.datacenter'] .problem.warning[data-kind='plausibility']");
        assertFalse(browser.driver.findElements(plausibility).isEmpty(), text);
        String where = browser.driver.findElement(plausibility).findElement(By.cssSelector(".where")).getText();
        assertTrue(where.startsWith("Plausibility") && where.contains("region ") && where.contains("year ")
                && where.contains("variable Final Energy|Electricity|Data Centers"), where);
        browser.screenshot("problems-1-warning");

        // a change that does not validate is an error at its place: the model, the parameter, the region
        js("window.etw.setOverride('etw.models.datacenter', 'pue', 99)");
        By errors = By.cssSelector("#view-etw\\.workbench\\.problems section[data-place='model etw.models.datacenter'] .problem.error");
        browser.waiting(30).until(d -> !d.findElements(errors).isEmpty());
        String e = browser.driver.findElement(errors).getText();
        assertTrue(e.contains("parameter pue") && e.contains("region World") && e.contains("outside its allowed range"), e);
        browser.screenshot("problems-2-error");
        js("window.etw.setOverride('etw.models.datacenter', 'pue', undefined)");
        browser.waiting(30).until(d -> d.findElements(errors).isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCannedScenarioHasAReadableGraph() throws Exception {
        open("?scenario=baseline&perspective=model");
        browser.driver.findElement(By.id("tab-etw.workbench.graph")).click();
        browser.waiting(30).until(d -> !d.findElements(By.cssSelector("#view-etw\\.workbench\\.graph svg g.node.model")).isEmpty());
        js("window.etw.toggleMaximized('main')");
        List<Map<String, Object>> scenarios = (List<Map<String, Object>>) ((Map<String, Object>) js("return window.etw.api('/api/scenarios');")).get("scenarios");
        int checked = 0;
        for (Map<String, Object> sc : scenarios) {
            if (!"canned".equals(sc.get("kind"))) continue;
            String name = (String) sc.get("name");
            long before = ((Number) js("return window.etwGraphRenders || 0;")).longValue();
            js("window.etw.openScenario(arguments[0]);", name);
            browser.waiting(60).until(d -> ((Number) js("return window.etwGraphRenders || 0;")).longValue() > before
                    || !browser.driver.findElements(By.cssSelector("#view-etw\\.workbench\\.graph .graph-frame:not(:has(svg))")).isEmpty());
            Thread.sleep(300);
            Map<String, Object> g = (Map<String, Object>) js("return window.etw.api('/api/graph', {scenario: arguments[0]});", name);
            Map<String, Object> m = (Map<String, Object>) js(MEASURE);
            System.out.printf("[workbench] graph of %s: %d boxes, %d edges for %d wires, laid out in %.1f ms, fitted at %.0f %%%n", name,
                    ((List<Object>) m.get("nodes")).size(), ((Number) m.get("edges")).intValue(), ((List<Object>) g.get("wires")).size(),
                    ((Number) js("return window.etwGraphLayoutMs;")).doubleValue(), 100 * ((Number) m.get("zoom")).doubleValue());
            // a larger graph is fitted down to 72 % at most, then panned: readable, not necessarily all in sight
            assertReadable(g, m, frame(), false);
            checked++;
        }
        assertTrue(checked >= 5, checked + " canned scenarios");
        browser.screenshot("graph-4-last-canned-scenario");
        js("window.etw.toggleMaximized('main')");
    }

    /** Measures, in the page, every box of the graph and the text inside it. */
    private static final String MEASURE = """
            const svg = document.querySelector('#view-etw\\\\.workbench\\\\.graph svg');
            const nodes = [...svg.querySelectorAll('g.node')].map(g => {
              const r = g.querySelector('rect.box').getBoundingClientRect();
              const t = g.querySelector('text.title');
              const tr = t.getBoundingClientRect();
              return {id: g.dataset.node, model: g.classList.contains('model'), text: [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ') || t.textContent,
                box: [r.left, r.top, r.right, r.bottom], textBox: [tr.left, tr.top, tr.right, tr.bottom],
                fontPx: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a}; // the font size as drawn on screen
            });
            const edges = [...svg.querySelectorAll('path.edge')].length;
            return {nodes, edges, zoom: +svg.parentElement.dataset.zoom};
            """;

    @Test
    @SuppressWarnings("unchecked")
    void theGraphIsReadable() throws Exception {
        open("?scenario=baseline&perspective=model");
        browser.driver.findElement(By.id("tab-etw.workbench.graph")).click();
        browser.waiting(30).until(d -> !d.findElements(By.cssSelector("#view-etw\\.workbench\\.graph svg g.node.model")).isEmpty());
        Map<String, Object> g = (Map<String, Object>) js("return window.etw.api('/api/graph', {scenario: 'baseline'});");
        // as an Eclipse user would: double-click the tab to give the graph the whole window, and it fits itself in
        new Actions(browser.driver).doubleClick(browser.driver.findElement(By.id("tab-etw.workbench.graph"))).perform();
        browser.waiting(10).until(d -> "main".equals(js("return document.getElementById('workbench').dataset.maximized;")) && !shown("side"));
        Thread.sleep(300); // the frame's resize observer refits on the next frame
        Map<String, Object> m = (Map<String, Object>) js(MEASURE);
        double[] frame = frame();
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) m.get("nodes");
        List<Map<String, Object>> models = (List<Map<String, Object>>) g.get("models");
        System.out.printf("[workbench] graph of baseline: %d boxes, %d edges for %d wires, laid out and drawn in %.1f ms (dagre, in the page)%n",
                nodes.size(), ((Number) m.get("edges")).intValue(), ((List<Object>) g.get("wires")).size(),
                ((Number) js("return window.etwGraphLayoutMs;")).doubleValue());
        assertTrue(nodes.size() >= models.size() + 2, "models and the variables between them: " + nodes.size());

        assertReadable(g, m, frame, true);
        // self-lags are a badge, not arcs: far fewer edges than wires
        int wires = ((List<Object>) g.get("wires")).size();
        int edges = ((Number) m.get("edges")).intValue();
        assertTrue(edges < wires / 4, edges + " edges for " + wires + " wires");
        assertFalse(browser.driver.findElements(By.cssSelector("#view-etw\\.workbench\\.graph g.self-lags")).isEmpty(), "self-lag badges");
        assertFalse(browser.driver.findElements(By.cssSelector("#view-etw\\.workbench\\.graph path.edge.lag")).isEmpty(), "lags between models are arcs");
        browser.screenshot("graph-1-layout");

        // hover a model: its inputs and outputs light up
        WebElement dc = browser.driver.findElement(By.cssSelector("#view-etw\\.workbench\\.graph g.node.model[data-node='etw.models.datacenter'] rect.box"));
        new Actions(browser.driver).moveToElement(dc).perform();
        browser.waiting(5).until(d -> Boolean.TRUE.equals(js("return document.querySelector('#view-etw\\\\.workbench\\\\.graph svg').classList.contains('hovering');")));
        List<String> lit = (List<String>) js("return [...document.querySelectorAll('#view-etw\\\\.workbench\\\\.graph svg .node.lit')].map(n => n.dataset.node);");
        assertTrue(lit.contains("etw.models.datacenter") && lit.contains("etw.models.decarbonisation"), "lit: " + lit);
        assertTrue(lit.stream().anyMatch(x -> x.contains("Data Centers")), "its output is lit: " + lit);
        // electrification neither reads nor writes what data centres touch (renewables now reads final electricity)
        assertFalse(lit.contains("etw.models.electrification"), "an unrelated model stays dim: " + lit);
        assertTrue(((Number) js("return document.querySelectorAll('#view-etw\\\\.workbench\\\\.graph svg path.edge.lit').length;")).intValue() >= 2);
        browser.screenshot("graph-2-hover");

        // zoom and pan
        String before = (String) js("return document.querySelector('#view-etw\\\\.workbench\\\\.graph g.viewport').getAttribute('transform');");
        double z0 = Double.parseDouble((String) js("return document.querySelector('#view-etw\\\\.workbench\\\\.graph .graph-frame').dataset.zoom;"));
        browser.driver.findElement(By.cssSelector("#view-etw\\.workbench\\.graph button.zoom-in")).click();
        double z1 = Double.parseDouble((String) js("return document.querySelector('#view-etw\\\\.workbench\\\\.graph .graph-frame').dataset.zoom;"));
        assertTrue(z1 > z0, z0 + " -> " + z1);
        WebElement frameEl = browser.driver.findElement(By.cssSelector("#view-etw\\.workbench\\.graph .graph-frame"));
        new Actions(browser.driver).moveToElement(frameEl, 10, 10).clickAndHold().moveByOffset(-120, -40).release().perform();
        String after = (String) js("return document.querySelector('#view-etw\\\\.workbench\\\\.graph g.viewport').getAttribute('transform');");
        assertNotEquals(before, after);
        browser.screenshot("graph-3-zoomed");
        new Actions(browser.driver).doubleClick(browser.driver.findElement(By.id("tab-etw.workbench.graph"))).perform();
        browser.waiting(10).until(d -> shown("side"));
        assertEquals("", noError());
    }

    /** Every model's full title inside its box, large enough to read, in sight; no two boxes overlapping. */
    @SuppressWarnings("unchecked")
    private static void assertReadable(Map<String, Object> g, Map<String, Object> m, double[] frame, boolean inSight) {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) m.get("nodes");
        List<Map<String, Object>> models = (List<Map<String, Object>>) g.get("models");
        // every model's full title, inside its box, large enough to read
        for (Map<String, Object> model : models) {
            Map<String, Object> n = nodes.stream().filter(x -> model.get("id").equals(x.get("id"))).findFirst().orElseThrow();
            assertEquals(model.get("title"), n.get("text"), "the whole title, not cut");
        }
        for (Map<String, Object> n : nodes) {
            double[] b = box(n.get("box")), t = box(n.get("textBox"));
            assertTrue(t[0] >= b[0] - 0.5 && t[2] <= b[2] + 0.5 && t[1] >= b[1] - 0.5 && t[3] <= b[3] + 0.5,
                    "the title of " + n.get("id") + " lies inside its box: text " + List.of(t[0], t[1], t[2], t[3]) + " box " + List.of(b[0], b[1], b[2], b[3]));
            assertTrue(((Number) n.get("fontPx")).doubleValue() >= 10, "readable size for " + n.get("id") + ": " + n.get("fontPx") + " px");
            assertTrue(!inSight || b[0] >= frame[0] && b[2] <= frame[2] && b[1] >= frame[1] && b[3] <= frame[3],
                    n.get("id") + " is in sight in the maximized frame: box " + List.of(b[0], b[1], b[2], b[3]) + " frame " + List.of(frame[0], frame[1], frame[2], frame[3]));
        }
        // no two boxes overlap
        for (int i = 0; i < nodes.size(); i++)
            for (int j = i + 1; j < nodes.size(); j++) {
                double[] a = box(nodes.get(i).get("box")), b = box(nodes.get(j).get("box"));
                boolean overlap = a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
                assertFalse(overlap, nodes.get(i).get("id") + " overlaps " + nodes.get(j).get("id"));
            }
    }

    /** The graph's frame as seen: its box, cut by the window. */
    private static double[] frame() {
        return box(js("const r = document.querySelector('#view-etw\\\\.workbench\\\\.graph .graph-frame').getBoundingClientRect(); "
                + "return [Math.max(0, r.left), Math.max(0, r.top), Math.min(innerWidth, r.right), Math.min(innerHeight, r.bottom)];"));
    }

    private static double[] box(Object o) {
        List<Number> l = (List<Number>) o;
        return new double[]{l.get(0).doubleValue(), l.get(1).doubleValue(), l.get(2).doubleValue(), l.get(3).doubleValue()};
    }
}
