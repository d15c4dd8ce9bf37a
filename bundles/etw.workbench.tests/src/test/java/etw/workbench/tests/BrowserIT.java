package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium, as a user drives it: open the workbench, load a canned scenario, move a slider,
 * and see the chart change. The page measures the time from the slider's input event to the chart's SVG being
 * replaced ({@code window.etwLastRedrawMs}); this test prints it.
 */
class BrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WorkbenchProcess workbench;
    private static WebDriver driver;
    private static Path shots;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) assertTrue(present, "CI needs chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        assumeTrue(present, "headless Chromium is not installed (apt-get install -y chromium chromium-driver)");
        workbench = WorkbenchProcess.start();
        shots = Path.of(System.getProperty("etw.test.output", "target/workbench"));
        Files.createDirectories(shots);
        // a driver we name, so Selenium Manager never looks for (or downloads) one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(shots.toAbsolutePath(), "chromium-"), "--window-size=1600,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (workbench != null) workbench.close();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) throws Exception {
        Screenshots.save(driver, "browser-" + name);
    }

    private static String chartSvg() {
        return (String) js("const s = document.querySelector('#results-chart svg'); return s ? s.outerHTML : null;");
    }

    private static long redraws() {
        Object n = js("return window.etwRedraws || 0;");
        return ((Number) n).longValue();
    }

    @Test
    void aSliderMoveRedrawsTheChart() throws Exception {
        driver.get(workbench.url + "?perspective=model"); // the Results view lives in the Model perspective
        waiting(60).until(d -> chartSvg() != null);
        // load the canned scenario through the picker, as a user would
        new Select(driver.findElement(By.id("scenario-picker"))).selectByValue("baseline");
        waiting(30).until(d -> "baseline".equals(js("return window.etw && window.etw.state.results && window.etw.state.results.scenario")));
        new Select(driver.findElement(By.cssSelector("#view-etw\\.workbench\\.results select.variable")))
                .selectByValue("Final Energy|Electricity|Data Centers");
        waiting(10).until(d -> chartSvg() != null && chartSvg().contains("Data Centers"));
        screenshot("1-baseline");

        // the All parameters panel opens collapsed: search finds the parameter and opens its model's group
        driver.findElement(By.cssSelector("#view-etw\\.workbench\\.scenario input.filter")).sendKeys("ai_compute_growth_initial");
        // baseline sets the parameter per region; World is the sum of its regions, so its own value would change
        // nothing and it has no slider, only a note: the first slider is the United States', which moves the World chart
        String row = ".param[data-model='etw.models.datacenter'][data-param='ai_compute_growth_initial']";
        assertTrue(driver.findElement(By.cssSelector(row + " .world-summed")).getText().contains("sum of the regions"));
        WebElement slider = driver.findElements(By.cssSelector(row + " input[type=range]")).get(0);
        assertTrue(slider.findElement(By.xpath("..")).getText().contains("United States"), slider.findElement(By.xpath("..")).getText());
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", slider);
        String before = chartSvg();
        List<Double> times = new ArrayList<>();
        int previews = 0, reused = 0;
        for (int i = 0; i < 12; i++) {
            long n = redraws();
            String svg = chartSvg();
            slider.sendKeys(i % 4 == 3 ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT); // a real input event, one step
            waiting(30).until(d -> redraws() > n && !chartSvg().equals(svg));
            times.add(((Number) js("return window.etwLastRedrawMs;")).doubleValue());
            if (Boolean.TRUE.equals(js("return !!window.etw.state.results.preview"))) previews++;
            if (Boolean.TRUE.equals(js("return !!window.etw.state.results.reused"))) reused++;
        }
        assertEquals(12, previews, "a slider move in the all-parameters panel runs the quick preview");
        WebElement note = driver.findElement(By.id("preview-note"));
        assertTrue(note.isDisplayed() && note.getText().contains("12 representative days"), "the page says the chart is a quick preview: " + note.getText());
        String after = chartSvg();
        assertNotEquals(before, after, "moving the slider changes the chart");
        String value = slider.getAttribute("value");
        assertNotEquals("0.485", value);
        assertNotNull(js("return window.etw.state.overrides['etw.models.datacenter'].ai_compute_growth_initial"));
        assertEquals(Boolean.FALSE, js("return 'World' in window.etw.state.overrides['etw.models.datacenter'].ai_compute_growth_initial"),
                "a change per region leaves out World, which is the sum of the regions here");
        screenshot("2-after-slider");

        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        List<Double> warm = sorted.subList(0, sorted.size()); // every move, first included
        double median = warm.get(warm.size() / 2);
        System.out.printf("[workbench] slider input -> chart SVG replaced (quick preview, 12 representative days): median %.1f ms, fastest %.1f ms,"
                + " slowest %.1f ms over %d moves (%d answered from the server's last runs): %s%n",
                median, sorted.get(0), sorted.get(sorted.size() - 1), times.size(), reused, times);
        assertTrue(median > 0, "the page measured the redraw");
        assertFalse(driver.findElement(By.id("error")).isDisplayed(), driver.findElement(By.id("error")).getText());
    }

    @Test
    void graphAndModelsViewsShowTheWiring() throws Exception {
        driver.get(workbench.url + "?perspective=model"); // the Results view lives in the Model perspective
        waiting(60).until(d -> chartSvg() != null);
        driver.findElement(By.id("tab-etw.workbench.graph")).click();
        waiting(30).until(d -> !d.findElements(By.cssSelector("#view-etw\\.workbench\\.graph svg g.model")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#view-etw\\.workbench\\.graph svg g.model")).size() >= 4);
        assertFalse(driver.findElements(By.cssSelector("#view-etw\\.workbench\\.graph svg path.lag")).isEmpty(), "lags are marked");
        screenshot("3-graph");
        driver.findElement(By.id("tab-etw.workbench.models")).click();
        waiting(30).until(d -> d.findElements(By.cssSelector("#view-etw\\.workbench\\.models details.model")).size() >= 4);
        screenshot("4-models");
        assertEquals("", driver.findElement(By.id("error")).isDisplayed() ? driver.findElement(By.id("error")).getText() : "");
    }

    @Test
    void theModelsViewFollowsPluginsLive() throws Exception {
        driver.get(workbench.url + "?perspective=model"); // the Results view lives in the Model perspective
        waiting(60).until(d -> chartSvg() != null);
        driver.findElement(By.id("tab-etw.workbench.models")).click();
        By hydrogen = By.cssSelector("#view-etw\\.workbench\\.models details.model[data-model='test.hydrogen']");
        waiting(30).until(d -> d.findElements(By.cssSelector("#view-etw\\.workbench\\.models details.model")).size() >= 4);
        assertTrue(driver.findElements(hydrogen).isEmpty());
        Path jar = PluginIT.buildPlugin(Files.createTempDirectory(workbench.home, "plugin-"));
        Path tmp = workbench.home.resolve("hydrogen.jar.part");
        Files.copy(jar, tmp);
        Files.move(tmp, workbench.home.resolve("plugins/hydrogen.jar"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        waiting(20).until(d -> !d.findElements(hydrogen).isEmpty());
        screenshot("5-models-with-plugin");
        Files.delete(workbench.home.resolve("plugins/hydrogen.jar"));
        waiting(20).until(d -> d.findElements(hydrogen).isEmpty());
    }

    @Test
    void theProblemsViewNamesAPluginLeftOutWithItsReason() throws Exception {
        driver.get(workbench.url + "?perspective=model"); // the Results view lives in the Model perspective
        waiting(60).until(d -> chartSvg() != null);
        driver.findElement(By.id("tab-etw.workbench.problems")).click();
        By pane = By.id("view-etw.workbench.problems");
        waiting(30).until(d -> d.findElement(pane).getText().contains("Left out"));
        Path dir = Files.createTempDirectory(workbench.home, "plugin-");
        TestPlugins.drop(workbench, TestPlugins.build(dir, "oddunit", "OddUnit",
                TestPlugins.model("oddunit", "OddUnit", "Test|Odd Unit", "zorps per glorp", "", "")));
        waiting(30).until(d -> d.findElement(pane).getText().contains("test.oddunit"));
        assertTrue(driver.findElement(pane).getText().contains("zorps per glorp"), driver.findElement(pane).getText());
        screenshot("6-problems");
        Files.delete(workbench.home.resolve("plugins/oddunit.jar"));
    }
}
