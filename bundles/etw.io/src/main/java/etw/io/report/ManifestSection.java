package etw.io.report;

import static etw.io.report.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.api.scenario.RunManifest;

/**
 * The run manifest of every result: hash, seed, run id, plugins, warnings, bundles and parameters of the main
 * scenario, and what differs in each comparison.
 */
final class ManifestSection implements Section {
    @Override
    public void write(StringBuilder h, ReportInput in) {
        List<Result> results = in.results();
        EnsembleResult ens = in.ensemble();
        h.append("<section class=\"manifest\" id=\"manifest\">\n<h2>Run manifest</h2>\n");
        h.append("<p class=\"meta\">Same scenario text (hash), bundle versions, seed and parameters give "
                + "bit-identical results.</p>\n");
        RunManifest m = results.get(0).manifest();
        manifestFacts(h, results.get(0));
        h.append("<h3>Bundles</h3>\n");
        Map<String, String> bundles = new TreeMap<>(m.bundles());
        if (bundles.isEmpty()) {
            h.append("<p class=\"note\">No bundles recorded.</p>\n");
        } else {
            h.append("<table class=\"bundles\">\n<thead><tr><th>Bundle</th><th>Version</th></tr></thead>\n<tbody>\n");
            bundles.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v))
                    .append("</td></tr>\n"));
            h.append("</tbody>\n</table>\n");
        }
        h.append("<h3>Parameters</h3>\n");
        if (m.parameters().isEmpty()) {
            h.append("<p class=\"note\">No parameters recorded.</p>\n");
        } else {
            // grouped by model: the part of the key before the last '/'
            Map<String, Map<String, String>> byModel = new TreeMap<>();
            new TreeMap<>(m.parameters()).forEach((k, v) -> {
                int slash = k.lastIndexOf('/');
                String model = slash < 0 ? "" : k.substring(0, slash);
                byModel.computeIfAbsent(model, x -> new TreeMap<>()).put(k.substring(slash + 1), v);
            });
            byModel.forEach((model, params) -> {
                h.append("<table class=\"parameters\">\n<colgroup><col class=\"key\"/><col/></colgroup>\n")
                        .append("<thead><tr><th colspan=\"2\">").append(model.isEmpty() ? "(no model)" : esc(model))
                        .append("</th></tr></thead>\n<tbody>\n");
                params.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>")
                        .append(parameterValue(v)).append("</td></tr>\n"));
                h.append("</tbody>\n</table>\n");
            });
        }

        for (int i = 1; i < results.size(); i++) {
            Result c = results.get(i);
            h.append("<h3>").append(esc("Comparison: " + c.scenario().name())).append("</h3>\n");
            manifestFacts(h, c);
            differences(h, "Bundles", m.bundles(), c.manifest().bundles(), results.get(0).scenario().name(),
                    c.scenario().name());
            differences(h, "Parameters", m.parameters(), c.manifest().parameters(), results.get(0).scenario().name(),
                    c.scenario().name());
        }
        if (ens != null) {
            h.append("<h3>Ensemble</h3>\n<p>").append(esc(ens.samples() + " samples of " + ens.scenario().name()
                    + ", seed " + ens.scenario().seed() + ", years " + ens.scenario().firstYear() + "\u2013"
                    + ens.scenario().lastYear() + "; " + ens.variables().size() + " variables.")).append("</p>\n");
        }
        h.append("</section>\n");
    }

    /** A parameter value as markup: per-region values ({@code A=1; B=2}) one region a line. */
    private static String parameterValue(String v) {
        StringBuilder b = new StringBuilder("<code>");
        String[] parts = v.split("; ", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append("<br/>");
            b.append(esc(parts[i]));
        }
        return b.append("</code>").toString();
    }

    private static void manifestFacts(StringBuilder h, Result r) {
        RunManifest m = r.manifest();
        h.append("<table class=\"manifest-facts\">\n<tbody>\n");
        h.append("<tr><th>Scenario</th><td>").append(esc(m.scenario())).append("</td></tr>\n");
        h.append("<tr><th>Scenario SHA-256</th><td class=\"hash\">").append(esc(m.scenarioSha256())).append("</td></tr>\n");
        h.append("<tr><th>Seed</th><td>").append(m.seed()).append("</td></tr>\n");
        h.append("<tr><th>Run at</th><td>").append(esc(m.runAt())).append("</td></tr>\n");
        h.append("<tr><th>Run id</th><td class=\"hash\">").append(esc(m.runId())).append("</td></tr>\n");
        h.append("<tr><th>Plugins</th><td>").append(esc(m.plugins().isEmpty() ? "none" : String.join(", ", m.plugins())))
                .append("</td></tr>\n");
        for (String w : m.warnings()) h.append("<tr><th>Warning</th><td>").append(esc(w)).append("</td></tr>\n");
        if (!r.scenario().source().isEmpty())
            h.append("<tr><th>Source</th><td><code>").append(esc(r.scenario().source())).append("</code></td></tr>\n");
        h.append("</tbody>\n</table>\n");
    }

    private static void differences(StringBuilder h, String what, Map<String, String> main, Map<String, String> other,
                                    String mainName, String otherName) {
        TreeSet<String> keys = new TreeSet<>(main.keySet());
        keys.addAll(other.keySet());
        List<String> differing = new ArrayList<>();
        for (String k : keys) if (!Objects.equals(main.get(k), other.get(k))) differing.add(k);
        if (differing.isEmpty()) {
            h.append("<p>").append(esc(what + ": the same as " + mainName + ".")).append("</p>\n");
            return;
        }
        h.append("<table class=\"differences\">\n<caption>").append(esc(what + " that differ from " + mainName))
                .append("</caption>\n<thead><tr><th>").append(esc(what.equals("Bundles") ? "Bundle" : "Parameter"))
                .append("</th><th>").append(esc(mainName)).append("</th><th>").append(esc(otherName))
                .append("</th></tr></thead>\n<tbody>\n");
        for (String k : differing) {
            h.append("<tr><td>").append(esc(k)).append("</td><td>").append(parameterValue(main.getOrDefault(k, "\u2014")))
                    .append("</td><td>").append(parameterValue(other.getOrDefault(k, "\u2014"))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }
}
