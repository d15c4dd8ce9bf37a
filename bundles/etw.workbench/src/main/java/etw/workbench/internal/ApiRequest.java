package etw.workbench.internal;

import java.util.List;
import java.util.Map;

/**
 * The body of every POST: which scenario ({@code scenario}, a canned or saved name, or {@code text}, YAML), the
 * changes ({@code overrides} and {@code uncertainty}, in the forms of a scenario file; {@code with}: plugin ids
 * that join besides the scenario's models; {@code name}), and what each endpoint needs besides. Read by
 * {@link JsonSupport}: an unknown field or a wrong type is a 400 naming it.
 *
 * @param variables only these variables in the answer (run, ensemble)
 * @param samples   an ensemble's size; with {@code /api/export}, export an ensemble's percentiles
 * @param seed      an ensemble's seed
 * @param file      where {@code /api/scenarios/save} writes: {@code [a-z0-9-]{1,64}.yaml} in the workspace
 * @param preview   {@code /api/run} only: a quick preview for sliders, the hourly power balance on twelve
 *                  representative days instead of 8,760 hours (see {@link RunsResource#PREVIEW_DAYS})
 */
record ApiRequest(String scenario, String text, Map<String, Object> overrides, Map<String, Object> uncertainty,
                  List<String> with, String name, String description, List<String> variables, Integer samples,
                  Long seed, String file, Boolean overwrite, Boolean preview) {
    ApiRequest {
        overrides = overrides == null ? Map.of() : overrides;
        uncertainty = uncertainty == null ? Map.of() : uncertainty;
    }

    /** The body of a request that only names a scenario. */
    static ApiRequest of(String scenario) {
        return new ApiRequest(scenario, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    boolean previewOrFalse() {
        return Boolean.TRUE.equals(preview);
    }

    boolean overwriteOrFalse() {
        return Boolean.TRUE.equals(overwrite);
    }
}
