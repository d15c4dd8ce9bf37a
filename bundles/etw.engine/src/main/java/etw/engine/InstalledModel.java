package etw.engine;

import java.util.Objects;

import etw.api.Model;

/**
 * A model together with the bundle that contributed it, so manifests and messages can name the bundle.
 *
 * @param model         the model
 * @param bundle        symbolic name of the contributing bundle ({@code "classpath"} outside OSGi)
 * @param bundleVersion version of that bundle
 */
public record InstalledModel(Model model, String bundle, String bundleVersion) {
    public InstalledModel {
        Objects.requireNonNull(model);
        Objects.requireNonNull(bundle);
        Objects.requireNonNull(bundleVersion);
    }

    /** A model found outside OSGi (tests, benchmarks). */
    public static InstalledModel onClasspath(Model model) {
        return new InstalledModel(model, "classpath", "0");
    }

    public String id() {
        return model.descriptor().id();
    }
}
