package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Sensitivity view in headless Chromium: load baseline, compute Sobol indices, see the ranked chart. */
class SensitivityBrowserIT {
    private static WorkbenchProcess workbench;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(BrowserIT.CHROMIUM) && Files.isExecutable(BrowserIT.CHROMEDRIVER);
        if (System.getenv("CI") != null) assertTrue(present, "CI needs chromium and chromium-driver");
        assumeTrue(present, "headless Chromium is not installed (apt-get install -y chromium chromium-driver)");
        workbench = WorkbenchProcess.start();
        Path shots = Path.of(System.getProperty("etw.test.output", "target/workbench"));
        Files.createDirectories(shots);
        System.setProperty("webdriver.chrome.driver", BrowserIT.CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserIT.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(shots.toAbsolutePath(), "chromium-"), "--window-size=1600,1000");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(BrowserIT.CHROMEDRIVER.toFile()).build(),
                options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (workbench != null) workbench.close();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void theSensitivityViewRanksBaselinesParameters() throws Exception {
        driver.get(workbench.url);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("tab-etw.workbench.sensitivity")).isEmpty()
                && !d.findElements(By.cssSelector("#scenario-picker option[value='baseline']")).isEmpty());
        new Select(driver.findElement(By.id("scenario-picker"))).selectByValue("baseline");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "baseline".equals(js("return window.etw.state.results && window.etw.state.results.scenario")));
        driver.findElement(By.id("tab-etw.workbench.sensitivity")).click();
        WebElement pane = driver.findElement(By.id("view-etw.workbench.sensitivity"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !pane.findElements(By.cssSelector("button.go")).isEmpty());
        WebElement samples = pane.findElement(By.cssSelector("input.samples"));
        samples.clear();
        samples.sendKeys("4");
        pane.findElement(By.cssSelector("button.go")).click();
        new WebDriverWait(driver, Duration.ofSeconds(300)).until(d -> !pane.findElements(By.cssSelector("svg.sensitivity-chart")).isEmpty()
                || pane.findElement(By.cssSelector(".status")).getText().matches("(?s).*(fail|cannot|must).*"));
        List<WebElement> bars = pane.findElements(By.cssSelector("svg.sensitivity-chart rect.index"));
        assertEquals(18, bars.size(), pane.getText());
        assertEquals(9, pane.findElements(By.cssSelector("table.sensitivity tbody tr")).size());
        assertTrue(pane.findElement(By.cssSelector(".status")).getText().contains("44 runs"), pane.getText());
        assertTrue(pane.getText().contains("Emissions|CO2|Energy|Supply|Electricity, World, 2050"), pane.getText());
        Files.write(Path.of(System.getProperty("etw.test.output", "target/workbench"), "7-sensitivity.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertFalse(driver.findElement(By.id("error")).isDisplayed(), driver.findElement(By.id("error")).getText());
    }
}
