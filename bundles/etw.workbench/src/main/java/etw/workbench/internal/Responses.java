package etw.workbench.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the API answers: one record per response and part of one, written by {@link JsonSupport}. */
final class Responses {
    private Responses() {
    }

    record Error(String error) {
    }

    record Status(long revision) {
    }

    // ---------------------------------------------------------------- models and plugins

    record InputInfo(String variable, String unit, int lag, double initialValue, String description) {
    }

    record OutputInfo(String variable, String unit, String description) {
    }

    /** A parameter's declaration; {@code value} is the scenario's setting (a form of a scenario file), or null. */
    record ParameterInfo(String name, String unit, @JsonProperty("default") double defaultValue, double min, double max,
                         String description, String source, Object value) {
    }

    record ModelInfo(String id, String title, String description, String bundle, String bundleVersion, String state,
                     boolean plugin, List<InputInfo> inputs, List<OutputInfo> outputs, List<ParameterInfo> parameters) {
    }

    /** A bundle as the Models view shows it; {@code location} is {@code features} or {@code plugins/<jar>}. */
    record BundleInfo(String symbolicName, String version, String state, String location) {
    }

    /**
     * @param leftOut  what was left out and why: plugin jars the launcher did not start, models the catalog refused
     * @param problems the same list, under its former name
     */
    record Models(List<ModelInfo> models, List<BundleInfo> bundles, List<String> leftOut, List<String> problems,
                  long revision) {
    }

    /**
     * A bundle as the Plugins view shows it.
     *
     * @param id       the framework's bundle id, for {@code POST /api/plugins/{id}/start|stop}
     * @param location {@code features} or {@code plugins/<jar>}
     * @param models   the ids of the models it gives now
     * @param leftOut  why it, or one of its models, was left out (empty when all is well)
     */
    record PluginBundle(long id, String symbolicName, String version, String state, String location, boolean plugin,
                        List<String> models, List<String> leftOut) {
    }

    /** Something left out that is no bundle (a jar the launcher refused, say): {@code place} names it, or is empty. */
    record LeftOut(String place, String reason) {
    }

    /**
     * @param bundles      the bundles installed from plugins/ (the former answer, kept)
     * @param leftOut      every line of what was left out, as {@code /api/models} lists it
     * @param installed    model bundles and plugin bundles, plugins first, with their models and reasons
     * @param notInstalled what was left out and belongs to no installed bundle
     * @param control      whether this request may start and stop bundles (it came from this machine)
     */
    record Plugins(List<BundleInfo> bundles, List<String> leftOut, long revision, List<PluginBundle> installed,
                   List<LeftOut> notInstalled, boolean control, String controlNote) {
    }

    record BundleControl(long id, String symbolicName, String state, String action) {
    }

    /** @param perspectives where the page shows the view: {@code explore}, {@code model}, {@code plugins} */
    record ViewInfo(String id, String title, int order, String area, String module, List<String> perspectives) {
    }

    record Views(long revision, List<String> perspectives, List<ViewInfo> views) {
    }

    // ---------------------------------------------------------------- scenarios

    record ScenarioEntry(String name, String kind, String title, String parent, boolean labSheet) {
    }

    record ScenarioList(List<ScenarioEntry> scenarios, boolean canSave, List<String> warnings) {
    }

    record ScenarioModel(String id, String title, List<ParameterInfo> parameters) {
    }

    record ExogenousInfo(String variable, String unit, Object values) {
    }

    /** A scenario for the editor; {@code ref}, {@code text} and {@code labSheet} only for a named one. */
    record ScenarioView(String name, String description, List<String> regions, int firstYear, int lastYear, long seed,
                        List<String> with, List<ScenarioModel> models, Map<String, List<String>> unknownModels,
                        Map<String, Map<String, Object>> uncertainty, List<ExogenousInfo> exogenous, String ref,
                        String kind, String text, String labSheet) {
    }

    record Saved(String file, String name, String text) {
    }

    // ---------------------------------------------------------------- runs, ensembles, graph

    /** One variable's values: {@code [region][year]} for a run, {@code [percentile][region][year]} for an ensemble. */
    record VariableValues(String name, String unit, String producer, Object values) {
    }

    record Manifest(String runId, String scenario, String scenarioSha256, long seed, String runAt,
                    Map<String, String> bundles, Map<String, String> models, List<String> plugins,
                    Map<String, String> files, Map<String, String> parameters, List<String> warnings) {
    }

    /**
     * @param models   the models that took part, in step order
     * @param plugins  the plugins among them, "id (bundle version)"
     * @param warnings the wiring's warnings: plugins left out of this scenario and why, unread data, likely typos
     * @param leftOut  plugins left out of every scenario (see /api/models)
     */
    /**
     * @param preview null for a full run; for a quick preview (a request with {@code preview: true}), what was
     *                approximated and how to get the full run, in words the page shows
     * @param reused  true if the same request (scenario text, files, plugins, installed models) was answered from
     *                the workbench's few last runs instead of running again; the values are the same
     */
    record Run(String scenario, List<String> regions, int firstYear, int lastYear, int years, double runMs,
               List<VariableValues> variables, List<String> models, List<String> plugins, List<String> warnings,
               List<String> leftOut, Manifest manifest, String preview, boolean reused) {
    }

    record Ensemble(String scenario, int samples, double[] percentiles, List<String> regions, int firstYear,
                    int lastYear, double runMs, List<VariableValues> variables, List<String> leftOut) {
    }

    record GraphModel(String id, String title, String bundle, String bundleVersion, int step) {
    }

    record GraphVariable(String name, String unit, String producer) {
    }

    record WireInfo(String producer, String consumer, String variable, String readAs, int lag, double factor,
                    boolean aggregate) {
    }

    record Graph(String scenario, List<GraphModel> models, List<GraphVariable> variables, List<WireInfo> wires,
                 List<String> warnings) {
    }
}
