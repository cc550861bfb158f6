package org.pactsim.engine;

import org.pactsim.spec.MacRate;
import org.pactsim.spec.PeThroughput;
import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;

/**
 * The fast fold-level engine. A layer's folds are not enumerated one by one: all full folds
 * cost the same, so each layer costs O(1) whatever its size, with the exact same totals as a
 * fold-by-fold walk (the register-level reference engine checks this).
 *
 * <p>Cores: the column folds of every repeat are independent output tiles; they are dealt
 * round-robin to the cores, and each core runs all row folds of its tiles.
 */
public final class FoldEngine {
    private FoldEngine() {
    }

    public static LayerResult run(AcceleratorSpec acc, Layer layer, TimingModel model) {
        if (model == TimingModel.SCALESIM) {
            return run(acc, layer, model.quirks());
        }
        MacRate rate = LayerRate.of(acc, layer);
        try {
            return runExact(acc, layer, model.quirks(), rate);
        } catch (ArithmeticException e) {
            throw new OverflowException("layer " + layer.name()
                    + ": a cycle or access count exceeds 2^63-1; the layer is too large to simulate");
        }
    }

    /**
     * The same under any mix of quirks, not only the two timing models' (the reference engine's
     * properties check every mix).
     */
    public static LayerResult run(AcceleratorSpec acc, Layer layer, Quirks q) {
        try {
            return runExact(acc, layer, q, MacRate.ONE);
        } catch (ArithmeticException e) {
            throw new OverflowException("layer " + layer.name()
                    + ": a cycle or access count exceeds 2^63-1; the layer is too large to simulate");
        }
    }

    /**
     * {@code rate}: MACs of this layer's precision per PE-cycle ({@link PeThroughput}); each fold
     * streams its {@code T} operand vectors in {@code rate.peCyclesFor(T)} cycles. Access counts
     * stay in elements.
     */
    private static LayerResult runExact(AcceleratorSpec acc, Layer layer, Quirks q, MacRate rate) {
        Gemm gemm = layer.lower(q.outputRounding());
        Dataflow df = acc.dataflow();
        FoldGeometry g = FoldGeometry.of(df, gemm, acc.array());
        FoldGeometry timed = rate.equals(MacRate.ONE) ? g : new FoldGeometry(g.dataflow(), g.rows(), g.cols(), g.sr(),
                g.sc(), rate.peCyclesFor(g.t()), g.rowFolds(), g.colFolds(), g.lastRows(), g.lastCols());
        long pes = acc.array().pes();

        long tiles = multiplyExact(g.colFolds(), gemm.repeat());
        long tilesPerCore = FoldGeometry.ceilDiv(tiles, acc.cores());
        long folds = multiplyExact(tilesPerCore, g.rowFolds());
        long count = FoldTiming.cycles(timed, folds, q, acc.array());
        long cycles = q.reportLastIndex() ? count - 1 : count;

        long macs = gemm.macs();
        long allFolds = multiplyExact(g.folds(), gemm.repeat());
        double utilization = (double) macs / ((double) cycles * pes * acc.cores());
        double mapping = (double) g.usedPeFolds() / ((double) g.folds() * pes);
        double compute = (double) g.usedPeFolds() * g.t()
                / ((double) g.folds() * pes * FoldTiming.utilizationDenominator(timed, q, acc.array().multiplierStages()));

        // The operand streamed along the rows is read once per column fold, the one streamed
        // along the columns (OS only) once per row fold; the stationary one once in all.
        long rep = gemm.repeat();
        long rowStream = multiplyExact(multiplyExact(g.colFolds(), g.sr()), multiplyExact(g.t(), rep));
        long stationary = multiplyExact(g.usedPeFolds(), rep);
        long outputs = multiplyExact(multiplyExact(gemm.m(), gemm.n()), rep);
        long ifmapReads;
        long filterReads;
        long ofmapWrites;
        long ofmapReads = 0;
        if (df == Dataflow.OS) {
            ifmapReads = rowStream;
            filterReads = multiplyExact(multiplyExact(g.rowFolds(), g.sc()), multiplyExact(g.t(), rep));
            ofmapWrites = q.osWriteCountQuirk()
                    ? addExact(outputs, multiplyExact(allFolds, (long) g.rows() + g.cols()))
                    : outputs;
        } else {
            ifmapReads = df == Dataflow.WS ? rowStream : stationary;
            filterReads = df == Dataflow.WS ? stationary : rowStream;
            ofmapWrites = multiplyExact(g.rowFolds(), outputs);
            if (!q.noPartialSumReadBack()) {
                ofmapReads = multiplyExact(g.rowFolds() - 1, outputs);
            }
        }
        return new LayerResult(layer.name(), layer.type(), gemm, g, folds, cycles, 0, macs,
                utilization, mapping, compute, ifmapReads, filterReads, ofmapReads, ofmapWrites);
    }
}
