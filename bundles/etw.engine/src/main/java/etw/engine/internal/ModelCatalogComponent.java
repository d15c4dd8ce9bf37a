package etw.engine.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

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
 * is invalid is left out and reported through {@link #problems()}, as is a model component that failed to
 * activate and a model quarantined after a hung step; none of them stops the others.
 */
@Component(service = ModelCatalog.class, immediate = true)
public final class ModelCatalogComponent implements ModelCatalog {
    private final Map<ServiceReference<Model>, InstalledModel> models = new ConcurrentHashMap<>();
    private final Map<ServiceReference<Model>, String> problems = new ConcurrentHashMap<>();
    private final Path features;
    private volatile ServiceComponentRuntime scr;

    /** Outside OSGi (tests): every model counts as part of the distribution. */
    ModelCatalogComponent() {
        this.features = null;
    }

    @Activate
    public ModelCatalogComponent(BundleContext context) {
        String home = context.getProperty("etw.home");
        this.features = home == null ? null : Path.of(home, "features").toAbsolutePath().normalize();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setScr(ServiceComponentRuntime runtime) {
        this.scr = runtime;
    }

    void unsetScr(ServiceComponentRuntime runtime) {
        if (this.scr == runtime) this.scr = null;
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
        List<String> all = new ArrayList<>(problems.values());
        all.addAll(failedComponents());
        all.addAll(Quarantine.describe());
        all.sort(null);
        return all;
    }

    /** Model components that SCR could not activate (a constructor or activate method threw), one line each. */
    private List<String> failedComponents() {
        ServiceComponentRuntime runtime = scr;
        if (runtime == null) return List.of();
        List<String> lines = new ArrayList<>();
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
            if (d.serviceInterfaces == null || !List.of(d.serviceInterfaces).contains(Model.class.getName())) continue;
            for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                if (c.state != ComponentConfigurationDTO.FAILED_ACTIVATION) continue;
                String failure = c.failure == null ? "" : c.failure.lines().findFirst().orElse("");
                lines.add("bundle " + d.bundle.symbolicName + ": component " + d.name + " failed to activate"
                        + (failure.isEmpty() ? "" : ": " + failure) + " (its constructor or activate method threw)");
            }
        }
        return lines;
    }

    @Override
    public List<InstalledModel> models() {
        return models.values().stream().sorted(Comparator.comparing(InstalledModel::id)).toList();
    }
}
