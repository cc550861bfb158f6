package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.engine.FoldTiming;
import org.pactsim.engine.Quirks;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.Dataflow;

/**
 * Array cycles of a tiled GEMM in the native timing model. Spatial tiles only change how many
 * folds there are; a temporal tile of {@code Tt} makes every fold stream {@code Tt} instead of
 * {@code T}, so splitting the temporal dimension adds a fold span of overhead per extra tile.
 * A fold streaming {@code Tt} vectors takes {@code rate.peCyclesFor(Tt)} cycles at the layer's
 * precision on the PE. The array's multiplier stages and OS drain style
 * ({@code array.multiplierStages}, {@code array.osDrain}) time the folds as in the fold engine.
 */
final class ComputeTime {
    private ComputeTime() {
    }

    static long cycles(GemmOperands g, long mt, long nt, long kt) {
        Dataflow d = g.dataflow();
        long rowsT = Dataflow.pick(d.rowDim(), mt, nt, kt);
        long colsT = Dataflow.pick(d.colDim(), mt, nt, kt);
        long tFull = Dataflow.pick(d.temporalDim(), mt, nt, kt);
        long tExt = Dataflow.pick(d.temporalDim(), g.m(), g.n(), g.k());
        long sr = Dataflow.pick(d.rowDim(), g.m(), g.n(), g.k());
        long sc = Dataflow.pick(d.colDim(), g.m(), g.n(), g.k());
        long rowFolds = folds(sr, rowsT, g.array().rows());
        long colFolds = folds(sc, colsT, g.array().cols());
        long spatial = multiplyExact(multiplyExact(rowFolds, colFolds), g.reps());
        long nT = FoldGeometry.ceilDiv(tExt, tFull);
        long tLast = tExt - (nT - 1) * tFull;
        long total = FoldTiming.cycles(geometry(g, tLast), spatial, Quirks.NONE, g.array());
        if (nT > 1) {
            // The array streams on from the last-tile folds: the exposed R is charged once.
            total = addExact(total, multiplyExact(multiplyExact(nT - 1, spatial),
                    FoldTiming.period(geometry(g, tFull), Quirks.NONE, g.array())));
        }
        return total;
    }

    /**
     * Cycles a fold streaming {@code t} temporal elements holds the array beyond its span
     * ({@code period - span}): 0 but for an OS drain that is serial ({@code R}) or a wavefront
     * one with the hazard ({@code 2R - 1 - P} when positive), and negative for pipelined folds
     * (the next fold enters before this one's span is over; the layer's last fold pays it back).
     * See {@link FoldTiming#period}.
     */
    static long drainHold(GemmOperands g, long t) {
        FoldGeometry geo = geometry(g, t);
        int lm = g.array().multiplierStages();
        return FoldTiming.period(geo, Quirks.NONE, g.array()) - FoldTiming.span(geo, lm);
    }

    /** Folds along one array side when {@code extent} is cut into tiles of {@code tile}. */
    private static long folds(long extent, long tile, long side) {
        long n = FoldGeometry.ceilDiv(extent, tile);
        long last = extent - (n - 1) * tile;
        return addExact(multiplyExact(n - 1, FoldGeometry.ceilDiv(tile, side)), FoldGeometry.ceilDiv(last, side));
    }

    private static FoldGeometry geometry(GemmOperands g, long t) {
        int r = g.array().rows();
        int c = g.array().cols();
        return new FoldGeometry(g.dataflow(), r, c, r, c, g.rate().peCyclesFor(t), 1, 1, r, c);
    }
}
