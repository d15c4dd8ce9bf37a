package etw.models.decarbonisation;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Spare scratch objects (hourly arrays) for steps that run concurrently: the engine steps groups of regions in
 * parallel, and ensembles run samples in parallel. A step takes one, or makes one when none is free, and gives it
 * back; at most {@link #KEPT} are kept. A model stays stateless: a scratch object holds no result between steps.
 */
final class Spares<T> {
    static final int KEPT = 16;
    private final ConcurrentLinkedQueue<T> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final Supplier<T> make;

    Spares(Supplier<T> make) {
        this.make = make;
    }

    T take() {
        T t = free.poll();
        if (t == null) return make.get();
        kept.decrementAndGet();
        return t;
    }

    void give(T t) {
        if (kept.incrementAndGet() <= KEPT) free.offer(t);
        else kept.decrementAndGet();
    }
}
