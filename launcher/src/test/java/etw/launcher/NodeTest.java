package etw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class NodeTest {
    @Test
    void onlyACommandGivenTheClusterOptionGetsTheClusterFeature() {
        assertEquals(Runtime.BASE_FEATURES, Node.features(new String[] {"ensemble", "baseline", "--samples", "10"}));
        assertEquals(List.of("core", "models", "teaching", "cluster"),
                Node.features(new String[] {"ensemble", "baseline", "--cluster", "127.0.0.1:5701"}));
    }
}
