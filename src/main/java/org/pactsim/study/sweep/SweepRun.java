package org.pactsim.study.sweep;

import java.util.function.Consumer;
import org.pactsim.study.OrderedRunner;

/**
 * Runs points {@code from .. to-1} of a sweep on {@code threads} threads and hands the rows to
 * a sink in point order, so the rows (and files written from them) are the same whatever the
 * thread count, and a run stopped after row {@code k} resumes at {@code k}.
 */
public final class SweepRun {
    private SweepRun() {
    }

    public static void run(PointEvaluator evaluator, long from, long to, int threads, Consumer<PointRow> sink) {
        new OrderedRunner(threads).run(from, to, evaluator::evaluate, sink);
    }
}
