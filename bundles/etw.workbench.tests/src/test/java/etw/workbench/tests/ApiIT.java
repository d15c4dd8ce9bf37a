package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

/** The JSON API of a running workbench, over real HTTP: what it answers, how fast, and what it refuses. */
class ApiIT {
    private static WorkbenchProcess workbench;
    private static String api;
    private static final Json JSON = new Json();

    @BeforeAll
    static void start() throws Exception {
        workbench = WorkbenchProcess.start();
        api = workbench.origin() + "/api";
        System.out.println("[workbench] started in " + workbench.startMillis + " ms at " + workbench.url);
    }

    @AfterAll
    static void stop() {
        if (workbench != null) workbench.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JSON.toType(r.body(), Map.class);
    }

    /** An error: the status, a JSON message, and no trace of Java internals. */
    private static String error(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return errorMessage(r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** A request announcing a body of {@code bytes}, refused with 413 before the body is read; its message. */
    private static String tooLarge(long bytes) throws Exception {
        String r = Http.announcedPost(api + "/run", bytes);
        assertTrue(r.startsWith("HTTP/1.1 413"), r);
        int end = r.indexOf("\r\n\r\n");
        java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?im)^Content-Type:\\s*(.*)$").matcher(r.substring(0, end));
        return errorMessage(type.find() ? type.group(1).trim() : "", r.substring(end + 4));
    }

    /** An error's body: JSON with a message, and no stack trace or exception name. */
    private static String errorMessage(String contentType, String body) {
        assertTrue(contentType.startsWith("application/json"), contentType);
        Map<?, ?> json = JSON.toType(body, Map.class);
        String message = (String) json.get("error");
        assertTrue(message != null && !message.isBlank(), body);
        assertFalse(body.contains("\tat ") || body.contains("Exception") || body.contains(".java:"),
                "no stack trace or exception name: " + body);
        return message;
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return Http.post(api + path, json);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> find(List<Object> items, String key, String value) {
        return items.stream().map(ApiIT::object).filter(m -> value.equals(m.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + "=" + value + " in " + items));
    }

    /** Values of a variable in a run result, region by region. */
    private static List<Object> values(Map<String, Object> run, String variable) {
        return list(find(list(run.get("variables")), "name", variable).get("values"));
    }

    @Test
    void modelsListBundlesStatesInputsOutputsAndDocumentedParameters() throws Exception {
        Map<String, Object> body = json(Http.get(api + "/models"));
        List<Object> models = list(body.get("models"));
        assertTrue(models.size() >= 4, body.toString());
        Map<String, Object> dc = find(models, "id", "etw.models.datacenter");
        assertEquals("etw.models.datacenter", dc.get("bundle"));
        assertEquals("ACTIVE", dc.get("state"));
        assertFalse(list(dc.get("inputs")).isEmpty());
        assertFalse(list(dc.get("outputs")).isEmpty());
        Map<String, Object> p = find(list(dc.get("parameters")), "name", "ai_compute_growth_initial");
        for (String k : List.of("unit", "default", "min", "max", "description", "source")) assertTrue(p.containsKey(k), k);
        assertTrue(((Number) p.get("min")).doubleValue() <= ((Number) p.get("default")).doubleValue());
        assertTrue(body.containsKey("revision") && body.containsKey("bundles") && body.containsKey("problems"));
    }

    @Test
    void scenariosListTheCannedOnesAndOneParsesForTheEditor() throws Exception {
        List<Object> scenarios = list(json(Http.get(api + "/scenarios")).get("scenarios"));
        assertEquals("canned", find(scenarios, "name", "baseline").get("kind"));
        Map<String, Object> s = json(Http.get(api + "/scenarios/baseline"));
        assertEquals("baseline", s.get("name"));
        assertTrue(list(s.get("regions")).contains("World"));
        assertEquals(2024L, ((Number) s.get("firstYear")).longValue());
        Map<String, Object> dc = find(list(s.get("models")), "id", "etw.models.datacenter");
        Map<String, Object> pue = find(list(dc.get("parameters")), "name", "pue");
        assertTrue(object(object(pue.get("value")).get("China")).containsKey("2030"), "pue is a trajectory per region in baseline: " + pue);
        Map<String, Object> aiBase = find(list(dc.get("parameters")), "name", "ai_base");
        assertTrue(object(aiBase.get("value")).containsKey("China"), "ai_base is set per region: " + aiBase);
        Map<String, Object> growth = find(list(dc.get("parameters")), "name", "rebound_elasticity");
        assertEquals(null, growth.get("value"), "not set in baseline: the editor shows the default");
        assertTrue(((String) s.get("labSheet")).length() > 100);
    }

    @Test
    void baselineRunsWithUnitsAndFast() throws Exception {
        String request = "{\"scenario\": \"baseline\"}";
        Map<String, Object> run = json(post("/run", request));
        assertEquals(List.of("World", "United States", "China", "Europe", "Asia-Pacific excluding China", "Rest of World"),
                run.get("regions"));
        Map<String, Object> fe = find(list(run.get("variables")), "name", "Final Energy|Electricity");
        assertEquals("TWh/yr", fe.get("unit"));
        assertEquals(77, list(list(fe.get("values")).get(0)).size(), "2024-2100");
        assertTrue(((Number) list(list(fe.get("values")).get(0)).get(0)).doubleValue() > 20_000);

        // warm: the time of a whole request, from outside, as the page sees it
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            String req = "{\"scenario\": \"baseline\", \"overrides\": {\"etw.models.datacenter\": {\"ai_compute_growth_initial\": "
                    + (0.3 + i * 0.01) + "}}}";
            long t0 = System.nanoTime();
            HttpResponse<String> r = post("/run", req);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            assertEquals(200, r.statusCode(), r.body());
        }
        double[] warm = Arrays.copyOfRange(ms, 10, ms.length);
        Arrays.sort(warm);
        double median = warm[warm.length / 2];
        System.out.printf("[workbench] POST /api/run baseline with a change, warm: median %.1f ms, fastest %.1f ms, slowest %.1f ms "
                + "(whole request incl. wiring and JSON of every variable)%n", median, warm[0], warm[warm.length - 1]);
        assertTrue(median < 1000, "a warm baseline run should take well under a second, took " + median + " ms");
    }

    @Test
    void overridesChangeResultsAndTakeEveryFormOfAScenarioFile() throws Exception {
        Map<String, Object> base = json(post("/run", "{\"scenario\": \"baseline\", \"variables\": [\"Final Energy|Electricity|Data Centers\"]}"));
        Map<String, Object> more = json(post("/run", """
                {"scenario": "baseline", "variables": ["Final Energy|Electricity|Data Centers"],
                 "overrides": {"etw.models.datacenter": {"ai_compute_growth_initial": 0.9,
                               "ai_base": {"World": 80, "China": 20, "*": 10},
                               "pue": {"2024": 1.5, "2050": 1.2}}}}"""));
        assertEquals(1, list(more.get("variables")).size());
        List<Object> a = values(base, "Final Energy|Electricity|Data Centers"), b = values(more, "Final Energy|Electricity|Data Centers");
        assertNotEquals(list(a.get(0)).get(26), list(b.get(0)).get(26), "a faster AI growth changes World data-centre demand in 2050");
        // World is the sum of baseline's regions: a scenario text that gives World its own value is told it is unused
        // (the page's changes are not: its key levers move World's value with every region's)
        Map<String, Object> text = json(post("/run", "{\"text\": \"name: mine\\nextends: baseline\\nparameters:\\n"
                + "  etw.models.datacenter:\\n    ai_base: {World: 80, '*': 10}\\n\", "
                + "\"variables\": [\"Final Energy|Electricity|Data Centers\"]}"));
        assertTrue(list(text.get("warnings")).stream().anyMatch(w -> w.toString().startsWith("World is the sum of the scenario's "
                + "other regions") && w.toString().contains("etw.models.datacenter/ai_base (request:")), text.get("warnings").toString());
        for (Map<String, Object> r : List.of(base, more))
            assertTrue(list(r.get("warnings")).stream().noneMatch(w -> w.toString().startsWith("World is the sum")), r.get("warnings").toString());
    }

    @Test
    void badRequestsGetA4xxWithAMessage() throws Exception {
        assertTrue(error(post("/run", "{\"scenario\": \"no-such\"}"), 404).contains("no-such"));
        assertTrue(error(post("/run", "{\"scenario\": "), 400).contains("JSON"));
        assertTrue(error(post("/run", "[1, 2]"), 400).contains("object"));
        assertTrue(error(post("/run", "{}"), 400).contains("scenario"));
        assertTrue(error(post("/run", "{\"scenario\": \"baseline\", \"text\": \"name: x\"}"), 400).contains("not both"));
        String range = error(post("/run", "{\"scenario\": \"baseline\", \"overrides\": {\"etw.models.datacenter\": {\"pue\": 9}}}"), 422);
        assertTrue(range.contains("pue") && range.contains("range"), range);
        String unknown = error(post("/run", "{\"scenario\": \"baseline\", \"overrides\": {\"etw.models.datacenter\": {\"no_such\": 1}}}"), 422);
        assertTrue(unknown.contains("no_such"), unknown);
        assertTrue(error(post("/run", "{\"scenario\": \"baseline\", \"overrides\": {\"etw.models.datacenter\": {\"pue\": \"abc\"}}}"), 422)
                .contains("not a number"));
        assertTrue(error(post("/run", "{\"text\": \"name: broken\\nregions: [World\\n\"}"), 422).contains("YAML"));
        assertEquals(415, Http.send(api + "/run", "text/plain", "{\"scenario\": \"baseline\"}").statusCode());
        error(Http.get(api + "/no-such-endpoint"), 404);
        error(Http.get(api + "/run"), 405);
        error(post("/models", "{}"), 405);
        error(post("/ensemble", "{\"scenario\": \"baseline\", \"samples\": 0}"), 400);
        assertTrue(error(post("/ensemble", "{\"text\": \"name: plain\\nregions: [World]\\n\", \"samples\": 10}"), 422)
                .contains("uncertainty"), "a scenario without uncertainty has nothing to sample");
        tooLarge(3L * 1024 * 1024);
    }

    @Test
    void noPathFromARequestReachesTheFileSystem() throws Exception {
        for (String name : List.of("..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..", "x.yaml", "..%5Cx.yaml")) {
            HttpResponse<String> r = Http.get(api + "/scenarios/" + name);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, name + " -> " + r.statusCode() + " " + r.body());
            assertFalse(r.body().contains("root:"), r.body());
        }
        String ext = error(post("/run", "{\"text\": \"name: v\\nextends: /etc/passwd\\nregions: [World]\\n\"}"), 422);
        assertTrue(ext.contains("/etc/passwd") && !ext.contains("root:"), ext);
        HttpResponse<String> dots = Http.get(workbench.origin() + "/views/etw.workbench.results/..%2F..%2F..%2Fetc%2Fpasswd");
        assertTrue(dots.statusCode() == 400 || dots.statusCode() == 404, dots.statusCode() + " " + dots.body());
        assertFalse(dots.body().contains("root:"));
        HttpResponse<String> encoded = Http.get(workbench.origin() + "/..%2F..%2Fetc%2Fpasswd");
        assertTrue(encoded.statusCode() == 400 || encoded.statusCode() == 404, encoded.statusCode() + " " + encoded.body());
        assertFalse(encoded.body().contains("root:"));
        for (String file : List.of("../evil.yaml", "Evil.yaml", "a/b.yaml", "evil.yml", "evil", ".yaml", "/tmp/evil.yaml", "e vil.yaml")) {
            String m = error(post("/scenarios/save", "{\"scenario\": \"baseline\", \"file\": " + JSON.toJson(file) + "}"), 400);
            assertTrue(m.contains("simple name"), m);
        }
        try (var files = Files.list(workbench.home.resolve("scenarios"))) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().contains("evil")).count());
        }
    }

    @Test
    void aScenarioIsSavedAsAVariantThatLoadsAgain() throws Exception {
        HttpResponse<String> r = post("/scenarios/save", """
                {"scenario": "baseline", "file": "faster-ai.yaml",
                 "overrides": {"etw.models.datacenter": {"ai_compute_growth_initial": 0.7}}}""");
        assertEquals(201, r.statusCode(), r.body());
        Path saved = workbench.home.resolve("scenarios/faster-ai.yaml");
        String text = Files.readString(saved);
        assertTrue(text.matches("(?s).*extends: \"?baseline\"?\n.*") && text.contains("ai_compute_growth_initial"), text);
        assertEquals("workspace", find(list(json(Http.get(api + "/scenarios")).get("scenarios")), "name", "faster-ai").get("kind"));
        Map<String, Object> loaded = json(Http.get(api + "/scenarios/faster-ai.yaml"));
        Map<String, Object> dc = find(list(loaded.get("models")), "id", "etw.models.datacenter");
        assertEquals(0.7, ((Number) find(list(dc.get("parameters")), "name", "ai_compute_growth_initial").get("value")).doubleValue());
        assertEquals(200, post("/run", "{\"scenario\": \"faster-ai.yaml\"}").statusCode());
        assertTrue(error(post("/scenarios/save", "{\"scenario\": \"baseline\", \"file\": \"faster-ai.yaml\"}"), 409).contains("exists"));
        assertEquals(201, post("/scenarios/save", "{\"scenario\": \"baseline\", \"file\": \"faster-ai.yaml\", \"overwrite\": true}").statusCode());
        // a scenario that would not load is not written
        error(post("/scenarios/save", "{\"scenario\": \"baseline\", \"file\": \"broken.yaml\", \"overrides\": {\"etw.models.datacenter\": {\"pue\": 99}}}"), 422);
        assertFalse(Files.exists(workbench.home.resolve("scenarios/broken.yaml")));
    }

    @Test
    void graphShowsModelsInStepOrderAndLaggedWires() throws Exception {
        Map<String, Object> g = json(post("/graph", "{\"scenario\": \"baseline\"}"));
        assertTrue(list(g.get("models")).size() >= 4);
        List<Object> wires = list(g.get("wires"));
        assertTrue(wires.stream().map(ApiIT::object).anyMatch(w -> ((Number) w.get("lag")).intValue() == 1), "some reads are lagged");
        assertTrue(wires.stream().map(ApiIT::object).anyMatch(w -> Boolean.TRUE.equals(w.get("aggregate"))), "some reads are aggregates");
    }

    @Test
    void ensembleGivesOrderedPercentiles() throws Exception {
        Map<String, Object> e = json(post("/ensemble", """
                {"scenario": "baseline", "samples": 60, "seed": 7, "variables": ["Final Energy|Electricity|Data Centers"],
                 "uncertainty": {"etw.models.datacenter": {"ai_compute_growth_initial": {"distribution": "uniform", "min": 0.3, "max": 0.7}}}}"""));
        assertEquals(60L, ((Number) e.get("samples")).longValue());
        List<Object> byP = list(find(list(e.get("variables")), "name", "Final Energy|Electricity|Data Centers").get("values"));
        double p5 = ((Number) list(list(byP.get(0)).get(0)).get(26)).doubleValue();
        double p50 = ((Number) list(list(byP.get(1)).get(0)).get(26)).doubleValue();
        double p95 = ((Number) list(list(byP.get(2)).get(0)).get(26)).doubleValue();
        assertTrue(p5 < p50 && p50 < p95, p5 + " " + p50 + " " + p95);
    }

    @Test
    void exportIsAnIamcCsvDownload() throws Exception {
        HttpResponse<String> r = post("/export", "{\"scenario\": \"baseline\"}");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("baseline.csv"));
        assertTrue(r.body().startsWith("Model,Scenario,Region,Variable,Unit,2024,2025,"), r.body().substring(0, 80));
        assertTrue(r.body().contains("\nETW,baseline,World,Final Energy|Electricity,TWh/yr,"));
    }

    @Test
    void viewsAreListedAndServed() throws Exception {
        List<Object> views = list(json(Http.get(api + "/views")).get("views"));
        List<String> ids = new ArrayList<>();
        views.forEach(v -> ids.add((String) object(v).get("id")));
        assertTrue(ids.containsAll(List.of("etw.workbench.scenario", "etw.workbench.models", "etw.workbench.results", "etw.workbench.graph",
                "etw.workbench.problems")), ids.toString());
        for (Object v : views) {
            HttpResponse<String> js = Http.get(workbench.origin() + object(v).get("module"));
            assertEquals(200, js.statusCode(), String.valueOf(object(v).get("module")));
            assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        }
        HttpResponse<String> page = Http.get(workbench.origin() + "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("ETW workbench"));
        assertFalse(page.body().contains("://cdn") || page.body().contains("https://"), "the page loads nothing from elsewhere");
    }

    @Test
    void theApiAnswersOnlyRequestsAddressedToThisMachine() throws Exception {
        String evil = Http.rawGet(workbench.origin(), "/api/models", "attacker.example");
        assertTrue(evil.startsWith("HTTP/1.1 403"), evil.lines().findFirst().orElse(""));
        String ok = Http.rawGet(workbench.origin(), "/api/status", "localhost");
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok.lines().findFirst().orElse(""));
        assertTrue(workbench.url.startsWith("http://127.0.0.1:"), workbench.url);
        assertFalse(workbench.url.contains("token"), workbench.url);
    }

    /** Item 9 of issue 14: scenario text sent over HTTP cannot name a file of the server, and no error echoes one. */
    @Test
    void postedScenarioTextReadsNoServerFile() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) if (line.strip().length() >= 5) secrets.add(line.strip());
        assertFalse(secrets.isEmpty());
        List<String> texts = new ArrayList<>();
        for (String file : List.of("/etc/passwd", "../../../../../../../../etc/passwd", "/proc/self/environ", "/dev/zero",
                "file:///etc/passwd", "scenarios/../../../../../../../../etc/passwd")) {
            texts.add("name: leak\nregions: [World]\nyears: {first: 2024, last: 2030}\nexogenous:\n"
                    + "  \"Final Energy|Electricity|Leak\":\n    file: " + file + "\n");
            texts.add("name: leak\nregions: [World]\nexogenous: {\"Final Energy|Electricity|Leak\": {\"file\": \"" + file + "\"}}\n");
        }
        for (String text : texts)
            for (String endpoint : List.of("/run", "/graph", "/scenarios/parse", "/export")) {
                HttpResponse<String> r = post(endpoint, JSON.toJson(Map.of("text", text)));
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, endpoint + " " + text + " -> " + r.statusCode() + " " + r.body());
                error(r, r.statusCode());
                for (String secret : secrets) assertFalse(r.body().contains(secret), "the answer echoes /etc/passwd: " + r.body());
                assertFalse(r.body().contains("root:"), r.body());
            }
        HttpResponse<String> save = post("/scenarios/save", JSON.toJson(Map.of("text", texts.get(0), "file", "leak.yaml")));
        assertTrue(save.statusCode() >= 400 && save.statusCode() < 500, save.body());
        assertFalse(save.body().contains("root:"), save.body());
        assertFalse(Files.exists(workbench.home.resolve("scenarios/leak.yaml")));
    }

    /** Over HTTP a scenario reads data files of the workspace, named relative to it, and no link leads out of it. */
    @Test
    void postedScenarioTextReadsDataFilesOfTheWorkspaceOnly() throws Exception {
        Path ws = workbench.home.resolve("scenarios");
        Files.writeString(ws.resolve("h2-demand.csv"), "Model,Scenario,Region,Variable,Unit,2024,2050\n"
                + "Lab,high,World,Final Energy|Hydrogen Test,TWh/yr,10,90\n");
        Files.createSymbolicLink(ws.resolve("passwd.csv"), Path.of("/etc/passwd"));
        String text = "name: h2\nregions: [World]\nyears: {first: 2024, last: 2050}\nexogenous:\n"
                + "  \"Final Energy|Hydrogen Test\":\n    file: %s\n";
        HttpResponse<String> ok = post("/run", JSON.toJson(Map.of("text", text.formatted("h2-demand.csv"),
                "variables", List.of("Final Energy|Hydrogen Test"))));
        assertEquals(200, ok.statusCode(), ok.body());
        List<Object> world = list(values(json(ok), "Final Energy|Hydrogen Test").get(0));
        assertEquals(90, ((Number) world.get(world.size() - 1)).doubleValue(), 1e-9);
        HttpResponse<String> link = post("/run", JSON.toJson(Map.of("text", text.formatted("passwd.csv"))));
        error(link, 422);
        assertFalse(link.body().contains("root:"), link.body());
    }

    /** Item 11 of issue 14: a body limit that names itself, an exact Content-Type, JSON for every method. */
    @Test
    void theRequestBodyIsLimitedAndItsTypeExact() throws Exception {
        assertTrue(tooLarge(1024 * 1024 + 1).contains("1 MiB"));
        String run = "{\"scenario\": \"baseline\", \"variables\": [\"Final Energy|Electricity\"]}";
        for (String ok : List.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
                "Application/JSON; charset=\"utf-8\""))
            assertEquals(200, Http.send(api + "/run", ok, run).statusCode(), ok);
        for (String bad : List.of("application/jsonx", "application/json-patch+json", "application/json; charset=latin1",
                "application/json; boundary=x", "text/json", "application/x-www-form-urlencoded", "text/plain"))
            assertTrue(error(Http.send(api + "/run", bad, run), 415).contains("application/json"), bad);
        for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS"))
            error(Http.method(method, api + "/run", "application/json", method.equals("DELETE") || method.equals("OPTIONS") ? null : run), 405);
    }

    /** Item 11 of issue 14: a state-changing request from a page of another origin is refused. */
    @Test
    void aRequestThatChangesSomethingMustComeFromTheWorkbenchsOwnOrigin() throws Exception {
        String run = "{\"scenario\": \"baseline\", \"variables\": [\"Final Energy|Electricity\"]}";
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:1", "https://" + workbench.origin().substring(7)))
            assertTrue(error(Http.post(api + "/run", run, "Origin", origin), 403).contains("origin"), origin);
        error(Http.post(api + "/scenarios/save", "{\"scenario\": \"baseline\", \"file\": \"cross-site.yaml\"}",
                "Origin", "http://evil.example"), 403);
        assertFalse(Files.exists(workbench.home.resolve("scenarios/cross-site.yaml")));
        error(Http.method("DELETE", api + "/scenarios/baseline", null, null, "Origin", "http://evil.example"), 403);
        assertEquals(200, Http.post(api + "/run", run, "Origin", workbench.origin()).statusCode(), "the page's own origin");
        assertEquals(200, Http.post(api + "/run", run).statusCode(), "no Origin: not a browser's cross-site request");
        assertEquals(200, Http.get(api + "/models", "Origin", "http://evil.example").statusCode(), "reading changes nothing");
    }

    /** Item 11 of issue 14: a scenario too large to run is a 4xx naming the limit, fast, not an OutOfMemoryError. */
    @Test
    void aHugeScenarioIsRefusedWithItsLimitNamed() throws Exception {
        StringBuilder regions = new StringBuilder();
        for (int i = 0; i < 100_000; i++) regions.append(i == 0 ? "" : ", ").append('r').append(i);
        String text = "name: huge\nregions: [" + regions + "]\nyears: {first: 1700, last: 2100}\n";
        long t0 = System.nanoTime();
        HttpResponse<String> r = post("/run", JSON.toJson(Map.of("text", text)));
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(r.statusCode() == 413 || r.statusCode() == 422, r.statusCode() + " " + r.body());
        String m = error(r, r.statusCode());
        assertTrue(m.matches("(?s).*\\d.*") && (m.contains("at most") || m.contains("limit")), "the limit is named: " + m);
        System.out.printf("[workbench] 100,000 regions x 401 years refused in %.1f s: %s%n", s, m);
        assertTrue(s < 20, "refused within 20 s, took " + s);
        StringBuilder some = new StringBuilder();
        for (int i = 0; i < 500; i++) some.append(i == 0 ? "" : ", ").append('r').append(i);
        String many = "name: many\nregions: [" + some + "]\nyears: {first: 2024, last: 2100}\n"
                + "uncertainty:\n  etw.models.datacenter:\n    pue: {distribution: uniform, min: 1.1, max: 1.5}\n";
        String e = error(post("/ensemble", JSON.toJson(Map.of("text", many, "samples", 5000))), 422);
        assertTrue(e.contains("at most"), e);
        assertEquals(200, post("/run", "{\"scenario\": \"baseline\"}").statusCode(), "the workbench carries on");
    }

    @SuppressWarnings("unchecked")
    private static String sha(String request) throws Exception {
        HttpResponse<String> r = post("/run", request);
        assertEquals(200, r.statusCode(), r.body());
        return (String) ((Map<String, Object>) json(r).get("manifest")).get("scenarioSha256");
    }

    /**
     * Item 17 of issue 14: the workbench saves through the one scenario service, in canonical form, so a saved and
     * reloaded baseline, as a variant or whole, is the same scenario: the same manifest hash, and {@code scale: true}
     * of its uncertainty kept.
     */
    @Test
    void aSavedAndReloadedBaselineRunsWithTheSameScenarioHash() throws Exception {
        String original = sha("{\"scenario\": \"baseline\"}");
        assertEquals(201, post("/scenarios/save", "{\"scenario\": \"baseline\", \"file\": \"baseline-variant.yaml\", "
                + "\"name\": \"baseline\", \"overwrite\": true}").statusCode());
        assertEquals(original, sha("{\"scenario\": \"baseline-variant\"}"), "saved as a variant of baseline");

        String text = (String) json(Http.get(api + "/scenarios/baseline")).get("text");
        HttpResponse<String> whole = post("/scenarios/save", JSON.toJson(Map.of("text", text, "file", "baseline-whole.yaml",
                "name", "baseline", "overwrite", true)));
        assertEquals(201, whole.statusCode(), whole.body());
        String saved = Files.readString(workbench.home.resolve("scenarios/baseline-whole.yaml"));
        assertTrue(saved.contains("scale: true"), "the canonical writer keeps scale: true:\n" + saved);
        assertFalse(saved.contains("extends"), saved);
        assertEquals(original, sha("{\"scenario\": \"baseline-whole.yaml\"}"), "saved whole from its text");
        assertEquals(original, sha(JSON.toJson(Map.of("text", text))), "posted as text");
        assertEquals(original, sha(JSON.toJson(Map.of("text", saved))), "the saved text posted back");
    }

    /** The workspace is the launcher's ({@code --workspace DIR}, framework property etw.workspace), as for the CLI. */
    @Test
    void theWorkspaceIsTheOneTheLauncherNames() throws Exception {
        Path ws = Files.createTempDirectory(workbench.home, "workspace-");
        Files.writeString(ws.resolve("mine.yaml"), "name: mine\nextends: baseline\nseed: 7\n");
        try (WorkbenchProcess w = WorkbenchProcess.start("--workspace", ws.toString())) {
            String wapi = w.origin() + "/api";
            assertEquals("workspace", find(list(json(Http.get(wapi + "/scenarios")).get("scenarios")), "name", "mine").get("kind"));
            assertEquals(201, Http.post(wapi + "/scenarios/save", "{\"scenario\": \"mine\", \"file\": \"mine-too.yaml\"}").statusCode());
            assertTrue(Files.exists(ws.resolve("mine-too.yaml")));
            assertFalse(Files.exists(w.home.resolve("scenarios/mine-too.yaml")));
            assertEquals(200, Http.post(wapi + "/run", "{\"scenario\": \"mine-too\"}").statusCode());
        }
    }

    @Test
    void aPublicWorkbenchRequiresItsToken() throws Exception {
        try (WorkbenchProcess pub = WorkbenchProcess.start("--public")) {
            assertTrue(pub.url.contains("?token="), pub.url);
            String token = pub.url.substring(pub.url.indexOf("?token=") + 7);
            String papi = pub.origin() + "/api";
            assertTrue(error(Http.get(papi + "/models"), 401).contains("token"));
            error(Http.get(papi + "/models", "X-ETW-Token", "wrong"), 401);
            assertEquals(200, Http.get(papi + "/models", "X-ETW-Token", token).statusCode());
            assertEquals(200, Http.get(papi + "/status?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).statusCode());
            assertEquals(200, Http.post(papi + "/run", "{\"scenario\": \"baseline\"}", "X-ETW-Token", token).statusCode());
            assertEquals(200, Http.get(pub.origin() + "/").statusCode(), "the page itself holds no data and loads without the token");
        }
    }
}
