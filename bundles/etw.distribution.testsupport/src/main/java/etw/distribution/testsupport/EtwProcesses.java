package etw.distribution.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * The built distribution's {@code bin/etw} run as processes, as a user runs it, for the integration tests that need
 * it (DistributionIT, ClusterIT, ClusterWorkbenchIT): a home like the distribution's, processes with their own
 * framework cache whose output goes to files in a work folder, waiting for a line in those files, and
 * {@code etw node} members on free ports. {@link #close()} kills every process it started.
 *
 * <pre>{@code
 * try (EtwProcesses etw = new EtwProcesses(dist, work)) {
 *     Path home = etw.home("home");
 *     EtwProcesses.Node n1 = etw.node(home, "n1", port -> List.of("--secret-file", secret)).awaitStarted(120);
 *     EtwProcesses.Node n2 = etw.node(home, "n2", port -> List.of("--join", n1.address(), "--secret-file", secret));
 *     Process run = etw.start(home, "run", "ensemble", "baseline", "--cluster", n1.address() + "," + n2.awaitStarted(120).address());
 * }
 * }</pre>
 *
 * <p>Ports. A port the system hands out ({@code new ServerSocket(0)}) comes from the kernel's ephemeral range, from
 * which the kernel also takes the source port of every outgoing connection: between the test's pick and the member's
 * bind, another member's connection can take it (CI once failed so: "Port [38551] is already in use").
 * {@link #freePort()} therefore picks a port below the ephemeral range that binds now; if a member still finds its
 * port taken (another program took it meanwhile), {@link Node#awaitStarted} starts it again on another one.
 */
public final class EtwProcesses implements AutoCloseable {
    /** Where {@code etw node} says it runs ({@code NodeComponent}). */
    public static final String NODE_STARTED = "started in cluster";
    /** How many times a member is started before a taken port fails the test. */
    static final int NODE_ATTEMPTS = 5;
    /** The lowest port {@link #freePort()} hands out: above the registered services most machines run. */
    static final int LOWEST_PORT = 10_000;
    /** The Linux default start of the ephemeral range, used where it cannot be read (and macOS starts at 49152). */
    static final int USUAL_EPHEMERAL_START = 32_768;
    private static final Path PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Ports handed out by this JVM: never twice, so two members of a test never get the same one. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private final Path dist;
    private final Path work;
    private final List<Process> started = new CopyOnWriteArrayList<>();

    /**
     * @param dist the built distribution (its {@code bin/etw}, {@code lib/}, {@code features/})
     * @param work the folder processes run in and write their output to
     */
    public EtwProcesses(Path dist, Path work) {
        this.dist = dist.toAbsolutePath().normalize();
        this.work = work;
    }

    /**
     * The distribution the tests run: the system property {@code name} (set by the module's failsafe configuration)
     * or {@code fallback}; fails with how to build it if it is not there.
     */
    public static Path distribution(String property, String fallback) {
        Path dist = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isExecutable(dist.resolve("bin").resolve("etw")))
            throw new AssertionError("no built distribution at " + dist + " (bin/etw missing): build it first with "
                    + "`mvn -B -o install -pl launcher -am -DskipTests`, or set -D" + property + "=DIR");
        return dist;
    }

    /**
     * Makes {@code home} a home like the distribution's: a copy of {@code bin/etw}, links to its {@code lib/} and
     * {@code features/}, and an empty {@code plugins/} that the test may fill.
     *
     * @return {@code home}
     */
    public static Path home(Path dist, Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Path script = home.resolve("bin").resolve("etw");
        Files.copy(dist.resolve("bin").resolve("etw"), script, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String linked : List.of("lib", "features"))
            if (!Files.exists(home.resolve(linked), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                Files.createSymbolicLink(home.resolve(linked), dist.resolve(linked));
        Files.createDirectories(home.resolve("plugins"));
        return home;
    }

    /** {@link #home(Path, Path)} in the work folder, under {@code name}; made once, then reused. */
    public Path home(String name) throws IOException {
        Path home = work.resolve(name);
        return Files.exists(home.resolve("bin").resolve("etw")) ? home : home(dist, home);
    }

    /**
     * {@code home/bin/etw args...} run in the work folder with {@code ETW_CACHE=cache}, without the caller's
     * {@code ETW_JAVA_OPTS}, and in its own process ({@code ETW_DAEMON=off}: a test that wants the daemon sets it
     * on); the caller sets where its output goes and starts it with {@link #start(ProcessBuilder)}.
     */
    public ProcessBuilder command(Path home, Path cache, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("etw").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().put("ETW_CACHE", cache.toString());
        pb.environment().remove("ETW_JAVA_OPTS");
        pb.environment().put("ETW_DAEMON", "off");
        return pb;
    }

    /** Starts {@code pb} and kills it on {@link #close()}. */
    public Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /**
     * {@code home/bin/etw args...} with its standard output in {@code work/NAME.out}, its errors in
     * {@code work/NAME.err} and its framework cache in {@code work/cache-NAME}.
     */
    public Process start(Path home, String name, String... args) throws IOException {
        return start(command(home, work.resolve("cache-" + name), List.of(args))
                .redirectOutput(work.resolve(name + ".out").toFile()).redirectError(work.resolve(name + ".err").toFile()));
    }

    /** The text of {@code work/file}, "" if there is none yet. */
    public String read(String file) {
        try {
            return Files.exists(work.resolve(file)) ? Files.readString(work.resolve(file)) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * Waits until {@code work/file}, after its first {@code from} characters, contains {@code text}; fails after
     * {@code seconds} with the file and its {@code .err} companion.
     */
    public void awaitText(String file, String text, int from, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            String s = read(file);
            if (s.length() > from && s.substring(from).contains(text)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in " + file + " within " + seconds + " s:\n" + read(file)
                + (file.endsWith(".out") ? "\n" + read(file.substring(0, file.length() - 4) + ".err") : ""));
    }

    /**
     * Starts {@code home/bin/etw node --port P ARGS} as {@link #start(Path, String, String...)} does, on a
     * {@link #freePort()}; {@code args} gives the rest of the options for a port (called again for each start).
     * {@link Node#awaitStarted} waits for it and starts it again if its port was taken.
     */
    public Node node(Path home, String name, IntFunction<List<String>> args) throws IOException {
        return node(home, name, freePort(), args);
    }

    /** {@link #node(Path, String, IntFunction)} first started on {@code port}: a test of the restart gives a taken one. */
    public Node node(Path home, String name, int port, IntFunction<List<String>> args) throws IOException {
        Node n = new Node(home, name, args);
        n.launch(port);
        return n;
    }

    /** Kills every process started here, and their children. */
    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : started) {
            try {
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** An {@code etw node} member started by {@link #node}: its process and port change when it is started again. */
    public final class Node {
        private final Path home;
        private final String name;
        private final IntFunction<List<String>> args;
        private volatile Process process;
        private volatile int port;
        private int attempts;

        private Node(Path home, String name, IntFunction<List<String>> args) {
            this.home = home;
            this.name = name;
            this.args = args;
        }

        private void launch(int p) throws IOException {
            List<String> all = new ArrayList<>(List.of("node", "--port", Integer.toString(p)));
            all.addAll(args.apply(p));
            port = p;
            attempts++;
            process = start(home, name, all.toArray(String[]::new));
        }

        /**
         * Waits up to {@code seconds} (for each start) for the member to say it {@value #NODE_STARTED}. If it ended because its port
         * was taken ({@code NodeComponent}: "(is the port taken? ...)", exit code 3), it is started again on
         * another free port, at most {@value #NODE_ATTEMPTS} times in all; the output of the failed start is kept
         * in {@code NAME.out.N} / {@code NAME.err.N}. Any other end, or no start in time, fails with its output.
         *
         * @return this member, started
         */
        public Node awaitStarted(int seconds) throws IOException, InterruptedException {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (true) {
                if (read(name + ".out").contains(NODE_STARTED)) return this;
                Process p = process;
                if (!p.isAlive() && !read(name + ".out").contains(NODE_STARTED)) {
                    String err = read(name + ".err");
                    if (!portTaken(err) || attempts >= NODE_ATTEMPTS)
                        throw new AssertionError(name + " (etw node --port " + port + ", start " + attempts + " of at most "
                                + NODE_ATTEMPTS + ") ended with exit code " + p.exitValue() + " before it started:\n"
                                + read(name + ".out") + "\n" + err);
                    Files.move(work.resolve(name + ".out"), work.resolve(name + ".out." + attempts), StandardCopyOption.REPLACE_EXISTING);
                    Files.move(work.resolve(name + ".err"), work.resolve(name + ".err." + attempts), StandardCopyOption.REPLACE_EXISTING);
                    int taken = port;
                    launch(freePort());
                    end = System.nanoTime() + seconds * 1_000_000_000L;
                    System.out.println(name + ": port " + taken + " was taken before the member bound it; started again on port "
                            + port + " (start " + attempts + " of at most " + NODE_ATTEMPTS + ")");
                    continue;
                }
                if (System.nanoTime() > end)
                    throw new AssertionError("no '" + NODE_STARTED + "' in " + name + ".out within " + seconds + " s (etw node --port "
                            + port + "):\n" + read(name + ".out") + "\n" + read(name + ".err"));
                Thread.sleep(100);
            }
        }

        /** The port it was last started on. */
        public int port() {
            return port;
        }

        /** {@code 127.0.0.1:PORT}, as {@code --join} and {@code --cluster} take it. */
        public String address() {
            return "127.0.0.1:" + port;
        }

        /** How many times it was started: 1 unless its port was taken. */
        public int starts() {
            return attempts;
        }

        /** The process of its last start. */
        public Process process() {
            return process;
        }
    }

    /** Whether an {@code etw node}'s errors say its port was taken (NodeComponent's advice, Hazelcast's words). */
    static boolean portTaken(String err) {
        return err.contains("(is the port taken?") || err.contains("is already in use");
    }

    /**
     * A loopback port that binds now and is below the kernel's ephemeral range, so no outgoing connection takes it as
     * its source port; chosen at random in [{@value #LOWEST_PORT}, start of the ephemeral range), never one this JVM
     * handed out before. Where that span is too small (the range starts below 11000) it falls back to a port the
     * system hands out, and {@link Node#awaitStarted} covers the rare taken one.
     */
    public static int freePort() throws IOException {
        int top = ephemeralStart();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; top - LOWEST_PORT >= 1000 && attempt < 200; attempt++) {
            int port = random.nextInt(LOWEST_PORT, top);
            if (!GIVEN.contains(port) && binds(port) && GIVEN.add(port)) return port;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (s.getLocalPort() >= 1024 && GIVEN.add(s.getLocalPort())) return s.getLocalPort();
            }
        }
        throw new IOException("no free loopback port: none of 200 tries in [" + LOWEST_PORT + ", " + top
                + ") bound, and the system handed out only ports already given");
    }

    private static boolean binds(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /**
     * The first port of the kernel's ephemeral range, from {@code /proc/sys/net/ipv4/ip_local_port_range}
     * ("32768\t60999"), or {@value #USUAL_EPHEMERAL_START} where it cannot be read. The file is read
     * line-wise: {@code Files.readString} returns only its first byte on JDK 17 (a sysctl file reports size 0, the
     * JDK then reads one byte, and the kernel answers the next read, at offset 1, with end of file), which made an
     * earlier version of this helper see the range start at 3 and give members ports 1 and 2.
     */
    static int ephemeralStart() {
        try {
            List<String> lines = Files.readAllLines(PORT_RANGE);
            if (!lines.isEmpty()) return ephemeralStart(lines.get(0));
        } catch (IOException | RuntimeException e) {
            // not Linux (or no /proc): the usual start
        }
        return USUAL_EPHEMERAL_START;
    }

    /** The first port of an {@code ip_local_port_range} line, or {@value #USUAL_EPHEMERAL_START} if it is not one. */
    static int ephemeralStart(String line) {
        try {
            int first = Integer.parseInt(line.strip().split("\\s+")[0]);
            return first >= 1 && first <= 65535 ? first : USUAL_EPHEMERAL_START;
        } catch (NumberFormatException e) {
            return USUAL_EPHEMERAL_START;
        }
    }
}
