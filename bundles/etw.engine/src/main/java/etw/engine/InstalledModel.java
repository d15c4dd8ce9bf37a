package etw.engine;

import java.util.Objects;

import etw.api.Model;

/**
 * A model together with the bundle that contributed it, so manifests and messages can name the bundle.
 *
 * @param model         the model
 * @param bundle        symbolic name of the contributing bundle ({@code "classpath"} outside OSGi)
 * @param bundleVersion version of that bundle
 * @param plugin        true if the bundle is a plugin (from {@code plugins/}), not part of the distribution: such a
 *                      model joins only the scenarios that name it, unless its author declared
 *                      {@link etw.api.ModelDescriptor#joinsByDefault()}
 */
public record InstalledModel(Model model, String bundle, String bundleVersion, boolean plugin) {
    public InstalledModel {
        Objects.requireNonNull(model);
        Objects.requireNonNull(bundle);
        Objects.requireNonNull(bundleVersion);
    }

    /** A model of the distribution. */
    public InstalledModel(Model model, String bundle, String bundleVersion) {
        this(model, bundle, bundleVersion, false);
    }

    /** A model found outside OSGi (tests, benchmarks), treated as part of the distribution. */
    public static InstalledModel onClasspath(Model model) {
        return new InstalledModel(model, "classpath", "0", false);
    }

    /** A model found outside OSGi, treated as a plugin. */
    public static InstalledModel pluginOnClasspath(Model model) {
        return new InstalledModel(model, "classpath", "0", true);
    }

    public String id() {
        return model.descriptor().id();
    }

    /** "id (bundle name version)", how messages name the model. */
    public String label() {
        return id() + " (bundle " + bundle + " " + bundleVersion + ")";
    }
}
