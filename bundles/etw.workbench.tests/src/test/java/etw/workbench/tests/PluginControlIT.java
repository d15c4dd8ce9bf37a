package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;

/**
 * Starting and stopping bundles from the Plugins view is for this machine only, checked by the server: a workbench
 * started with {@code --public} (listening on every interface, token required) answers the same request with 200
 * from 127.0.0.1 and 403 from this machine's own non-loopback address, whatever the page shows; and the page
 * opened through that address shows the buttons disabled with the reason.
 */
class PluginControlIT {
    private static final Json JSON = new Json();

    /** An address of this machine that is not loopback (so a request to it arrives from it), or null. */
    static String nonLoopbackAddress() throws Exception {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses()))
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a.getHostAddress();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        return JSON.toType(r.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bundle(Map<String, Object> plugins, String name) {
        return ((List<Map<String, Object>>) plugins.get("installed")).stream().filter(b -> name.equals(b.get("symbolicName")))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not listed: " + plugins));
    }

    @Test
    void startAndStopOnlyFromThisMachine() throws Exception {
        String lan = nonLoopbackAddress();
        assumeTrue(lan != null, "this machine has no non-loopback address to test a remote request from");
        try (WorkbenchProcess pub = WorkbenchProcess.start("--public")) {
            String token = pub.url.substring(pub.url.indexOf("?token=") + 7);
            String local = pub.origin();
            String remote = local.replace("127.0.0.1", lan);
            TestPlugins.drop(pub, PluginIT.buildPlugin(Files.createTempDirectory(pub.home, "plugin-")));
            long deadline = System.currentTimeMillis() + 30_000;
            Map<String, Object> fromHere = null;
            while (System.currentTimeMillis() < deadline) {
                fromHere = json(Http.get(local + "/api/plugins", "X-ETW-Token", token));
                // SCR registers the bundle's model a moment after the bundle turns ACTIVE: wait for both
                if (fromHere.toString().contains("test.hydrogen") && "ACTIVE".equals(bundle(fromHere, "test.hydrogen").get("state"))
                        && !((List<?>) bundle(fromHere, "test.hydrogen").get("models")).isEmpty()) break;
                Thread.sleep(300);
            }
            Map<String, Object> hydrogen = bundle(fromHere, "test.hydrogen");
            assertEquals("ACTIVE", hydrogen.get("state"));
            assertEquals(List.of("test.hydrogen"), hydrogen.get("models"));
            assertEquals(Boolean.TRUE, fromHere.get("control"), "a request from 127.0.0.1 may start and stop");
            long id = ((Number) hydrogen.get("id")).longValue();

            // from this machine's LAN address: listed, but control refused, by the server
            Map<String, Object> fromLan = json(Http.get(remote + "/api/plugins", "X-ETW-Token", token));
            assertEquals(Boolean.FALSE, fromLan.get("control"), "a request from " + lan + " may not");
            HttpResponse<String> refused = Http.post(remote + "/api/plugins/" + id + "/stop", "{}", "X-ETW-Token", token);
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("only from the machine the workbench runs on") && refused.body().contains(lan), refused.body());
            // a proxy header makes even a loopback request remote
            HttpResponse<String> proxied = Http.post(local + "/api/plugins/" + id + "/stop", "{}", "X-ETW-Token", token, "X-Forwarded-For", "203.0.113.9");
            assertEquals(403, proxied.statusCode(), proxied.body());
            assertEquals("ACTIVE", bundle(json(Http.get(local + "/api/plugins", "X-ETW-Token", token)), "test.hydrogen").get("state"));

            // from 127.0.0.1: stopped, its model gone from the catalog, the reason given; then started again
            HttpResponse<String> stop = Http.post(local + "/api/plugins/" + id + "/stop", "{}", "X-ETW-Token", token);
            assertEquals(200, stop.statusCode(), stop.body());
            Map<String, Object> stopped = bundle(json(Http.get(local + "/api/plugins", "X-ETW-Token", token)), "test.hydrogen");
            assertEquals("RESOLVED", stopped.get("state"));
            assertEquals(List.of(), stopped.get("models"));
            assertTrue(stopped.get("leftOut").toString().contains("stopped from the workbench"), stopped.toString());
            assertFalse(Http.get(local + "/api/models", "X-ETW-Token", token).body().contains("\"id\":\"test.hydrogen\""));
            HttpResponse<String> start = Http.post(local + "/api/plugins/" + id + "/start", "{}", "X-ETW-Token", token);
            assertEquals(200, start.statusCode(), start.body());
            deadline = System.currentTimeMillis() + 20_000;
            while (!Http.get(local + "/api/models", "X-ETW-Token", token).body().contains("\"id\":\"test.hydrogen\"") && System.currentTimeMillis() < deadline)
                Thread.sleep(200);
            Map<String, Object> started = bundle(json(Http.get(local + "/api/plugins", "X-ETW-Token", token)), "test.hydrogen");
            assertEquals("ACTIVE", started.get("state"));
            assertEquals(List.of("test.hydrogen"), started.get("models"));
            assertEquals(List.of(), started.get("leftOut"));

            // only model and plugin bundles: not the workbench itself
            assertEquals(404, Http.post(local + "/api/plugins/999999/stop", "{}", "X-ETW-Token", token).statusCode());
            HttpResponse<String> framework = Http.post(local + "/api/plugins/0/stop", "{}", "X-ETW-Token", token);
            assertEquals(403, framework.statusCode(), framework.body());

            // the page through the LAN address: the buttons are there but disabled, with the reason
            try (Chromium browser = Chromium.start()) {
                browser.driver.get(remote + "/?token=" + token + "&scenario=baseline&perspective=plugins");
                By row = By.cssSelector("#view-etw\\.workbench\\.plugins tr.bundle[data-bundle='test.hydrogen']");
                browser.waiting(60).until(d -> !d.findElements(row).isEmpty());
                WebElement button = browser.driver.findElement(row).findElement(By.cssSelector("button"));
                assertFalse(button.isEnabled(), "the page offers no stop button to a remote user");
                assertTrue(browser.driver.findElement(By.id("view-etw.workbench.plugins")).getText()
                        .contains("allowed only from the machine the workbench runs on"));
                browser.screenshot("plugins-3-remote-disabled");
            }
        }
    }
}
