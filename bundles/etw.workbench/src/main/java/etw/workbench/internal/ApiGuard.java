package etw.workbench.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stands before every {@code /api} request. With a token (framework property {@code etw.workbench.token}, set by
 * {@code etw workbench --public}), a request must carry it in the header {@code X-ETW-Token} or the query parameter
 * {@code token}, else 401. Without one, the server listens on the loopback address only and a request must name
 * a loopback host (so a web page elsewhere cannot reach the API through DNS rebinding), else 403. A server bound
 * to another address without a token refuses every request. A request that changes something (POST, PUT, DELETE)
 * and carries an {@code Origin} must come from the workbench's own origin (scheme, host and port), else 403, so a
 * page elsewhere cannot make the browser post to it. Whatever escapes the API, an {@code Error} included, becomes
 * a JSON error without a stack trace.
 */
@Component(service = Filter.class, property = "etw.workbench.part=guard")
@HttpWhiteboardFilterPattern("/api/*")
public final class ApiGuard implements Filter {
    static final String TOKEN_HEADER = "X-ETW-Token";

    private final byte[] token; // null: no token
    private final boolean loopbackOnly;

    @Activate
    public ApiGuard(BundleContext context) {
        String t = context.getProperty("etw.workbench.token");
        this.token = t == null || t.isBlank() ? null : t.getBytes(StandardCharsets.UTF_8);
        this.loopbackOnly = isLoopback(context.getProperty("org.apache.felix.http.host"));
    }

    /** True for a host the server reaches only from this machine; an unset host means all addresses. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) return false;
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (token != null) {
            String given = req.getHeader(TOKEN_HEADER);
            if (given == null) given = req.getParameter("token");
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                ApiServlet.writeError(req, resp, 401, "this workbench needs its access token: open the address that "
                        + "'etw workbench' printed (it ends in ?token=...), or send the header " + TOKEN_HEADER);
                return;
            }
        } else if (!loopbackOnly) {
            ApiServlet.writeError(req, resp, 403, "this workbench listens beyond this machine without an access token, so "
                    + "its API is closed; start it with etw workbench --public, which sets one");
            return;
        } else if (!loopbackHost(req.getServerName())) {
            ApiServlet.writeError(req, resp, 403, "the API answers only requests addressed to 127.0.0.1 or localhost");
            return;
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !SAFE_METHODS.contains(req.getMethod()) && !origin.equalsIgnoreCase(ownOrigin(req))) {
            ApiServlet.writeError(req, resp, 403, "a request that changes something must come from the workbench's own page ("
                    + ownOrigin(req) + "); this one came from another origin");
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (Throwable e) { // NOPMD: whatever escapes the API, an Error included, is answered as JSON
            ApiServlet.fail(req, resp, e);
        }
    }

    /** Methods that change nothing, so a request from another origin gets no further than reading (which CORS blocks). */
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    /** The origin a page served by this workbench sends: scheme, the Host header as the browser wrote it. */
    static String ownOrigin(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host == null) host = req.getServerName() + ":" + req.getServerPort();
        return req.getScheme() + "://" + host;
    }

    private static boolean loopbackHost(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
