package etw.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import etw.api.scenario.RunManifest;

/** Writes a run manifest as a small JSON document, keys sorted, beside the exports it describes. */
public final class ManifestJson {
    private ManifestJson() {
    }

    public static String toJson(RunManifest m) {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"scenario\": ").append(quote(m.scenario())).append(",\n");
        s.append("  \"scenarioSha256\": ").append(quote(m.scenarioSha256())).append(",\n");
        s.append("  \"seed\": ").append(m.seed()).append(",\n");
        s.append("  \"runAt\": ").append(quote(m.runAt())).append(",\n");
        s.append("  \"bundles\": ");
        object(s, m.bundles());
        s.append(",\n  \"parameters\": ");
        object(s, m.parameters());
        return s.append("\n}\n").toString();
    }

    public static void write(RunManifest m, Path file) throws IOException {
        AtomicFile.write(file, out -> out.write(toJson(m)));
    }

    private static void object(StringBuilder s, Map<String, String> map) {
        s.append('{');
        String sep = "\n";
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            s.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            sep = ",\n";
        }
        s.append(map.isEmpty() ? "}" : "\n  }");
    }

    static String quote(String v) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }
}
