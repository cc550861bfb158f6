package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.engine.FoldTiming;
import org.pactsim.engine.Quirks;
import org.pactsim.mapping.FoldGeometry;

/**
 * Array cycles of a tiled GEMM in the native timing model. Spatial tiles only change how many
 * folds there are; a temporal tile of {@code Tt} makes every fold stream {@code Tt} instead of
 * {@code T}, so splitting the temporal dimension adds a fold span of overhead per extra tile.
 * A fold streaming {@code Tt} vectors takes {@code rate.peCyclesFor(Tt)} cycles at the layer's
 * precision on the PE.
 */
final class ComputeTime {
    private ComputeTime() {
    }

    static long cycles(GemmOperands g, long mt, long nt, long kt) {
        long rowsT;
        long colsT;
        long tFull;
        long tExt;
        switch (g.dataflow()) {
            case OS: rowsT = mt; colsT = nt; tFull = kt; tExt = g.k(); break;
            case WS: rowsT = kt; colsT = nt; tFull = mt; tExt = g.m(); break;
            default: rowsT = kt; colsT = mt; tFull = nt; tExt = g.n(); break;
        }
        long sr = spatialExtent(g);
        long sc = spatialExtentCols(g);
        long rowFolds = folds(sr, rowsT, g.array().rows());
        long colFolds = folds(sc, colsT, g.array().cols());
        long spatial = multiplyExact(multiplyExact(rowFolds, colFolds), g.reps());
        long nT = FoldGeometry.ceilDiv(tExt, tFull);
        long tLast = tExt - (nT - 1) * tFull;
        long total = FoldTiming.cycles(geometry(g, tLast), spatial, Quirks.NONE);
        if (nT > 1) {
            // The array streams on from the last-tile folds: the exposed R is charged once.
            total = addExact(total, multiplyExact(multiplyExact(nT - 1, spatial), FoldTiming.span(geometry(g, tFull))));
        }
        return total;
    }

    /** Folds along one array side when {@code extent} is cut into tiles of {@code tile}. */
    private static long folds(long extent, long tile, long side) {
        long n = FoldGeometry.ceilDiv(extent, tile);
        long last = extent - (n - 1) * tile;
        return addExact(multiplyExact(n - 1, FoldGeometry.ceilDiv(tile, side)), FoldGeometry.ceilDiv(last, side));
    }

    private static long spatialExtent(GemmOperands g) {
        return g.dataflow() == org.pactsim.spec.Dataflow.OS ? g.m() : g.k();
    }

    private static long spatialExtentCols(GemmOperands g) {
        return g.dataflow() == org.pactsim.spec.Dataflow.IS ? g.m() : g.n();
    }

    private static FoldGeometry geometry(GemmOperands g, long t) {
        int r = g.array().rows();
        int c = g.array().cols();
        return new FoldGeometry(g.dataflow(), r, c, r, c, g.rate().peCyclesFor(t), 1, 1, r, c);
    }
}
