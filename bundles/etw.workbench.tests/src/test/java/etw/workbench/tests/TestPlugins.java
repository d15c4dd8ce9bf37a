package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import etw.api.Model;

/**
 * Makes plugin bundles the way a plugin author's build would: one model class compiled against etw.api, a
 * Declarative Services descriptor, a manifest. Tests drop them into a running workbench's plugins/.
 */
final class TestPlugins {
    private TestPlugins() {
    }

    /**
     * Compiles {@code source} (a class {@code className} in package {@code test.<name>} implementing Model) and
     * packs it as bundle {@code test.<name>} into {@code dir/<name>.jar}.
     */
    static Path build(Path dir, String name, String className, String source) throws IOException, URISyntaxException {
        String pkg = "test." + name;
        Path src = dir.resolve("src/test/" + name + "/" + className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = dir.resolve("classes-" + name);
        Files.createDirectories(classes);
        String api = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-proc:none", "-cp", api, "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "the test plugin " + name + " compiles");
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%1$s.%2$s">
                  <implementation class="%1$s.%2$s"/>
                  <service><provide interface="etw.api.Model"/></service>
                </scr:component>
                """.formatted(pkg, className);
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", pkg);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "etw.api;version=\"[2.0,3)\"");
        a.putValue("Service-Component", "OSGI-INF/" + pkg + ".xml");
        a.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.3.0)(!(version>=2.0.0)))\"");
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.putNextEntry(new JarEntry("OSGI-INF/" + pkg + ".xml"));
            out.write(component.getBytes(StandardCharsets.UTF_8));
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(f));
                }
            }
        }
        return jar;
    }

    /** Moves a jar into plugins/ in one step, as a careful user (or a deployment tool) would. */
    static void drop(WorkbenchProcess w, Path jar) throws IOException {
        Path tmp = w.home.resolve(jar.getFileName() + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, w.home.resolve("plugins").resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A model with one output of the given unit, and optional statements in its constructor and step. */
    static String model(String name, String className, String output, String unit, String inConstructor, String inStep) {
        return """
                package test.%1$s;

                import etw.api.Model;
                import etw.api.ModelDescriptor;
                import etw.api.Output;
                import etw.api.StepContext;

                public final class %2$s implements Model {
                    private final ModelDescriptor descriptor;
                    private final Output out;

                    public %2$s() {
                        %5$s
                        ModelDescriptor.Builder b = ModelDescriptor.builder("test.%1$s", "A test plugin (%1$s)");
                        out = b.output("%3$s", "%4$s", "a test output");
                        descriptor = b.build();
                    }

                    public ModelDescriptor descriptor() { return descriptor; }

                    public void step(StepContext ctx) {
                        %6$s
                        for (int r = 0; r < ctx.regionCount(); r++) ctx.set(out, r, 1.0);
                    }
                }
                """.formatted(name, className, output, unit, inConstructor, inStep);
    }
}
