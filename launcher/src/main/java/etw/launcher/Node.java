package etw.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code etw node}: the framework with the workbench's features, its plugins and the cluster feature, plus a
 * Hazelcast member that runs the signed jobs of coordinators ({@code etw ensemble --cluster}); it runs until
 * Ctrl-C, like {@code etw workbench}. A command given {@code --cluster} gets the cluster feature too.
 */
final class Node {
    static final String FEATURE = "cluster";

    /** Held so the level set on it is not lost to garbage collection (java.util.logging keeps loggers weakly). */
    private static final class HazelcastLog {
        static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("com.hazelcast");
    }

    private Node() {
    }

    /**
     * Hazelcast logs its start, and warnings about JDK options and socket options, at length on the console; the
     * node and the coordinator print what a user needs (members joining and leaving, jobs, refusals) themselves.
     */
    private static void quietHazelcast() {
        HazelcastLog.LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** The features a one-shot command needs: the base ones, and the cluster's when it is asked for. */
    static List<String> features(String[] args) {
        if (!Arrays.asList(args).contains("--cluster")) return Features.BASE;
        quietHazelcast();
        List<String> features = new ArrayList<>(Features.BASE);
        features.add(FEATURE);
        return features;
    }

    /**
     * {@code etw workbench --cluster HOST:PORT[,...] --secret-file F}: takes the two options out of {@code args},
     * adds the cluster feature and hands the members and the secret file to the workbench as framework properties
     * ({@code etw.cluster.members}, {@code etw.cluster.secretFile}); the secret stays in this process, the page
     * never sees it.
     *
     * @return why the options are wrong, or null
     */
    static String workbenchOptions(List<String> args, Map<String, String> props, List<String> features) {
        int c = args.indexOf("--cluster"), s = args.indexOf("--secret-file");
        if (c < 0 && s < 0) return null;
        if (c < 0 || s < 0 || c + 1 >= args.size() || s + 1 >= args.size())
            return "a workbench on a cluster needs both --cluster HOST:PORT[,...] and --secret-file F";
        String members = args.get(c + 1), secret = args.get(s + 1);
        for (String a : members.split(","))
            if (!a.strip().matches("[^\\s:]+:\\d{1,5}")) return "--cluster takes HOST:PORT[,HOST:PORT...], got '" + a.strip() + "'";
        Path file = Path.of(secret).toAbsolutePath();
        if (!java.nio.file.Files.isReadable(file)) return "cannot read the cluster secret " + file
                + " (create one with `head -c 32 /dev/urandom | base64 > cluster.secret; chmod 600 cluster.secret`)";
        args.subList(Math.max(c, s), Math.max(c, s) + 2).clear();
        args.subList(Math.min(c, s), Math.min(c, s) + 2).clear();
        props.put("etw.cluster.members", members);
        props.put("etw.cluster.secretFile", file.toString());
        quietHazelcast();
        features.add(FEATURE);
        return null;
    }

    @SuppressWarnings("unchecked")
    static int run(Path home, Caches caches, Map<String, String> props, List<String> args, ExitGuard guard) {
        quietHazelcast();
        List<String> features = new ArrayList<>(Features.BASE);
        features.add(FEATURE);
        Path cache = null;
        try {
            cache = caches.frameworkCache();
            Path cacheDir = cache;
            Runtime runtime = Runtime.start(home, cache, System.err, features, props);
            int code = runtime.withService(Function.class, "(etw.application=node)", "the cluster node (etw.cluster)",
                    node -> ((Function<String[], Integer>) node).apply(args.toArray(String[]::new)));
            if (code != 0) {
                runtime.close();
                Caches.release(cacheDir);
                return code;
            }
            // a node runs until it is stopped: Ctrl-C or SIGTERM is its normal end
            guard.finished();
            java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                runtime.close();
                Caches.release(cacheDir);
            }, "etw-shutdown"));
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
}
