package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

/**
 * Plugins that go wrong, in a running workbench (issue 14, items 5 and 14): a plugin the catalog refuses (a unit
 * nobody knows) or whose constructor throws is listed under "left out" in /api/models with its reason; a model
 * that throws an Error (an AssertionError, an OutOfMemoryError) fails the run with a JSON error naming it, never
 * HTTP 200 with nulls; a good plugin joins only the runs that name it, and the run says it took part.
 */
class PluginTrustIT {
    private static final Json JSON = new Json();
    private static WorkbenchProcess w;
    private static String api;

    @BeforeAll
    static void start() throws Exception {
        w = WorkbenchProcess.start();
        api = w.origin() + "/api";
        Path dir = Files.createTempDirectory(w.home, "plugins-src-");
        TestPlugins.drop(w, PluginIT.buildPlugin(dir));
        TestPlugins.drop(w, TestPlugins.build(dir, "badunit", "BadUnit",
                TestPlugins.model("badunit", "BadUnit", "Test|Bad Unit", "zorps per glorp", "", "")));
        TestPlugins.drop(w, TestPlugins.build(dir, "ctor", "Ctor",
                TestPlugins.model("ctor", "Ctor", "Test|Ctor", "TWh/yr", "if (true) throw new IllegalStateException(\"licence file missing\");", "")));
        TestPlugins.drop(w, TestPlugins.build(dir, "oom", "Oom",
                TestPlugins.model("oom", "Oom", "Test|Oom", "TWh/yr", "", "if (ctx.year() >= 2030) throw new OutOfMemoryError(\"test: out of memory in a step\");")));
        TestPlugins.drop(w, TestPlugins.build(dir, "assertion", "Assertion",
                TestPlugins.model("assertion", "Assertion", "Test|Assertion", "TWh/yr", "", "if (ctx.year() >= 2030) throw new AssertionError(\"test: a broken invariant\");")));
        waitUntil("the good test plugins are listed", () -> {
            String models = Http.get(api + "/models").body();
            return models.contains("\"test.hydrogen\"") && models.contains("\"test.oom\"") && models.contains("\"test.assertion\"");
        });
    }

    @AfterAll
    static void stop() {
        if (w != null) w.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers() + " " + r.body());
        return JSON.toType(r.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static void waitUntil(String what, PluginIT.Check check) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s: " + what + "\n" + String.join("\n", w.output()));
            Thread.sleep(100);
        }
    }

    private static String leftOut() throws Exception {
        return String.join("\n", list(json(Http.get(api + "/models")).get("leftOut")).stream().map(String::valueOf).toList());
    }

    @Test
    void pluginsLeftOutAreListedWithTheirReason() throws Exception {
        waitUntil("test.badunit is left out", () -> leftOut().contains("test.badunit"));
        String left = leftOut();
        assertTrue(left.contains("zorps per glorp"), "the reason names the unit: " + left);
        waitUntil("test.ctor is left out", () -> leftOut().contains("test.ctor"));
        assertTrue(leftOut().contains("licence file missing"), "the reason is the constructor's: " + leftOut());
    }

    @Test
    void aModelThatThrowsAnErrorFailsTheRunWithJsonNamingIt() throws Exception {
        for (String id : List.of("test.oom", "test.assertion")) {
            HttpResponse<String> r = Http.post(api + "/run", "{\"scenario\": \"baseline\", \"with\": [\"" + id + "\"]}");
            assertTrue(r.statusCode() == 422 || r.statusCode() == 500, id + " -> " + r.statusCode() + " " + r.body());
            String m = (String) json(r).get("error");
            assertTrue(m != null && m.contains(id), "the error names the model: " + r.body());
            assertFalse(r.body().contains("null"), r.body());
        }
        HttpResponse<String> e = Http.post(api + "/ensemble", "{\"scenario\": \"baseline\", \"samples\": 8, \"with\": [\"test.assertion\"]}");
        assertTrue(e.statusCode() == 422 || e.statusCode() == 500, e.statusCode() + " " + e.body());
        assertTrue(((String) json(e).get("error")).contains("test.assertion"), e.body());
        HttpResponse<String> x = Http.post(api + "/export", "{\"scenario\": \"baseline\", \"with\": [\"test.oom\"]}");
        assertTrue(x.statusCode() == 422 || x.statusCode() == 500, x.statusCode() + " " + x.body());
        assertEquals(200, Http.post(api + "/run", "{\"scenario\": \"baseline\"}").statusCode(), "the workbench carries on");
    }

    @Test
    void aRunSaysWhichPluginsTookPartAndWhichWereLeftOut() throws Exception {
        Map<String, Object> with = json(Http.post(api + "/run", "{\"scenario\": \"baseline\", \"with\": [\"test.hydrogen\"]}"));
        assertTrue(list(with.get("plugins")).stream().anyMatch(p -> String.valueOf(p).startsWith("test.hydrogen")), with.get("plugins").toString());
        assertTrue(list(with.get("models")).contains("test.hydrogen"), with.get("models").toString());
        assertTrue(with.get("warnings") instanceof List, "the wiring's warnings are in the answer");
        assertTrue(String.valueOf(with.get("leftOut")).contains("test.badunit"), "plugins left out are named: " + with.get("leftOut"));
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) with.get("manifest");
        for (String k : List.of("runId", "scenarioSha256", "models", "plugins", "warnings", "files", "bundles"))
            assertTrue(manifest.containsKey(k), k + " in " + manifest.keySet());

        Map<String, Object> without = json(Http.post(api + "/run", "{\"scenario\": \"baseline\"}"));
        assertEquals(List.of(), without.get("plugins"), "a canned scenario runs exactly its models");
        assertFalse(list(without.get("models")).contains("test.hydrogen"));
    }
}
