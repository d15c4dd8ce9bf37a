package etw.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {
    private static final Secret A = new Secret("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
    private static final Secret B = new Secret("another secret, also long enough".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSealedMessageOpensWithTheSameSecretOnly() {
        byte[] payload = {1, 2, 3, 4};
        byte[] sealed = A.seal(Secret.Kind.BLOCK, payload);
        Secret.Opened o = A.open(sealed, "a job");
        assertEquals(Secret.Kind.BLOCK, o.kind());
        assertArrayEquals(payload, o.payload());
        SecurityException other = assertThrows(SecurityException.class, () -> B.open(sealed, "a job"));
        assertTrue(other.getMessage().contains("HMAC does not match"), other.getMessage());
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x10;
            assertThrows(SecurityException.class, () -> A.open(tampered, "a job"), "byte " + i + " changed unnoticed");
        }
        SecurityException unsigned = assertThrows(SecurityException.class, () -> A.open(payload, "a job"));
        assertTrue(unsigned.getMessage().contains("not a signed ETW cluster message"), unsigned.getMessage());
    }

    @Test
    void theClusterNameDependsOnTheSecretAndRevealsNothingOfIt() {
        assertEquals(A.clusterName(), new Secret("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8)).clusterName());
        assertNotEquals(A.clusterName(), B.clusterName());
        assertTrue(A.clusterName().matches("etw-[0-9a-f]{16}"), A.clusterName());
    }

    @Test
    void aShortOrMissingSecretFileIsRefusedWithHowToMakeOne(@TempDir Path dir) throws IOException {
        Path shortOne = dir.resolve("short");
        Files.writeString(shortOne, "tiny\n");
        IOException e = assertThrows(IOException.class, () -> Secret.load(shortOne));
        assertTrue(e.getMessage().contains("at least 16") && e.getMessage().contains("head -c 32"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> Secret.load(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("cannot read the cluster secret"), missing.getMessage());
        Path ok = dir.resolve("ok");
        Files.writeString(ok, "  a secret of at least sixteen bytes \n");
        assertEquals(A.clusterName(), Secret.load(ok).clusterName(), "surrounding whitespace is not part of the secret");
    }

    @Test
    void bundleSetsDifferInPluginsToSendOrInBundlesThatLeaveAMemberOut() {
        BundleSet.Entry engine = new BundleSet.Entry("etw.engine", "1.0.0", "aaa", false);
        BundleSet.Entry plugin = new BundleSet.Entry("acme.h2", "1.0.0", "bbb", true);
        BundleSet.Entry extra = new BundleSet.Entry("acme.extra", "1.0.0", "ccc", true);
        assertTrue(BundleSet.compare(List.of(engine, plugin), List.of(engine, plugin, extra)).matches());
        BundleSet.Difference lacks = BundleSet.compare(List.of(engine, plugin), List.of(engine));
        assertEquals(List.of(plugin), lacks.missingPlugins());
        assertTrue(lacks.mismatches().isEmpty());
        BundleSet.Difference other = BundleSet.compare(List.of(engine), List.of(new BundleSet.Entry("etw.engine", "1.0.0", "zzz", false)));
        assertEquals(List.of("bundle etw.engine 1.0.0 differs (SHA-256 zzz here, aaa at the coordinator)"), other.mismatches());
        assertEquals(List.of("bundle etw.engine 1.0.0 is missing here"), BundleSet.compare(List.of(engine), List.of()).mismatches());
    }
}
