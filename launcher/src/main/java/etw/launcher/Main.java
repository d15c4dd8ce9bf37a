package etw.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The {@code etw} command: boots an embedded Felix with the distribution's features and plugins, hands the
 * arguments to the command-line bundle, and exits with its code. {@code etw workbench} instead adds the
 * workbench feature, serves the web workbench and runs until stopped, installing and removing plugins as their
 * jars come and go.
 */
public final class Main {
    private static final String WORKBENCH_USAGE = "usage: etw workbench [--port P] [--public]  (P from 0 to 65535; "
            + "0 picks a free port; --public listens on every interface and requires the printed token)";

    /** Held so the level set on it is not lost to garbage collection (java.util.logging keeps loggers weakly). */
    private static final Logger SPI_FLY_LOG = Logger.getLogger("org.apache.aries.spifly");

    private Main() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("etw.home", ".")).toAbsolutePath().normalize();
        int code;
        if (args.length > 0 && args[0].equals("workbench")) code = workbench(home, Arrays.asList(args).subList(1, args.length));
        else code = command(home, args);
        System.exit(code);
    }

    private static int command(Path home, String[] args) {
        Path cache = null;
        try {
            cache = Files.createTempDirectory("etw-felix-");
            try (Runtime runtime = Runtime.start(home, cache, System.err, Runtime.BASE_FEATURES, Map.of())) {
                return runtime.runCommand(args);
            }
        } catch (LaunchException e) {
            System.err.println("etw: " + e.getMessage());
            return 3;
        } catch (IOException e) {
            System.err.println("etw: cannot create a framework cache directory: " + e.getMessage());
            return 3;
        } finally {
            deleteQuietly(cache);
        }
    }

    private static int workbench(Path home, List<String> args) {
        int port = 8080;
        boolean open = false;
        List<String> rest = new ArrayList<>(args);
        try {
            int i = rest.indexOf("--port");
            if (i >= 0) {
                port = Integer.parseInt(rest.get(i + 1));
                if (port < 0 || port > 65535) throw new NumberFormatException();
                rest.remove(i + 1);
                rest.remove(i);
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            System.err.println("etw: " + WORKBENCH_USAGE);
            return 2;
        }
        open = rest.remove("--public");
        if (!rest.isEmpty()) {
            System.err.println("etw: unknown option " + rest.get(0) + "; " + WORKBENCH_USAGE);
            return 2;
        }
        // the web server's libraries log every start at INFO; warnings and errors are what a user needs
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        SPI_FLY_LOG.setLevel(Level.WARNING);
        Map<String, String> props = new java.util.HashMap<>();
        props.put("org.osgi.service.http.port", Integer.toString(port));
        props.put("org.apache.felix.http.host", open ? "0.0.0.0" : "127.0.0.1");
        props.put("gosh.args", "--nointeractive");
        if (open) {
            byte[] token = new byte[16];
            new SecureRandom().nextBytes(token);
            props.put("etw.workbench.token", HexFormat.of().formatHex(token));
        }
        List<String> features = new ArrayList<>(Runtime.BASE_FEATURES);
        features.add("workbench");
        Path cache = null;
        try {
            cache = Files.createTempDirectory("etw-felix-");
            Files.createDirectories(home.resolve("scenarios"));
            Path cacheDir = cache;
            Runtime runtime = Runtime.start(home, cache, System.err, features, props);
            java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                runtime.close();
                deleteQuietly(cacheDir);
            }, "etw-shutdown"));
            String url = runtime.withService(Supplier.class, "(etw.workbench.url=true)", "the workbench (etw.workbench)",
                    supplier -> String.valueOf(((Supplier<?>) supplier).get()));
            runtime.watchPlugins(500);
            System.out.println("ETW workbench at " + url);
            System.out.println("Plugins: drop bundle jars into " + home.resolve("plugins") + "; Ctrl-C stops the workbench.");
            System.out.flush();
            runtime.awaitStop();
            return 0;
        } catch (LaunchException e) {
            System.err.println("etw: " + e.getMessage());
            deleteQuietly(cache);
            return 3;
        } catch (IOException e) {
            System.err.println("etw: cannot create " + e.getMessage());
            deleteQuietly(cache);
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
