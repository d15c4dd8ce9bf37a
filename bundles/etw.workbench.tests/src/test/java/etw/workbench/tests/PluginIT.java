package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

/**
 * A model bundle dropped into plugins/ of a running workbench shows in the Models list and in the results within
 * seconds, joins the runs that name it ({@code "with"}) and no other, and goes when its jar is removed. The bundle is made here: one model class compiled against etw.api
 * and a Declarative Services descriptor, the way a plugin author's build would make it.
 */
class PluginIT {
    private static final Json JSON = new Json();
    private static final String HYDROGEN = "Final Energy|Electricity|Hydrogen";

    static final String SOURCE = """
            package test.hydrogen;

            import etw.api.Model;
            import etw.api.ModelDescriptor;
            import etw.api.Output;
            import etw.api.Parameter;
            import etw.api.StepContext;

            public final class HydrogenDemand implements Model {
                private final ModelDescriptor descriptor;
                private final Output demand;
                private final Parameter base;

                public HydrogenDemand() {
                    ModelDescriptor.Builder b = ModelDescriptor.builder("test.hydrogen", "Electrolyser demand (a test plugin)");
                    demand = b.output("Final Energy|Electricity|Hydrogen", "TWh/yr", "Electrolyser electricity use");
                    base = b.parameter("demand", "TWh/yr", 500, 0, 10000, "Electricity for electrolysers", "assumption: a test value");
                    descriptor = b.build();
                }

                public ModelDescriptor descriptor() { return descriptor; }

                public void step(StepContext ctx) {
                    for (int r = 0; r < ctx.regionCount(); r++) ctx.set(demand, r, ctx.get(base, r));
                }
            }
            """;

    /** Compiles the model and packs it as a bundle. */
    static Path buildPlugin(Path dir) throws IOException, URISyntaxException {
        return TestPlugins.build(dir, "hydrogen", "HydrogenDemand", SOURCE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(String url) throws Exception {
        return JSON.toType(Http.get(url).body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static boolean hasModel(String api, String id) throws Exception {
        return ((List<Object>) get(api + "/models").get("models")).stream().anyMatch(m -> id.equals(((Map<String, Object>) m).get("id")));
    }

    @SuppressWarnings("unchecked")
    private static double world2030(String api, String variable, String... with) throws Exception {
        String request = "{\"scenario\": \"baseline\", \"variables\": [" + JSON.toJson(variable) + "]"
                + (with.length > 0 ? ", \"with\": " + JSON.toJson(List.of(with)) : "") + "}";
        Map<String, Object> run = JSON.toType(Http.post(api + "/run", request).body(), Map.class);
        List<Object> vars = (List<Object>) run.get("variables");
        if (vars.isEmpty()) return Double.NaN;
        List<Object> world = (List<Object>) ((List<Object>) ((Map<String, Object>) vars.get(0)).get("values")).get(0);
        return ((Number) world.get(6)).doubleValue();
    }

    private static void waitUntil(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 20 s: " + what);
            Thread.sleep(100);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    @Test
    void aModelJarDroppedIntoPluginsAppearsAndGoes() throws Exception {
        try (WorkbenchProcess w = WorkbenchProcess.start()) {
            String api = w.origin() + "/api";
            Path jar = buildPlugin(Files.createTempDirectory(w.home, "plugin-"));
            assertFalse(hasModel(api, "test.hydrogen"));
            double before = world2030(api, "Final Energy|Electricity");
            Object revision = get(api + "/status").get("revision");

            long t0 = System.nanoTime();
            Path tmp = w.home.resolve("hydrogen.jar.part");
            Files.copy(jar, tmp);
            Files.move(tmp, w.home.resolve("plugins/hydrogen.jar"), StandardCopyOption.ATOMIC_MOVE);
            waitUntil("the plugin's model is listed", () -> hasModel(api, "test.hydrogen"));
            System.out.printf("[workbench] a dropped plugin was listed after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertTrue(!revision.equals(get(api + "/status").get("revision")), "the page sees a new revision and refreshes");
            String models = Http.get(api + "/models").body();
            assertTrue(models.contains("\"location\":\"plugins/hydrogen.jar\""), models);
            // 500 TWh/yr in each of baseline's five regions; World is their sum
            assertEquals(2500, world2030(api, HYDROGEN, "test.hydrogen"), 1e-9);
            assertEquals(before + 2500, world2030(api, "Final Energy|Electricity", "test.hydrogen"), 1e-6,
                    "the new child raises the aggregate every other model reads");
            assertTrue(Double.isNaN(world2030(api, HYDROGEN)), "a canned scenario runs only its own models");
            assertEquals(before, world2030(api, "Final Energy|Electricity"), 1e-6, "baseline is unchanged by a plugin it does not name");

            Files.delete(w.home.resolve("plugins/hydrogen.jar"));
            waitUntil("the plugin's model is gone", () -> !hasModel(api, "test.hydrogen"));
            assertTrue(Double.isNaN(world2030(api, HYDROGEN)));
            assertEquals(before, world2030(api, "Final Energy|Electricity"), 1e-6);
        }
    }
}
