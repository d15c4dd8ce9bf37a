package etw.engine.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Units;
import etw.engine.InstalledModel;
import etw.engine.ModelCatalog;
import etw.engine.Quarantine;

/**
 * Follows every {@link Model} service (the whiteboard) and remembers which bundle gave it, and whether that
 * bundle is a plugin (not installed from the distribution's {@code features/} folder). A model whose declaration
 * is invalid is left out and reported through {@link #problems()}, as is a model quarantined after a hung step;
 * none of them stops the others. (A component that fails to activate is reported by the launcher, which knows
 * the plugin jar it came from.)
 */
@Component(service = ModelCatalog.class, immediate = true)
public final class ModelCatalogComponent implements ModelCatalog {
    private final Map<ServiceReference<Model>, InstalledModel> models = new ConcurrentHashMap<>();
    private final Map<ServiceReference<Model>, String> problems = new ConcurrentHashMap<>();
    private final Path features;

    /** Outside OSGi (tests): every model counts as part of the distribution. */
    ModelCatalogComponent() {
        this.features = null;
    }

    @Activate
    public ModelCatalogComponent(BundleContext context) {
        String home = context.getProperty("etw.home");
        this.features = home == null ? null : Path.of(home, "features").toAbsolutePath().normalize();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(Model model, ServiceReference<Model> ref) {
        Bundle b = ref.getBundle();
        String bundle = b == null ? "unknown" : b.getSymbolicName();
        String invalid = invalidDeclaration(model);
        if (invalid != null) {
            problems.put(ref, "bundle " + bundle + ": " + invalid);
            return;
        }
        models.put(ref, new InstalledModel(model, bundle, b == null ? "0" : b.getVersion().toString(),
                b != null && isPlugin(b.getLocation())));
    }

    void removeModel(ServiceReference<Model> ref) {
        models.remove(ref);
        problems.remove(ref);
    }

    /** A bundle is a plugin unless it was installed from the distribution's features folder. */
    boolean isPlugin(String location) {
        if (features == null) return false;
        String url = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        try {
            return !Path.of(URI.create(url)).toAbsolutePath().normalize().startsWith(features);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException | SecurityException e) {
            return true; // not a file URL: installed from a stream, as the launcher installs plugins
        }
    }

    /** Why a model cannot take part in any scenario, or null. */
    static String invalidDeclaration(Model model) {
        ModelDescriptor d;
        try {
            d = model.descriptor();
        } catch (RuntimeException | LinkageError e) {
            return "model " + model.getClass().getName() + ": its descriptor() failed: " + e;
        }
        if (d == null) return "model " + model.getClass().getName() + ": descriptor() returned null";
        try {
            for (Input in : d.inputs()) Units.parse(in.unit());
            for (Output o : d.outputs()) Units.parse(o.unit());
        } catch (IllegalArgumentException e) {
            return "model " + d.id() + ": " + e.getMessage();
        }
        return null;
    }

    @Override
    public List<String> problems() {
        List<String> all = new java.util.ArrayList<>(problems.values());
        all.addAll(Quarantine.describe());
        all.sort(null);
        return all;
    }

    @Override
    public List<InstalledModel> models() {
        return models.values().stream().sorted(Comparator.comparing(InstalledModel::id)).toList();
    }
}
