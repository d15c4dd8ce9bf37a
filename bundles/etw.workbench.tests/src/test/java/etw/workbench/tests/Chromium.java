package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (/usr/bin/chromium with /usr/bin/chromedriver, never downloaded) for the page tests, and the
 * screenshots they save into {@code target/screenshots/}.
 */
final class Chromium implements AutoCloseable {
    static final Path SHOTS = Path.of("target/screenshots");

    final WebDriver driver;

    private Chromium(WebDriver driver) {
        this.driver = driver;
    }

    /** Starts Chromium, or skips the test where it is not installed (fails on CI, which must have it). */
    static Chromium start() throws IOException {
        boolean present = Files.isExecutable(BrowserIT.CHROMIUM) && Files.isExecutable(BrowserIT.CHROMEDRIVER);
        if (System.getenv("CI") != null) assertTrue(present, "CI needs chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        assumeTrue(present, "headless Chromium is not installed (apt-get install -y chromium chromium-driver)");
        Files.createDirectories(SHOTS);
        Path profiles = Path.of(System.getProperty("etw.test.output", "target/workbench"));
        Files.createDirectories(profiles);
        System.setProperty("webdriver.chrome.driver", BrowserIT.CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserIT.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(profiles.toAbsolutePath(), "chromium-"), "--window-size=1600,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserIT.CHROMEDRIVER.toFile()).build();
        return new Chromium(new ChromeDriver(service, options));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebDriverWait waiting(int seconds) {
        // the views redraw from the server's answers: an element found a moment ago may have been replaced
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png} and prints its path for the report. */
    Path screenshot(String name) throws IOException {
        Path file = Screenshots.save(driver, name);
        System.out.println("[workbench] screenshot " + file);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
