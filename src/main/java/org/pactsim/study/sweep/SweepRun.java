package org.pactsim.study.sweep;

import java.util.function.Consumer;
import org.pactsim.study.OrderedRunner;

/**
 * Runs points {@code from .. to-1} of a sweep on {@code threads} threads and hands the rows to
 * a sink in point order, so the rows (and files written from them) are the same whatever the
 * thread count, and a run stopped after row {@code k} resumes at {@code k}. Both engines run
 * points only through here: the local one over the whole range on a thread pool, the Spark one
 * ({@code org.pactsim.spark}) one {@link Partitioning partition} per task on the task's thread.
 */
public final class SweepRun {
    private SweepRun() {
    }

    public static void run(PointEvaluator evaluator, long from, long to, int threads, Consumer<PointRow> sink) {
        new OrderedRunner(threads).run(from, to, evaluator::evaluate, sink);
    }

    /** Runs partition {@code p} of {@code parts} on the calling thread, rows in point order. */
    public static void partition(PointEvaluator evaluator, Partitioning parts, int p, Consumer<PointRow> sink) {
        if (parts.points() != evaluator.space().size()) {
            throw new IllegalArgumentException("partitioning of " + parts.points() + " points for a sweep of "
                    + evaluator.space().size());
        }
        run(evaluator, parts.from(p), parts.to(p), 1, sink);
    }
}
