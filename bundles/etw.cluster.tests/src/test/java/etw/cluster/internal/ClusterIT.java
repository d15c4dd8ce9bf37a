package etw.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import etw.distribution.testsupport.EtwProcesses;

/**
 * Three members ({@code bin/etw node}) in separate JVMs on loopback, run from the built distribution as a user
 * runs them: a clustered ensemble equals the local one, still does when a member is killed mid-run, so does a
 * clustered sensitivity analysis, a plugin only
 * the coordinator has is sent to the members, and forged work (unsigned, tampered, another secret) is refused. The
 * members get ports below the kernel's ephemeral range, and one whose port is taken is started again on another
 * ({@link EtwProcesses}); the plugin test gives its member a taken port first, to check that.
 */
class ClusterIT {
    private static final Path DIST = EtwProcesses.distribution("etw.dist", "../../launcher/target/etw");
    private static final int SAMPLES = 300;
    private static final String CSV = "cluster-test.ensemble.csv";
    /** Base rows of the sensitivity check: 12 x (k + 2) runs, a block of one row or more for every member. */
    private static final int SENSITIVITY_SAMPLES = 12;
    private static final String SENSITIVITY_CSV = "cluster-test.sensitivity.csv";
    /** Baseline to 2040: the same models and uncertainty, fewer years, so a loaded 2-core machine runs it in time. */
    private static final String SCENARIO = "name: cluster-test\nextends: baseline\nyears: {first: 2024, last: 2040}\n";

    @TempDir
    Path work;
    private EtwProcesses etw;
    private HazelcastInstance stranger;

    @BeforeEach
    void processes() {
        etw = new EtwProcesses(DIST, work);
    }

    @AfterEach
    void stop() {
        if (stranger != null) stranger.getLifecycleService().terminate();
        etw.close();
    }

    @Test
    void threeMembersGiveTheLocalResultEvenWhenOneIsKilledAndRefuseForgedWork() throws Exception {
        Files.writeString(work.resolve("cluster-test.yaml"), SCENARIO);
        Path secret = work.resolve("cluster.secret");
        Files.writeString(secret, "a-test-secret-of-more-than-16-bytes\n");
        Path home = home("home", false);
        // the first member, then two that join it: started again on another port if theirs was taken
        EtwProcesses.Node m1 = etw.node(home, "n1", port -> List.of("--secret-file", secret.toString())).awaitStarted(120);
        String p1 = m1.address();
        EtwProcesses.Node m2 = etw.node(home, "n2", port -> List.of("--join", p1, "--secret-file", secret.toString()));
        EtwProcesses.Node m3 = etw.node(home, "n3", port -> List.of("--join", p1, "--secret-file", secret.toString()));
        m2.awaitStarted(120);
        m3.awaitStarted(120);
        int[] ports = {m1.port(), m2.port(), m3.port()};
        String all = p1 + "," + m2.address() + "," + m3.address();
        Process n1 = m1.process(), n2 = m2.process(), n3 = m3.process();
        assertTrue(n1.isAlive() && n2.isAlive() && n3.isAlive());

        // the local run, then the same on the cluster: the same CSV, byte for byte
        assertEquals(0, etw(home, "local", "ensemble", "cluster-test.yaml", "--samples", "" + SAMPLES, "--seed", "11", "--out",
                work.resolve("local").toString()).waitFor(), () -> read("local.err"));
        byte[] local = Files.readAllBytes(work.resolve("local").resolve(CSV));
        Process c1 = etw(home, "c1", "ensemble", "cluster-test.yaml", "--samples", "" + SAMPLES, "--seed", "11", "--out",
                work.resolve("c1").toString(), "--cluster", all, "--secret-file", secret.toString());
        assertTrue(c1.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, c1.exitValue(), () -> read("c1.err"));
        assertArrayEquals(local, Files.readAllBytes(work.resolve("c1").resolve(CSV)), "the clustered result differs from the local one");
        String err = read("c1.err");
        for (int p : ports) assertTrue(err.contains("member 127.0.0.1:" + p + " ready"), err);
        for (String n : List.of("n1", "n2", "n3")) assertTrue(read(n + ".out").contains(": block "), n + " ran no block: " + read(n + ".out"));

        // a sensitivity analysis, its Saltelli rows evaluated by the members: the same CSV as the local analysis
        String[] sensitivity = {"sensitivity", "cluster-test.yaml", "--samples", "" + SENSITIVITY_SAMPLES, "--year", "2040",
                "--bootstrap", "50", "--seed", "5"};
        assertEquals(0, etw(home, "slocal", concat(sensitivity, "--out", work.resolve("slocal").toString())).waitFor(),
                () -> read("slocal.err"));
        Process s1 = etw(home, "s1", concat(sensitivity, "--out", work.resolve("s1").toString(), "--cluster", all, "--secret-file",
                secret.toString()));
        assertTrue(s1.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, s1.exitValue(), () -> read("s1.err"));
        assertArrayEquals(Files.readAllBytes(work.resolve("slocal").resolve(SENSITIVITY_CSV)),
                Files.readAllBytes(work.resolve("s1").resolve(SENSITIVITY_CSV)), "the clustered sensitivity analysis differs from the local one");
        assertTrue(read("s1.err").contains("block(s) of rows from 3 member(s)"), read("s1.err"));

        // kill a member when it has begun a block of the second run: its blocks run elsewhere, the result is the same
        int offset = read("n2.out").length();
        Process c2 = etw(home, "c2", "ensemble", "cluster-test.yaml", "--samples", "" + SAMPLES, "--seed", "11", "--out",
                work.resolve("c2").toString(), "--cluster", all, "--secret-file", secret.toString());
        awaitLine("n2.out", ": block ", offset, 180);
        n2.destroyForcibly();
        assertTrue(c2.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, c2.exitValue(), () -> read("c2.err"));
        assertArrayEquals(local, Files.readAllBytes(work.resolve("c2").resolve(CSV)), "the result after a member died differs");
        String err2 = read("c2.err");
        assertTrue(err2.contains("member 127.0.0.1:" + ports[1] + " left out"), err2);

        // a stranger on the network with the cluster name: unsigned, tampered and wrongly signed work is refused
        Secret right = Secret.load(secret);
        stranger = Hz.start(right, "127.0.0.1", EtwProcesses.freePort(), true, List.of(p1), true, 1, null);
        Member target = stranger.getCluster().getMembers().stream().filter(m -> !m.localMember()).findFirst().orElseThrow();
        byte[] payload = Io.bytes(o -> o.writeUTF("any run"));
        assertRefused(target, payload); // not signed at all
        byte[] jar = bundleJar("stranger.plugin", "1.0.0");
        byte[] install = right.seal(Secret.Kind.INSTALL, Io.bytes(o -> {
            o.writeUTF("stranger.plugin");
            o.writeUTF("1.0.0");
            o.writeUTF(BundleSet.sha256(jar));
            Io.writeBlob(o, jar);
        }));
        byte[] tampered = install.clone();
        tampered[tampered.length - 64] ^= 1; // a byte of the jar, after signing
        assertRefused(target, tampered);
        assertRefused(target, new Secret("another-secret-of-more-than-16".getBytes(StandardCharsets.UTF_8))
                .seal(Secret.Kind.INSTALL, Io.bytes(o -> o.writeUTF("stranger.plugin"))));
        assertRefused(target, tamperKind(right.seal(Secret.Kind.BLOCK, payload)));
        String memberLog = read("n1.out") + read("n3.out");
        assertTrue(memberLog.contains("refused a job: it is not a signed ETW cluster message"), memberLog);
        assertTrue(memberLog.contains("its HMAC does not match"), memberLog);
        assertFalse(memberLog.contains("installed plugin stranger.plugin"), memberLog);
    }

    @Test
    void aPluginOnlyTheCoordinatorHasIsSentToTheMembersAndACoordinatorThatDiesStopsTheirWork() throws Exception {
        Files.writeString(work.resolve("cluster-test.yaml"), SCENARIO);
        Path secret = work.resolve("cluster.secret");
        Files.writeString(secret, "another-test-secret-for-plugins");
        Path nodes = home("nodes", false);
        Path coordinator = home("coordinator", true);
        // its first port is taken (held here): it says so, and is started again on another port
        EtwProcesses.Node m1;
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), EtwProcesses.freePort()));
            m1 = etw.node(nodes, "m1", held.getLocalPort(), port -> List.of("--secret-file", secret.toString())).awaitStarted(120);
            assertEquals(2, m1.starts(), read("m1.err.1"));
            assertTrue(read("m1.err.1").contains("the node did not start on 127.0.0.1:" + held.getLocalPort())
                    && read("m1.err.1").contains("(is the port taken?"), read("m1.err.1"));
        }
        Process n1 = m1.process();
        Process c = etw(coordinator, "c", "ensemble", "cluster-test.yaml", "--samples", "" + (SAMPLES + 600), "--seed", "3", "--out",
                work.resolve("c").toString(), "--cluster", m1.address(), "--secret-file", secret.toString());
        awaitLine("m1.out", "installed plugin etw.test.synced 1.0.0", 0, 180);
        awaitLine("m1.out", ": block ", 0, 180);
        c.destroyForcibly();
        awaitLine("m1.out", "stopped after", 0, 60);
        assertTrue(n1.isAlive());
        assertTrue(read("c.err").contains("sending plugin etw.test.synced 1.0.0"), read("c.err"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] tamperKind(byte[] sealed) {
        byte[] b = sealed.clone();
        b[5] = (byte) Secret.Kind.INSTALL.ordinal(); // a signed block request relabelled as a bundle
        return b;
    }

    private void assertRefused(Member target, byte[] message) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stranger.getExecutorService(Hz.EXECUTOR).submitToMember(new WorkTask(message), target).get(60, TimeUnit.SECONDS));
        Throwable cause = e.getCause();
        assertInstanceOf(SecurityException.class, cause, String.valueOf(cause));
        assertTrue(cause.getMessage().startsWith("refused"), cause.getMessage());
    }

    /** A minimal bundle jar: a manifest and nothing else. */
    private static byte[] bundleJar(String name, String version) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", name);
        mf.getMainAttributes().putValue("Bundle-Version", version);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(b, mf)) {
            j.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
            j.write(("plugin " + name + " for the cluster test").getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    /** A home like the distribution's (bin/etw, lib/, features/), with an empty plugins/ or one test plugin. */
    private Path home(String name, boolean withPlugin) throws IOException {
        Path home = etw.home(name);
        if (withPlugin) Files.write(home.resolve("plugins").resolve("synced.jar"), bundleJar("etw.test.synced", "1.0.0"));
        return home;
    }

    private Process etw(Path home, String name, String... args) throws IOException {
        return etw.start(home, name, args);
    }

    private String read(String file) {
        return etw.read(file);
    }

    private void awaitLine(String file, String text, int from, int seconds) throws InterruptedException {
        etw.awaitText(file, text, from, seconds);
    }
}
