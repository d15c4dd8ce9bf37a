package etw.workbench.internal;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

/**
 * Tells the launcher where the workbench listens: a {@code Supplier<String>} (a JDK type, since the launcher
 * shares nothing else with the bundles) with the property {@code etw.workbench.url=true}, whose value is the
 * address to open, with {@code ?token=...} when the API needs one. It is registered only once the HTTP runtime
 * runs and the page, the API and its guard are registered.
 */
@Component(service = Supplier.class, property = "etw.workbench.url=true")
public final class UrlPublisher implements Supplier<String> {
    private static final Pattern PORT = Pattern.compile(":(\\d+)/?$");
    private final String url;

    @Activate
    public UrlPublisher(BundleContext context,
                        @Reference(name = "runtime", service = HttpServiceRuntime.class) Map<String, Object> runtime,
                        @Reference(name = "api", target = "(etw.workbench.part=api)") Servlet api,
                        @Reference(name = "web", target = "(etw.workbench.part=web)") Servlet web,
                        @Reference(name = "guard", target = "(etw.workbench.part=guard)") Filter guard) {
        String endpoint = first(runtime.get("osgi.http.endpoint"));
        String token = context.getProperty("etw.workbench.token");
        this.url = address(endpoint, context.getProperty("org.apache.felix.http.host"))
                + (token == null || token.isBlank() ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static String first(Object endpoints) {
        if (endpoints instanceof String s) return s;
        if (endpoints instanceof String[] a && a.length > 0) return a[0];
        if (endpoints instanceof java.util.Collection<?> c && !c.isEmpty()) return String.valueOf(c.iterator().next());
        return "http://127.0.0.1:8080/";
    }

    /**
     * The address a browser should open: the configured host with the port the server got (the port may have
     * been chosen at start, with port 0). For a server on every interface, whose endpoints list each interface,
     * this machine's name.
     */
    static String address(String endpoint, String host) {
        Matcher m = PORT.matcher(endpoint);
        String port = m.find() ? m.group(1) : "8080";
        String h = host == null ? "" : host.trim();
        if (h.isEmpty() || h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]")) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException x) {
                h = "localhost";
            }
        }
        if (h.contains(":") && !h.startsWith("[")) h = "[" + h + "]";
        return "http://" + h + ":" + port + "/";
    }

    @Override
    public String get() {
        return url;
    }
}
