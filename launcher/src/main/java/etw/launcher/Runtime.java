package etw.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.fileinstall.ArtifactUrlTransformer;
import org.apache.felix.fileinstall.internal.FileInstall;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.log.LogService;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A running framework with the distribution's bundles: every jar of the chosen {@code features/*} folders, then
 * every jar of {@code plugins/}. A plugin that cannot be installed or started is left out and named with its reason
 * in {@link #problems()} (which {@code etw models} and the workbench show); the rest carries on. Framework, SCR and
 * FileInstall logging goes to a log file, never to the console; the console gets one line per problem.
 * <p>
 * Two ways to load plugins: for a one-shot command, every jar is installed once at start, then every one is started
 * (so a plugin may need a jar that sorts after it). In long-running mode ({@code watchMillis > 0}) Apache Felix
 * FileInstall watches {@code plugins/}, installing, updating and removing bundles as their jars come and go; ETW
 * only vets each jar before FileInstall installs it (not a jar, not a bundle, calls to exit) and explains the
 * bundles that do not run.
 */
public final class Runtime implements AutoCloseable {
    /** Features every command needs. */
    static final List<String> BASE_FEATURES = Features.BASE;
    private static final long SERVICE_TIMEOUT_MS = 10_000;
    private static final String ONE_SHOT_LOCATION = "etw-plugin:";
    private static final Pattern FILTER_VALUE = Pattern.compile("\\((osgi\\.wiring\\.package|osgi\\.wiring\\.bundle|osgi\\.identity|osgi\\.ee)=([^)]*)\\)");

    private final Framework framework;
    private final PrintStream log;
    private final Path plugins;
    private final FrameworkLog frameworkLog;
    private final boolean watching;
    /** Plugin jar file name to why it was not installed (vetted out, or the framework refused it). */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    /** Plugin jar file name to why its bundle did not start, as it was found when it was started. */
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();
    /** Bundle id to the problems SCR reported for its components (failed to activate, ...). */
    private final Map<Long, Set<String>> componentProblems = new ConcurrentHashMap<>();
    private FileInstall fileInstall;

    private Runtime(Framework framework, PrintStream log, Path plugins, FrameworkLog frameworkLog, boolean watching) {
        this.framework = framework;
        this.log = log;
        this.plugins = plugins.toAbsolutePath().normalize();
        this.frameworkLog = frameworkLog;
        this.watching = watching;
    }

    /** A one-shot runtime: plugins are installed once. */
    public static Runtime start(Path home, Path cache, PrintStream log, List<String> features, Map<String, String> properties)
            throws LaunchException {
        return start(home, cache, log, features, properties, 0);
    }

    /**
     * Boots Felix with its cache in {@code cache} and starts the bundles of the given features and of
     * {@code home/plugins}.
     *
     * @param properties extra framework properties (for example the HTTP port of the workbench); {@code etw.log}
     *        names the log file (default: {@code etw.log} in the cache folder)
     * @param watchMillis 0 to install the plugins once; else FileInstall watches {@code plugins/} at this period
     */
    public static Runtime start(Path home, Path cache, PrintStream log, List<String> features, Map<String, String> properties,
            long watchMillis) throws LaunchException {
        return start(home, cache, log, features, properties, watchMillis, null);
    }

    /**
     * A one-shot runtime in a kept framework cache: the bundles a start of the same distribution installed there
     * are reused (no install, no copy, no delete), after a check that they are exactly the features' jars; plugins
     * are installed afresh every time. A cache that does not pass the check is emptied and filled again.
     */
    static Runtime startKept(Path home, Caches.Slot slot, PrintStream log, List<String> features, Map<String, String> properties)
            throws LaunchException {
        if (slot.reusable()) {
            try {
                return start(home, slot.folder(), log, features, properties, 0, slot);
            } catch (StaleCache e) {
                // installed from other jars than the fingerprint says (a cache written by hand, or half-written): start afresh
            }
        }
        slot.forget();
        Runtime runtime = start(home, slot.folder(), log, features, properties, 0, slot.afresh());
        slot.remember();
        return runtime;
    }

    /**
     * What a kept cache's bundles depend on: the framework's version, and the path, size and time of every jar of
     * the features, in install order. Plugins are not part of it: they are installed afresh by every start.
     */
    static String fingerprint(Path home, List<String> features) throws IOException {
        StringBuilder b = new StringBuilder("felix ").append(frameworkVersion()).append('\n');
        for (String feature : features) {
            Path dir = home.resolve("features").resolve(feature);
            if (!Files.isDirectory(dir)) continue; // start() reports the missing folder
            for (Path jar : Features.jars(dir))
                b.append(jar.toUri()).append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
        }
        return b.toString();
    }

    /** A kept cache whose bundles are not the features' jars. */
    private static final class StaleCache extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleCache() {
            super(null, null, false, false);
        }
    }

    private static Runtime start(Path home, Path cache, PrintStream log, List<String> features, Map<String, String> properties,
            long watchMillis, Caches.Slot kept) throws LaunchException {
        boolean reuse = kept != null && kept.reusable();
        Path plugins = home.resolve("plugins").toAbsolutePath().normalize();
        FrameworkLog frameworkLog = new FrameworkLog(Path.of(properties.getOrDefault("etw.log", cache.resolve("etw.log").toString())), log);
        Map<String, Object> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        // a kept cache's bundles are reused as they are; any other cache starts empty
        if (!reuse) config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "2"); // errors and warnings, into the log file
        config.put("felix.log.logger", frameworkLog.felixLogger());
        String extra = properties.get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA);
        // the OSGi log API comes from the launcher's class path, so SCR and FileInstall log through FrameworkLog
        String extras = "org.osgi.service.log;version=1.4.0" + (extra == null ? "" : "," + extra);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extras);
        // the JDK packages the system bundle exports, as Felix computed them on an earlier start (SystemPackages)
        Path known = properties.containsKey(Constants.FRAMEWORK_SYSTEMPACKAGES) ? null
                : SystemPackages.file(systemPackagesFolder(properties), frameworkVersion(), extras);
        String exports = SystemPackages.read(known);
        if (exports != null) {
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES, exports); // the whole header, extras included
            config.remove(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA);
        }
        config.put("etw.home", home.toString());
        if (watchMillis > 0) {
            config.put("felix.fileinstall.dir", plugins.toString());
            config.put("felix.fileinstall.poll", Long.toString(watchMillis));
            config.put("felix.fileinstall.noInitialDelay", "true");
            config.put("felix.fileinstall.filter", ".*\\.jar");
            config.put("felix.fileinstall.log.level", "3");
            config.put("felix.fileinstall.bundles.new.start", "true");
            config.put("felix.fileinstall.bundles.startTransient", "true");
            config.put("felix.fileinstall.enableConfigSave", "false");
            config.put("felix.fileinstall.tmpdir", cache.resolve("fileinstall").toString());
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/ is incomplete)", null));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Framework fw = factory.newFramework((Map) config);
        Runtime runtime = new Runtime(fw, log, plugins, frameworkLog, watchMillis > 0);
        try {
            fw.init();
            if (exports == null) SystemPackages.write(known, fw.getHeaders().get(Constants.EXPORT_PACKAGE));
            BundleContext system = fw.getBundleContext();
            system.registerService(new String[] {LoggerFactory.class.getName(), LogService.class.getName()}, frameworkLog, null);
            frameworkLog.describeBundlesWith(b -> runtime.pluginName(b) != null ? "plugin " + runtime.pluginName(b) : "bundle " + b.getSymbolicName());
            frameworkLog.onComponentProblem((b, problem) ->
                    runtime.componentProblems.computeIfAbsent(b.getBundleId(), id -> ConcurrentHashMap.newKeySet()).add(problem));
            frameworkLog.onFileInstallProblem(runtime::fileInstallProblem);
            system.addBundleListener(runtime::bundleChanged);
            List<String> locations = new ArrayList<>();
            for (String feature : features) {
                Path dir = home.resolve("features").resolve(feature);
                if (!Files.isDirectory(dir))
                    throw new LaunchException("feature folder " + dir + " is missing; rebuild with mvn package", null);
                // by reference: the framework reads the jar in place instead of copying it into its cache
                for (Path jar : Features.jars(dir)) locations.add("reference:" + jar.toUri());
            }
            List<Bundle> bundles = new ArrayList<>();
            if (reuse) {
                bundles = reusedBundles(system, locations);
                if (bundles == null) throw new IllegalStateException("the kept cache holds other bundles than the features'");
            } else {
                for (String location : locations) bundles.add(system.installBundle(location));
            }
            fw.start();
            for (Bundle b : bundles) runtime.startFeatureBundle(b);
            runtime.registerProblems();
            if (watchMillis > 0) {
                routeJavaLogging(frameworkLog);
                runtime.startFileInstall();
            }
            else runtime.installPluginsOnce();
            return runtime;
        } catch (StaleCache e) {
            throw e;
        } catch (Exception e) {
            if (reuse) { // a kept cache that fails is emptied and filled again before any failure is reported
                frameworkLog.write("WARN", "etw", "the kept framework cache " + cache + " did not start; starting afresh", e);
                runtime.close();
                throw new StaleCache();
            }
            if (e instanceof BundleException || e instanceof IOException) {
                frameworkLog.write("ERROR", "etw", "the framework failed to start", e);
                runtime.close();
                throw new LaunchException("the framework failed to start: " + e.getMessage() + "; details in " + frameworkLog.file(), e);
            }
            frameworkLog.write("ERROR", "etw", "the plugin watcher failed to start", e);
            runtime.close();
            throw new LaunchException("the plugin watcher failed to start: " + e + "; details in " + frameworkLog.file(), e);
        }
    }

    /**
     * The bundles a kept cache holds, in the order of {@code locations}, after uninstalling the plugins an earlier
     * command left there; null unless they are exactly the bundles at {@code locations}.
     */
    private static List<Bundle> reusedBundles(BundleContext system, List<String> locations) throws BundleException {
        Map<String, Bundle> byLocation = new HashMap<>();
        for (Bundle b : system.getBundles()) {
            if (b.getBundleId() == 0) continue;
            if (b.getLocation().startsWith(ONE_SHOT_LOCATION)) b.uninstall();
            else byLocation.put(b.getLocation(), b);
        }
        if (!byLocation.keySet().equals(new java.util.HashSet<>(locations)) || byLocation.size() != locations.size()) return null;
        List<Bundle> bundles = new ArrayList<>();
        for (String location : locations) bundles.add(byLocation.get(location));
        return bundles;
    }

    /** Beside the log file ({@code etw.log}, in ETW's cache folder), or nowhere if no log file is named. */
    private static Path systemPackagesFolder(Map<String, String> properties) {
        String log = properties.get("etw.log");
        return log == null ? null : Path.of(log).toAbsolutePath().getParent();
    }

    /** The Felix framework's version (its jar's manifest), part of the key of {@link SystemPackages}. */
    private static String frameworkVersion() {
        Package p = org.apache.felix.framework.Felix.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v != null ? v : String.valueOf(org.apache.felix.framework.Felix.class.getProtectionDomain().getCodeSource());
    }

    /** The version of the installed bundle with this symbolic name, or null: for tests. */
    String bundleVersion(String symbolicName) {
        for (Bundle b : framework.getBundleContext().getBundles())
            if (symbolicName.equals(b.getSymbolicName())) return b.getVersion().toString();
        return null;
    }

    /** The system bundle's Export-Package header: for tests of {@link SystemPackages}. */
    String systemExports() {
        return framework.getHeaders().get(Constants.EXPORT_PACKAGE);
    }

    /**
     * In long-running mode the libraries that log through java.util.logging (SPI Fly, FileInstall's fallback) write
     * into the log file too, not onto the console.
     */
    private static void routeJavaLogging(FrameworkLog frameworkLog) {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) root.removeHandler(h);
        root.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (!isLoggable(r)) return;
                String message = r.getMessage();
                if (r.getParameters() != null && message != null)
                    try {
                        message = java.text.MessageFormat.format(message, r.getParameters());
                    } catch (IllegalArgumentException e) {
                        // keep the pattern as it is
                    }
                frameworkLog.write(r.getLevel().getName(), String.valueOf(r.getLoggerName()), message, r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private void startFeatureBundle(Bundle b) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) return;
        try {
            b.start();
        } catch (BundleException e) {
            frameworkLog.write("ERROR", "etw", "bundle " + b.getSymbolicName() + " did not start", e);
            log.println("etw: warning: bundle " + b.getSymbolicName() + " (" + b.getLocation() + ") did not start: "
                    + e.getMessage());
        }
    }

    /** Offers the plugin problems to the bundles as a JDK-typed service, so the launcher shares no class with them. */
    private void registerProblems() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("etw.plugin.problems", Boolean.TRUE);
        Supplier<List<String>> supplier = this::problems;
        framework.getBundleContext().registerService(Supplier.class, supplier, props);
    }

    /** The framework property {@code key}, as the bundles see it. */
    String property(String key) {
        return framework.getBundleContext().getProperty(key);
    }

    /** The log file that has the details the console lines leave out. */
    Path logFile() {
        return frameworkLog.file();
    }

    /**
     * One line per plugin jar that is not running, naming the jar and the reason, and per component that failed
     * (of a plugin or of a distribution bundle).
     */
    public List<String> problems() {
        Map<String, String> byJar = new LinkedHashMap<>();
        refused.forEach((name, reason) -> {
            if (Files.exists(plugins.resolve(name))) byJar.put(name, reason);
        });
        Set<String> lines = new TreeSet<>();
        for (Bundle b : framework.getBundleContext().getBundles()) {
            String name = pluginName(b);
            if (name != null && !byJar.containsKey(name) && !running(b)) {
                String reason = startFailures.get(name);
                if (reason == null) reason = b.getState() == Bundle.INSTALLED ? notResolved(b, null) : "did not start";
                byJar.put(name, reason);
            }
            Set<String> components = componentProblems.get(b.getBundleId());
            if (components != null)
                for (String p : components) lines.add((name != null ? "plugins/" + name : "bundle " + b.getSymbolicName()) + ": " + p);
        }
        byJar.forEach((name, reason) -> lines.add("plugins/" + name + ": " + reason));
        return List.copyOf(lines);
    }

    /** The installed plugin bundles as "jar STATE" (ACTIVE, RESOLVED, INSTALLED), sorted: for tests and diagnostics. */
    List<String> plugins() {
        Set<String> out = new TreeSet<>();
        for (Bundle b : framework.getBundleContext().getBundles()) {
            String name = pluginName(b);
            if (name == null) continue;
            String state = switch (b.getState()) {
                case Bundle.ACTIVE -> "ACTIVE";
                case Bundle.RESOLVED -> "RESOLVED";
                case Bundle.INSTALLED -> "INSTALLED";
                case Bundle.STARTING -> "STARTING";
                default -> "OTHER";
            };
            out.add(name + " " + state);
        }
        return List.copyOf(out);
    }

    private static boolean running(Bundle b) {
        boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        return b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING || (fragment && b.getState() == Bundle.RESOLVED);
    }

    /** The plugin jar a bundle was installed from, or null for a distribution bundle. */
    String pluginName(Bundle b) {
        String location = b.getLocation();
        if (location.startsWith(ONE_SHOT_LOCATION)) return location.substring(ONE_SHOT_LOCATION.length());
        if (!location.startsWith("file:")) return null;
        try {
            Path p = Path.of(URI.create(location)).toAbsolutePath().normalize();
            return plugins.equals(p.getParent()) ? p.getFileName().toString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Why a bundle did not resolve: the packages, bundles or Java version it needs that nothing provides. */
    private String notResolved(Bundle b, BundleException e) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        List<String> missing = new ArrayList<>();
        if (revision != null) {
            FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
            for (BundleRequirement r : revision.getDeclaredRequirements(null)) {
                String resolution = r.getDirectives().get(Constants.RESOLUTION_DIRECTIVE);
                if (Constants.RESOLUTION_OPTIONAL.equals(resolution) || "dynamic".equals(resolution)) continue;
                if (!wiring.findProviders(r).isEmpty()) continue;
                String filter = r.getDirectives().getOrDefault(Constants.FILTER_DIRECTIVE, "");
                Matcher m = FILTER_VALUE.matcher(filter);
                String what = m.find() ? switch (m.group(1)) {
                    case "osgi.wiring.package" -> "package " + m.group(2);
                    case "osgi.wiring.bundle" -> "bundle " + m.group(2);
                    case "osgi.ee" -> "Java " + m.group(2);
                    default -> m.group(2);
                } : r.getNamespace() + " " + filter;
                missing.add(what);
            }
        }
        if (!missing.isEmpty())
            return "did not start: it needs " + String.join(", ", missing) + ", which no installed bundle provides"
                    + " (add the jar that has it to plugins/)";
        return "did not start: " + (e != null ? e.getMessage() : "it does not resolve (see " + frameworkLog.file() + ")");
    }

    // ---- one-shot: install every plugin, then start every one ----

    private void installPluginsOnce() throws IOException {
        if (!Files.isDirectory(plugins)) return;
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : Features.jars(plugins)) {
            String name = jar.getFileName().toString();
            String refusal = PluginCheck.refusal(jar);
            if (refusal != null) {
                refuse(name, refusal);
                continue;
            }
            // install from a copy of the bytes so the jar may be replaced or deleted while installed
            try (InputStream in = Files.newInputStream(jar)) {
                installed.add(framework.getBundleContext().installBundle(ONE_SHOT_LOCATION + name, in));
            } catch (BundleException | IOException e) {
                refuse(name, "not installed: " + e.getMessage());
            }
        }
        for (Bundle b : installed) {
            if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) continue;
            String name = pluginName(b);
            try {
                b.start();
                log.println("etw: plugin " + name + " installed (" + b.getSymbolicName() + " " + b.getVersion() + ")");
            } catch (BundleException e) {
                startFailed(name, b, e);
            }
        }
    }

    private void refuse(String name, String reason) {
        refused.put(name, reason);
        frameworkLog.write("WARN", "etw", "plugin " + name + " left out: " + reason, null);
        log.println("etw: warning: plugin " + name + " " + (reason.startsWith("not") || reason.startsWith("did") ? "" : "ignored: ") + reason);
    }

    private void startFailed(String name, Bundle b, BundleException e) {
        String reason = b.getState() == Bundle.INSTALLED ? notResolved(b, e) : "did not start: " + FrameworkLog.rootMessage(e);
        if (reason.equals(startFailures.put(name, reason))) return;
        frameworkLog.write("WARN", "etw", "plugin " + name + " " + reason, e);
        log.println("etw: warning: plugin " + name + " " + reason);
    }

    // ---- long-running: FileInstall watches plugins/ ----

    /** FileInstall's own classes run on the launcher's class path with the system bundle's context. */
    private void startFileInstall() throws Exception {
        Files.createDirectories(plugins);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 1000); // asked before FileInstall's own bundle handler
        framework.getBundleContext().registerService(ArtifactUrlTransformer.class, new Vetting(), props);
        fileInstall = new FileInstall();
        fileInstall.start(framework.getBundleContext());
    }

    /** Claims every jar of {@code plugins/}: hands FileInstall the good ones and keeps the reason for the others. */
    private final class Vetting implements ArtifactUrlTransformer {
        @Override
        public boolean canHandle(File artifact) {
            return artifact.getName().endsWith(".jar") && plugins.equals(artifact.toPath().toAbsolutePath().normalize().getParent());
        }

        @Override
        public URL transform(URL artifact) throws Exception {
            Path jar = Path.of(artifact.toURI());
            String name = jar.getFileName().toString();
            startFailures.remove(name);
            String refusal = PluginCheck.refusal(jar);
            if (refusal == null) refusal = duplicate(jar, artifact.toString());
            if (refusal != null) {
                refuse(name, refusal); // FileInstall leaves it alone until the file changes
                return null;
            }
            refused.remove(name);
            return artifact;
        }
    }

    /**
     * FileInstall would update an installed bundle of the same name and version in place (even a distribution
     * bundle, which deleting the jar would then uninstall); the framework refuses such a jar, and so does ETW.
     */
    private String duplicate(Path jar, String location) {
        String bsn;
        org.osgi.framework.Version version;
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Attributes a = f.getManifest().getMainAttributes();
            bsn = a.getValue(Constants.BUNDLE_SYMBOLICNAME).split(";")[0].trim();
            version = org.osgi.framework.Version.parseVersion(a.getValue(Constants.BUNDLE_VERSION));
        } catch (IOException | RuntimeException e) {
            return null; // the framework says what is wrong with it
        }
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && version.equals(b.getVersion()) && !b.getLocation().equals(location)) {
                String other = pluginName(b);
                return "not installed: bundle " + bsn + " " + version + " is already installed from "
                        + (other != null ? "plugins/" + other : "the distribution (" + b.getLocation().replaceFirst("^reference:", "") + ")");
            }
        }
        return null;
    }

    /** FileInstall reports install and start failures through the log; keep them as the plugin's problem. */
    private void fileInstallProblem(String message, Throwable t) {
        String starting = "Error while starting bundle: ";
        String installing = "Failed to install artifact: ";
        if (message.startsWith(starting)) {
            String location = message.substring(starting.length()).trim();
            for (Bundle b : framework.getBundleContext().getBundles())
                if (b.getLocation().equals(location) && pluginName(b) != null)
                    startFailed(pluginName(b), b, t instanceof BundleException be ? be : new BundleException(String.valueOf(t), t));
        } else if (message.startsWith(installing)) {
            Path p = Path.of(message.substring(installing.length()).trim()).toAbsolutePath().normalize();
            if (plugins.equals(p.getParent()))
                refuse(p.getFileName().toString(), "not installed: " + (t == null ? "see " + frameworkLog.file() : t.getMessage()));
        }
    }

    private void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.UNINSTALLED, BundleEvent.UPDATED, BundleEvent.UNRESOLVED -> componentProblems.remove(b.getBundleId());
            default -> { }
        }
        if (!watching) return;
        String name = pluginName(b);
        if (name == null) return;
        switch (event.getType()) {
            case BundleEvent.STARTED -> {
                startFailures.remove(name);
                log.println("etw: plugin " + name + " installed (" + b.getSymbolicName() + " " + b.getVersion() + ")");
            }
            case BundleEvent.UNINSTALLED -> {
                startFailures.remove(name);
                log.println("etw: plugin " + name + " removed");
            }
            default -> { }
        }
    }

    /** Kept for callers of the earlier API: long-running mode is chosen at {@link #start}. */
    public void watchPlugins(long periodMillis) {
        if (!watching) throw new IllegalStateException("start the runtime with a watch period to watch plugins/");
    }

    /** Runs a command through the command-line bundle and returns its exit code. */
    @SuppressWarnings("unchecked")
    public int runCommand(String[] args) throws LaunchException {
        return withService(Function.class, "(etw.application=cli)", "the command-line bundle (etw.cli)",
                cli -> ((Function<String[], Integer>) cli).apply(args));
    }

    /**
     * Waits for a service of a JDK type with the given filter and uses it. The service is held until
     * {@code use} returns: a delayed component released earlier would be deactivated under our feet.
     */
    <R> R withService(Class<?> type, String filter, String what, Function<Object, R> use) throws LaunchException {
        return withService(type, filter, what, SERVICE_TIMEOUT_MS, use);
    }

    <R> R withService(Class<?> type, String filter, String what, long timeoutMillis, Function<Object, R> use) throws LaunchException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(framework.getBundleContext(), framework.getBundleContext().createFilter(
                    "(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter, e);
        }
        tracker.open();
        try {
            Object service = tracker.waitForService(timeoutMillis);
            if (service == null)
                throw new LaunchException(what + " did not start within " + timeoutMillis / 1000
                        + " s; see " + frameworkLog.file(), null);
            return use.apply(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting", e);
        } finally {
            tracker.close();
        }
    }

    /** Blocks until the framework stops (Ctrl-C stops it through the shutdown hook of {@link Main}). */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        try {
            if (fileInstall != null) fileInstall.stop(framework.getBundleContext());
        } catch (Exception e) {
            frameworkLog.write("WARN", "etw", "FileInstall did not stop cleanly", e);
        }
        try {
            framework.stop();
            framework.waitForStop(5_000);
        } catch (BundleException | InterruptedException e) {
            log.println("etw: warning: the framework did not stop cleanly: " + e.getMessage());
        }
    }
}
