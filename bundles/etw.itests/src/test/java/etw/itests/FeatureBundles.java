package etw.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/** Installs a feature's bundles, the very jars the launcher's distribution carries, from the built tree. */
final class FeatureBundles {
    private FeatureBundles() {
    }

    static Option feature(String name) {
        Path dir = Path.of(System.getProperty("etw.features", "../../features"), name, "target", "bundles");
        try (Stream<Path> jars = Files.list(dir)) {
            return composite(jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .map(p -> bundle(p.toUri().toString())).toArray(Option[]::new));
        } catch (IOException e) {
            throw new IllegalStateException("feature " + name + " is not built (" + dir + "): run mvn verify from the root", e);
        }
    }
}
