package org.pactsim.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.Dataflow;

/**
 * Cycles of a run of folds on one array: the only place where fold timing is defined. Every
 * formula here is what the register-level reference engine
 * ({@code org.pactsim.engine.reference}) measures on an array built as described; its
 * properties check them fold by fold ({@code docs/reference-engine.md}).
 *
 * <p>Notation: {@code R x C} array, {@code T} temporal extent, {@code F} folds.
 * <ul>
 * <li>Fold span {@code P = T + R + C - 2}: the skewed operand wavefront enters at the top-left
 *     and the fold's last slot reaches the bottom-right PE {@code R + C - 2} cycles after its
 *     first; in WS/IS that PE's result leaves the array in the same cycle.
 * <li>Serial array ({@code serialFolds}, SCALE-Sim): one fold at a time, no shadow registers.
 *     WS/IS folds cost {@code R + P} (the stationary operand is shifted in over {@code R}
 *     cycles before each fold). OS folds cost {@code P + R}: after the last MAC the
 *     accumulators shift out down the columns, one row per cycle, before the next fold may
 *     start; SCALE-Sim charges only {@code P} ({@code osDrainFree}: its count stops at the
 *     last MAC).
 * <li>Double-buffered WS/IS (native): the stationary operands of fold {@code f+1} are shifted
 *     into shadow registers while fold {@code f} streams (TPU v1 double-buffers its weights);
 *     all PEs switch to them at once when fold {@code f}'s last slot has passed the
 *     bottom-right PE, so folds follow each other every {@code P} cycles and only the first
 *     fold's preload is exposed: {@code R + F*P}. (The preload needs {@code R <= P} cycles.)
 * <li>Double-buffered OS (native): when a fold's last MAC is done, all accumulators move at
 *     once to shadow registers that drain down the columns (one port per column, {@code R}
 *     cycles) while the next fold computes; {@code R <= P}, so the drain never holds the next
 *     switch, and only the last fold's drain is exposed: {@code F*P + R}.
 *     An earlier version charged a period of {@code max(P, 2R - 1)}: draining a column takes
 *     {@code 2R - 1} cycles only when counted from the moment its top PE finishes, but with
 *     a fold-wide switch every result is in its shadow register by then and a column empties
 *     in {@code R} cycles; the register-level array shows no such hazard.
 * </ul>
 * Partial folds cost a full fold in both models: the sequencer issues the full-array schedule
 * (padding slots cross the unused PEs) and a fold ends when its last slot has left the array.
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
        boolean drainFree = os && q.osDrainFree();
        if (q.serialFolds()) {
            return multiplyExact(folds, drainFree ? p : addExact(p, r));
        }
        long exposed = drainFree ? 0 : r;
        return addExact(multiplyExact(folds, p), exposed);
    }

    /**
     * The per-fold cycle figure the compute-utilisation column divides by: the fold span for
     * OS, and for WS/IS {@code R + P} on the serial array, {@code P} on the double-buffered
     * one, or SCALE-Sim's {@code 2R + 2C + T - 3} with its quirk.
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
