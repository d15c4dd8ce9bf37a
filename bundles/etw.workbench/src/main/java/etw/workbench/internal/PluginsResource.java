package etw.workbench.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

import etw.engine.InstalledModel;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/plugins} and {@code POST /api/plugins/{bundle id}/start|stop}: the bundles that give models and
 * every bundle installed from {@code plugins/}, each with its state, version, the models it contributes and why it
 * (or one of its models) was left out; jars that never became a bundle with their reason; and whether this request
 * may start and stop them. Starting and stopping is for requests from this machine only (a loopback address, no
 * proxy header), checked here on every request, whatever the page shows.
 */
final class PluginsResource {
    /** A line of the launcher's or the catalog's list of what was left out, and the place it names. */
    private static final Pattern PLUGIN_LINE = Pattern.compile("^(plugins/[^:]+): (.*)$", Pattern.DOTALL);
    private static final Pattern BUNDLE_LINE = Pattern.compile("^bundle (\\S+): (.*)$", Pattern.DOTALL);
    private static final Pattern QUARANTINE_LINE = Pattern.compile("^model \\S+ \\(bundle (\\S+) [^)]*\\) .*$", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("^/plugins/(\\d{1,18})/(start|stop)$");

    private final BundleContext context;
    private final Supplier<List<InstalledModel>> models;
    private final Supplier<List<String>> leftOut;
    private final Path plugins;
    /** Bundles stopped through this resource (by id), so they stay listed and their reason says so. */
    private final Set<Long> stoppedHere = ConcurrentHashMap.newKeySet();

    PluginsResource(BundleContext context, Supplier<List<InstalledModel>> models, Supplier<List<String>> leftOut, Path plugins) {
        this.context = context;
        this.models = models;
        this.leftOut = leftOut;
        this.plugins = plugins;
    }

    static boolean isControl(String path) {
        return CONTROL.matcher(path).matches();
    }

    /**
     * True if the request came straight from this machine: its peer is a loopback address and it carries no
     * {@code Forwarded} or {@code X-Forwarded-For} header (a proxy on this machine would otherwise pass for it).
     */
    static boolean fromLoopback(HttpServletRequest req) {
        if (req.getHeader("Forwarded") != null || req.getHeader("X-Forwarded-For") != null) return false;
        String a = req.getRemoteAddr();
        if (a == null || a.length() > 64 || !a.matches("\\[?[0-9A-Fa-f:.]+]?(%[A-Za-z0-9._-]+)?"))
            return false; // an address literal only, so nothing is looked up
        try {
            return InetAddress.getByName(a.startsWith("[") ? a.substring(1, a.length() - 1) : a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static final String STOPPED_HERE = "stopped from the workbench's Plugins view; start it there again, or restart the workbench";

    /**
     * The list of what was left out, told the truth about bundles stopped here: the launcher's "did not start" of
     * such a plugin becomes "stopped from the workbench's Plugins view", and a distribution bundle stopped here gets
     * a line of its own.
     */
    List<String> explain(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (Long id : stoppedHere) {
            Bundle b = context.getBundle(id);
            if (b == null || b.getState() == Bundle.ACTIVE) continue;
            String jar = ApiServlet.pluginJar(b.getLocation(), plugins);
            if (jar != null) {
                String prefix = "plugins/" + jar + ": ";
                out.removeIf(l -> l.startsWith(prefix) && l.endsWith("did not start"));
                out.add(prefix + STOPPED_HERE);
            } else {
                out.add("bundle " + b.getSymbolicName() + ": " + STOPPED_HERE);
            }
        }
        return out;
    }

    Responses.Plugins list(HttpServletRequest req, long revision) {
        Map<String, List<String>> modelsByBundle = new TreeMap<>();
        for (InstalledModel m : models.get()) modelsByBundle.computeIfAbsent(m.bundle(), k -> new ArrayList<>()).add(m.id());
        // what was left out, by the place it names: a plugin jar, a bundle, or neither
        Map<String, List<String>> byPlace = new LinkedHashMap<>();
        List<String> lines = leftOut.get();
        for (String line : lines) {
            Matcher p = PLUGIN_LINE.matcher(line), b = BUNDLE_LINE.matcher(line), q = QUARANTINE_LINE.matcher(line);
            if (p.matches()) byPlace.computeIfAbsent(p.group(1), k -> new ArrayList<>()).add(p.group(2));
            else if (b.matches()) byPlace.computeIfAbsent("bundle " + b.group(1), k -> new ArrayList<>()).add(b.group(2));
            else if (q.matches()) byPlace.computeIfAbsent("bundle " + q.group(1), k -> new ArrayList<>()).add(line);
            else byPlace.computeIfAbsent("", k -> new ArrayList<>()).add(line);
        }
        List<Responses.PluginBundle> installed = new ArrayList<>();
        List<Responses.BundleInfo> pluginBundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String name = String.valueOf(b.getSymbolicName());
            String jar = ApiServlet.pluginJar(b.getLocation(), plugins);
            boolean stopped = stoppedHere.contains(b.getBundleId());
            if (jar == null && !modelsByBundle.containsKey(name) && !stopped) continue;
            String location = jar != null ? "plugins/" + jar : "features";
            List<String> reasons = new ArrayList<>(byPlace.getOrDefault(location, List.of()));
            reasons.addAll(byPlace.getOrDefault("bundle " + name, List.of()));
            byPlace.remove(location);
            byPlace.remove("bundle " + name);
            String state = ApiServlet.state(b.getState());
            installed.add(new Responses.PluginBundle(b.getBundleId(), name, b.getVersion().toString(), state, location,
                    jar != null, modelsByBundle.getOrDefault(name, List.of()), reasons));
            if (jar != null) pluginBundles.add(new Responses.BundleInfo(name, b.getVersion().toString(), state, location));
        }
        installed.sort(Comparator.comparing(Responses.PluginBundle::plugin).reversed()
                .thenComparing(Responses.PluginBundle::symbolicName).thenComparingLong(Responses.PluginBundle::id));
        pluginBundles.sort(Comparator.comparing(Responses.BundleInfo::symbolicName));
        List<Responses.LeftOut> notInstalled = new ArrayList<>();
        byPlace.forEach((place, reasons) -> reasons.forEach(r -> notInstalled.add(new Responses.LeftOut(place, r))));
        boolean control = fromLoopback(req);
        return new Responses.Plugins(pluginBundles, lines, revision, installed, notInstalled, control, control
                ? "You may start and stop bundles: this request came from this machine."
                : "Starting and stopping bundles is allowed only from the machine the workbench runs on (a loopback address).");
    }

    /** Starts or stops the bundle the path names; 403 unless the request came from this machine. */
    Responses.BundleControl control(HttpServletRequest req, String path) throws ApiException {
        Matcher m = CONTROL.matcher(path);
        if (!m.matches()) throw ApiException.notFound("no API endpoint /api" + path);
        if (!fromLoopback(req))
            throw new ApiException(403, "starting and stopping bundles is allowed only from the machine the workbench runs on "
                    + "(a request from a loopback address such as 127.0.0.1, not through a proxy); this one came from "
                    + clip(req.getRemoteAddr()));
        long id = Long.parseLong(m.group(1));
        Bundle b = context.getBundle(id);
        if (b == null) throw ApiException.notFound("no bundle with id " + id + "; GET /api/plugins lists them");
        Set<String> listed = new java.util.HashSet<>();
        models.get().forEach(x -> listed.add(x.bundle()));
        boolean plugin = ApiServlet.pluginJar(b.getLocation(), plugins) != null;
        if (!plugin && !listed.contains(b.getSymbolicName()) && !stoppedHere.contains(id))
            throw new ApiException(403, "bundle " + id + " (" + b.getSymbolicName() + ") neither gives models nor comes from "
                    + "plugins/, so the Plugins view does not start or stop it");
        String action = m.group(2);
        try {
            if (action.equals("stop")) {
                stoppedHere.add(id);
                b.stop(Bundle.STOP_TRANSIENT); // until started again or the workbench restarts
            } else {
                b.start();
            }
        } catch (BundleException | IllegalStateException | SecurityException e) {
            throw new ApiException(409, "bundle " + b.getSymbolicName() + " " + b.getVersion() + " did not " + action + ": "
                    + clip(String.valueOf(e.getMessage())));
        }
        if (action.equals("start") && b.getState() == Bundle.ACTIVE) stoppedHere.remove(id);
        return new Responses.BundleControl(id, b.getSymbolicName(), ApiServlet.state(b.getState()), action);
    }

    private static String clip(String s) {
        if (s == null) return "an unknown address";
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
