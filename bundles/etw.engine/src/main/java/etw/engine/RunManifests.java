package etw.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import etw.api.scenario.RunManifest;
import etw.api.scenario.Scenario;

/** Makes the manifest of a run: what is needed to reproduce it, and what the user should know about it. */
final class RunManifests {
    private RunManifests() {
    }

    /** @param runWarnings what the run itself showed (a shortfall, say), listed after the wiring's warnings */
    static RunManifest of(Wiring wiring, List<String> runWarnings) {
        Scenario scenario = wiring.scenario();
        Map<String, String> bundles = new TreeMap<>();
        Map<String, String> models = new LinkedHashMap<>();
        List<String> plugins = new ArrayList<>();
        for (InstalledModel m : wiring.order()) {
            bundles.put(m.bundle(), m.bundleVersion());
            models.put(m.id(), m.bundle());
            if (m.plugin()) plugins.add(m.label());
        }
        return new RunManifest(UUID.randomUUID().toString(), scenario.name(), wiring.scenarioHash(), scenario.files(),
                bundles, models, plugins, wiring.parameterText(), scenario.seed(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), concat(wiring.warnings(), runWarnings));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** SHA-256 of the scenario's canonical form, so the same resolved scenario hashes the same however it was made. */
    static String scenarioHash(Scenario s) {
        return sha256(CanonicalScenario.text(s));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
