package etw.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

/** Who may start and stop bundles, and which perspectives a view lands in. */
class PluginsResourceTest {
    private static HttpServletRequest from(String remote, String... headers) {
        Map<String, String> h = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i], headers[i + 1]);
        return (HttpServletRequest) Proxy.newProxyInstance(PluginsResourceTest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> h.get((String) a[0]);
                    default -> null;
                });
    }

    @Test
    void onlyALoopbackPeerWithoutProxyHeadersMayControlBundles() {
        assertTrue(PluginsResource.fromLoopback(from("127.0.0.1")));
        assertTrue(PluginsResource.fromLoopback(from("127.3.2.1")));
        assertTrue(PluginsResource.fromLoopback(from("0:0:0:0:0:0:0:1")));
        assertTrue(PluginsResource.fromLoopback(from("[::1]")));
        assertFalse(PluginsResource.fromLoopback(from("192.0.2.2")));
        assertFalse(PluginsResource.fromLoopback(from("fd00::2")));
        assertFalse(PluginsResource.fromLoopback(from(null)));
        assertFalse(PluginsResource.fromLoopback(from("localhost")), "a name is never looked up");
        assertFalse(PluginsResource.fromLoopback(from("127.0.0.1", "X-Forwarded-For", "203.0.113.9")), "a proxy on this machine");
        assertFalse(PluginsResource.fromLoopback(from("127.0.0.1", "Forwarded", "for=203.0.113.9")));
    }

    @Test
    void controlPathsAreStartOrStopOfABundleId() {
        assertTrue(PluginsResource.isControl("/plugins/12/stop"));
        assertTrue(PluginsResource.isControl("/plugins/0/start"));
        assertFalse(PluginsResource.isControl("/plugins/x/stop"));
        assertFalse(PluginsResource.isControl("/plugins/12/uninstall"));
        assertFalse(PluginsResource.isControl("/plugins"));
    }

    @Test
    void aViewNamesItsPerspectivesOrLandsInModel() {
        assertEquals(List.of("explore"), Perspectives.of("acme.view", Map.of(Perspectives.PROPERTY, "explore")));
        assertEquals(List.of("explore", "plugins"), Perspectives.of("acme.view", Map.of(Perspectives.PROPERTY, new String[]{"plugins", "Explore"})));
        assertEquals(List.of("model", "plugins"), Perspectives.of("acme.view", Map.of(Perspectives.PROPERTY, "plugins, model")));
        assertEquals(List.of("model"), Perspectives.of("acme.view", Map.of()));
        assertEquals(List.of("model"), Perspectives.of("acme.view", Map.of(Perspectives.PROPERTY, "debug")), "an unknown name: Model");
        assertEquals(List.of("model"), Perspectives.of("acme.view", null));
        assertEquals(List.of("explore"), Perspectives.of("etw.workbench.explore", null));
    }
}
