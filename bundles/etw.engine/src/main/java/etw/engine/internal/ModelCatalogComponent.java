package etw.engine.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
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

/**
 * Follows every {@link Model} service (the whiteboard) and remembers which bundle gave it. A model whose
 * declaration is invalid is left out and reported through {@link #problems()}; it never stops the others.
 */
@Component(service = ModelCatalog.class, immediate = true)
public final class ModelCatalogComponent implements ModelCatalog {
    private final Map<ServiceReference<Model>, InstalledModel> models = new ConcurrentHashMap<>();
    private final Map<ServiceReference<Model>, String> problems = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(Model model, ServiceReference<Model> ref) {
        Bundle b = ref.getBundle();
        String bundle = b == null ? "unknown" : b.getSymbolicName();
        String invalid = invalidDeclaration(model);
        if (invalid != null) {
            String line = "bundle " + bundle + ": " + invalid;
            problems.put(ref, line);
            System.err.println("etw: warning: model left out: " + line);
            return;
        }
        models.put(ref, new InstalledModel(model, bundle, b == null ? "0" : b.getVersion().toString()));
    }

    void removeModel(ServiceReference<Model> ref) {
        models.remove(ref);
        problems.remove(ref);
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
        return problems.values().stream().sorted().toList();
    }

    @Override
    public List<InstalledModel> models() {
        return models.values().stream().sorted(Comparator.comparing(InstalledModel::id)).toList();
    }
}
