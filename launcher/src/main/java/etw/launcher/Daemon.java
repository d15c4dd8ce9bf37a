package etw.launcher;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

import sun.misc.Signal;

/**
 * The resident process that makes short commands quick: {@code etw daemon serve} boots the framework once and then
 * runs the commands that {@code etw} processes send it over a Unix-domain socket, each in the user's own current
 * folder and workspace, with its output streamed back. A one-shot command pays about half a second for the JVM,
 * Felix, SCR and the bundles; through the daemon it pays for a small JVM that connects, and the command itself.
 * <p>
 * One daemon serves one distribution run by one Java with one set of options: its socket is named after a key
 * of the distribution's jars, the java binary and {@code ETW_JAVA_OPTS} ({@link #key}), in a folder only its user
 * may enter. It leaves, deleting its socket, when idle for {@code ETW_DAEMON_IDLE_MINUTES} (default 30), when a
 * jar of the distribution changes, when a plugin jar changes (it answers that command "stale", so the command runs
 * in its own process and a fresh daemon follows), and on {@code etw daemon stop}. It runs one command at a time;
 * a command that finds it busy runs in its own process. Every command still sees the lines a one-shot start
 * prints ("plugin X installed", "plugin Y left out", a component that failed): see {@link Console}.
 */
final class Daemon {
    static final String ENV = "ETW_DAEMON";
    private static final int MAGIC = 0x45545744; // "ETWD"
    static final byte OUT = 'O', ERR = 'E', EXIT = 'X', BUSY = 'B', STALE = 'S';
    /** Commands that may run long (with progress bars) or need more than the base features: always in their own process. */
    private static final Set<String> OWN_PROCESS = Set.of("workbench", "node", "daemon", "ensemble", "sensitivity");
    private static final long CHECK_MILLIS = 5_000;
    private static final long WARM_UP_MILLIS = 10_000;

    private final Path home;
    private final Caches caches;
    private final Path socket;
    private final String key;
    private final String plugins;
    private final Instant started = Instant.now();
    private final ReentrantLock busy = new ReentrantLock();
    private final AtomicInteger served = new AtomicInteger();
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean leaving;
    private volatile String leaveReason = "";
    private ServerSocketChannel server;
    private Runtime runtime;
    /** Where the framework's lines for the user go (plugin lines, components that fail). */
    private final Console console = new Console();

    private Daemon(Path home, Caches caches, String key) throws IOException {
        this.home = home;
        this.caches = caches;
        this.key = key;
        this.socket = socket(caches, key);
        this.plugins = pluginsPrint(home);
    }

    // ---------------------------------------------------------------- who uses it

    /**
     * Whether this command may go to a daemon: it is on (ETW_DAEMON is not "off"; under CI it must be "on"), and
     * the command is a short one on the base features.
     */
    static boolean eligible(List<String> args) {
        String setting = System.getenv(ENV);
        if ("off".equalsIgnoreCase(setting)) return false;
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci) && !"on".equalsIgnoreCase(setting)) return false;
        if (!args.isEmpty() && OWN_PROCESS.contains(args.get(0))) return false;
        return Node.features(args.toArray(String[]::new)).equals(Features.BASE);
    }

    static long idleMinutes() {
        try {
            String v = System.getenv("ETW_DAEMON_IDLE_MINUTES");
            return v == null || v.isBlank() ? 30 : Math.max(1, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    /**
     * What a daemon's socket is named after: the distribution (its folder and the path, size and time of every jar
     * in lib/ and the base features), the java binary and its version, ETW_JAVA_OPTS, and the locale and time zone
     * variables. A change to any of them means another daemon.
     */
    static String key(Path home) throws IOException {
        StringBuilder b = new StringBuilder(home.toString()).append('\n')
                .append(System.getProperty("java.home")).append(' ').append(System.getProperty("java.vm.version")).append('\n')
                .append(String.valueOf(System.getenv("ETW_JAVA_OPTS"))).append('\n');
        // what the JVM takes its default locale, charset and time zone from: a daemon formats as its start was told
        for (String v : new String[] {"LANG", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "TZ"})
            b.append(v).append('=').append(String.valueOf(System.getenv(v))).append('\n');
        stat(home.resolve("lib"), b);
        for (String feature : Features.BASE) stat(home.resolve("features").resolve(feature), b);
        // FNV-1a: a name, not a secret (the folder's permissions keep others out); MessageDigest costs 20 ms to load
        long hash = 0xcbf29ce484222325L;
        for (byte x : b.toString().getBytes(StandardCharsets.UTF_8)) hash = (hash ^ (x & 0xff)) * 0x100000001b3L;
        String hex = Long.toHexString(hash);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The plugin jars as a daemon started with them: a change means the daemon is stale. */
    static String pluginsPrint(Path home) throws IOException {
        StringBuilder b = new StringBuilder();
        stat(home.resolve("plugins"), b);
        return b.toString();
    }

    private static void stat(Path dir, StringBuilder b) throws IOException {
        if (!Files.isDirectory(dir)) {
            b.append("(no ").append(dir.getFileName()).append(")\n");
            return;
        }
        for (Path jar : Features.jars(dir))
            b.append(jar.getFileName()).append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
    }

    static Path folder(Caches caches) {
        return caches.base().resolve("daemon");
    }

    static Path socket(Caches caches, String key) {
        return folder(caches).resolve(key + ".sock");
    }

    private static Path lockFile(Caches caches, String key) {
        return folder(caches).resolve(key + ".lock");
    }

    static Path logFile(Caches caches, String key) {
        return folder(caches).resolve(key + ".log");
    }

    // ---------------------------------------------------------------- serving

    /** {@code etw daemon serve}: runs until idle, stale, stopped or killed; 0 also when another daemon has the key. */
    static int serve(Path home, Caches caches, Map<String, String> props) {
        for (String name : new String[] {"INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), s -> { }); // the terminal the first command ran in is not ours
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // without it, Ctrl-C in that terminal may stop the daemon; the next command starts another
            }
        }
        FileLock lock;
        Daemon daemon;
        try {
            Files.createDirectories(folder(caches), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(folder(caches), PosixFilePermissions.fromString("rwx------"));
            daemon = new Daemon(home, caches, key(home));
            FileChannel channel = FileChannel.open(lockFile(caches, daemon.key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                System.err.println("etw daemon: another daemon serves " + home + " already");
                return 0;
            }
            // whoever finds the lock held can tell which process holds it (etw daemon status|stop while it starts)
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException | UnsupportedOperationException e) {
            System.err.println("etw daemon: cannot prepare " + folder(caches) + ": " + e.getMessage());
            return 3;
        }
        try {
            return daemon.run(props);
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                // the lock goes with the process
            }
        }
    }

    private int run(Map<String, String> props) {
        Path cache = null;
        try {
            cache = caches.frameworkCache();
            Map<String, String> config = new HashMap<>(props);
            config.put("ds.delayed.keepInstances", "true"); // the command line and the models stay ready between commands
            runtime = Runtime.start(home, cache, new PrintStream(console, true, Charset.defaultCharset()), Features.BASE, config);
            warmUp();
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            Files.deleteIfExists(socket);
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread watch = new Thread(this::watch, "etw-daemon-watch");
            watch.setDaemon(true);
            watch.start();
            java.lang.Runtime.getRuntime().addShutdownHook(new Thread(this::leaveQuietly, "etw-daemon-shutdown"));
            System.err.println("etw daemon: ready at " + socket + " (pid " + ProcessHandle.current().pid() + ")");
            while (!leaving) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    if (leaving) break;
                    throw e;
                }
                Thread t = new Thread(() -> answer(client), "etw-daemon-command");
                t.start();
            }
            System.err.println("etw daemon: leaving (" + leaveReason + ")");
            // a command still running finishes first; none starts after this (it finds the daemon busy)
            if (!busy.tryLock(2, TimeUnit.MINUTES)) System.err.println("etw daemon: a command did not finish within 2 minutes");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (LaunchException e) {
            System.err.println("etw daemon: " + e.getMessage());
            return 3;
        } catch (IOException | RuntimeException e) {
            System.err.println("etw daemon: " + e);
            return 3;
        } finally {
            leaveQuietly();
            Caches.release(cache);
        }
    }

    /**
     * The commands a class runs most, into nothing, before the first user's: their classes loaded and their paths
     * compiled, the first real commands are about as quick as the later ones. Five rounds, or as many as fit in
     * {@value #WARM_UP_MILLIS} ms.
     */
    private void warmUp() throws LaunchException {
        Path out = folder(caches).resolve(key + ".warm-up");
        PrintStream nothing = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        List<List<String>> commands = List.of(List.of("models"), List.of("scenarios"), List.of("explain", "pue"),
                List.of("show", "baseline", "Emissions|CO2|Energy|Supply|Electricity", "--region", "World"),
                List.of("run", "baseline", "--out", out.toString()), List.of("compare", "baseline", "ai-boom"));
        long end = System.nanoTime() + WARM_UP_MILLIS * 1_000_000L;
        for (int round = 0; round < 5 && System.nanoTime() < end; round++)
            for (List<String> args : commands)
                command(args.toArray(String[]::new), home.toString(), home.resolve("scenarios").toString(), nothing, nothing, false);
        Caches.deleteQuietly(out);
    }

    private int command(String[] args, String cwd, String workspace, PrintStream out, PrintStream err, boolean interactive)
            throws LaunchException {
        Map<String, Object> context = new HashMap<>();
        context.put("etw.args", args);
        context.put("etw.cwd", cwd);
        context.put("etw.workspace", workspace);
        context.put("etw.out", out);
        context.put("etw.err", err);
        context.put("etw.interactive", interactive);
        return runtime.withService(ToIntFunction.class, "(etw.application=cli)", "the command-line bundle (etw.cli)",
                cli -> {
                    @SuppressWarnings("unchecked")
                    ToIntFunction<Map<String, Object>> f = (ToIntFunction<Map<String, Object>>) cli;
                    return f.applyAsInt(context);
                });
    }

    /** One connection: a request, then frames of output and the exit code. */
    private void answer(SocketChannel client) {
        try (client; DataInputStream in = new DataInputStream(Channels.newInputStream(client));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(output(client)))) {
            if (in.readInt() != MAGIC) return;
            String request = in.readUTF();
            switch (request) {
                case "status" -> {
                    text(out, OUT, status());
                    exit(out, 0);
                }
                case "stop" -> {
                    text(out, OUT, "etw: stopped the daemon (pid " + ProcessHandle.current().pid() + ")\n");
                    exit(out, 0);
                    leave("etw daemon stop");
                }
                case "run" -> runFor(client, in, out);
                default -> { }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("etw daemon: a connection failed: " + e);
        }
    }

    private void runFor(SocketChannel client, DataInputStream in, DataOutputStream out) throws IOException {
        String cwd = in.readUTF();
        String workspace = in.readUTF();
        boolean interactive = in.readBoolean();
        Charset charset = charset(in.readUTF());
        String[] args = new String[in.readInt()];
        for (int i = 0; i < args.length; i++) args[i] = in.readUTF();
        if (!plugins.equals(pluginsPrint(home))) {
            frame(out, STALE, new byte[0]);
            leave("the plugins changed");
            return;
        }
        if (leaving || !busy.tryLock()) {
            frame(out, BUSY, new byte[0]);
            return;
        }
        Thread worker = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread hangUp = new Thread(() -> {
            try {
                // the user's etw is gone (Ctrl-C): stop what can be stopped (read on the channel itself: the stream
                // of Channels.newInputStream would hold the lock its writes need)
                if (client.read(ByteBuffer.allocate(1)) < 0 && running.get()) worker.interrupt();
            } catch (IOException e) {
                // closed when the command ends
            }
        }, "etw-daemon-hang-up");
        try {
            hangUp.setDaemon(true);
            hangUp.start();
            PrintStream userOut = new PrintStream(new Frames(out, OUT), false, charset);
            Frames errFrames = new Frames(out, ERR);
            PrintStream userErr = new PrintStream(errFrames, true, charset);
            userErr.write(console.lines());
            userErr.flush();
            console.user = errFrames;
            int code;
            long t0 = System.nanoTime();
            try {
                code = command(args, cwd, workspace, userOut, userErr, interactive);
            } catch (LaunchException e) {
                userErr.println("etw: " + e.getMessage());
                code = 3;
            } catch (RuntimeException e) {
                userErr.println("etw: the command failed in the daemon: " + e + " (ETW_DAEMON=off runs it in its own process)");
                code = 1;
            }
            userOut.flush();
            userErr.flush();
            System.err.printf("etw daemon: %s: exit %d in %.1f ms%n", String.join(" ", args), code, (System.nanoTime() - t0) / 1e6);
            running.set(false);
            Thread.interrupted();
            exit(out, code);
        } finally {
            console.user = null;
            running.set(false);
            served.incrementAndGet();
            lastUsed = System.nanoTime();
            Thread.interrupted();
            busy.unlock();
        }
    }

    private String status() {
        Duration up = Duration.between(started, Instant.now());
        long idle = (System.nanoTime() - lastUsed) / 1_000_000_000L;
        return "etw daemon: running (pid " + ProcessHandle.current().pid() + ") for " + home + "\n"
                + "  up " + up.toMinutes() + " min, " + served.get() + " command(s) served, idle " + idle / 60 + " min "
                + idle % 60 + " s (it stops after " + idleMinutes() + " idle minutes)\n"
                + "  socket " + socket + "\n  log " + logFile(caches, key) + "\n";
    }

    /** Every few seconds: leave when idle too long, or when the distribution's jars or the socket changed. */
    private void watch() {
        long idleNanos = idleMinutes() * 60_000_000_000L;
        while (!leaving) {
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (!busy.isLocked() && System.nanoTime() - lastUsed > idleNanos) leave("idle for " + idleMinutes() + " minutes");
                else if (!key.equals(key(home))) leave("the distribution changed");
                else if (!Files.exists(socket)) leave("its socket was removed");
            } catch (IOException e) {
                leave("cannot read the distribution: " + e.getMessage());
            }
        }
    }

    private void leave(String reason) {
        if (leaving) return;
        leaveReason = reason;
        leaving = true;
        try {
            if (server != null) server.close(); // ends accept()
        } catch (IOException e) {
            // leaving anyway
        }
    }

    private synchronized void leaveQuietly() {
        leave(leaveReason.isEmpty() ? "stopped" : leaveReason);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // a socket nobody answers is skipped by the next command
        }
        if (runtime != null) {
            Runtime r = runtime;
            runtime = null;
            r.close();
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    // ---------------------------------------------------------------- the wire

    /** Writes on the channel itself, so a thread reading it at the same time does not block them. */
    static OutputStream output(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) channel.write(buffer);
            }
        };
    }

    static void frame(DataOutputStream out, byte type, byte[] bytes) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
        }
    }

    private static void text(DataOutputStream out, byte type, String text) throws IOException {
        frame(out, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void exit(DataOutputStream out, int code) throws IOException {
        synchronized (out) {
            out.writeByte(EXIT);
            out.writeInt(code);
            out.flush();
        }
    }

    /** Output to the user as frames of one type; a user who is gone makes writes fail, which PrintStream swallows. */
    private static final class Frames extends OutputStream {
        private final DataOutputStream out;
        private final byte type;

        Frames(DataOutputStream out, byte type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) return;
            synchronized (out) {
                out.writeByte(type);
                out.writeInt(len);
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /**
     * The framework's console. Every line goes to the daemon's log and is kept: a one-shot command prints such
     * lines (plugin installed or left out, a component that failed) at its start, and the framework says each only
     * once, so every command the daemon serves gets the kept lines first; a line said during a command goes to
     * that command's user too.
     */
    private static final class Console extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        volatile OutputStream user;

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            kept.write(b, off, len);
            System.err.write(b, off, len);
            OutputStream u = user;
            if (u != null) {
                try {
                    u.write(b, off, len);
                } catch (IOException e) {
                    // the user is gone; the line is kept for the next one
                }
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            System.err.flush();
            OutputStream u = user;
            if (u != null) {
                try {
                    u.flush();
                } catch (IOException e) {
                    // as above
                }
            }
        }

        synchronized byte[] lines() {
            return kept.toByteArray();
        }
    }

    // ---------------------------------------------------------------- the client side

    /**
     * Runs the command in this user's daemon and returns its exit code, or null when there is no daemon to run it
     * (none, busy, stale, or it went away before the command started): then the caller runs it itself.
     */
    static Integer tryRun(Path home, Caches caches, Path cwd, Path workspace, List<String> args) {
        Path socket;
        try {
            socket = socket(caches, key(home));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (!Files.exists(socket)) return null;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(channel)));
            out.writeInt(MAGIC);
            out.writeUTF("run");
            out.writeUTF(cwd.toString());
            out.writeUTF(workspace.toString());
            out.writeBoolean(System.console() != null);
            out.writeUTF(System.getProperty("sun.stderr.encoding", System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name())));
            out.writeInt(args.size());
            for (String a : args) out.writeUTF(a);
            out.flush();
            return relay(new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(channel))), caches);
        } catch (IOException | RuntimeException e) {
            return null; // a socket nobody answers (a daemon killed), or a line too long for the wire
        }
    }

    /** The daemon's answer onto this process's streams; null if it declined before any output. */
    private static Integer relay(DataInputStream in, Caches caches) throws IOException {
        boolean any = false;
        while (true) {
            int type;
            try {
                type = in.readByte();
            } catch (java.io.EOFException e) {
                if (!any) return null;
                System.out.flush();
                System.err.println("etw: the daemon stopped before the command finished; nothing it did can be trusted"
                        + " (its log: " + folder(caches) + "; ETW_DAEMON=off runs commands in their own process)");
                return Main.EXIT_UNFINISHED;
            }
            switch (type) {
                case OUT, ERR -> {
                    byte[] b = in.readNBytes(in.readInt());
                    (type == OUT ? System.out : System.err).write(b, 0, b.length);
                    (type == OUT ? System.out : System.err).flush();
                    any = true;
                }
                case EXIT -> {
                    int code = in.readInt();
                    System.out.flush();
                    System.err.flush();
                    return code;
                }
                case BUSY, STALE -> {
                    return null;
                }
                default -> throw new IOException("unknown frame " + type);
            }
        }
    }

    /** {@code etw daemon status|stop}: asks this distribution's daemon, or says there is none. */
    static int control(Path home, Caches caches, List<String> args) {
        String what = args.isEmpty() ? "" : args.get(0);
        if (!what.equals("status") && !what.equals("stop") || args.size() > 1) {
            System.err.println("etw: usage: etw daemon status|stop  (the background process that keeps the workbench "
                    + "loaded between short commands; ETW_DAEMON=off: none)");
            return 2;
        }
        Path socket;
        try {
            socket = socket(caches, key(home));
        } catch (IOException e) {
            System.err.println("etw: cannot read the distribution in " + home + ": " + e.getMessage());
            return 3;
        }
        if (Files.exists(socket)) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
                out.writeInt(MAGIC);
                out.writeUTF(what);
                out.flush();
                Integer code = relay(new DataInputStream(Channels.newInputStream(channel)), caches);
                if (code != null) return code;
            } catch (IOException e) {
                // nobody answers: as if there were none
            }
        }
        ProcessHandle starting = starting(caches, home);
        if (starting != null) {
            if (what.equals("stop")) {
                starting.destroy(); // SIGTERM: it leaves as on any stop
                System.out.println("etw: stopped the daemon (pid " + starting.pid() + ") while it was starting");
            } else {
                System.out.println("etw daemon: starting (pid " + starting.pid() + ") for " + home
                        + "; it answers once it has loaded the workbench and warmed up, within about 10 s");
            }
            return 0;
        }
        System.out.println("etw: no daemon is running for " + home + (what.equals("stop") ? "; nothing to stop" : "")
                + (eligible(List.of("run")) ? "" : " (ETW_DAEMON=off, or CI is set: commands run in their own process)"));
        return 0;
    }

    /** The daemon that holds this distribution's lock without answering yet (it is starting), or null. */
    private static ProcessHandle starting(Caches caches, Path home) {
        try {
            Path lockFile = lockFile(caches, key(home));
            if (!Files.exists(lockFile)) return null;
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock free = channel.tryLock()) {
                if (free != null) return null;
            }
            long pid = Long.parseLong(Files.readString(lockFile, StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * After a command that ran in its own process: starts this distribution's daemon in the background for the next
     * commands, unless one runs (or is starting) already. It says so once, on standard error.
     */
    static void startInBackground(Path home, Caches caches) {
        try {
            String key = key(home);
            Files.createDirectories(folder(caches), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try (FileChannel channel = FileChannel.open(lockFile(caches, key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock free = channel.tryLock()) {
                if (free == null) return; // a daemon holds it: running or starting
            }
            Path script = home.resolve("bin").resolve("etw");
            if (!Files.isExecutable(script)) return;
            // a Unix socket's path has room for about 100 bytes; with a longer one every command runs in its own process
            if (socket(caches, key).toString().getBytes(StandardCharsets.UTF_8).length > 100) return;
            List<String> command = new ArrayList<>();
            if (new File("/usr/bin/setsid").canExecute()) command.add("/usr/bin/setsid"); // out of the terminal's process group
            command.add(script.toString());
            command.add("daemon");
            command.add("serve");
            File log = logFile(caches, key).toFile();
            new ProcessBuilder(command).directory(home.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).redirectErrorStream(true).start();
            System.err.println("etw: started a background process (a daemon) that keeps the workbench loaded, so the next commands"
                    + " start quicker; it stops after " + idleMinutes() + " idle minutes (etw daemon stop: now; ETW_DAEMON=off: never start it)");
        } catch (IOException | RuntimeException e) {
            // no daemon: every command runs in its own process, as before
        }
    }
}
