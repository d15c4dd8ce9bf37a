package etw.distribution.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart of a member whose port was taken, with a stand-in for {@code bin/etw node}: it fails as
 * NodeComponent does on the ports listed in {@code taken} (work folder), and otherwise says it started and waits. The
 * real member's case is in ClusterIT.
 */
class EtwProcessesNodeTest {
    @TempDir
    Path dist;
    @TempDir
    Path work;

    private EtwProcesses fakeDistribution() throws IOException {
        Files.createDirectories(dist.resolve("bin"));
        Files.createDirectories(dist.resolve("lib"));
        Files.createDirectories(dist.resolve("features"));
        Path etw = dist.resolve("bin").resolve("etw");
        Files.writeString(etw, """
                #!/bin/sh
                [ "$1" = node ] && [ "$2" = --port ] || { echo "etw: not a node: $*" >&2; exit 2; }
                [ "$4" = --fail ] && { echo "etw: unknown option --fail; usage: etw node" >&2; exit 2; }
                if grep -qx "$3" taken 2>/dev/null; then
                  echo "etw: the node did not start on 127.0.0.1:$3: Cannot bind to a given address: /127.0.0.1. Hazelcast cannot start. Port [$3] is already in use and auto-increment is disabled. (is the port taken? choose another with --port)" >&2
                  exit 3
                fi
                echo "node 127.0.0.1:$3 started in cluster etw-test; args: $*"
                exec sleep 60
                """);
        Files.setPosixFilePermissions(etw, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new EtwProcesses(dist, work);
    }

    @Test
    void aMemberWhosePortWasTakenIsStartedAgainOnAnotherWithItsOptions() throws Exception {
        try (EtwProcesses etw = fakeDistribution()) {
            int taken = EtwProcesses.freePort();
            Files.writeString(work.resolve("taken"), taken + "\n");
            EtwProcesses.Node n = etw.node(etw.home("home"), "n1", taken, port -> List.of("--join", "127.0.0.1:" + (port + 1)))
                    .awaitStarted(30);
            assertEquals(2, n.starts());
            assertNotEquals(taken, n.port());
            assertTrue(etw.read("n1.err.1").contains("(is the port taken?"), etw.read("n1.err.1"));
            assertTrue(etw.read("n1.out").contains("args: node --port " + n.port() + " --join 127.0.0.1:" + (n.port() + 1)), etw.read("n1.out"));
            assertTrue(n.process().isAlive());
        }
    }

    @Test
    void anotherFailureOrAPortTakenEveryTimeFailsTheTestWithTheMembersErrors() throws Exception {
        try (EtwProcesses etw = fakeDistribution()) {
            AssertionError other = assertThrows(AssertionError.class,
                    () -> etw.node(etw.home("home"), "bad", port -> List.of("--fail")).awaitStarted(30));
            assertTrue(other.getMessage().contains("ended with exit code 2") && other.getMessage().contains("unknown option --fail"),
                    other.getMessage());

            // every port it is given is taken: the first one, then each one freePort hands out next
            Path taken = work.resolve("taken");
            int first = EtwProcesses.freePort();
            Files.writeString(taken, first + "\n");
            EtwProcesses.Node n = etw.node(etw.home("home"), "busy", first, port -> {
                try {
                    Files.writeString(taken, Files.readString(taken) + port + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return List.of();
            });
            AssertionError busy = assertThrows(AssertionError.class, () -> n.awaitStarted(60));
            assertEquals(EtwProcesses.NODE_ATTEMPTS, n.starts());
            assertTrue(busy.getMessage().contains("start " + EtwProcesses.NODE_ATTEMPTS + " of at most " + EtwProcesses.NODE_ATTEMPTS)
                    && busy.getMessage().contains("is already in use"), busy.getMessage());
        }
    }
}
