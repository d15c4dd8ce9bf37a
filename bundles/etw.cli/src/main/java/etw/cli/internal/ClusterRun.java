package etw.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Scenario;
import etw.cli.internal.Cli.UsageException;
import etw.cluster.ClusterEnsemble;
import etw.cluster.ClusterException;
import etw.cluster.ClusterSensitivity;
import etw.engine.RunException;
import etw.engine.WiringException;
import etw.sensitivity.Indices;
import etw.sensitivity.ScenarioSensitivity;

/**
 * {@code etw ensemble NAME --samples N --cluster HOST:PORT[,...] [--secret-file F]} and {@code etw sensitivity ...
 * --cluster ...}: the same ensemble or analysis, its blocks run by the members of a cluster ({@code etw node}). The cluster bundle is found as a service; the launcher
 * installs it only for commands given {@code --cluster}, so etw.cli imports its package optionally.
 */
final class ClusterRun {
    private ClusterRun() {
    }

    static EnsembleResult ensemble(Scenario scenario, long seed, int samples, String cluster, String secretFile,
            PrintStream err, boolean interactive) throws UsageException, RunException, WiringException {
        try {
            return call(ClusterEnsemble.class, err, samples, "samples", interactive, (ClusterEnsemble service, Bar bar) ->
                    service.run(scenario, seed, samples, Arrays.asList(cluster.split(",")), path(secretFile), bar));
        } catch (NoClassDefFoundError e) {
            throw notRunning();
        }
    }

    /** {@code etw sensitivity NAME --cluster ...}: the rows of the analysis evaluated by the members. */
    static List<Indices> sensitivity(Scenario scenario, List<ScenarioSensitivity.Output> outputs, int samples, long seed,
            int bootstrap, String cluster, String secretFile, PrintStream err, boolean interactive)
            throws UsageException, RunException, WiringException {
        try {
            return call(ClusterSensitivity.class, err, samples, "base rows", interactive, (ClusterSensitivity service, Bar bar) ->
                    service.run(scenario, outputs, samples, seed, bootstrap, Arrays.asList(cluster.split(",")), path(secretFile), bar));
        } catch (NoClassDefFoundError e) {
            throw notRunning();
        }
    }

    private static UsageException notRunning() {
        return new UsageException("--cluster needs the cluster bundle (features/cluster of the distribution), which is not running; "
                + "rebuild the distribution with mvn package");
    }

    private static Path path(String secretFile) {
        return secretFile == null ? null : Path.of(secretFile).toAbsolutePath();
    }

    private interface Call<S, T> {
        T call(S service, Bar bar) throws ClusterException, RunException, WiringException;
    }

    private static <S, T> T call(Class<S> type, PrintStream err, int total, String unit, boolean interactive, Call<S, T> call)
            throws UsageException, RunException, WiringException {
        Bundle self = FrameworkUtil.getBundle(ClusterRun.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        if (context == null) throw new UsageException("--cluster works only in the ETW distribution (bin/etw)");
        ServiceReference<S> ref = context.getServiceReference(type);
        if (ref == null) throw notRunning();
        S service = context.getService(ref);
        Bar bar = new Bar(err, total, unit, interactive);
        try {
            return call.call(service, bar);
        } catch (ClusterException e) {
            throw new UsageException("cluster: " + e.getMessage());
        } finally {
            bar.finish();
            context.ungetService(ref);
        }
    }

    /** Samples done and members working: a bar on a terminal, a line per tenth of the work otherwise. */
    private static final class Bar implements ClusterEnsemble.Progress {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private final int total;
        private final String unit;
        private final boolean terminal;
        private final long started = System.nanoTime();
        private int lastTenth = -1;
        private int lastMembers = -1;
        private boolean drawn;

        Bar(PrintStream err, int total, String unit, boolean terminal) {
            this.err = err;
            this.total = total;
            this.unit = unit;
            this.terminal = terminal;
        }

        @Override
        public synchronized void update(int done, int members) {
            double seconds = (System.nanoTime() - started) / 1e9;
            if (terminal) {
                int filled = (int) ((long) WIDTH * done / total);
                err.printf(Locale.ROOT, "\r[%s%s] %,d/%,d %s, %d member(s), %.1f s", "#".repeat(filled),
                        " ".repeat(WIDTH - filled), done, total, unit, members, seconds);
                drawn = true;
            } else {
                int tenth = (int) (10L * done / total);
                if (tenth == lastTenth && members == lastMembers) return;
                lastTenth = tenth;
                lastMembers = members;
                err.printf(Locale.ROOT, "etw: cluster: %,d/%,d %s, %d member(s), %.1f s%n", done, total, unit, members, seconds);
            }
            err.flush();
        }

        @Override
        public synchronized void note(String line) {
            if (drawn) err.println();
            drawn = false;
            err.println("etw: " + line);
            err.flush();
        }

        void finish() {
            if (drawn) err.println();
        }
    }
}
