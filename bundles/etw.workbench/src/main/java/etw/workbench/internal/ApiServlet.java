package etw.workbench.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import etw.api.Model;
import etw.api.scenario.ScenarioLibrary;
import etw.engine.ModelCatalog;
import etw.scenario.ScenarioService;
import etw.workbench.WorkbenchView;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON API under {@code /api}; the page uses nothing else. This class routes, reads bodies and writes answers;
 * the resources do the work. Every answer is JSON ({@link JsonSupport}, records of {@link Responses}); every error
 * is {@code {"error": "..."}}: a 4xx for the request, 500 for a failure here, 503 for running out of memory.
 * {@link ApiGuard} checks access and origin first.
 *
 * <pre>
 * GET  /api/status                   {revision}: changes when models, scenario libraries or views come or go
 * GET  /api/models                   installed models, bundles, and what was left out with its reason  (ModelsResource)
 * GET  /api/plugins                  model and plugin bundles, their models, what was left out     (PluginsResource)
 * GET  /api/views                    the views, built-in and contributed (WorkbenchView services)
 * GET  /api/scenarios                canned scenarios and those saved in the workspace                 (ScenariosResource)
 * GET  /api/scenarios/{name}         one parsed, for the editor: regions, years, parameters with values and metadata
 * GET  /api/levers/{name}            its key levers (its own levers file or its parent's) and the headlines (LeversResource)
 * POST /api/scenarios/parse          {text}: the same for scenario text the page sends
 * POST /api/scenarios/save           {scenario|text, overrides, file, name?, overwrite?}: into the workspace
 * POST /api/run                      {scenario|text, overrides?, with?, variables?, preview?}: results, models, plugins, warnings (RunsResource)
 * POST /api/ensemble                 {scenario|text, overrides?, uncertainty?, samples, seed?, variables?}: p5/p50/p95
 * POST /api/export                   {scenario|text, overrides?, samples?}: IAMC CSV as a download
 * POST /api/graph                    {scenario|text, overrides?}: the wiring: models in step order and wires (GraphResource)
 * POST /api/sensitivity              {scenario|text, overrides?, uncertainty?, samples?, seed?, variables?}: Sobol indices (SensitivityResource)
 * POST /api/plugins/{id}/start|stop  {}: starts or stops a model or plugin bundle, from this machine only (PluginsResource)
 * GET  /api/cluster                  {configured, members, membersFixed, note}: whether ensembles can run on a cluster (ClusterResource)
 * POST /api/cluster/ensemble|sensitivity[?members=H:P,...]  the body of /api/ensemble or /api/sensitivity, run on the
 *                                    cluster: {result (the same answer), members, membersWorking, notes}
 * </pre>
 */
@Component(service = Servlet.class, property = "etw.workbench.part=api")
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("etw.workbench.api")
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The largest request body the API reads: 1 MiB. */
    static final int MAX_BODY = 1024 * 1024;
    /** How the launcher names the bundles it installs from plugins/. */
    static final String PLUGIN_LOCATION = "etw-plugin:";

    private final transient ModelCatalog catalog;
    private final transient List<ScenarioLibrary> libraries = new CopyOnWriteArrayList<>();
    private final transient List<WorkbenchView> views = new CopyOnWriteArrayList<>();
    private final AtomicLong revision = new AtomicLong(1);
    private final transient ModelsResource models;
    private final transient ScenariosResource scenarios;
    private final transient RunsResource runs;
    private final transient GraphResource graph;
    private final transient SensitivityResource sensitivity;
    private final transient LeversResource levers;
    private final transient PluginsResource plugins;
    private final transient ClusterResource cluster;
    private final transient Map<WorkbenchView, List<String>> perspectives = new java.util.concurrent.ConcurrentHashMap<>();
    private final transient BundleContext context;
    private final transient BundleListener bundleEvents = e -> revision.incrementAndGet();
    private transient volatile Supplier<List<String>> pluginProblems;

    @Activate
    public ApiServlet(@Reference ModelCatalog catalog, BundleContext context) {
        this.catalog = catalog;
        this.context = context;
        Path workspace = workspace(context);
        RequestScenarios requests = new RequestScenarios(catalog::models, new ScenarioService(() -> List.copyOf(libraries),
                workspace, ScenarioService.Access.REMOTE), workspace != null);
        this.models = new ModelsResource(catalog::models, () -> bundles(context), this::problems);
        this.scenarios = new ScenariosResource(requests);
        this.runs = new RunsResource(requests, this::problems, revision::get);
        this.graph = new GraphResource(requests);
        this.sensitivity = new SensitivityResource(requests);
        this.levers = new LeversResource(requests);
        this.plugins = new PluginsResource(context, catalog::models, this::problems, pluginsFolder(context));
        this.cluster = new ClusterResource(context);
        context.addBundleListener(bundleEvents); // a plugin that installs but does not start changes no service
    }

    /**
     * The workspace folder saved scenarios and their data files live in: the framework property
     * {@code etw.workspace} (set by the launcher), else {@code <etw.home>/scenarios}; null without either.
     */
    static Path workspace(BundleContext context) {
        String w = context.getProperty("etw.workspace");
        if (w != null && !w.isBlank()) return Path.of(w).toAbsolutePath().normalize();
        String home = context.getProperty("etw.home");
        return home == null || home.isBlank() ? null : Path.of(home).resolve("scenarios").toAbsolutePath().normalize();
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(bundleEvents);
    }

    /** The launcher's list of plugin jars that are not running, with the reason (a JDK-typed service). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(etw.plugin.problems=true)")
    void setPluginProblems(Supplier<List<String>> problems) {
        this.pluginProblems = problems;
        revision.incrementAndGet();
    }

    void unsetPluginProblems(Supplier<List<String>> problems) {
        if (this.pluginProblems == problems) this.pluginProblems = null;
        revision.incrementAndGet();
    }

    /**
     * Changes whenever what the Models view shows may have: services or bundles came or went, or the launcher's
     * list of plugin problems changed (a jar that fails to install changes no service and no bundle).
     */
    private long revision() {
        return revision.get() * 1_000_003L + problems().hashCode();
    }

    /**
     * What was left out and why, as {@code etw models} lists it: plugin jars the launcher could not install or
     * start, then models the catalog refused (a bad unit, a failing descriptor, a component that failed to
     * activate, a quarantined model).
     */
    private List<String> problems() {
        List<String> all = new ArrayList<>();
        Supplier<List<String>> p = pluginProblems;
        try {
            if (p != null) all.addAll(p.get());
        } catch (RuntimeException e) {
            all.add("the launcher's list of plugin problems failed: " + e);
        }
        try {
            all.addAll(catalog.problems());
        } catch (RuntimeException e) {
            all.add("the model catalog's list of problems failed: " + e);
        }
        return List.copyOf(plugins == null ? all : plugins.explain(all));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLibrary(ScenarioLibrary library) {
        libraries.add(library);
        revision.incrementAndGet();
    }

    void removeLibrary(ScenarioLibrary library) {
        libraries.remove(library);
        revision.incrementAndGet();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(WorkbenchView view, Map<String, Object> properties) {
        perspectives.put(view, Perspectives.of(id(view), properties));
        views.add(view);
        revision.incrementAndGet();
    }

    void updatedView(WorkbenchView view, Map<String, Object> properties) {
        perspectives.put(view, Perspectives.of(id(view), properties));
        revision.incrementAndGet();
    }

    void removeView(WorkbenchView view) {
        views.remove(view);
        perspectives.remove(view);
        revision.incrementAndGet();
    }

    /** Only to notice models coming and going: the catalog keeps the list. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(ServiceReference<Model> model) {
        revision.incrementAndGet();
    }

    void removeModel(ServiceReference<Model> model) {
        revision.incrementAndGet();
    }

    /**
     * Bundles that give models, and every bundle installed from plugins/ (the launcher installs those through
     * FileInstall from {@code file:<etw.home>/plugins/<jar>}, or once with the location {@code etw-plugin:<jar>}),
     * whatever its state.
     */
    private List<Responses.BundleInfo> bundles(BundleContext context) {
        List<Responses.BundleInfo> out = new ArrayList<>();
        java.util.Set<String> modelBundles = new java.util.HashSet<>();
        catalog.models().forEach(m -> modelBundles.add(m.bundle()));
        Path plugins = pluginsFolder(context);
        for (Bundle b : context.getBundles()) {
            String jar = pluginJar(b.getLocation(), plugins);
            if (jar == null && !modelBundles.contains(b.getSymbolicName())) continue;
            out.add(new Responses.BundleInfo(String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                    state(b.getState()), jar != null ? "plugins/" + jar : "features"));
        }
        out.sort(Comparator.comparing(Responses.BundleInfo::symbolicName));
        return out;
    }

    private static Path pluginsFolder(BundleContext context) {
        String home = context.getProperty("etw.home");
        return home == null || home.isBlank() ? null : Path.of(home).resolve("plugins").toAbsolutePath().normalize();
    }

    /** The jar name of a bundle installed from plugins/, or null for any other bundle. */
    static String pluginJar(String location, Path plugins) {
        if (location.startsWith(PLUGIN_LOCATION)) return location.substring(PLUGIN_LOCATION.length());
        if (plugins == null || !location.startsWith("file:")) return null;
        try {
            Path p = Path.of(java.net.URI.create(location)).toAbsolutePath().normalize();
            return plugins.equals(p.getParent()) ? p.getFileName().toString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String state(int s) {
        return switch (s) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /**
     * Every method goes through here, so that whatever happens the answer is JSON: an {@link ApiException} with its
     * 4xx, running out of memory a 503, anything else a 500 (one line in the log, no trace to the client).
     * Methods other than GET, HEAD and POST get a JSON 405, not the servlet container's HTML page.
     */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            switch (req.getMethod()) {
                case "GET" -> get(req, resp);
                case "HEAD" -> super.service(req, resp);
                case "POST" -> post(req, resp);
                default -> {
                    resp.setHeader("Allow", "GET, HEAD, POST");
                    throw new ApiException(405, "the API answers GET and POST only, not " + req.getMethod());
                }
            }
        } catch (ApiException e) {
            writeError(req, resp, e.status(), e.getMessage());
        } catch (Throwable e) { // NOPMD: the API answers JSON whatever failed, an OutOfMemoryError included
            fail(req, resp, e);
        }
    }

    /** The answer to a failure that is not the request's fault: 503 for memory, 500 else, always JSON. */
    static void fail(HttpServletRequest req, HttpServletResponse resp, Throwable e) throws IOException {
        if (e instanceof OutOfMemoryError) {
            System.err.println("etw workbench: " + req.getMethod() + " " + req.getRequestURI() + " ran out of memory");
            writeError(req, resp, 503, "the workbench ran out of memory on this request; try fewer regions, years or samples");
            return;
        }
        System.err.println("etw workbench: " + req.getMethod() + " " + req.getRequestURI() + " failed: " + e);
        writeError(req, resp, 500, "the workbench failed on this request (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + "); please report it");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            get(req, resp);
        } catch (ApiException e) {
            writeError(req, resp, e.status(), e.getMessage());
        }
    }

    private void get(HttpServletRequest req, HttpServletResponse resp) throws IOException, ApiException {
        String path = path(req);
        Object out;
        if (path.equals("/status")) out = new Responses.Status(revision());
        else if (path.equals("/models")) out = models.models(revision());
        else if (path.equals("/plugins")) out = plugins.list(req, revision());
        else if (path.equals("/views")) out = views();
        else if (path.equals("/scenarios")) out = scenarios.list();
        else if (path.startsWith("/scenarios/")) out = scenarios.one(segment(path.substring("/scenarios/".length())));
        else if (path.startsWith("/levers/")) out = levers.levers(segment(path.substring("/levers/".length())));
        else if (path.equals("/cluster")) out = cluster.status();
        else if (isPost(path)) throw new ApiException(405, "use POST for /api" + path);
        else throw unknown(path);
        writeJson(resp, 200, out);
    }

    private void post(HttpServletRequest req, HttpServletResponse resp) throws IOException, ApiException {
        String path = path(req);
        if (!isPost(path)) {
            if (path.equals("/status") || path.equals("/models") || path.equals("/plugins") || path.equals("/views")
                    || path.startsWith("/scenarios") || path.startsWith("/levers") || path.equals("/cluster"))
                throw new ApiException(405, "use GET for /api" + path);
            throw unknown(path);
        }
        ApiRequest body = JsonSupport.read(body(req), ApiRequest.class);
        if (PluginsResource.isControl(path)) {
            writeJson(resp, 200, plugins.control(req, path));
            return;
        }
        switch (path) {
            case "/run" -> writeJson(resp, 200, runs.run(body));
            case "/graph" -> writeJson(resp, 200, graph.graph(body));
            case "/ensemble" -> writeJson(resp, 200, runs.ensemble(body));
            case "/sensitivity" -> writeJson(resp, 200, sensitivity.sensitivity(body));
            case "/cluster/ensemble", "/cluster/sensitivity" -> writeJson(resp, 200, clustered(path, body, req.getParameter("members")));
            case "/scenarios/parse" -> writeJson(resp, 200, scenarios.parse(body));
            case "/scenarios/save" -> writeJson(resp, 201, scenarios.save(body));
            case "/export" -> {
                String csv = runs.export(body);
                resp.setStatus(200);
                resp.setContentType("text/csv;charset=utf-8");
                resp.setHeader("Content-Disposition", "attachment; filename=\"" + runs.exportName(body) + "\"");
                resp.setHeader("Cache-Control", "no-store");
                resp.getOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
            }
            default -> throw unknown(path);
        }
    }

    /** {@code POST /api/cluster/ensemble|sensitivity}: the local endpoint's answer, its runs done by the members. */
    private ClusterResource.Answer<?> clustered(String path, ApiRequest body, String requested) throws ApiException {
        List<String> members = cluster.members(requested);
        ClusterResource.Notes notes = new ClusterResource.Notes();
        Object result = path.equals("/cluster/ensemble")
                ? runs.ensemble(body, (s, seed, samples) -> cluster.ensemble(members, s, seed, samples, notes))
                : sensitivity.sensitivity(body, (s, outputs, samples, seed, bootstrap) ->
                        cluster.sensitivity(members, s, outputs, samples, seed, bootstrap, notes));
        return new ClusterResource.Answer<>(result, members, notes.members, List.copyOf(notes.lines));
    }

    private Responses.Views views() {
        List<Responses.ViewInfo> list = new ArrayList<>();
        List<WorkbenchView> sorted = new ArrayList<>(views);
        sorted.sort(Comparator.comparingInt(ApiServlet::order).thenComparing(ApiServlet::id));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (WorkbenchView v : sorted) {
            try {
                String id = v.id();
                if (!WebServlet.VIEW_ID.matcher(id).matches() || !seen.add(id)) continue; // bad or duplicate id: left out
                String module = v.module();
                if (!WebServlet.safePath(module)) continue;
                list.add(new Responses.ViewInfo(id, v.title(), v.order(), "side".equals(v.area()) ? "side" : "main",
                        "/views/" + id + "/" + module, perspectives.getOrDefault(v, Perspectives.of(id, null))));
            } catch (RuntimeException | LinkageError e) {
                // a faulty view is left out; the others still show
            }
        }
        return new Responses.Views(revision(), Perspectives.ALL, list);
    }

    private static int order(WorkbenchView v) {
        try {
            return v.order();
        } catch (RuntimeException | LinkageError e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String id(WorkbenchView v) {
        try {
            return String.valueOf(v.id());
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    private static boolean isPost(String path) {
        return switch (path) {
            case "/run", "/graph", "/ensemble", "/sensitivity", "/export", "/scenarios/parse", "/scenarios/save",
                 "/cluster/ensemble", "/cluster/sensitivity" -> true;
            default -> PluginsResource.isControl(path);
        };
    }

    private static ApiException unknown(String path) {
        return ApiException.notFound("no API endpoint /api" + path + "; see GET /api/status, /api/models, /api/plugins, /api/views, "
                + "/api/scenarios, /api/scenarios/{name}, /api/levers/{name}, POST /api/run, /api/graph, /api/ensemble, /api/sensitivity, /api/export, "
                + "/api/scenarios/parse, /api/scenarios/save, /api/plugins/{bundle id}/start|stop, GET /api/cluster, POST /api/cluster/ensemble|sensitivity");
    }

    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null || p.isEmpty() ? "/" : p;
    }

    private static String segment(String raw) throws ApiException {
        String s = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (s.isEmpty() || s.length() > 200 || s.contains("/") || s.contains("\\") || s.contains("..")
                || s.chars().anyMatch(Character::isISOControl))
            throw ApiException.badRequest("a scenario is named by a canned name or a simple file name like my-variant.yaml");
        return s;
    }

    /** The request body, at most {@link #MAX_BODY} bytes, after checking its Content-Type. */
    private static byte[] body(HttpServletRequest req) throws ApiException, IOException {
        checkContentType(req.getContentType());
        if (req.getContentLengthLong() > MAX_BODY) throw tooLarge();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = req.getInputStream()) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0; ) {
                buf.write(chunk, 0, n);
                if (buf.size() > MAX_BODY) throw tooLarge();
            }
        }
        req.setAttribute(BODY_READ, Boolean.TRUE);
        return buf.toByteArray();
    }

    private static final String BODY_READ = "etw.workbench.bodyRead";

    private static ApiException tooLarge() {
        return new ApiException(413, "the request body is larger than the limit of 1 MiB (" + MAX_BODY + " bytes)");
    }

    /**
     * Accepts exactly {@code application/json}, optionally with {@code charset=utf-8}: no other type, no other
     * parameter ({@code application/jsonx} or {@code application/json-patch+json} are refused with 415).
     */
    static void checkContentType(String type) throws ApiException {
        ApiException refused = new ApiException(415, "send the request body as JSON with Content-Type: application/json "
                + "(or application/json; charset=utf-8)" + (type == null ? "" : ", not " + clip(type)));
        if (type == null) throw refused;
        String[] parts = type.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase("application/json")) throw refused;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0) throw refused;
            String value = p.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
            if (!p.substring(0, eq).trim().equalsIgnoreCase("charset") || !value.equalsIgnoreCase("utf-8")) throw refused;
        }
    }

    private static String clip(String s) {
        String t = s.chars().anyMatch(Character::isISOControl) ? s.replaceAll("\\p{Cntrl}", "?") : s;
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    static void writeJson(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = JsonSupport.write(body);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static void writeError(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        if (resp.isCommitted()) return;
        resp.reset();
        // a body left unread (refused before reading, or too large) would be taken for the next request: close
        boolean hasBody = req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
        if (hasBody && req.getAttribute(BODY_READ) == null) resp.setHeader("Connection", "close");
        writeJson(resp, status, new Responses.Error(message));
    }
}
