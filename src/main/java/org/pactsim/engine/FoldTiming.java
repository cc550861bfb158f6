package org.pactsim.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.Dataflow;

/**
 * Cycles of a run of folds on one array: the only place where fold timing is defined.
 *
 * <p>Notation: {@code R x C} array, {@code T} temporal extent, {@code F} folds.
 * <ul>
 * <li>Fold span {@code P = T + R + C - 2}: the skewed operand wavefront enters at the top-left
 *     and the last MAC happens in the bottom-right PE {@code R + C - 2} cycles after the first.
 * <li>SCALE-Sim ({@code serialFolds}): OS folds cost {@code P}, WS/IS folds {@code R + P}
 *     (the stationary operand is shifted in over {@code R} cycles before each fold); folds
 *     never overlap. Its OS count stops at the last MAC ({@code osDrainFree}).
 * <li>Native WS/IS: the stationary operands of fold {@code f+1} are shifted into shadow
 *     registers while fold {@code f} streams (TPU v1 double-buffers its weights this way);
 *     only the first fold's preload is exposed: {@code R + F*P}.
 * <li>Native OS: each fold's results move to shadow registers and drain down the columns
 *     (one port per column) while the next fold computes. Draining {@code R} skewed results
 *     takes {@code 2R - 1} cycles, so the period is {@code max(P, 2R - 1)} (the drain hazard:
 *     the fold period holds only when {@code T + C >= R + 1}); the last fold's drain is
 *     exposed ({@code R} cycles): {@code (F-1)*max(P, 2R-1) + P + R}.
 * </ul>
 * Partial folds cost a full fold in both models: operands and results still cross the whole
 * physical array.
 */
public final class FoldTiming {
    private FoldTiming() {
    }

    /** Fold span {@code T + R + C - 2}. */
    public static long span(FoldGeometry g) {
        return addExact(g.t(), (long) g.rows() + g.cols() - 2);
    }

    /** Cycles of {@code folds} consecutive folds of {@code g} as a count (never minus one). */
    public static long cycles(FoldGeometry g, long folds, Quirks q) {
        if (folds <= 0) {
            return 0;
        }
        long p = span(g);
        long r = g.rows();
        boolean os = g.dataflow() == Dataflow.OS;
        if (q.serialFolds()) {
            long perFold = os ? p : addExact(p, r);
            long total = multiplyExact(folds, perFold);
            return os && !q.osDrainFree() ? addExact(total, r) : total;
        }
        if (os) {
            long period = Math.max(p, 2 * r - 1);
            long drain = q.osDrainFree() ? 0 : r;
            return addExact(addExact(multiplyExact(folds - 1, period), p), drain);
        }
        return addExact(r, multiplyExact(folds, p));
    }

    /**
     * The per-fold cycle figure the compute-utilisation column divides by: the fold span for
     * OS, and for WS/IS {@code R + P}, or SCALE-Sim's {@code 2R + 2C + T - 3} with its quirk.
     */
    public static long utilizationDenominator(FoldGeometry g, Quirks q) {
        long p = span(g);
        if (g.dataflow() == Dataflow.OS) {
            return p;
        }
        if (q.computeUtilOvercount()) {
            return addExact(p, (long) g.rows() + g.cols() - 1);
        }
        return q.serialFolds() ? addExact(p, g.rows()) : p;
    }
}
