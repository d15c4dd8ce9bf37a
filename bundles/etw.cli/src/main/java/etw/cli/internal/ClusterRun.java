package etw.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
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
import etw.engine.RunException;
import etw.engine.WiringException;

/**
 * {@code etw ensemble NAME --samples N --cluster HOST:PORT[,...] [--secret-file F]}: the same ensemble, its blocks
 * run by the members of a cluster ({@code etw node}). The cluster bundle is found as a service; the launcher
 * installs it only for commands given {@code --cluster}, so etw.cli imports its package optionally.
 */
final class ClusterRun {
    private ClusterRun() {
    }

    static EnsembleResult ensemble(Scenario scenario, long seed, int samples, String cluster, String secretFile,
            PrintStream err, boolean interactive) throws UsageException, RunException, WiringException {
        Bundle self = FrameworkUtil.getBundle(ClusterRun.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        if (context == null) throw new UsageException("--cluster works only in the ETW distribution (bin/etw)");
        ServiceReference<?> ref;
        try {
            ref = context.getServiceReference(ClusterEnsemble.class);
        } catch (NoClassDefFoundError e) {
            ref = null;
        }
        if (ref == null)
            throw new UsageException("--cluster needs the cluster bundle (features/cluster of the distribution), which is not running; "
                    + "rebuild the distribution with mvn package");
        ClusterEnsemble service = (ClusterEnsemble) context.getService(ref);
        Bar bar = new Bar(err, samples, interactive);
        try {
            return service.run(scenario, seed, samples, Arrays.asList(cluster.split(",")),
                    secretFile == null ? null : Path.of(secretFile).toAbsolutePath(), bar);
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
        private final boolean terminal;
        private final long started = System.nanoTime();
        private int lastTenth = -1;
        private int lastMembers = -1;
        private boolean drawn;

        Bar(PrintStream err, int total, boolean terminal) {
            this.err = err;
            this.total = total;
            this.terminal = terminal;
        }

        @Override
        public synchronized void update(int done, int members) {
            double seconds = (System.nanoTime() - started) / 1e9;
            if (terminal) {
                int filled = (int) ((long) WIDTH * done / total);
                err.printf(Locale.ROOT, "\r[%s%s] %,d/%,d samples, %d member(s), %.1f s", "#".repeat(filled),
                        " ".repeat(WIDTH - filled), done, total, members, seconds);
                drawn = true;
            } else {
                int tenth = (int) (10L * done / total);
                if (tenth == lastTenth && members == lastMembers) return;
                lastTenth = tenth;
                lastMembers = members;
                err.printf(Locale.ROOT, "etw: cluster: %,d/%,d samples, %d member(s), %.1f s%n", done, total, members, seconds);
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
