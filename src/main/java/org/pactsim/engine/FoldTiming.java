package org.pactsim.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.OsDrain;

/**
 * Cycles of a run of folds on one array: the only place where fold timing is defined. Every
 * formula here is what the register-level reference engine
 * ({@code org.pactsim.engine.reference}) measures on an array built as described; its
 * properties check them fold by fold ({@code docs/reference-engine.md}), and the Verilog array
 * of {@code org.pactsim.rtl} replays the schedule below cycle by cycle ({@code docs/rtl.md}).
 *
 * <p>Notation: {@code R x C} array, {@code T} temporal extent, {@code F} folds, {@code LM}
 * multiplier pipeline stages ({@code array.multiplierStages}, 0 unless given).
 * <ul>
 * <li>Fold span {@code P = T + R + C - 2 + LM}: the skewed operand wavefront enters at the
 *     top-left and the fold's last slot reaches the bottom-right PE {@code R + C - 2} cycles
 *     after its first; its product is accumulated {@code LM} cycles later; in WS/IS that PE's
 *     result leaves the array in the same cycle. The sequencer switches folds only when the
 *     last result is done, so {@code LM} is paid once per fold.
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
 * <li>OS on the native array, by {@link OsDrain} ({@code array.osDrain}):
 *     <b>overlapped</b> (default): when a fold's last MAC is done, all accumulators move at
 *     once to shadow registers that drain down the columns (one port per column, {@code R}
 *     cycles) while the next fold computes; {@code R <= P}, so the drain never holds the next
 *     switch, and only the last fold's drain is exposed: {@code F*P + R}.
 *     <b>wavefront</b>: each PE captures its result as its own last MAC passes, and a column
 *     chain shifts only once its bottom PE has captured; the column is busy {@code 2R - 1}
 *     cycles from its top PE's capture, so the fold period is {@code Q = max(P, 2R - 1)} (the
 *     hazard: {@code P < 2R - 1} exactly when {@code T + C + LM < R + 1}):
 *     {@code (F-1)*Q + P + R}.
 *     <b>serial</b>: no shadow registers, {@code F*(P + R)}.
 * <li>Pipelined folds ({@link FoldOverlap#PIPELINED}, {@code array.foldOverlap}): the fold
 *     switch travels with the data, so PE {@code (i, j)} changes fold when the next fold's first
 *     slot reaches it, {@code i + j} cycles after that fold's first issue, and the next fold may
 *     issue {@code T} cycles after the previous one's first issue. WS/IS: the next fold's
 *     stationary operands are shifted down each column's shadow registers over {@code R}
 *     cycles, column {@code j} {@code j} cycles after column 0, right behind the previous
 *     fold's switch (a PE shifts from its own switch on), and must be in place before the next
 *     switch reaches the column's top PE, so the period is {@code max(T, R)}. OS: each PE captures its result as its own last MAC passes
 *     (the wavefront drain), so the period is {@code max(T, 2R - 1)}; the last fold's drain
 *     {@code R} is exposed as in the other OS drains. On a tall OS array with short folds
 *     ({@code 2R - 1} above the non-overlapped period) the sequencer keeps the non-overlapped
 *     schedule: the period is the smaller of the two, so pipelining never costs cycles. The
 *     generated Verilog array ({@code org.pactsim.rtl}) runs both forms at these periods (OS:
 *     the wavefront-capture array) and loses results one cycle earlier; the reference engine
 *     steps both ({@code PipelinedStationaryCore}, {@code WavefrontOsCore}). Multiplier stages delay every product
 *     alike and are paid once per layer, in the last fold's span. SCALE-Sim's serial folds
 *     ({@code serialFolds}) take precedence: its numbers never change.
 * </ul>
 * Partial folds cost a full fold in both models: the sequencer issues the full-array schedule
 * (padding slots cross the unused PEs) and a fold ends when its last slot has left the array.
 *
 * <p>Every count is {@code lead + (F - 1) * period + P + tail}: {@link #lead} (the first
 * preload), {@link #period} (from one fold's first operand issue to the next's) and the last
 * fold's exposed drain {@link #tail}.
 */
public final class FoldTiming {
    private FoldTiming() {
    }

    /** Fold span {@code T + R + C - 2} with a combinational multiplier. */
    public static long span(FoldGeometry g) {
        return addExact(g.t(), (long) g.rows() + g.cols() - 2);
    }

    /** Fold span {@code T + R + C - 2 + LM}. */
    public static long span(FoldGeometry g, int lm) {
        return addExact(span(g), lm);
    }

    /** Cycles of {@code folds} consecutive folds of {@code g} as a count (never minus one). */
    public static long cycles(FoldGeometry g, long folds, Quirks q) {
        return cycles(g, folds, q, 0, OsDrain.OVERLAPPED);
    }

    /** The same with {@code lm} multiplier stages and the given OS drain style, folds not overlapped. */
    public static long cycles(FoldGeometry g, long folds, Quirks q, int lm, OsDrain drain) {
        return cycles(g, folds, q, lm, drain, FoldOverlap.NONE);
    }

    /** The same on {@code array} (its multiplier stages, OS drain and fold overlap). */
    public static long cycles(FoldGeometry g, long folds, Quirks q, ArraySpec array) {
        return cycles(g, folds, q, array.multiplierStages(), array.osDrain(), array.foldOverlap());
    }

    /** The same with every array property given. */
    public static long cycles(FoldGeometry g, long folds, Quirks q, int lm, OsDrain drain, FoldOverlap overlap) {
        if (folds <= 0) {
            return 0;
        }
        long steady = multiplyExact(folds - 1, period(g, q, lm, drain, overlap));
        return addExact(addExact(lead(g), steady), addExact(span(g, lm), tail(g, q)));
    }

    /**
     * Cycles before the first fold's first operand issue: the first preload ({@code R}) in
     * WS/IS, none in OS.
     */
    public static long lead(FoldGeometry g) {
        return g.dataflow() == Dataflow.OS ? 0 : g.rows();
    }

    /** Cycles from one fold's first operand issue to the next fold's, folds not overlapped. */
    public static long period(FoldGeometry g, Quirks q, int lm, OsDrain drain) {
        return period(g, q, lm, drain, FoldOverlap.NONE);
    }

    /** The same on {@code array}. */
    public static long period(FoldGeometry g, Quirks q, ArraySpec array) {
        return period(g, q, array.multiplierStages(), array.osDrain(), array.foldOverlap());
    }

    /** The same with every array property given. */
    public static long period(FoldGeometry g, Quirks q, int lm, OsDrain drain, FoldOverlap overlap) {
        if (pipelines(g, q, lm, drain, overlap)) {
            return pipelinedPeriod(g);
        }
        long p = span(g, lm);
        long r = g.rows();
        if (g.dataflow() != Dataflow.OS) {
            return q.serialFolds() ? addExact(p, r) : p;
        }
        if (q.osDrainFree()) {
            return p;
        }
        if (q.serialFolds() || drain == OsDrain.SERIAL) {
            return addExact(p, r);
        }
        return drain == OsDrain.WAVEFRONT ? Math.max(p, 2 * r - 1) : p;
    }

    /**
     * Whether folds of {@code g} run on the pipelined schedule: with {@code overlap} pipelined
     * and no SCALE-Sim serial quirk, always on a WS/IS array ({@code max(T, R) <= P}), and on an
     * OS array where {@code max(T, 2R - 1)} is shorter than its own drain style's period (it is
     * then the wavefront-capture array; else the drain style's schedule runs, never slower).
     * The one test the fold engine, the reference engine and the Verilog generator share.
     */
    public static boolean pipelines(FoldGeometry g, Quirks q, int lm, OsDrain drain, FoldOverlap overlap) {
        if (overlap != FoldOverlap.PIPELINED || q.serialFolds()) {
            return false;
        }
        if (g.dataflow() != Dataflow.OS) {
            return true;
        }
        return !q.osDrainFree() && pipelinedPeriod(g) < period(g, q, lm, drain, FoldOverlap.NONE);
    }

    /**
     * The period of the pipelined schedule: {@code max(T, R)} for WS/IS ({@code <= P}),
     * {@code max(T, 2R - 1)} for OS ({@link #period} takes the smaller of it and the
     * non-overlapped period).
     */
    public static long pipelinedPeriod(FoldGeometry g) {
        long r = g.rows();
        long floor = g.dataflow() == Dataflow.OS ? 2 * r - 1 : r;
        return Math.max(g.t(), floor);
    }

    /** Cycles after the last fold's span: the last OS drain ({@code R}), unless SCALE-Sim's. */
    public static long tail(FoldGeometry g, Quirks q) {
        return g.dataflow() == Dataflow.OS && !q.osDrainFree() ? g.rows() : 0;
    }

    /**
     * The per-fold cycle figure the compute-utilisation column divides by: the fold span for
     * OS, and for WS/IS {@code R + P} on the serial array, {@code P} on the double-buffered
     * one, or SCALE-Sim's {@code 2R + 2C + T - 3} with its quirk.
     */
    public static long utilizationDenominator(FoldGeometry g, Quirks q) {
        return utilizationDenominator(g, q, 0);
    }

    /** The same with {@code lm} multiplier stages. */
    public static long utilizationDenominator(FoldGeometry g, Quirks q, int lm) {
        long p = span(g, lm);
        if (g.dataflow() == Dataflow.OS) {
            return p;
        }
        if (q.computeUtilOvercount()) {
            return addExact(p, (long) g.rows() + g.cols() - 1);
        }
        return q.serialFolds() ? addExact(p, g.rows()) : p;
    }
}
