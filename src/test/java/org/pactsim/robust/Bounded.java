package org.pactsim.robust;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a step with a time limit, so that an input which makes pactsim hang fails its test
 * instead of stalling the build. One daemon worker thread serves every call (thousands of fuzz
 * tries cost no thread each); after a timeout the stuck worker is abandoned and a new one made.
 */
final class Bounded {
    private ExecutorService worker = newWorker();

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bounded-step");
            t.setDaemon(true);
            return t;
        });
    }

    /** The step's result; its own exceptions pass through; an {@link AssertionError} past the limit. */
    <T> T call(Duration limit, String what, Callable<T> step) throws Exception {
        Future<T> f = worker.submit(step);
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("did not finish within " + limit.toSeconds() + " s: " + what);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
