package org.pactsim.mapping;

import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.workload.Gemm;

/**
 * The fold structure of one GEMM on one array. Folds are visited column-fold outer,
 * row-fold inner (as SCALE-Sim). Every fold uses {@code rows} x {@code cols} PEs except
 * the last row fold ({@code lastRows} rows) and the last column fold ({@code lastCols}).
 *
 * @param sr       spatial extent mapped to array rows
 * @param sc       spatial extent mapped to array columns
 * @param t        temporal extent: operand vectors streamed per fold
 * @param rowFolds {@code ceil(sr / rows)}
 * @param colFolds {@code ceil(sc / cols)}
 */
public record FoldGeometry(Dataflow dataflow, int rows, int cols, long sr, long sc, long t,
                           long rowFolds, long colFolds, long lastRows, long lastCols) {

    public static FoldGeometry of(Dataflow d, Gemm g, ArraySpec a) {
        long sr = Dataflow.pick(d.rowDim(), g.m(), g.n(), g.k());
        long sc = Dataflow.pick(d.colDim(), g.m(), g.n(), g.k());
        long t = Dataflow.pick(d.temporalDim(), g.m(), g.n(), g.k());
        long rf = ceilDiv(sr, a.rows());
        long cf = ceilDiv(sc, a.cols());
        return new FoldGeometry(d, a.rows(), a.cols(), sr, sc, t, rf, cf,
                sr - (rf - 1) * a.rows(), sc - (cf - 1) * a.cols());
    }

    /** Number of folds, {@code rowFolds * colFolds}. */
    public long folds() {
        return Math.multiplyExact(rowFolds, colFolds);
    }

    /** Rows used by row fold {@code i} (0-based). */
    public long rowsUsed(long i) {
        return i == rowFolds - 1 ? lastRows : rows;
    }

    /** Columns used by column fold {@code j} (0-based). */
    public long colsUsed(long j) {
        return j == colFolds - 1 ? lastCols : cols;
    }

    /** Sum over folds of the PEs used: always {@code sr * sc}. */
    public long usedPeFolds() {
        return Math.multiplyExact(sr, sc);
    }

    /** Multiply-accumulates: {@code sr * sc * t}. */
    public long macs() {
        return Math.multiplyExact(usedPeFolds(), t);
    }

    public static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
