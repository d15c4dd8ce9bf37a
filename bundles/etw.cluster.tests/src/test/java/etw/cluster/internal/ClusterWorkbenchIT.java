package etw.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import etw.distribution.testsupport.EtwProcesses;

/**
 * The web workbench on a cluster, over real HTTP: {@code etw workbench --cluster HOST:PORT --secret-file F} with a
 * member ({@code etw node}) in another JVM. {@code POST /api/cluster/ensemble} and {@code /api/cluster/sensitivity}
 * answer exactly what {@code /api/ensemble} and {@code /api/sensitivity} answer (all but the time taken), the page
 * never sees the secret, and a workbench started without a cluster says how to configure one. In headless
 * Chromium, the Sensitivity view's "Run on the cluster" box runs the analysis on the member, and is disabled with
 * that explanation on the workbench without a cluster.
 */
class ClusterWorkbenchIT {
    private static final Path DIST = EtwProcesses.distribution("etw.dist", "../../launcher/target/etw");
    private static final Pattern ADDRESS = Pattern.compile("ETW workbench at (\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** More than the 200 samples of the pilot the coordinator runs itself, so the member gets blocks. */
    private static final int SAMPLES = 240;
    /** Baseline to 2040: the same models and uncertainty, fewer years. */
    private static final String SCENARIO = "name: cluster-web\\nextends: baseline\\nyears: {first: 2024, last: 2040}\\n";

    @TempDir
    Path work;
    private EtwProcesses etw;

    @BeforeEach
    void processes() {
        etw = new EtwProcesses(DIST, work);
    }

    @AfterEach
    void stop() {
        etw.close();
    }

    @Test
    void theWorkbenchRunsEnsemblesAndSensitivityOnTheClusterWithTheLocalAnswer() throws Exception {
        Path secret = work.resolve("cluster.secret");
        String secretText = "a-web-test-secret-of-more-than-16-bytes";
        Files.writeString(secret, secretText + "\n");
        // the member first (started again on another port if its port was taken), the workbench that uses it after
        EtwProcesses.Node node = etw.node(etw.home("home"), "node", p -> List.of("--secret-file", secret.toString()));
        CompletableFuture<String> plain = workbench("plain");
        int port = node.awaitStarted(180).port();
        CompletableFuture<String> clustered = workbench("web", "--cluster", node.address(), "--secret-file", secret.toString());
        String web = clustered.get(180, TimeUnit.SECONDS), alone = plain.get(180, TimeUnit.SECONDS);

        // the status names the members, never the secret
        HttpResponse<String> status = get(web + "/api/cluster");
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().contains("\"configured\":true"), status.body());
        assertTrue(status.body().contains("127.0.0.1:" + port), status.body());
        assertTrue(!status.body().contains(secretText) && !status.body().contains("cluster.secret\""), status.body());

        String ensemble = "{\"text\":\"" + SCENARIO + "\",\"samples\":" + SAMPLES + ",\"seed\":7}";
        HttpResponse<String> local = post(web + "/api/ensemble", ensemble);
        assertEquals(200, local.statusCode(), local.body());
        HttpResponse<String> remote = post(web + "/api/cluster/ensemble", ensemble);
        assertEquals(200, remote.statusCode(), remote.body());
        assertTrue(remote.body().contains("\"membersWorking\":1"), tail(remote.body()));
        assertEquals(withoutTime(local.body(), "runMs"), withoutTime(result(remote.body()), "runMs"),
                "the clustered ensemble's answer differs from the local one");
        assertTrue(read("node.out").contains(": block "), read("node.out"));

        String sensitivity = "{\"text\":\"" + SCENARIO + "\",\"samples\":4,\"seed\":3,\"variables\":[\"Emissions|CO2|Energy|Supply|Electricity\"]}";
        HttpResponse<String> localS = post(web + "/api/sensitivity", sensitivity);
        assertEquals(200, localS.statusCode(), localS.body());
        HttpResponse<String> remoteS = post(web + "/api/cluster/sensitivity", sensitivity);
        assertEquals(200, remoteS.statusCode(), remoteS.body());
        assertEquals(withoutTime(localS.body(), "ms"), withoutTime(result(remoteS.body()), "ms"),
                "the clustered sensitivity answer differs from the local one");
        assertTrue(read("node.out").contains("sensitivity of cluster-web"), read("node.out"));

        // members the page names: checked; an unreachable one is a clear error, not a hang
        HttpResponse<String> bad = post(web + "/api/cluster/ensemble?members=not%20an%20address", ensemble);
        assertEquals(400, bad.statusCode(), bad.body());

        // a workbench started without a cluster says so, and how to start one
        HttpResponse<String> none = get(alone + "/api/cluster");
        assertEquals(200, none.statusCode(), none.body());
        assertTrue(none.body().contains("\"configured\":false") && none.body().contains("No cluster is configured")
                && none.body().contains("etw workbench --cluster"), none.body());
        HttpResponse<String> refused = post(alone + "/api/cluster/ensemble", ensemble);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("No cluster is configured"), refused.body());

        // the page: the Sensitivity view runs on the cluster when the box is ticked; without a cluster it says why
        WebDriver browser = chromium();
        if (browser == null) return;
        try {
            WebElement view = sensitivityView(browser, web);
            WebElement box = view.findElement(By.cssSelector("input.on-cluster"));
            wait(browser, 30).until(d -> box.isEnabled());
            box.click();
            assertTrue(view.findElement(By.cssSelector("input.cluster-members")).getAttribute("value").contains("127.0.0.1:" + port));
            WebElement n = view.findElement(By.cssSelector("input.samples"));
            n.clear();
            n.sendKeys("2");
            view.findElement(By.cssSelector("button.go")).click();
            wait(browser, 300).until(d -> !view.findElements(By.cssSelector("svg.sensitivity-chart")).isEmpty()
                    || view.findElement(By.cssSelector(".status")).getText().matches("(?s).*(fail|cannot|cluster:|must).*"));
            String line = view.findElement(By.cssSelector(".status")).getText();
            assertTrue(line.contains("on 1 of 1 cluster member(s): 127.0.0.1:" + port), line);
            assertEquals(9, view.findElements(By.cssSelector("table.sensitivity tbody tr")).size(), view.getText());

            WebElement plainView = sensitivityView(browser, alone);
            wait(browser, 30).until(d -> !plainView.findElement(By.cssSelector(".cluster-note")).getText().isEmpty());
            assertTrue(!plainView.findElement(By.cssSelector("input.on-cluster")).isEnabled());
            String note = plainView.findElement(By.cssSelector(".cluster-note")).getText();
            assertTrue(note.contains("No cluster is configured") && note.contains("etw workbench --cluster"), note);
        } finally {
            browser.quit();
        }
    }

    private static WebElement sensitivityView(WebDriver browser, String origin) {
        browser.get(origin + "/?scenario=baseline&perspective=model");
        wait(browser, 120).until(d -> "baseline".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return window.etw && window.etw.state.results && window.etw.state.results.scenario")));
        wait(browser, 60).until(d -> !d.findElements(By.id("tab-etw.workbench.sensitivity")).isEmpty());
        browser.findElement(By.id("tab-etw.workbench.sensitivity")).click();
        By pane = By.id("view-etw.workbench.sensitivity");
        wait(browser, 30).until(d -> !d.findElement(pane).findElements(By.cssSelector("input.on-cluster")).isEmpty());
        return browser.findElement(pane);
    }

    private static WebDriverWait wait(WebDriver browser, int seconds) {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    /** Headless Chromium, or null (the page check skipped) where it is not installed; CI must have it. */
    private WebDriver chromium() throws IOException {
        Path chromium = Path.of("/usr/bin/chromium"), driver = Path.of("/usr/bin/chromedriver");
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(driver);
        if (System.getenv("CI") != null) assertTrue(present, "CI needs chromium and chromium-driver");
        if (!present) return null;
        System.setProperty("webdriver.chrome.driver", driver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium")), "--window-size=1600,1000");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
    }

    /** The {@code result} member of a clustered answer: the local endpoint's answer, as the server wrote it. */
    private static String result(String body) {
        assertTrue(body.startsWith("{\"result\":"), body);
        int end = body.lastIndexOf(",\"members\":");
        return body.substring("{\"result\":".length(), end);
    }

    private static String tail(String body) {
        return body.length() < 2000 ? body : "..." + body.substring(body.length() - 2000);
    }

    private static String withoutTime(String json, String field) {
        return json.replaceAll("\"" + field + "\":[-0-9.eE+]+,?", "");
    }

    private CompletableFuture<String> workbench(String name, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("workbench", "--port", "0"));
        all.addAll(List.of(args));
        Process p = etw.start(etw.command(etw.home("home"), work.resolve("cache-" + name), all).redirectError(work.resolve(name + ".err").toFile()));
        CompletableFuture<String> address = new CompletableFuture<>();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    Matcher m = ADDRESS.matcher(line);
                    if (m.find()) address.complete(m.group(1).replaceAll("/+$", "").replace("localhost", "127.0.0.1"));
                }
            } catch (IOException e) {
                // the process ended
            }
            address.completeExceptionally(new IllegalStateException("etw workbench ended without its address:\n"
                    + String.join("\n", lines) + "\n" + read(name + ".err")));
        }, "etw-" + name);
        reader.setDaemon(true);
        reader.start();
        return address;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(300))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String read(String file) {
        return etw.read(file);
    }
}
