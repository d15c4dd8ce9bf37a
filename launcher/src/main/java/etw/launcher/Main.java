package etw.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code etw} command: boots an embedded Felix with the distribution's features and plugins, hands the
 * arguments to the command-line bundle, and exits with its code. {@code etw workbench} instead adds the
 * workbench feature, serves the web workbench and runs until stopped, installing and removing plugins as their
 * jars come and go (Apache Felix FileInstall). A short command goes to this user's {@link Daemon} when one runs,
 * and starts one after it ran in its own process.
 * <p>
 * Global option {@code --workspace DIR} (anywhere on the line, removed before the command sees the arguments):
 * the folder of the user's saved scenarios, default {@code <current directory>/scenarios}; the bundles read its
 * absolute path from the framework property {@code etw.workspace}.
 */
public final class Main {
    private static final String WORKBENCH_USAGE = "usage: etw workbench [--port P] [--public] [--cluster HOST:PORT[,...] --secret-file F]"
            + "  (P from 0 to 65535; 0 picks a free port; --public listens on every interface and requires the printed token;"
            + " --cluster lets the page run ensembles and sensitivity analyses on those members, see docs/cluster.md)";
    /** Exit code when a command is stopped before it finished and no signal says otherwise. */
    static final int EXIT_UNFINISHED = 1;

    /**
     * Held so the level set on it is not lost to garbage collection (java.util.logging keeps loggers weakly); in a
     * class of its own so that short commands do not start java.util.logging.
     */
    private static final class SpiFlyLog {
        static final Logger LOG = Logger.getLogger("org.apache.aries.spifly");
    }

    private Main() {
    }

    /** The arguments once the global options are taken out. */
    record Options(Path workspace, List<String> args) {
        static Options parse(String[] argv, Path cwd) throws IllegalArgumentException {
            List<String> rest = new ArrayList<>(Arrays.asList(argv));
            Path workspace = null;
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                String value = null;
                if (a.equals("--workspace")) {
                    if (i + 1 >= rest.size() || rest.get(i + 1).isBlank())
                        throw new IllegalArgumentException("--workspace needs a folder: etw --workspace DIR <command> ...");
                    value = rest.remove(i + 1);
                    rest.remove(i);
                } else if (a.startsWith("--workspace=")) {
                    value = a.substring("--workspace=".length());
                    if (value.isBlank()) throw new IllegalArgumentException("--workspace needs a folder: etw --workspace DIR <command> ...");
                    rest.remove(i);
                } else if (a.equals("--")) {
                    break;
                }
                if (value != null) {
                    if (workspace != null) throw new IllegalArgumentException("--workspace is given twice");
                    workspace = cwd.resolve(value);
                    i--;
                }
            }
            if (workspace == null) workspace = cwd.resolve("scenarios");
            return new Options(workspace.toAbsolutePath().normalize(), List.copyOf(rest));
        }
    }

    public static void main(String[] argv) {
        ExitGuard guard = ExitGuard.install();
        Path home = Path.of(System.getProperty("etw.home", ".")).toAbsolutePath().normalize();
        int code;
        Options options;
        try {
            options = Options.parse(argv, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println("etw: " + e.getMessage());
            guard.finished();
            System.exit(2);
            return;
        }
        Caches caches = Caches.locate();
        Map<String, String> props = new HashMap<>();
        props.put("etw.workspace", options.workspace().toString());
        props.put("etw.log", caches.logFile().toString());
        List<String> args = options.args();
        String first = args.isEmpty() ? "" : args.get(0);
        if (first.equals("workbench")) code = workbench(home, caches, props, args.subList(1, args.size()), guard);
        else if (first.equals("node")) code = Node.run(home, caches, props, args.subList(1, args.size()), guard);
        else if (first.equals("daemon") && args.size() == 2 && args.get(1).equals("serve")) {
            guard.finished(); // a daemon's normal end is a signal or its idle time
            code = Daemon.serve(home, caches, props);
        } else if (first.equals("daemon")) code = Daemon.control(home, caches, args.subList(1, args.size()));
        else if (Daemon.eligible(args)) {
            Integer served = Daemon.tryRun(home, caches, Path.of("").toAbsolutePath(), options.workspace(), args);
            if (served != null) code = served;
            else {
                code = command(home, caches, props, args.toArray(String[]::new), guard);
                Daemon.startInBackground(home, caches);
            }
        } else code = command(home, caches, props, args.toArray(String[]::new), guard);
        guard.finished();
        System.exit(code);
    }

    private static int command(Path home, Caches caches, Map<String, String> props, String[] args, ExitGuard guard) {
        Path cache = null;
        try {
            List<String> features = Node.features(args);
            // a kept framework cache, whose bundles the next command reuses; a throw-away one if all are in use
            Caches.Slot slot = caches.keptCache(Runtime.fingerprint(home, features));
            if (slot == null) {
                cache = caches.frameworkCache();
                guard.cleanUp(cache);
            }
            try (Caches.Slot held = slot; Runtime runtime = slot != null ? Runtime.startKept(home, slot, System.err, features, props)
                    : Runtime.start(home, cache, System.err, features, props)) {
                return runtime.runCommand(args);
            }
        } catch (LaunchException e) {
            System.err.println("etw: " + e.getMessage());
            return 3;
        } catch (IOException e) {
            System.err.println("etw: cannot create a framework cache folder in " + caches.base() + ": " + e.getMessage());
            return 3;
        } finally {
            Caches.release(cache);
        }
    }

    private static int workbench(Path home, Caches caches, Map<String, String> props, List<String> args, ExitGuard guard) {
        int port = 8080;
        boolean open;
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
        List<String> features = new ArrayList<>(Features.BASE);
        features.add("workbench");
        String clusterProblem = Node.workbenchOptions(rest, props, features);
        if (clusterProblem != null) {
            System.err.println("etw: " + clusterProblem + "; " + WORKBENCH_USAGE);
            return 2;
        }
        if (!rest.isEmpty()) {
            System.err.println("etw: unknown option " + rest.get(0) + "; " + WORKBENCH_USAGE);
            return 2;
        }
        String host = open ? "0.0.0.0" : "127.0.0.1";
        String busy = port == 0 ? null : cannotListen(host, port);
        if (busy != null) {
            System.err.println("etw: " + busy);
            return 3;
        }
        // the web server's libraries log every start at INFO; warnings and errors are what a user needs
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        SpiFlyLog.LOG.setLevel(Level.WARNING);
        props.put("org.osgi.service.http.port", Integer.toString(port));
        props.put("org.apache.felix.http.host", host);
        props.put("gosh.args", "--nointeractive");
        if (open) {
            byte[] token = new byte[16];
            new SecureRandom().nextBytes(token);
            props.put("etw.workbench.token", HexFormat.of().formatHex(token));
        }
        Path cache = null;
        try {
            cache = caches.frameworkCache();
            Path cacheDir = cache;
            Runtime runtime = Runtime.start(home, cache, System.err, features, props, 500);
            // a server runs until it is stopped: Ctrl-C or SIGTERM is its normal end
            guard.finished();
            java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                runtime.close();
                Caches.release(cacheDir);
            }, "etw-shutdown"));
            String url = runtime.withService(Supplier.class, "(etw.workbench.url=true)", "the workbench (etw.workbench)",
                    supplier -> String.valueOf(((Supplier<?>) supplier).get()));
            System.out.println("ETW workbench at " + url);
            System.out.println("Plugins: drop bundle jars into " + home.resolve("plugins") + "; Ctrl-C stops the workbench.");
            System.out.flush();
            runtime.awaitStop();
            return 0;
        } catch (LaunchException e) {
            System.err.println("etw: " + e.getMessage());
            Caches.release(cache);
            return 3;
        } catch (IOException e) {
            System.err.println("etw: cannot create a framework cache folder in " + caches.base() + ": " + e.getMessage());
            Caches.release(cache);
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Why the web server could not listen on the port, or null if it can (the check takes a millisecond; Jetty's
     * own failure came after 10 s with a 40-line trace).
     */
    static String cannotListen(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return null;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("permission") || m.contains("access"))
                return "port " + port + " needs privileges this user does not have; choose one above 1023 with --port";
            if (m.contains("assign") || m.contains("unresolved"))
                return "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")";
            return "port " + port + " is in use; choose another with --port";
        }
    }
}
