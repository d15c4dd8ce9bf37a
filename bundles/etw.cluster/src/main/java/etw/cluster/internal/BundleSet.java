package etw.cluster.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The bundles a process runs, each with its symbolic name, version, the SHA-256 of its jar and whether it is a
 * plugin (from {@code plugins/} or received from a coordinator): what members compare with their coordinator.
 */
final class BundleSet {
    /** Location prefix of the bundles a member installed from a coordinator. */
    static final String RECEIVED = "etw-cluster:";

    record Entry(String name, String version, String sha256, boolean plugin) {
        String label() {
            return name + " " + version;
        }
    }

    private final BundleContext context;
    /** bundle id + last modified to its entry: hashing a 17 MB jar takes time, bundles rarely change. */
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    BundleSet(BundleContext context) {
        this.context = context;
    }

    /**
     * The entries of every bundle but the framework's and the web workbench's, sorted by name and version. The
     * workbench feature (the web server, JSON, the page: {@code features/workbench/}) computes nothing, and
     * members ({@code etw node}) do not run it, so a workbench coordinating a cluster does not ask them for it.
     */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0 || b.getState() == Bundle.UNINSTALLED || webOnly(b)) continue;
            out.add(cache.computeIfAbsent(b.getBundleId() + "@" + b.getLastModified(), k -> entry(b)));
        }
        out.sort((a, c) -> a.label().compareTo(c.label()));
        return out;
    }

    /** A bundle of the distribution's {@code features/workbench/} folder. */
    private boolean webOnly(Bundle b) {
        Path jar = jar(b);
        Path folder = jar == null ? null : jar.getParent();
        return folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("workbench")
                && folder.getParent() != null && folder.getParent().getFileName() != null
                && folder.getParent().getFileName().toString().equals("features");
    }

    /** The jar a bundle came from, or null if it cannot be found (a bundle installed from a stream elsewhere). */
    Path jar(Bundle b) {
        String location = b.getLocation();
        try {
            if (location.startsWith("reference:")) location = location.substring("reference:".length());
            if (location.startsWith("file:")) return Path.of(URI.create(location));
            if (location.startsWith("etw-plugin:")) {
                String home = context.getProperty("etw.home");
                if (home != null) return Path.of(home, "plugins", location.substring("etw-plugin:".length()));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The jar of the bundle with this entry, for sending to a member that lacks it; null if not found. */
    Path jarOf(Entry e) {
        for (Bundle b : context.getBundles())
            if (b.getSymbolicName() != null && b.getSymbolicName().equals(e.name()) && b.getVersion().toString().equals(e.version())) {
                Path jar = jar(b);
                if (jar != null && Files.isRegularFile(jar)) return jar;
            }
        return null;
    }

    private Entry entry(Bundle b) {
        String location = b.getLocation();
        boolean plugin = location.startsWith("etw-plugin:") || location.startsWith(RECEIVED);
        String sha;
        if (location.startsWith(RECEIVED)) sha = location.substring(RECEIVED.length());
        else {
            Path jar = jar(b);
            String home = context.getProperty("etw.home");
            if (jar != null && home != null && jar.toAbsolutePath().normalize().getParent().equals(Path.of(home, "plugins").toAbsolutePath().normalize()))
                plugin = true;
            try {
                sha = jar != null && Files.isRegularFile(jar) ? sha256(jar) : "unknown:" + location;
            } catch (IOException e) {
                sha = "unreadable:" + location;
            }
        }
        return new Entry(String.valueOf(b.getSymbolicName()), b.getVersion().toString(), sha, plugin);
    }

    static String sha256(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) d.update(buffer, 0, n);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(DataOutput o, List<Entry> entries) throws IOException {
        o.writeInt(entries.size());
        for (Entry e : entries) {
            o.writeUTF(e.name());
            o.writeUTF(e.version());
            o.writeUTF(e.sha256());
            o.writeBoolean(e.plugin());
        }
    }

    static List<Entry> read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) throw new IOException("bad bundle count " + n);
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Entry(in.readUTF(), in.readUTF(), in.readUTF(), in.readBoolean()));
        return out;
    }

    /** How this process differs from the coordinator's bundles. */
    record Difference(List<Entry> missingPlugins, List<String> mismatches) {
        boolean matches() {
            return missingPlugins.isEmpty() && mismatches.isEmpty();
        }
    }

    /**
     * Compares the coordinator's bundles with these: a plugin the coordinator has and this process lacks can be
     * sent; any other bundle that is missing or differs in content makes this process unfit to compute. Extra
     * bundles here are allowed: the member computes only with models of the coordinator's bundles.
     */
    static Difference compare(List<Entry> coordinator, List<Entry> here) {
        List<Entry> missing = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Entry c : coordinator) {
            Entry same = null;
            for (Entry h : here) if (h.name().equals(c.name()) && h.version().equals(c.version())) same = h;
            if (same == null) {
                if (c.plugin()) missing.add(c);
                else mismatches.add("bundle " + c.label() + " is missing here");
            } else if (!same.sha256().equals(c.sha256())) {
                mismatches.add("bundle " + c.label() + " differs (SHA-256 " + abbreviate(same.sha256()) + " here, "
                        + abbreviate(c.sha256()) + " at the coordinator)");
            }
        }
        return new Difference(missing, mismatches);
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "..." : sha;
    }
}
