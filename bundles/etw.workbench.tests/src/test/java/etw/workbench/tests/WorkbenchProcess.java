package etw.workbench.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbench as a user starts it: {@code bin/etw workbench --port 0} of the built distribution, in a child
 * process. It runs in a throwaway home (a link to the distribution's {@code lib/}, a copy of its {@code features/}, its own
 * {@code plugins/} and {@code scenarios/}), so tests may add plugins and save scenarios. The address is read from
 * the line "ETW workbench at URL" the command prints.
 */
final class WorkbenchProcess implements AutoCloseable {
    private static final Pattern ADDRESS = Pattern.compile("ETW workbench at (\\S+)");
    private static final long START_TIMEOUT_S = 60;

    final Process process;
    final Path home;
    final String url;
    final long startMillis;
    private final List<String> output;

    private WorkbenchProcess(Process process, Path home, String url, long startMillis, List<String> output) {
        this.process = process;
        this.home = home;
        this.url = url;
        this.startMillis = startMillis;
        this.output = output;
    }

    /** Starts {@code etw workbench --port 0} plus {@code extraArgs} and waits for its address. */
    static WorkbenchProcess start(String... extraArgs) throws IOException, InterruptedException {
        Path dist = Path.of(System.getProperty("etw.distribution", "../../launcher/target/etw")).toAbsolutePath().normalize();
        Path script = dist.resolve("bin/etw");
        if (!Files.isExecutable(script))
            throw new IllegalStateException(script + " is missing: build the distribution first (mvn -B install from the root)");
        Path out = Path.of(System.getProperty("etw.test.output", "target/workbench"));
        Files.createDirectories(out);
        Path home = Files.createTempDirectory(out.toAbsolutePath(), "home-");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(script, home.resolve("bin/etw"));
        Files.createSymbolicLink(home.resolve("lib"), dist.resolve("lib"));
        copyTree(dist.resolve("features"), home.resolve("features")); // a copy: where a bundle came from is its path

        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("scenarios"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/etw").toString(), "workbench", "--port", "0"));
        command.addAll(List.of(extraArgs));
        long t0 = System.nanoTime();
        // in the home, so the launcher's default workspace (<current directory>/scenarios) is the home's scenarios/
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    Matcher m = ADDRESS.matcher(line);
                    if (m.find()) address.complete(m.group(1));
                }
            } catch (IOException e) {
                // the process ended
            }
            address.completeExceptionally(new IllegalStateException("etw workbench ended without printing its address:\n"
                    + String.join("\n", lines)));
        }, "etw-workbench-output");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = address.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            destroy(p);
            throw new IllegalStateException("etw workbench did not print its address within " + START_TIMEOUT_S + " s:\n"
                    + String.join("\n", lines), e);
        }
        return new WorkbenchProcess(p, home, url, (System.nanoTime() - t0) / 1_000_000, lines);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }

    /** The origin (scheme, host, port) to send requests to: always the loopback address. */
    String origin() {
        Matcher m = Pattern.compile("^(https?)://[^/:]+:(\\d+)").matcher(url);
        if (!m.find()) throw new IllegalStateException("not an address: " + url);
        return m.group(1) + "://127.0.0.1:" + m.group(2);
    }

    /** Everything the command printed so far (standard output and error). */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() {
        destroy(process);
    }

    private static void destroy(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
