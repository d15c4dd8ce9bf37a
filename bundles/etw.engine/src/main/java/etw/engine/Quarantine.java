package etw.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import etw.api.Model;

/**
 * Models whose step did not return within the time limit. Java cannot stop such a thread safely, so it keeps
 * running; the model is quarantined: no later run uses it until its bundle is reloaded (a reloaded bundle makes
 * a new model object, which is not quarantined). {@link #describe()} reports each one with its runaway thread.
 */
public final class Quarantine {
    private static final Map<Model, Entry> QUARANTINED = new IdentityHashMap<>();

    private record Entry(InstalledModel model, int year, Thread thread) {
    }

    private Quarantine() {
    }

    /** Quarantines a model whose step in {@code year} hangs in {@code thread}. */
    static synchronized void add(InstalledModel model, int year, Thread thread) {
        QUARANTINED.putIfAbsent(model.model(), new Entry(model, year, thread));
    }

    public static synchronized boolean contains(Model model) {
        return QUARANTINED.containsKey(model);
    }

    /** Forgets every quarantined model (for tests). */
    static synchronized void clear() {
        QUARANTINED.clear();
    }

    /** One line per quarantined model: the model, the year its step hung, and its thread's state and CPU time. */
    public static synchronized List<String> describe() {
        if (QUARANTINED.isEmpty()) return List.of(); // and load no management classes: this is on every run's path
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> lines = new ArrayList<>();
        for (Entry e : QUARANTINED.values()) {
            Thread t = e.thread;
            String state;
            if (t.isAlive()) {
                long cpu = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(t.getId()) : -1;
                state = "its thread '" + t.getName() + "' is still running" + (cpu >= 0
                        ? String.format(java.util.Locale.ROOT, " (%.1f s of CPU so far)", cpu / 1e9) : "")
                        + "; restart the workbench or reload the plugin to stop it";
            } else {
                state = "its thread has since ended";
            }
            lines.add("model " + e.model.label() + " is quarantined: its step did not return in year " + e.year
                    + ", so no run uses it until its bundle is reloaded; " + state);
        }
        lines.sort(null);
        return lines;
    }
}
