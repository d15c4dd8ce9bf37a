package etw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeTest {
    @TempDir
    Path dir;

    @Test
    void onlyACommandGivenTheClusterOptionGetsTheClusterFeature() {
        assertEquals(Runtime.BASE_FEATURES, Node.features(new String[] {"ensemble", "baseline", "--samples", "10"}));
        assertEquals(List.of("core", "models", "teaching", "cluster"),
                Node.features(new String[] {"ensemble", "baseline", "--cluster", "127.0.0.1:5701"}));
    }

    @Test
    void aWorkbenchOnAClusterGetsTheFeatureTheMembersAndTheSecretFileButNotTheSecret() throws Exception {
        Path secret = Files.writeString(dir.resolve("cluster.secret"), "a-secret-of-more-than-16-bytes");
        List<String> args = new ArrayList<>(List.of("--cluster", "127.0.0.1:5701,10.0.0.2:5701", "--secret-file", secret.toString()));
        Map<String, String> props = new HashMap<>();
        List<String> features = new ArrayList<>(List.of("core", "workbench"));
        assertNull(Node.workbenchOptions(args, props, features));
        assertTrue(args.isEmpty(), args.toString());
        assertEquals(List.of("core", "workbench", "cluster"), features);
        assertEquals("127.0.0.1:5701,10.0.0.2:5701", props.get("etw.cluster.members"));
        assertEquals(secret.toAbsolutePath().toString(), props.get("etw.cluster.secretFile"));
        assertTrue(props.values().stream().noneMatch(v -> v.contains("a-secret-of")));

        // no options: nothing changes
        List<String> none = new ArrayList<>(List.of("--public"));
        List<String> base = new ArrayList<>(List.of("core", "workbench"));
        assertNull(Node.workbenchOptions(none, new HashMap<>(), base));
        assertEquals(List.of("--public"), none);
        assertEquals(List.of("core", "workbench"), base);

        // one without the other, a bad address, an unreadable secret: said plainly
        assertTrue(Node.workbenchOptions(new ArrayList<>(List.of("--cluster", "127.0.0.1:5701")), new HashMap<>(), new ArrayList<>())
                .contains("needs both --cluster"));
        assertTrue(Node.workbenchOptions(new ArrayList<>(List.of("--cluster", "nohost", "--secret-file", secret.toString())),
                new HashMap<>(), new ArrayList<>()).contains("got 'nohost'"));
        assertTrue(Node.workbenchOptions(new ArrayList<>(List.of("--cluster", "h:1", "--secret-file", dir.resolve("missing").toString())),
                new HashMap<>(), new ArrayList<>()).contains("cannot read the cluster secret"));
    }
}
