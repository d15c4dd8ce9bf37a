package etw.api.scenario;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to reproduce a run: the same scenario (by its canonical form), the same bundle versions, the
 * same seed and the same parameter values give bit-identical results.
 *
 * @param runId          a random id of this run, written into every file of the run so a CSV and its manifest
 *                       can be told to belong together
 * @param scenario       scenario name
 * @param scenarioSha256 SHA-256 (hex) of the scenario's canonical form: the same resolved scenario hashes the same
 *                       whether it was read from a file, saved and reloaded, or built in code
 * @param files          files the scenario was read from (scenario files, data files), path to SHA-256
 * @param bundles        bundle symbolic name to version, for every bundle that contributed a model
 * @param models         id of every model that took part to its bundle symbolic name, in step order
 * @param plugins        the models that took part from plugins (not from the distribution), "id (bundle version)"
 * @param parameters     {@code modelId/parameter} to the value used, as text (a number, per-region values or a
 *                       trajectory)
 * @param seed           the seed
 * @param runAt          when the run was made (ISO-8601 UTC); not part of what must be reproduced
 * @param warnings       what the user should know about the run: plugins left out and why, unused exogenous
 *                       data, likely typos; empty if none
 */
public record RunManifest(String runId, String scenario, String scenarioSha256, Map<String, String> files,
                          Map<String, String> bundles, Map<String, String> models, List<String> plugins,
                          Map<String, String> parameters, long seed, String runAt, List<String> warnings) {
    public RunManifest {
        files = Map.copyOf(files);
        bundles = Map.copyOf(bundles);
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        plugins = List.copyOf(plugins);
        parameters = Map.copyOf(parameters);
        warnings = List.copyOf(warnings);
    }
}
