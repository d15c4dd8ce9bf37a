package etw.api.scenario;

import java.util.Map;

/**
 * Everything needed to reproduce a run: same scenario text, same bundle versions, same seed and the same
 * parameter values give bit-identical results.
 *
 * @param scenario       scenario name
 * @param scenarioSha256 SHA-256 of the scenario text (hex)
 * @param bundles        bundle symbolic name to version, for every bundle that contributed a model
 * @param parameters     {@code modelId/parameter} to the value used, as text (a number, per-region values or a
 *                       trajectory)
 * @param seed           the seed
 * @param runAt          when the run was made (ISO-8601 UTC); not part of what must be reproduced
 */
public record RunManifest(String scenario, String scenarioSha256, Map<String, String> bundles,
                          Map<String, String> parameters, long seed, String runAt) {
    public RunManifest {
        bundles = Map.copyOf(bundles);
        parameters = Map.copyOf(parameters);
    }
}
