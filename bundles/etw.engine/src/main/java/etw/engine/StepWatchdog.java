package etw.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import etw.engine.internal.YearLoop;

/**
 * The one watchdog of guarded runs (a single run and every worker of an ensemble): the caller waits for the
 * workers' results while it checks that no model step runs longer than the limit. A step that does fails the
 * run naming the model and year; its model is {@link Quarantine quarantined} and its thread abandoned.
 */
final class StepWatchdog {
    private final Duration limit;
    private final long pollMillis;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();

    /** What one worker thread is running now. */
    static final class Watch {
        final AtomicReference<YearLoop> loop = new AtomicReference<>();
        volatile Thread thread;
        volatile int sample = -1;

        /** Called by the worker thread before it runs a loop. */
        void running(YearLoop l, int sampleIndex) {
            thread = Thread.currentThread();
            sample = sampleIndex;
            loop.set(l);
        }
    }

    /** The failure of an overdue step, with the ensemble sample it was in (-1 for a single run). */
    record Overdue(RunException failure, int sample) {
    }

    StepWatchdog(Duration limit) {
        this.limit = limit;
        this.pollMillis = Math.max(1, Math.min(50, limit.toMillis() / 10));
    }

    Watch watch() {
        Watch w = new Watch();
        watches.add(w);
        return w;
    }

    /** The first overdue step, after quarantining its model and interrupting its thread; or null. */
    Overdue check() {
        for (Watch w : watches) {
            YearLoop l = w.loop.get();
            if (l == null) continue;
            YearLoop.Stepping s = l.stepping();
            if (s == null || System.nanoTime() - s.startedNanos() <= limit.toNanos()) continue;
            Quarantine.add(s.model(), s.year(), w.thread);
            w.thread.interrupt();
            RunException e = l.failure(s, "did not return from its step within " + limit.toMillis() + " ms");
            return new Overdue(new RunException(e.modelId(), e.year(), e.getMessage() + " The model is quarantined: no "
                    + "later run uses it until its bundle is reloaded, and its thread is abandoned.", null), w.sample);
        }
        return null;
    }

    /**
     * Waits for a worker's result, checking the watches while it waits.
     *
     * @throws Overran if a step overran the limit
     */
    <T> T await(Future<T> future) throws RunException, InterruptedException, Overran {
        while (true) {
            try {
                return future.get(pollMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                Overdue o = check();
                if (o != null) throw new Overran(o);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RunException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException("a run worker failed: " + cause, cause);
            }
        }
    }

    /** Thrown by {@link #await} when a step overran; carries the failure and its sample. */
    static final class Overran extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Overdue overdue;

        Overran(Overdue overdue) {
            super(overdue.failure().getMessage(), null, false, false);
            this.overdue = overdue;
        }
    }
}
