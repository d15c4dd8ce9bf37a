package etw.workbench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.engine.InstalledModel;

/**
 * {@code GET /api/models}: the installed models with their declarations, the model
 * and plugin bundles, and what was left out with its reason (as {@code etw models} lists it).
 */
final class ModelsResource {
    private final Supplier<List<InstalledModel>> models;
    private final Supplier<List<Responses.BundleInfo>> bundles;
    private final Supplier<List<String>> leftOut;

    /**
     * @param bundles the bundles the Models view lists (model bundles and plugins)
     * @param leftOut one line per plugin or model left out, with the reason
     */
    ModelsResource(Supplier<List<InstalledModel>> models, Supplier<List<Responses.BundleInfo>> bundles,
                   Supplier<List<String>> leftOut) {
        this.models = models;
        this.bundles = bundles;
        this.leftOut = leftOut;
    }

    Responses.Models models(long revision) {
        Map<String, Responses.BundleInfo> byName = new TreeMap<>();
        List<Responses.BundleInfo> all = bundles.get();
        all.forEach(b -> byName.putIfAbsent(b.symbolicName(), b));
        List<Responses.ModelInfo> list = new ArrayList<>();
        for (InstalledModel m : models.get()) {
            ModelDescriptor d = m.model().descriptor();
            List<Responses.InputInfo> inputs = new ArrayList<>();
            for (Input in : d.inputs())
                inputs.add(new Responses.InputInfo(in.variable(), in.unit(), in.lag(), in.initialValue(), in.description()));
            List<Responses.OutputInfo> outputs = new ArrayList<>();
            for (Output out : d.outputs()) outputs.add(new Responses.OutputInfo(out.variable(), out.unit(), out.description()));
            List<Responses.ParameterInfo> params = new ArrayList<>();
            for (Parameter p : d.parameters()) params.add(ValueForms.parameter(p, null));
            Responses.BundleInfo b = byName.get(m.bundle());
            list.add(new Responses.ModelInfo(d.id(), d.title(), d.description(), m.bundle(), m.bundleVersion(),
                    b == null ? "ACTIVE" : b.state(), m.plugin(), inputs, outputs, params));
        }
        List<String> left = leftOut.get();
        return new Responses.Models(list, all, left, left, revision);
    }

    List<String> leftOut() {
        return leftOut.get();
    }
}
