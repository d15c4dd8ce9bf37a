package etw.cli.internal;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal; silent when the output is not one (logs, pipes, tests). */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private final long started = System.nanoTime();

    ProgressBar(PrintStream err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
    }

    synchronized void update(int done) {
        if (!enabled) return;
        int filled = (int) ((long) WIDTH * done / total);
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(Locale.ROOT, "\r[%s%s] %,d/%,d samples, %.1f s", "#".repeat(filled), " ".repeat(WIDTH - filled), done,
                total, seconds);
        err.flush();
    }

    void finish() {
        if (enabled) err.println();
    }
}
