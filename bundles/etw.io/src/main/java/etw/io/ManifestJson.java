package etw.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import etw.api.scenario.RunManifest;

/**
 * Writes a run manifest as a small JSON document beside the exports it describes: every field of
 * {@link RunManifest}, maps with sorted keys except {@code models}, which keeps the step order. Written with the
 * CSV of the run ({@link RunFiles}), it also holds the CSV's SHA-256 ({@code csvSha256}), so a CSV and a manifest
 * of different runs are told apart.
 */
public final class ManifestJson {
    private ManifestJson() {
    }

    public static String toJson(RunManifest m) {
        return toJson(m, null);
    }

    /**
     * @param csvSha256 SHA-256 (hex) of the CSV written with the manifest, or {@code null} for none
     */
    public static String toJson(RunManifest m, String csvSha256) {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"runId\": ").append(quote(m.runId())).append(",\n");
        s.append("  \"scenario\": ").append(quote(m.scenario())).append(",\n");
        s.append("  \"scenarioSha256\": ").append(quote(m.scenarioSha256())).append(",\n");
        if (csvSha256 != null) s.append("  \"csvSha256\": ").append(quote(csvSha256)).append(",\n");
        s.append("  \"seed\": ").append(m.seed()).append(",\n");
        s.append("  \"runAt\": ").append(quote(m.runAt())).append(",\n");
        s.append("  \"files\": ");
        object(s, new TreeMap<>(m.files()));
        s.append(",\n  \"bundles\": ");
        object(s, new TreeMap<>(m.bundles()));
        s.append(",\n  \"models\": ");
        object(s, m.models());
        s.append(",\n  \"plugins\": ");
        array(s, m.plugins());
        s.append(",\n  \"parameters\": ");
        object(s, new TreeMap<>(m.parameters()));
        s.append(",\n  \"warnings\": ");
        array(s, m.warnings());
        return s.append("\n}\n").toString();
    }

    public static void write(RunManifest m, Path file) throws IOException {
        AtomicFile.write(file, out -> out.write(toJson(m)));
    }

    private static void object(StringBuilder s, Map<String, String> map) {
        s.append('{');
        String sep = "\n";
        for (Map.Entry<String, String> e : map.entrySet()) {
            s.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            sep = ",\n";
        }
        s.append(map.isEmpty() ? "}" : "\n  }");
    }

    private static void array(StringBuilder s, List<String> list) {
        s.append('[');
        String sep = "\n";
        for (String v : list) {
            s.append(sep).append("    ").append(quote(v));
            sep = ",\n";
        }
        s.append(list.isEmpty() ? "]" : "\n  ]");
    }

    static String quote(String v) {
        if (v == null) return "null";
        StringBuilder q = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
                        q.append(String.format("\\u%04x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }
}
