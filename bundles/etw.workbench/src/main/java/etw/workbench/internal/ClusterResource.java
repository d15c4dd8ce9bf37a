package etw.workbench.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Scenario;
import etw.engine.RunException;
import etw.engine.WiringException;
import etw.sensitivity.Indices;
import etw.sensitivity.ScenarioSensitivity;

/**
 * The workbench's way onto a cluster of workbenches ({@code etw node}): {@code GET /api/cluster} says whether this
 * workbench can use one, and {@code POST /api/cluster/ensemble} and {@code /api/cluster/sensitivity} take the bodies
 * of {@code /api/ensemble} and {@code /api/sensitivity} and run them on the members, with the same answer.
 * <p>
 * The cluster is configured where the workbench starts ({@code etw workbench --cluster HOST:PORT,... --secret-file
 * F}, framework properties {@code etw.cluster.members} and {@code etw.cluster.secretFile}): the secret never
 * leaves the server, and the page neither sees nor sends it. The page may name other members ({@code ?members=});
 * a workbench started with {@code --public} runs only on the members it was started with.
 * <p>
 * The cluster bundle is optional (etw.workbench imports its package optionally): it is looked up by name, and its
 * types are touched only in {@link Calls}, which is loaded when a cluster is configured.
 */
final class ClusterResource {
    static final String ENSEMBLE_SERVICE = "etw.cluster.ClusterEnsemble";
    static final String SENSITIVITY_SERVICE = "etw.cluster.ClusterSensitivity";

    /** {@code GET /api/cluster}. */
    record Status(boolean configured, List<String> members, boolean membersFixed, String note) {
    }

    /** A clustered answer: what the local endpoint answers, and how the cluster ran it. */
    record Answer<T>(T result, List<String> members, int membersWorking, List<String> notes) {
    }

    private final BundleContext context;
    private final List<String> configured;
    private final Path secretFile;
    private final boolean fixed;

    ClusterResource(BundleContext context) {
        this.context = context;
        String m = context.getProperty("etw.cluster.members");
        this.configured = m == null || m.isBlank() ? List.of() : split(m);
        String s = context.getProperty("etw.cluster.secretFile");
        this.secretFile = s == null || s.isBlank() ? null : Path.of(s);
        String token = context.getProperty("etw.workbench.token");
        this.fixed = token != null && !token.isBlank();
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String a : text.split(",")) if (!a.isBlank()) out.add(a.strip());
        return List.copyOf(out);
    }

    Status status() {
        String why = why();
        return new Status(why == null, configured, fixed, why != null ? why
                : "Ensembles and sensitivity analyses can run on " + configured.size() + " member(s): " + String.join(", ", configured)
                + ". Each member runs `etw node --secret-file F` with the same secret file as this workbench; results equal a local run.");
    }

    /** Why this workbench cannot use a cluster, or null. */
    private String why() {
        if (configured.isEmpty() || secretFile == null)
            return "No cluster is configured: this workbench runs everything on this machine. To spread ensembles and "
                    + "sensitivity analyses over other machines, start members with `etw node --secret-file cluster.secret` "
                    + "and this workbench with `etw workbench --cluster HOST:PORT[,...] --secret-file cluster.secret` "
                    + "(the same secret file; see docs/cluster.md).";
        if (context.getServiceReference(ENSEMBLE_SERVICE) == null || context.getServiceReference(SENSITIVITY_SERVICE) == null)
            return "A cluster is configured (" + String.join(", ", configured) + "), but the cluster bundle is not running "
                    + "in this workbench; rebuild the distribution (features/cluster) and start it again.";
        return null;
    }

    /** The members a request runs on: {@code ?members=} or the configured ones. */
    List<String> members(String requested) throws ApiException {
        String why = why();
        if (why != null) throw ApiException.unprocessable(why);
        if (requested == null || requested.isBlank()) return configured;
        List<String> asked = split(requested);
        for (String a : asked) {
            if (!a.matches("[A-Za-z0-9.\\-]{1,253}:\\d{1,5}"))
                throw ApiException.badRequest("\"members\" takes HOST:PORT[,HOST:PORT...], got '" + a + "'");
            if (fixed && !configured.contains(a))
                throw new ApiException(403, "this workbench is public: it runs only on the members it was started with ("
                        + String.join(", ", configured) + "), not on " + a);
        }
        if (asked.isEmpty()) throw ApiException.badRequest("\"members\" names no member");
        return asked;
    }

    /** What a clustered run reports while it goes, kept for the answer. */
    static final class Notes {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        volatile int members;
    }

    EnsembleResult ensemble(List<String> members, Scenario s, long seed, int samples, Notes notes) throws ApiException {
        try {
            return Calls.ensemble(context, members, secretFile, s, seed, samples, notes);
        } catch (NoClassDefFoundError e) {
            throw ApiException.unprocessable("the cluster bundle is not running in this workbench");
        }
    }

    List<Indices> sensitivity(List<String> members, Scenario s, List<ScenarioSensitivity.Output> outputs, int samples, long seed,
            int bootstrap, Notes notes) throws ApiException {
        try {
            return Calls.sensitivity(context, members, secretFile, s, outputs, samples, seed, bootstrap, notes);
        } catch (NoClassDefFoundError e) {
            throw ApiException.unprocessable("the cluster bundle is not running in this workbench");
        }
    }

    /** The only code that touches the cluster bundle's types. */
    private static final class Calls {
        private Calls() {
        }

        static etw.cluster.ClusterEnsemble.Progress progress(Notes notes) {
            return new etw.cluster.ClusterEnsemble.Progress() {
                @Override
                public void update(int done, int members) {
                    notes.members = Math.max(notes.members, members);
                }

                @Override
                public void note(String line) {
                    if (notes.lines.size() < 100) notes.lines.add(line);
                }
            };
        }

        static EnsembleResult ensemble(BundleContext context, List<String> members, Path secret, Scenario s, long seed,
                int samples, Notes notes) throws ApiException {
            ServiceReference<etw.cluster.ClusterEnsemble> ref = context.getServiceReference(etw.cluster.ClusterEnsemble.class);
            if (ref == null) throw ApiException.unprocessable("the cluster bundle is not running in this workbench");
            etw.cluster.ClusterEnsemble service = context.getService(ref);
            try {
                return service.run(s, seed, samples, members, secret, progress(notes));
            } catch (etw.cluster.ClusterException e) {
                throw ApiException.unprocessable("cluster: " + e.getMessage());
            } catch (WiringException e) {
                throw ApiException.unprocessable(e.getMessage());
            } catch (RunException e) {
                throw ApiException.unprocessable("the ensemble failed: " + e.getMessage());
            } finally {
                context.ungetService(ref);
            }
        }

        static List<Indices> sensitivity(BundleContext context, List<String> members, Path secret, Scenario s,
                List<ScenarioSensitivity.Output> outputs, int samples, long seed, int bootstrap, Notes notes) throws ApiException {
            ServiceReference<etw.cluster.ClusterSensitivity> ref = context.getServiceReference(etw.cluster.ClusterSensitivity.class);
            if (ref == null) throw ApiException.unprocessable("the cluster bundle is not running in this workbench");
            etw.cluster.ClusterSensitivity service = context.getService(ref);
            try {
                return service.run(s, outputs, samples, seed, bootstrap, members, secret, progress(notes));
            } catch (etw.cluster.ClusterException e) {
                throw ApiException.unprocessable("cluster: " + e.getMessage());
            } catch (WiringException e) {
                throw ApiException.unprocessable(e.getMessage());
            } catch (RunException e) {
                throw ApiException.unprocessable("the sensitivity analysis failed: " + e.getMessage());
            } finally {
                context.ungetService(ref);
            }
        }
    }
}
