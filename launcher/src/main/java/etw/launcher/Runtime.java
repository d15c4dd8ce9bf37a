package etw.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A running framework with the distribution's bundles: every jar of {@code features/*}, then every jar of
 * {@code plugins/}. A plugin that fails to install or start is reported and left out; the rest carries on.
 */
public final class Runtime implements AutoCloseable {
    static final String[] FEATURES = {"core", "models", "teaching"};
    private static final long SERVICE_TIMEOUT_MS = 10_000;

    private final Framework framework;
    private final PrintStream log;

    private Runtime(Framework framework, PrintStream log) {
        this.framework = framework;
        this.log = log;
    }

    /** Boots Felix with its cache in {@code cache} and starts every bundle of {@code home}. */
    public static Runtime start(Path home, Path cache, PrintStream log) throws LaunchException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "1"); // errors only; we report bundle problems ourselves
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/ is incomplete)", null));
        Framework fw = factory.newFramework(config);
        Runtime runtime = new Runtime(fw, log);
        try {
            fw.init();
            List<Bundle> bundles = new ArrayList<>();
            for (String feature : FEATURES) {
                Path dir = home.resolve("features").resolve(feature);
                if (!Files.isDirectory(dir))
                    throw new LaunchException("feature folder " + dir + " is missing; rebuild with mvn package", null);
                for (Path jar : jars(dir)) bundles.add(fw.getBundleContext().installBundle(jar.toUri().toString()));
            }
            bundles.addAll(runtime.installPlugins(home.resolve("plugins")));
            fw.start();
            for (Bundle b : bundles) runtime.startBundle(b);
            return runtime;
        } catch (BundleException | IOException e) {
            runtime.close();
            throw new LaunchException("the framework failed to start: " + e.getMessage(), e);
        }
    }

    private List<Bundle> installPlugins(Path dir) throws IOException {
        List<Bundle> installed = new ArrayList<>();
        if (!Files.isDirectory(dir)) return installed;
        for (Path jar : jars(dir)) {
            try {
                installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                log.println("etw: warning: plugin " + jar.getFileName() + " was not installed: " + e.getMessage());
            }
        }
        return installed;
    }

    private void startBundle(Bundle b) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) return;
        try {
            b.start();
        } catch (BundleException e) {
            log.println("etw: warning: bundle " + b.getSymbolicName() + " (" + b.getLocation() + ") did not start: "
                    + e.getMessage());
        }
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
        ServiceTracker<Function<String[], Integer>, Function<String[], Integer>> tracker;
        try {
            tracker = new ServiceTracker<>(framework.getBundleContext(),
                    framework.getBundleContext().createFilter("(&(objectClass=java.util.function.Function)(etw.application=cli))"), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            Function<String[], Integer> cli = tracker.waitForService(SERVICE_TIMEOUT_MS);
            if (cli == null)
                throw new LaunchException("the command-line bundle (etw.cli) did not start within "
                        + SERVICE_TIMEOUT_MS / 1000 + " s; check the warnings above", null);
            return cli.apply(args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting", e);
        } finally {
            tracker.close();
        }
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(5_000);
        } catch (BundleException | InterruptedException e) {
            log.println("etw: warning: the framework did not stop cleanly: " + e.getMessage());
        }
    }
}
