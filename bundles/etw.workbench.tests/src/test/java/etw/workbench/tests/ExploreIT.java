package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Explore view in headless Chromium against a real {@code etw workbench} over HTTP: key levers beside a
 * dashboard of the headline results, hover values, the table toggle, the difference view, a link that reproduces
 * the view, a variant saved in the page and run from the command line by name, and the slider-to-chart latency,
 * measured in the page with {@code performance.now()} (input event to the dashboard redrawn) and printed.
 * Screenshots go to {@code target/screenshots/}.
 */
class ExploreIT {
    /** The page's changes as JSON with sorted keys: the address lists them sorted, the page in the order made. */
    private static final String CANONICAL_OVERRIDES = "const c = v => v !== null && typeof v === 'object' ? '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + c(v[k])).join(',') + '}' : JSON.stringify(v); return c(window.etw.state.overrides);";

    private static WorkbenchProcess workbench;
    private static Chromium chromium;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start();
        driver = chromium.driver;
        workbench = WorkbenchProcess.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (workbench != null) workbench.close();
    }

    @BeforeEach
    void openExplore() {
        String base = workbench.url.endsWith("/") ? workbench.url : workbench.url + "/";
        open(base + "?scenario=baseline&perspective=explore");
    }

    private static void open(String url) {
        driver.get(url);
        waiting(60).until(d -> panels() >= 10 && Boolean.TRUE.equals(js("return !!document.querySelector('#view-etw\\\\.workbench\\\\.explore .lever input')")));
    }

    private static Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    /** A script that ends by calling its last argument (done) with the answer. */
    private static Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    private static WebDriverWait waiting(int seconds) {
        return chromium.waiting(seconds);
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    private static long panels() {
        return ((Number) js("return document.querySelectorAll('#view-etw\\\\.workbench\\\\.explore .multiples .etw-panel').length")).longValue();
    }

    private static long redraws() {
        return ((Number) js("return (window.etwExplore && window.etwExplore.redraws) || 0")).longValue();
    }

    private static WebElement panel(String variable) {
        return driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .multiples .etw-panel[data-key='" + variable + "']"));
    }

    private static String svg(String variable) {
        return (String) js("const p = document.querySelector(`#view-etw\\\\.workbench\\\\.explore .multiples .etw-panel[data-key='${arguments[0]}'] svg`);"
                + " return p ? p.outerHTML : '';", variable);
    }

    private static WebElement lever(String id) {
        return driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .lever[data-lever='" + id + "'] input[type=range]"));
    }

    /** The current results' value of a variable, region and year, from the page's state. */
    private static double value(String variable, String region, int year) {
        return ((Number) js("const r = window.etw.state.results; const v = r.variables.find(x => x.name === arguments[0]);"
                + " return v.values[r.regions.indexOf(arguments[1])][arguments[2] - r.firstYear];", variable, region, year)).doubleValue();
    }

    /** Moves a lever by one step with the keyboard (a real input event) and waits for the dashboard to redraw. */
    private static void step(WebElement range, Keys key) {
        long n = redraws();
        range.sendKeys(key);
        waiting(30).until(d -> redraws() > n);
    }

    /** {@link #step}, and the chart of {@code watched} changes. */
    private static void step(WebElement range, Keys key, String watched) {
        String before = svg(watched);
        step(range, key);
        waiting(10).until(d -> !svg(watched).equals(before));
    }

    private static int year(String which) {
        return ((Number) js("return window.etw.state.results." + which)).intValue();
    }

    private static void noError() {
        WebElement error = driver.findElement(By.id("error"));
        assertFalse(error.isDisplayed(), error.getText());
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", "").replace("+", "").replace("%", "").trim());
    }

    @Test
    void movingALeverRedrawsTheDashboardWithinTheLatencyTarget() throws Exception {
        assertTrue(panels() >= 10, "a chart per headline variable");
        assertEquals(10L, ((Number) js("return document.querySelectorAll('#view-etw\\\\.workbench\\\\.explore .lever input').length")).longValue(),
                "baseline names ten key levers");
        screenshot("explore-1-baseline");
        WebElement heat = lever("heat-pumps");
        assertEquals("25", heat.getAttribute("value"), "the lever starts at baseline's 25% in 2050");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", heat);
        double before = value("Final Energy|Electricity", "World", 2050);
        List<Double> times = new ArrayList<>(), runs = new ArrayList<>(), draws = new ArrayList<>();
        int reused = 0, previews = 0;
        double server0 = serverCpuMs(), browser0 = browserCpuMs();
        for (int i = 0; i < 12; i++) {
            step(heat, i % 4 == 3 ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT, "Final Energy|Electricity");
            @SuppressWarnings("unchecked")
            Map<String, Object> last = (Map<String, Object>) js("return window.etwExplore.last");
            times.add(((Number) last.get("totalMs")).doubleValue());
            runs.add(((Number) last.get("runMs")).doubleValue());
            if (last.get("drawMs") instanceof Number d) draws.add(d.doubleValue());
            if (Boolean.TRUE.equals(last.get("reused"))) reused++;
            if (Boolean.TRUE.equals(last.get("preview"))) previews++;
        }
        double serverCpu = (serverCpuMs() - server0) / 12, browserCpu = (browserCpuMs() - browser0) / 12;
        // 12 moves: 9 right, 3 left, 5 points each: 25 + 30 = 55%
        assertEquals("55", heat.getAttribute("value"));
        @SuppressWarnings("unchecked")
        Map<String, Object> share = (Map<String, Object>) js("return window.etw.state.overrides['etw.models.electrification'].heat_pump_share");
        assertEquals(0.10, ((Number) share.get("2024")).doubleValue(), 1e-12, "the scenario's 2024 point is kept");
        assertEquals(0.55, ((Number) share.get("2050")).doubleValue(), 1e-12, "the lever sets the 2050 point");
        double after = value("Final Energy|Electricity", "World", 2050);
        assertTrue(after > before, "more heat pumps, more electricity: " + before + " -> " + after);

        // every move ran as a quick preview, and the page says so, with a way to the full run
        assertEquals(12, previews, "every lever move runs the quick preview");
        WebElement note = driver.findElement(By.id("preview-note"));
        assertTrue(note.isDisplayed(), "the header says the charts are a quick preview");
        assertTrue(note.getText().contains("12 representative days") && note.getText().contains("Run the full 8,760 h"), note.getText());
        WebElement dashNote = driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .preview-note"));
        assertTrue(dashNote.isDisplayed() && dashNote.getText().contains("12 representative days"), dashNote.getText());
        assertTrue(svg("Final Energy|Electricity").contains("quick preview"), "the chart's series is labelled a quick preview");
        screenshot("explore-2-heat-pumps-55");

        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double median = median(times);
        System.out.printf("[explore] lever input -> dashboard redrawn (%d charts, quick preview on 12 representative days): median %.1f ms, fastest %.1f ms,"
                + " slowest %.1f ms over %d moves (%d answered from the server's last runs, the lever back where it was);"
                + " of it the server's part (runMs) median %.1f ms, drawing the dashboard median %.1f ms; all: %s%n",
                panels(), median, sorted.get(0), sorted.get(sorted.size() - 1), times.size(), reused, median(runs), median(draws), times);
        System.out.printf("[explore] CPU time per move (user+sys from /proc, which a loaded machine does not stretch as it does the"
                + " latency): the workbench process %.1f ms, Chromium's processes %.1f ms (with this test's polling of the page); load average %s on %d cores%n", serverCpu,
                browserCpu, loadAverage(), Runtime.getRuntime().availableProcessors());
        assertTrue(median > 0, "the page measured the redraw");

        // the full run: the same changes on all 8,760 hours, and the label goes
        long n = redraws();
        driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .preview-note button.full-run")).click();
        waiting(60).until(d -> redraws() > n && Boolean.FALSE.equals(js("return !!window.etw.state.results.preview")));
        assertFalse(driver.findElement(By.id("preview-note")).isDisplayed(), "no preview label on the full run");
        assertFalse(svg("Final Energy|Electricity").contains("quick preview"));
        @SuppressWarnings("unchecked")
        Map<String, Object> full = (Map<String, Object>) js("return window.etwExplore.last");
        System.out.printf("[explore] the full 8,760 h run of the same changes: %.1f ms in the page, %.1f ms on the server%n",
                ((Number) full.get("totalMs")).doubleValue(), ((Number) full.get("runMs")).doubleValue());
        assertEquals(0.55, ((Number) ((Map<?, ?>) js("return window.etw.state.overrides['etw.models.electrification'].heat_pump_share")).get("2050")).doubleValue(), 1e-12,
                "the full run keeps the changes");
        noError();
    }

    /** The workbench JVM's CPU time so far (user + system; NaN where /proc has none), in ms. */
    private static double serverCpuMs() {
        return cpuMs(workbench.process.pid());
    }

    /**
     * The CPU time so far of the Chromium processes this test started (through chromedriver, which is left out), in
     * ms. It includes what the test's own polling of the page (executeScript) costs the renderer.
     */
    private static double browserCpuMs() {
        double sum = 0;
        for (ProcessHandle p : ProcessHandle.current().descendants().toList())
            if (p.info().command().orElse("").contains("chrom") && !p.info().command().orElse("").endsWith("chromedriver")) {
                double ms = cpuMs(p.pid());
                if (Double.isFinite(ms)) sum += ms;
            }
        return sum;
    }

    /** A process's user + system CPU time from /proc/PID/stat (ticks of 1/100 s), in ms; NaN without /proc. */
    private static double cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    @Test
    void hoveringAChartShowsValueUnitYearAndRegion() throws Exception {
        WebElement p = panel("Final Energy|Electricity");
        WebElement svg = p.findElement(By.cssSelector("svg"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", svg);
        // the plot's right edge is the last year: data-l + data-pw in the SVG's own units
        double l = number(svg.getAttribute("data-l")), pw = number(svg.getAttribute("data-pw")), w = number(svg.getAttribute("data-w"));
        int width = svg.getRect().getWidth(), height = svg.getRect().getHeight();
        int x = (int) Math.round((l + pw) / w * width) - width / 2 - 1;
        new Actions(driver).moveToElement(svg, x, 0).perform();
        WebElement tip = p.findElement(By.cssSelector(".etw-tip"));
        waiting(5).until(d -> tip.isDisplayed());
        String text = tip.getText();
        int first = year("firstYear"), last = year("lastYear");
        assertTrue(text.contains(String.valueOf(last)) && text.contains("World") && text.contains("TWh/yr"), text);
        Matcher m = Pattern.compile("baseline: ([0-9,.]+) TWh/yr").matcher(text);
        assertTrue(m.find(), text);
        assertEquals(value("Final Energy|Electricity", "World", last), number(m.group(1)), 0.5, "the value under the pointer");
        assertFalse(p.findElements(By.cssSelector("svg line.hover-line")).isEmpty(), "a guide line marks the year");
        screenshot("explore-3-hover");
        // a year in the middle
        new Actions(driver).moveToElement(svg, (int) Math.round((l + pw * (2035.0 - first) / (last - first)) / w * width) - width / 2, height / 4 - height / 2).perform();
        waiting(5).until(d -> "2035".equals(tip.getAttribute("data-year")));
        assertTrue(tip.getText().contains("2035"), tip.getText());
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .levers-head"))).perform();
        waiting(5).until(d -> !tip.isDisplayed());
    }

    @Test
    void theTableToggleShowsTheChartsNumbers() throws Exception {
        WebElement p = panel("Capacity|Electricity|Solar");
        WebElement toggle = p.findElement(By.cssSelector(".etw-toggle"));
        assertEquals("Table", toggle.getText());
        toggle.click();
        waiting(5).until(d -> !p.findElements(By.cssSelector("table.etw-table")).isEmpty());
        assertTrue(p.findElements(By.cssSelector("svg")).isEmpty(), "the table replaces the chart");
        List<WebElement> rows = p.findElements(By.cssSelector("table.etw-table tbody tr"));
        int first = year("firstYear"), lastYear = year("lastYear"), n = lastYear - first + 1;
        assertEquals(n, rows.size(), "a row per year, " + first + " to " + lastYear);
        List<WebElement> last = rows.get(n - 1).findElements(By.tagName("td"));
        assertEquals(String.valueOf(lastYear), last.get(0).getText());
        assertEquals(value("Capacity|Electricity|Solar", "World", lastYear), number(last.get(1).getText()), 0.5);
        assertTrue(p.findElement(By.tagName("caption")).getText().contains("GW"), "the unit is in the caption");
        screenshot("explore-4-table");
        // the mode survives a redraw: move a lever, the panel stays a table with the new numbers
        WebElement solar = lever("solar-growth");
        long drawn = redraws();
        solar.sendKeys(Keys.ARROW_RIGHT);
        waiting(30).until(d -> redraws() > drawn);
        waiting(5).until(d -> Math.abs(number(p.findElements(By.cssSelector("table.etw-table tbody tr")).get(n - 1)
                .findElements(By.tagName("td")).get(1).getText()) - value("Capacity|Electricity|Solar", "World", lastYear)) < 0.5);
        p.findElement(By.cssSelector(".etw-toggle")).click();
        waiting(5).until(d -> !p.findElements(By.cssSelector("svg")).isEmpty());
        noError();
    }

    @Test
    void theDifferenceViewShowsTheVariantAgainstItsParent() throws Exception {
        WebElement ai = lever("ai-growth");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", ai);
        int start = (int) Math.round(Double.parseDouble(ai.getAttribute("value")));
        for (int i = 0; i < 10; i++) step(ai, Keys.ARROW_RIGHT, "Final Energy|Electricity|Data Centers");
        assertEquals(String.valueOf(start + 10), ai.getAttribute("value"), "ten steps of 1 %/yr up from the scenario's value");
        driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .show button[data-show='diff']")).click();
        By row = By.cssSelector("#view-etw\\.workbench\\.explore table.diff-table tr[data-variable='Final Energy|Electricity|Data Centers']");
        waiting(20).until(d -> !d.findElements(row).isEmpty());
        List<WebElement> cells = driver.findElement(row).findElements(By.tagName("td"));
        // unit, then per year (2030, 2040, 2050): reference, this, difference, difference in %
        assertEquals("TWh/yr", cells.get(0).getText());
        double ref2050 = number(cells.get(9).getText()), this2050 = number(cells.get(10).getText());
        double d2050 = number(cells.get(11).getText()), pct2050 = number(cells.get(12).getText());
        double unchanged = ((Number) jsAsync("const done = arguments[arguments.length - 1];"
                + "fetch('/api/run', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({scenario: 'baseline',"
                + " preview: !!window.etw.state.results.preview, variables: ['Final Energy|Electricity|Data Centers']})}).then(r => r.json()).then(r => done(r.variables[0].values[0][26]));"))
                .doubleValue();
        assertEquals(unchanged, ref2050, Math.max(0.5, unchanged * 1e-4), "the reference is baseline without the changes");
        assertEquals(value("Final Energy|Electricity|Data Centers", "World", 2050), this2050, Math.max(0.5, this2050 * 1e-4));
        assertTrue(d2050 > 0, "faster AI growth, more data-centre electricity");
        assertEquals(this2050 - ref2050, d2050, Math.max(1, d2050 * 1e-3));
        assertEquals((this2050 - ref2050) / ref2050 * 100, pct2050, 0.15);
        String diffSvg = svg("Final Energy|Electricity|Data Centers");
        assertEquals("1", ((String) js("return document.querySelector(`#view-etw\\\\.workbench\\\\.explore .etw-panel[data-key='Final Energy|Electricity|Data Centers'] svg`).dataset.series")));
        screenshot("explore-5-difference");
        driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .show button[data-show='pct']")).click();
        waiting(5).until(d -> !svg("Final Energy|Electricity|Data Centers").equals(diffSvg));
        assertTrue(svg("Final Energy|Electricity|Data Centers").contains(">%</text>"), "the unit is % of the reference");
        screenshot("explore-6-difference-percent");
        noError();
    }

    @Test
    void theAddressReproducesTheView() throws Exception {
        WebElement ev = lever("ev-adoption");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", ev);
        for (int i = 0; i < 3; i++) step(ev, Keys.ARROW_RIGHT, "Final Energy|Electricity|Transportation");
        WebElement carbon = lever("carbon-price");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", carbon);
        for (int i = 0; i < 5; i++) step(carbon, Keys.ARROW_RIGHT);
        new Select(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore select.region"))).selectByValue("Europe");
        driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .show button[data-show='diff']")).click();
        waiting(20).until(d -> !d.findElements(By.cssSelector("#view-etw\\.workbench\\.explore table.diff-table")).isEmpty());
        String link = driver.getCurrentUrl();
        assertTrue(link.contains("scenario=baseline") && link.contains("set=etw.models.decarbonisation%2Fcarbon_price%3D")
                && link.contains("%222050%22%3A50") && link.contains("region=Europe") && link.contains("show=diff"), link);
        String overrides = (String) js(CANONICAL_OVERRIDES);
        String table = driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore table.diff-table")).getText();
        double transport = value("Final Energy|Electricity|Transportation", "Europe", 2040);

        driver.get("about:blank");
        open(link);
        waiting(30).until(d -> !d.findElements(By.cssSelector("#view-etw\\.workbench\\.explore table.diff-table")).isEmpty()
                && Boolean.TRUE.equals(js("return !!window.etw && !!window.etw.state.results")));
        assertEquals(overrides, js(CANONICAL_OVERRIDES), "the same changes (keys sorted)");
        assertEquals("3", lever("ev-adoption").getAttribute("value"), "the lever stands where it was left");
        assertEquals("50", lever("carbon-price").getAttribute("value"));
        assertEquals("Europe", new Select(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore select.region"))).getFirstSelectedOption().getText());
        assertEquals("true", driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .show button[data-show='diff']")).getAttribute("aria-pressed"));
        try {
            waiting(10).until(d -> table.equals(d.findElement(By.cssSelector("#view-etw\\.workbench\\.explore table.diff-table")).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(table, driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore table.diff-table")).getText(),
                    "the difference table after opening the link (page state: " + js("return JSON.stringify({ref: window.etw.state.ref, "
                            + "preview: !!window.etw.state.results.preview, scenario: window.etw.state.results.scenario, "
                            + "overrides: window.etw.state.overrides})") + ")");
        }
        assertEquals(transport, value("Final Energy|Electricity|Transportation", "Europe", 2040), 0.0, "the same results");
        screenshot("explore-7-from-link");
        noError();
    }

    @Test
    void aVariantSavedInThePageRunsFromTheCommandLineByName() throws Exception {
        WebElement rebound = lever("rebound");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", rebound);
        for (int i = 0; i < 4; i++) step(rebound, Keys.ARROW_RIGHT, "Final Energy|Electricity|Data Centers");
        assertEquals("70", rebound.getAttribute("value"));
        driver.findElement(By.id("save-button")).click();
        Alert prompt = waiting(5).until(d -> d.switchTo().alert());
        prompt.sendKeys("class-rebound.yaml");
        prompt.accept();
        waiting(30).until(d -> "class-rebound".equals(js("return window.etw && window.etw.state.ref"))
                && Boolean.TRUE.equals(js("return !!window.etw && !!window.etw.state.results && window.etw.state.results.scenario === 'class-rebound'")));
        assertTrue(driver.getCurrentUrl().contains("scenario=class-rebound") && !driver.getCurrentUrl().contains("set="),
                "the saved variant is opened: " + driver.getCurrentUrl());
        waiting(20).until(d -> "70".equals(lever("rebound").getAttribute("value")));
        assertEquals(Boolean.FALSE, js("return !!window.etw.state.results.preview"), "the saved variant, unchanged, runs in full");
        double page2050 = value("Final Energy|Electricity|Data Centers", "World", 2050);
        assertTrue(Files.isRegularFile(workbench.home.resolve("scenarios/class-rebound.yaml")));
        String yaml = Files.readString(workbench.home.resolve("scenarios/class-rebound.yaml"));
        assertTrue(yaml.contains("extends: baseline") && yaml.contains("rebound_elasticity: 0.7"), yaml);
        screenshot("explore-8-saved-variant");

        Path out = Files.createTempDirectory(workbench.home, "cli-");
        String listing = cli("scenarios");
        assertTrue(Pattern.compile("class-rebound.*baseline").matcher(listing).find(), listing);
        String run = cli("run", "class-rebound", "--out", out.toString());
        assertTrue(run.contains("class-rebound"), run);
        String csv = Files.readString(out.resolve("class-rebound.csv"));
        Matcher m = Pattern.compile("\nETW,class-rebound,World,Final Energy\\|Electricity\\|Data Centers,TWh/yr,([^\n]*)").matcher(csv);
        assertTrue(m.find(), csv.substring(0, 300));
        List<String> header = List.of(csv.substring(0, csv.indexOf('\n')).split(","));
        String[] values = m.group(1).split(",");
        assertEquals(page2050, Double.parseDouble(values[header.indexOf("2050") - 5]), Math.abs(page2050) * 1e-9,
                "the command line runs the variant the page saved");

        // the page's export of it carries its name
        String exported = (String) jsAsync("const done = arguments[arguments.length - 1];"
                + "fetch('/api/export', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(window.etw.request())})"
                + ".then(r => done(r.headers.get('Content-Disposition')));");
        assertTrue(exported.contains("class-rebound.csv"), exported);
        noError();
    }

    /** {@code bin/etw ARGS} in the workbench's home (its workspace is the home's scenarios/), with its output. */
    private static String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(workbench.home.resolve("bin/etw").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(workbench.home.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "etw " + String.join(" ", args) + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "etw " + String.join(" ", args) + ":\n" + text);
        return text;
    }

    @Test
    void aChangedScenarioIsExportedUnderAVariantsName() throws Exception {
        WebElement efficiency = lever("efficiency");
        efficiency.sendKeys(Keys.ARROW_LEFT);
        waiting(20).until(d -> Boolean.TRUE.equals(js("return !!window.etw && !!window.etw.state.overrides['etw.models.datacenter']")));
        String disposition = (String) jsAsync("const done = arguments[arguments.length - 1];"
                + "fetch('/api/export', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(window.etw.request())})"
                + ".then(r => done(r.headers.get('Content-Disposition')));");
        assertTrue(disposition.contains("baseline-modified.csv"), disposition);
        assertNotEquals("", disposition);
    }
}
