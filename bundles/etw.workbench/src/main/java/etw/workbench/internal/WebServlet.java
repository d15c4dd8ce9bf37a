package etw.workbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import etw.workbench.WorkbenchView;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page: {@code /} and its files from this bundle's {@code /web} folder, and each view's files under
 * {@code /views/<view id>/<path>} from the view itself. Paths are checked before any lookup: only letters,
 * digits, {@code . _ - /}, no {@code ..} and no empty segment.
 */
@Component(service = Servlet.class, property = "etw.workbench.part=web")
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("etw.workbench.web")
@RequireHttpWhiteboard
public final class WebServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final Pattern VIEW_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=utf-8", "js",
            "text/javascript;charset=utf-8", "mjs", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml", "json", "application/json;charset=utf-8", "png", "image/png", "md",
            "text/markdown;charset=utf-8", "ico", "image/x-icon");

    private final transient List<WorkbenchView> views = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(WorkbenchView view) {
        views.add(view);
    }

    void removeView(WorkbenchView view) {
        views.remove(view);
    }

    static boolean safePath(String p) {
        return p != null && p.length() <= 300 && SAFE_PATH.matcher(p).matches()
                && java.util.Arrays.stream(p.split("/")).noneMatch(s -> s.equals(".") || s.equals(".."));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String uri = req.getRequestURI();
        String ctx = req.getContextPath();
        String path = uri.substring(Math.min(ctx.length(), uri.length()));
        if (path.isEmpty() || path.equals("/")) path = "/index.html";
        URL url = null;
        String file = path.substring(1);
        if (file.startsWith("views/")) {
            String rest = file.substring("views/".length());
            int slash = rest.indexOf('/');
            if (slash > 0 && VIEW_ID.matcher(rest.substring(0, slash)).matches() && safePath(rest.substring(slash + 1))) {
                String id = rest.substring(0, slash);
                for (WorkbenchView v : views) {
                    try {
                        if (id.equals(v.id())) {
                            url = v.resource(rest.substring(slash + 1));
                            break;
                        }
                    } catch (RuntimeException | LinkageError e) {
                        // a faulty view serves nothing
                    }
                }
            }
        } else if (safePath(file)) {
            url = WebServlet.class.getResource("/web/" + file);
        }
        if (url == null) {
            resp.setStatus(404);
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().write("Not found: " + (safePath(file) ? file : "(a path the workbench does not serve)"));
            return;
        }
        String ext = file.substring(file.lastIndexOf('.') + 1);
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = url.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
