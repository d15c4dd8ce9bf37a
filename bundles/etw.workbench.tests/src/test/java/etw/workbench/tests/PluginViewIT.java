package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.json.Json;

import etw.workbench.WorkbenchView;

/**
 * A plugin adds views to perspectives with nothing but a {@link WorkbenchView} service and the service property
 * {@code etw.workbench.perspective}: one view names Explore and lands there, one names nothing and lands in Model.
 * The plugin is compiled here against the workbench's view API and dropped into plugins/ of a running workbench.
 */
class PluginViewIT {
    private static final Json JSON = new Json();

    private static final String VIEW = """
            package test.views;

            import java.net.URL;

            public class %1$s implements etw.workbench.WorkbenchView {
                public String id() { return "test.views.%2$s"; }
                public String title() { return "%3$s"; }
                public URL resource(String path) { return getClass().getResource("/web/%2$s/" + path); }
            }
            """;

    private static final String MODULE = """
            export default { mount(el, wb) { el.innerHTML = '<p class="from-plugin">%s drawn by a plugin</p>'; } };
            """;

    static Path build(Path dir) throws Exception {
        Path src = dir.resolve("src/test/views");
        Files.createDirectories(src);
        Files.writeString(src.resolve("ExploreHint.java"), VIEW.formatted("ExploreHint", "hint", "Hint"));
        Files.writeString(src.resolve("Notes.java"), VIEW.formatted("Notes", "notes", "Notes"));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        String api = Path.of(WorkbenchView.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "17", "-proc:none", "-cp", api, "-d", classes.toString(),
                src.resolve("ExploreHint.java").toString(), src.resolve("Notes.java").toString()));
        String hint = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.views.hint">
                  <implementation class="test.views.ExploreHint"/>
                  <property name="etw.workbench.perspective" type="String" value="explore"/>
                  <service><provide interface="etw.workbench.WorkbenchView"/></service>
                </scr:component>
                """;
        String notes = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.views.notes">
                  <implementation class="test.views.Notes"/>
                  <service><provide interface="etw.workbench.WorkbenchView"/></service>
                </scr:component>
                """;
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.views");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "etw.workbench;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/hint.xml,OSGI-INF/notes.xml");
        a.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.3.0)(!(version>=2.0.0)))\"");
        Path jar = dir.resolve("views.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            for (var e : Map.of("OSGI-INF/hint.xml", hint, "OSGI-INF/notes.xml", notes,
                    "web/hint/view.js", MODULE.formatted("A hint"), "web/notes/view.js", MODULE.formatted("Notes")).entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (String c : List.of("ExploreHint", "Notes")) {
                out.putNextEntry(new JarEntry("test/views/" + c + ".class"));
                out.write(Files.readAllBytes(classes.resolve("test/views/" + c + ".class")));
            }
        }
        return jar;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPluginViewLandsInThePerspectiveItNames() throws Exception {
        try (WorkbenchProcess w = WorkbenchProcess.start(); Chromium browser = Chromium.start()) {
            TestPlugins.drop(w, build(Files.createTempDirectory(w.home, "views-")));
            String api = w.origin() + "/api";
            long deadline = System.currentTimeMillis() + 30_000;
            Map<String, Object> views = Map.of();
            while (System.currentTimeMillis() < deadline) {
                views = JSON.toType(Http.get(api + "/views").body(), Map.class);
                if (views.toString().contains("test.views.notes") && views.toString().contains("test.views.hint")) break;
                Thread.sleep(300);
            }
            Map<String, List<String>> perspectives = new java.util.HashMap<>();
            for (Map<String, Object> v : (List<Map<String, Object>>) views.get("views"))
                perspectives.put((String) v.get("id"), (List<String>) v.get("perspectives"));
            assertEquals(List.of("explore"), perspectives.get("test.views.hint"), views.toString());
            assertEquals(List.of("model"), perspectives.get("test.views.notes"), "a view that names none lands in Model");

            browser.driver.get(w.url + "?scenario=baseline&perspective=explore");
            By hint = By.id("tab-test.views.hint"), notes = By.id("tab-test.views.notes");
            browser.waiting(60).until(d -> !d.findElements(hint).isEmpty() && d.findElement(hint).isDisplayed());
            assertFalse(browser.driver.findElement(notes).isDisplayed(), "Notes is not in Explore");
            browser.driver.findElement(hint).click();
            browser.waiting(20).until(d -> d.findElement(By.id("view-test.views.hint")).getText().contains("A hint drawn by a plugin"));
            browser.screenshot("perspectives-plugin-view");
            browser.driver.findElement(By.id("perspective-model")).click();
            browser.waiting(20).until(d -> d.findElement(notes).isDisplayed() && !d.findElement(hint).isDisplayed());
            browser.driver.findElement(notes).click();
            browser.waiting(20).until(d -> d.findElement(By.id("view-test.views.notes")).getText().contains("Notes drawn by a plugin"));
            assertTrue(browser.driver.getCurrentUrl().contains("perspective=model"));
        }
    }
}
