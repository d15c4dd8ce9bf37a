package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Results view and the All parameters panel in headless Chromium against a real {@code etw workbench}: a
 * comparison and ensemble bands become small multiples per region; a plugin's variable two levels below a total
 * shows in its stacked parts, which add up to the total; the collapsed, searchable All parameters panel follows a
 * key lever. Screenshots go to {@code target/screenshots/}.
 */
class ResultsViewIT {
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

    private static Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    private static WebDriverWait waiting(int seconds) {
        return chromium.waiting(seconds);
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    private static String base() {
        return workbench.url.endsWith("/") ? workbench.url : workbench.url + "/";
    }

    private static void openResults(String query) {
        driver.get(base() + "?" + query + "&perspective=model&view=etw.workbench.results");
        waiting(60).until(d -> !d.findElements(By.cssSelector("#results-chart .single svg")).isEmpty()
                && Boolean.TRUE.equals(js("return !!window.etw && !!window.etw.state.results")));
    }

    private static long count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    @Test
    void aComparisonAndEnsembleBandsAreSmallMultiplesPerRegion() throws Exception {
        openResults("scenario=baseline");
        new Select(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.results select.variable"))).selectByValue("Final Energy|Electricity|Data Centers");
        assertEquals("6", driver.findElement(By.cssSelector("#results-chart .single svg")).getAttribute("data-series"), "one line per region");
        new Select(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.results select.compare"))).selectByValue("ai-boom");
        waiting(30).until(d -> count("#results-chart .per-region .etw-panel svg") == 6);
        assertEquals(0, count("#results-chart .single svg"));
        for (WebElement svg : driver.findElements(By.cssSelector("#results-chart .per-region .etw-panel svg")))
            assertEquals("2", svg.getAttribute("data-series"), "each region: this run and the comparison");
        assertTrue(driver.findElement(By.cssSelector("#results-chart .per-region-legend")).getText().contains("ai-boom"));
        screenshot("results-1-compare-per-region");

        js("window.etw.setOverride('etw.models.datacenter', 'pue', 1.4)");
        WebElement samples = driver.findElement(By.cssSelector("#view-etw\\.workbench\\.results input.samples"));
        samples.clear();
        samples.sendKeys("20");
        driver.findElement(By.cssSelector("#view-etw\\.workbench\\.results button.ensemble")).click();
        waiting(60).until(d -> count("#results-chart .per-region .etw-panel svg polygon") == 6);
        screenshot("results-2-ensemble-per-region");
        new Select(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.results select.compare"))).selectByValue("");
        assertEquals(6, count("#results-chart .per-region .etw-panel svg"), "bands stay per region");
        assertFalse(driver.findElement(By.id("error")).isDisplayed(), driver.findElement(By.id("error")).getText());
    }

    @Test
    void aPluginVariableTwoLevelsDownShowsInTheStackedPartsWhichAddUpToTheTotal() throws Exception {
        Path dir = Files.createTempDirectory(workbench.home, "plugin-");
        TestPlugins.drop(workbench, TestPlugins.build(dir, "h2deep", "H2Deep",
                TestPlugins.model("h2deep", "H2Deep", "Final Energy|Electricity|Hydrogen|Electrolysis", "TWh/yr", "",
                        "")));
        String text = """
                name: with-deep-hydrogen
                extends: baseline
                with: [test.h2deep]
                """;
        Files.writeString(workbench.home.resolve("scenarios/with-deep-hydrogen.yaml"), text);
        // the plugin arrives through FileInstall: open the scenario until a run with it works
        boolean ran = false;
        for (long end = System.currentTimeMillis() + 60_000; !ran && System.currentTimeMillis() < end; ) {
            driver.get(base() + "?scenario=with-deep-hydrogen&perspective=model&view=etw.workbench.results");
            waiting(60).until(x -> Boolean.TRUE.equals(js("return !!window.etw && !!window.etw.state.results || !document.getElementById('error').hidden")));
            ran = Boolean.TRUE.equals(js("return !!window.etw && !!window.etw.state.results && window.etw.state.results.variables.some(v => v.name === 'Final Energy|Electricity|Hydrogen|Electrolysis')"));
            if (!ran) Thread.sleep(1000);
        }
        assertTrue(ran, "the scenario with the plugin ran: " + driver.findElement(By.id("error")).getText());
        new Select(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.results select.variable"))).selectByValue("Final Energy|Electricity");
        WebElement stack = driver.findElement(By.id("results-stack"));
        waiting(10).until(d -> stack.findElements(By.cssSelector("svg")).size() == 1);
        stack.findElement(By.cssSelector(".etw-toggle")).click();
        waiting(5).until(d -> !stack.findElements(By.cssSelector("table.etw-table")).isEmpty());
        List<String> heads = stack.findElements(By.cssSelector("table.etw-table thead th")).stream().map(WebElement::getText).toList();
        assertTrue(heads.contains("Hydrogen|Electrolysis"), "the plugin's part is in the stack: " + heads);
        assertTrue(heads.contains("Data Centers") && !heads.contains("Data Centers|AI"), "a written part's own parts are not counted twice: " + heads);
        // every row: the parts (and any remainder) add up to the total of the chart
        for (WebElement row : stack.findElements(By.cssSelector("table.etw-table tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            double sum = 0;
            for (int i = 1; i < cells.size() - 1; i++) sum += number(cells.get(i).getText());
            double total = number(cells.get(cells.size() - 1).getText());
            assertEquals(total, sum, Math.max(2, total * 1e-4), "year " + cells.get(0).getText() + ": " + heads);
        }
        screenshot("results-3-parts-with-plugin");
        Files.delete(workbench.home.resolve("plugins/h2deep.jar"));
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", "").trim());
    }

    @Test
    void theAllParametersPanelIsCollapsedSearchableAndFollowsTheLevers() throws Exception {
        driver.get(base() + "?scenario=baseline&perspective=explore");
        waiting(60).until(d -> count("#view-etw\\.workbench\\.explore .lever input") == 10);
        // a key lever moves heat_pump_share before the All parameters panel is ever shown
        WebElement lever = driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore .lever[data-lever='heat-pumps'] input"));
        js("arguments[0].value = 60; arguments[0].dispatchEvent(new Event('input'))", lever);
        waiting(30).until(d -> js("return JSON.stringify(window.etw.state.overrides)").toString().contains("0.6"));
        WebElement allParams = driver.findElement(By.cssSelector("#view-etw\\.workbench\\.explore button.all-params"));
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", allParams);
        waiting(10).until(d -> "model".equals(js("return window.etw && window.etw.state.perspective")));
        By groups = By.cssSelector("#view-etw\\.workbench\\.scenario details.model-params");
        waiting(30).until(d -> d.findElements(groups).size() >= 4);
        for (WebElement g : driver.findElements(groups)) assertEquals(null, g.getAttribute("open"), "groups start closed");
        assertEquals(0, count("#view-etw\\.workbench\\.scenario .param"), "forms are built when a group opens");
        long height = ((Number) js("return document.querySelector('#view-etw\\\\.workbench\\\\.scenario').scrollHeight")).longValue();
        assertTrue(height < 2000, "no 13,000 px column: " + height);
        WebElement filter = driver.findElement(By.cssSelector("#view-etw\\.workbench\\.scenario input.filter"));
        filter.sendKeys("heat pump");
        waiting(5).until(d -> d.findElement(By.cssSelector("#view-etw\\.workbench\\.scenario .match-count")).getText().matches("\\d+ of \\d+ parameters match"));
        assertTrue(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.scenario .param[data-param='heat_pump_share']")).isDisplayed());
        assertFalse(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.scenario details.model-params[data-model='etw.models.datacenter']")).isDisplayed(),
                "a model without a match is hidden");
        assertTrue(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.scenario .param[data-param='heat_pump_share']")).getAttribute("class").contains("changed"));
        List<WebElement> boxes = driver.findElements(By.cssSelector("#view-etw\\.workbench\\.scenario .param[data-param='heat_pump_share'] input[type=number]"));
        assertEquals("0.6", boxes.get(boxes.size() - 1).getAttribute("value"), "the 2050 point the lever set");
        screenshot("results-4-all-parameters-search");
        // the lever moves again while the panel is open: its form follows
        // the explore view re-renders after each run, so the lever is looked up again rather than reused
        js("const l = document.querySelector(\"#view-etw\\\\.workbench\\\\.explore .lever[data-lever='heat-pumps'] input\");"
                + " l.value = 70; l.dispatchEvent(new Event('input'))");
        waiting(30).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            List<WebElement> b = d.findElements(By.cssSelector("#view-etw\\.workbench\\.scenario .param[data-param='heat_pump_share'] input[type=number]"));
            return "0.7".equals(b.get(b.size() - 1).getAttribute("value"));
        });
        filter = driver.findElement(By.cssSelector("#view-etw\\.workbench\\.scenario input.filter"));
        filter.clear();
        filter.sendKeys(" ");
        filter.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
        waiting(5).until(d -> d.findElement(By.cssSelector("#view-etw\\.workbench\\.scenario .match-count")).getText().isEmpty());
    }
}
