package etw.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import etw.engine.InstalledModel;
import etw.engine.ModelCatalog;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Whatever a handler throws, an Error included, the answer is JSON: 503 for memory, 500 else, and no trace. */
class ApiServletTest {
    /** A response that records status, headers and body. */
    private static final class Recorded {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "setStatus" -> { status = (Integer) a[0]; yield null; }
                        case "setHeader" -> { headers.put((String) a[0], (String) a[1]); yield null; }
                        case "setContentType" -> { headers.put("Content-Type", (String) a[0]); yield null; }
                        case "reset" -> { headers.clear(); body.reset(); yield null; }
                        case "isCommitted" -> false;
                        case "getOutputStream" -> out;
                        default -> null;
                    });
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    private static HttpServletRequest get(String path) {
        return (HttpServletRequest) Proxy.newProxyInstance(ApiServletTest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> "GET";
                    case "getPathInfo" -> path;
                    case "getRequestURI" -> "/api" + path;
                    case "getContentLengthLong" -> -1L;
                    default -> null;
                });
    }

    private static ApiServlet servlet(Throwable fromModels) {
        ModelCatalog catalog = new ModelCatalog() {
            @Override
            public List<InstalledModel> models() {
                if (fromModels instanceof Error e) throw e;
                throw (RuntimeException) fromModels;
            }

            @Override
            public List<String> problems() {
                return List.of();
            }
        };
        BundleContext context = (BundleContext) Proxy.newProxyInstance(ApiServletTest.class.getClassLoader(),
                new Class<?>[]{BundleContext.class}, (p, m, a) -> m.getName().equals("getBundles") ? new org.osgi.framework.Bundle[0] : null);
        return new ApiServlet(catalog, context);
    }

    @Test
    void anOutOfMemoryErrorIsA503InJson() throws Exception {
        Recorded r = new Recorded();
        servlet(new OutOfMemoryError("Java heap space")).service(get("/models"), r.response());
        assertEquals(503, r.status);
        assertTrue(r.headers.get("Content-Type").startsWith("application/json"), r.headers.toString());
        assertTrue(r.text().startsWith("{\"error\":\"the workbench ran out of memory"), r.text());
    }

    @Test
    void anyOtherThrowableIsA500InJsonWithoutATrace() throws Exception {
        for (Throwable t : List.of(new AssertionError("broken invariant"), new IllegalStateException("oops"), new StackOverflowError())) {
            Recorded r = new Recorded();
            servlet(t).service(get("/models"), r.response());
            assertEquals(500, r.status, t.toString());
            assertTrue(r.text().startsWith("{\"error\":\"the workbench failed on this request"), r.text());
            assertFalse(r.text().contains("\\tat ") || r.text().contains(".java:"), r.text());
        }
    }

    @Test
    void anUnknownMethodIsA405InJson() throws Exception {
        Recorded r = new Recorded();
        HttpServletRequest delete = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> "DELETE";
                    case "getPathInfo" -> "/run";
                    case "getContentLengthLong" -> -1L;
                    default -> null;
                });
        servlet(new IllegalStateException()).service(delete, r.response());
        assertEquals(405, r.status);
        assertTrue(r.text().contains("GET and POST"), r.text());
    }

    @Test
    void theContentTypeMustBeExactlyJson() {
        for (String ok : List.of("application/json", "application/json; charset=utf-8", "APPLICATION/JSON;charset=\"UTF-8\""))
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> ApiServlet.checkContentType(ok), ok);
        for (String bad : new String[]{null, "application/jsonx", "application/json; charset=iso-8859-1", "application/json; x=y",
                "application/json;", "text/json", "application/json-seq"}) {
            ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> ApiServlet.checkContentType(bad), String.valueOf(bad));
            assertEquals(415, e.status());
        }
    }
}
