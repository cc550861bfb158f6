package org.pactsim.study;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Runs numbered tasks on a pool of threads and hands their results to a sink in task order,
 * on the calling thread, as soon as each result and all before it are done. At most
 * {@code threads x }{@value #WINDOW_PER_THREAD} tasks are in flight, so a run of any length
 * holds a bounded number of results. The order the sink sees does not depend on the number of
 * threads; with one thread the tasks run on the calling thread.
 *
 * <p>Tasks must not depend on each other or on the order they run in. A task that throws stops
 * the run: tasks not started are cancelled and the exception is rethrown (its cause, if it was
 * a checked one, wrapped in a {@link RuntimeException}).
 */
public final class OrderedRunner {
    /** Tasks in flight per thread: enough to keep every thread busy while the sink writes. */
    public static final int WINDOW_PER_THREAD = 64;

    private final int threads;

    public OrderedRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** All available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task(i)} for {@code from <= i < to} and gives each result to {@code sink} in
     * order of {@code i}. {@code task} is called from worker threads and must be thread-safe;
     * {@code sink} is called from this thread only.
     */
    public <R> void run(long from, long to, LongFunction<R> task, Consumer<? super R> sink) {
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " > to " + to);
        }
        if (threads == 1) {
            for (long i = from; i < to; i++) {
                sink.accept(task.apply(i));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        int window = threads * WINDOW_PER_THREAD;
        try {
            long next = from;
            while (next < to || !inFlight.isEmpty()) {
                while (next < to && inFlight.size() < window) {
                    long i = next++;
                    inFlight.add(pool.submit(() -> task.apply(i)));
                }
                sink.accept(await(inFlight.poll()));
            }
        } finally {
            for (Future<R> f : inFlight) {
                f.cancel(true);
            }
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new RuntimeException(c);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "pactsim-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
