package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Sensitivity view in headless Chromium against a real {@code etw workbench}: open baseline in the Model
 * perspective, compute Sobol indices from the view, and see a ranked bar per index and a table row per parameter.
 */
class SensitivityBrowserIT {
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

    @Test
    void theSensitivityViewRanksBaselinesParameters() throws Exception {
        browser.driver.get(workbench.url + "?scenario=baseline&perspective=model");
        browser.waiting(60).until(d -> "baseline".equals(browser.js("return window.etw && window.etw.state.results && window.etw.state.results.scenario")));
        browser.waiting(30).until(d -> !d.findElements(By.id("tab-etw.workbench.sensitivity")).isEmpty());
        browser.driver.findElement(By.id("tab-etw.workbench.sensitivity")).click();
        By pane = By.id("view-etw.workbench.sensitivity");
        browser.waiting(30).until(d -> !d.findElement(pane).findElements(By.cssSelector("button.go")).isEmpty());
        WebElement samples = browser.driver.findElement(pane).findElement(By.cssSelector("input.samples"));
        samples.clear();
        samples.sendKeys("4");
        browser.driver.findElement(pane).findElement(By.cssSelector("button.go")).click();
        browser.waiting(300).until(d -> !d.findElement(pane).findElements(By.cssSelector("svg.sensitivity-chart")).isEmpty()
                || d.findElement(pane).findElement(By.cssSelector(".status")).getText().matches("(?s).*(fail|cannot|must|Choose).*"));
        WebElement view = browser.driver.findElement(pane);
        List<WebElement> bars = view.findElements(By.cssSelector("svg.sensitivity-chart rect.index"));
        assertEquals(18, bars.size(), view.getText());
        assertEquals(9, view.findElements(By.cssSelector("table.sensitivity tbody tr")).size());
        assertTrue(view.findElement(By.cssSelector(".status")).getText().contains("44 runs"), view.getText());
        assertTrue(view.getText().contains("Emissions|CO2|Energy|Supply|Electricity, World, 2050"), view.getText());
        browser.screenshot("sensitivity-view");
        assertFalse(browser.driver.findElement(By.id("error")).isDisplayed(), browser.driver.findElement(By.id("error")).getText());
    }
}
