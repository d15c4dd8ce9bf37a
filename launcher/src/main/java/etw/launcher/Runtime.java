package etw.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A running framework with the distribution's bundles: every jar of the chosen {@code features/*} folders, then
 * every jar of {@code plugins/}. A plugin that fails to install or start is reported (on the log and through
 * {@link #problems()}, which {@code etw models} shows) and left out; the rest carries on. In long-running mode
 * ({@link #watchPlugins}) jars added to or removed from {@code plugins/} are installed or uninstalled within a
 * second.
 */
public final class Runtime implements AutoCloseable {
    /** Features every command needs. */
    static final List<String> BASE_FEATURES = List.of("core", "models", "teaching");
    private static final long SERVICE_TIMEOUT_MS = 10_000;

    private final Framework framework;
    private final PrintStream log;
    private final Path plugins;
    /** Plugin jar file name to its problem, for the jars that could not be installed or started. */
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    /** Plugin jar file name to its bundle and the jar's last-modified time. */
    private final Map<String, Installed> installed = new ConcurrentHashMap<>();
    /** For jars with a problem: the last-modified time when it was found, so an unchanged jar is not retried. */
    private final Map<String, Long> modifiedAtProblem = new ConcurrentHashMap<>();
    private final List<Thread> watchers = new CopyOnWriteArrayList<>();

    private record Installed(Bundle bundle, long modified) {
    }

    private Runtime(Framework framework, PrintStream log, Path plugins) {
        this.framework = framework;
        this.log = log;
        this.plugins = plugins;
    }

    /**
     * Boots Felix with its cache in {@code cache} and starts the bundles of the given features and of
     * {@code home/plugins}.
     *
     * @param properties extra framework properties (for example the HTTP port of the workbench)
     */
    public static Runtime start(Path home, Path cache, PrintStream log, List<String> features, Map<String, String> properties)
            throws LaunchException {
        Map<String, String> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "1"); // errors only; we report bundle problems ourselves
        config.put("etw.home", home.toString());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/ is incomplete)", null));
        Framework fw = factory.newFramework(config);
        Runtime runtime = new Runtime(fw, log, home.resolve("plugins"));
        try {
            fw.init();
            List<Bundle> bundles = new ArrayList<>();
            for (String feature : features) {
                Path dir = home.resolve("features").resolve(feature);
                if (!Files.isDirectory(dir))
                    throw new LaunchException("feature folder " + dir + " is missing; rebuild with mvn package", null);
                for (Path jar : jars(dir)) bundles.add(fw.getBundleContext().installBundle(jar.toUri().toString()));
            }
            fw.start();
            for (Bundle b : bundles) startFeatureBundle(b, log);
            runtime.registerProblems();
            runtime.syncPlugins();
            return runtime;
        } catch (BundleException | IOException e) {
            runtime.close();
            throw new LaunchException("the framework failed to start: " + e.getMessage(), e);
        }
    }

    private static void startFeatureBundle(Bundle b, PrintStream log) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) return;
        try {
            b.start();
        } catch (BundleException e) {
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

    /** One line per plugin jar that is not running, naming the jar and the reason. */
    public List<String> problems() {
        return problems.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "plugins/" + e.getKey() + ": " + e.getValue()).toList();
    }

    /** Makes the installed plugins match the jars in {@code plugins/}: installs new, updates changed, removes gone. */
    synchronized void syncPlugins() throws IOException {
        List<Path> jars = Files.isDirectory(plugins) ? jars(plugins) : List.of();
        List<String> present = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            present.add(name);
            long modified = Files.getLastModifiedTime(jar).toMillis();
            Installed current = installed.get(name);
            if (current != null && current.modified == modified) continue;
            if (current == null && problems.containsKey(name) && modifiedAtProblem.getOrDefault(name, -1L) == modified) continue;
            if (current != null) uninstall(name, current);
            install(jar, name, modified);
        }
        for (String name : List.copyOf(installed.keySet()))
            if (!present.contains(name)) uninstall(name, installed.get(name));
        problems.keySet().removeIf(name -> !present.contains(name));
    }

    private void install(Path jar, String name, long modified) {
        problems.remove(name);
        String notABundle = checkBundle(jar);
        if (notABundle != null) {
            problem(name, modified, notABundle);
            return;
        }
        Bundle b;
        // install from a copy of the bytes so the jar may be replaced or deleted while installed
        try (var in = Files.newInputStream(jar)) {
            b = framework.getBundleContext().installBundle("etw-plugin:" + name, in);
        } catch (BundleException | IOException e) {
            problem(name, modified, "not installed: " + e.getMessage());
            return;
        }
        try {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) b.start();
            installed.put(name, new Installed(b, modified));
            log.println("etw: plugin " + name + " installed (" + b.getSymbolicName() + " " + b.getVersion() + ")");
        } catch (BundleException e) {
            problem(name, modified, "did not start: " + e.getMessage());
            try {
                b.uninstall();
            } catch (BundleException ignored) {
                // it never started; nothing of it is running
            }
        }
    }

    private void problem(String name, long modified, String reason) {
        problems.put(name, reason);
        modifiedAtProblem.put(name, modified);
        log.println("etw: warning: plugin " + name + " " + (reason.startsWith("not") || reason.startsWith("did") ? "" : "ignored: ") + reason);
    }

    /** Why a file is not an OSGi bundle, or null if it looks like one. */
    private static String checkBundle(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            Manifest m = f.getManifest();
            if (m == null || m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null)
                return "is not an OSGi bundle (its manifest has no Bundle-SymbolicName); build it with bnd, as docs/plugin-guide.md shows";
            return null;
        } catch (IOException e) {
            return "is not a readable jar (" + e.getMessage() + ")";
        }
    }

    private void uninstall(String name, Installed current) {
        installed.remove(name);
        try {
            current.bundle.uninstall();
            log.println("etw: plugin " + name + " removed");
        } catch (BundleException | IllegalStateException e) {
            log.println("etw: warning: plugin " + name + " could not be removed cleanly: " + e.getMessage());
        }
        framework.adapt(org.osgi.framework.wiring.FrameworkWiring.class).refreshBundles(null);
    }

    /** Watches {@code plugins/} from a daemon thread, syncing every {@code periodMillis}. */
    public void watchPlugins(long periodMillis) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(periodMillis);
                    syncPlugins();
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.println("etw: warning: cannot read " + plugins + ": " + e.getMessage());
                }
            }
        }, "etw-plugins-watcher");
        t.setDaemon(true);
        t.start();
        watchers.add(t);
    }

    private static List<Path> jars(Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            s.forEach(jars::add);
        }
        jars.sort(null);
        return jars;
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
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(framework.getBundleContext(), framework.getBundleContext().createFilter(
                    "(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter, e);
        }
        tracker.open();
        try {
            Object service = tracker.waitForService(SERVICE_TIMEOUT_MS);
            if (service == null)
                throw new LaunchException(what + " did not start within " + SERVICE_TIMEOUT_MS / 1000
                        + " s; check the warnings above", null);
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
        watchers.forEach(Thread::interrupt);
        try {
            framework.stop();
            framework.waitForStop(5_000);
        } catch (BundleException | InterruptedException e) {
            log.println("etw: warning: the framework did not stop cleanly: " + e.getMessage());
        }
    }
}
