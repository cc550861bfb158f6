package org.pactsim.rtl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pactsim.engine.FoldEngine;
import org.pactsim.engine.FoldTiming;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.Quirks;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;
import org.pactsim.workload.OutputRounding;

/**
 * The RTL check of one layer on one accelerator: generates the array, testbench and data files
 * ({@link #generate}), and compares a simulation's outcome with pactsim's native model and
 * SCALE-Sim's ({@link Plan#report}).
 *
 * <p>The layer's GEMM (floor output sizes) gets random signed operands of the PE's widths
 * (seeded); core 0's folds are simulated, which is the busiest core, the one both models count.
 */
public final class RtlCheck {
    private RtlCheck() {
    }

    /**
     * What was generated, and the figures to compare a simulation with.
     *
     * @param rtlFolds    the array's cycles of each fold: from the previous fold's last output to
     *                    this one's (the first fold from cycle 0); valid once a simulation matched
     * @param nativeFolds the native model's figure for each fold ({@code FoldTiming})
     * @param scaleSimFold SCALE-Sim's per-fold figure ({@code R + P} WS/IS, {@code P} OS)
     * @param rtlCycles   the schedule's layer cycles: the cycle its last result appears in
     */
    public record Plan(RtlDesign design, Gemm gemm, FoldGeometry geometry, int folds, long realOutputs,
                       long words, long[] rtlFolds, long[] nativeFolds, long scaleSimFold, long rtlCycles,
                       LayerResult nativeModel, LayerResult scaleSimModel) {

        /** PE-cycles the simulation steps. */
        public long peCycles() {
            return Math.multiplyExact(rtlCycles, (long) design.rows() * design.cols());
        }

        /** True when the array's per-fold and layer cycles equal the native model's. */
        public boolean cyclesMatchNative() {
            return java.util.Arrays.equals(rtlFolds, nativeFolds) && rtlCycles == nativeModel.cycles();
        }

        /** A readable report of the comparison; {@code o} null when nothing was simulated. */
        public String report(Simulator.Outcome o) {
            StringBuilder b = new StringBuilder();
            RtlDesign d = design;
            b.append("array ").append(d.rows()).append('x').append(d.cols()).append(' ')
                    .append(d.dataflow().key()).append(", widths ").append(d.lw()).append('/').append(d.tw())
                    .append('/').append(d.accw()).append(", multiplier stages ").append(d.lm());
            if (d.os()) {
                b.append(", os drain ").append(d.drain().key()).append(d.pipelined() ? ", pipelined folds" : "");
            } else {
                b.append(d.serial() ? ", serial folds" : d.pipelined() ? ", pipelined folds" : ", double-buffered folds");
            }
            b.append('\n');
            b.append("gemm M=").append(gemm.m()).append(" N=").append(gemm.n()).append(" K=").append(gemm.k());
            if (gemm.repeat() > 1) {
                b.append(" x").append(gemm.repeat());
            }
            b.append(": ").append(folds).append(" folds on core 0, ").append(realOutputs).append(" output words\n");
            if (o == null) {
                return b.toString();
            }
            if (!o.completed()) {
                b.append("simulation failed: no summary from the testbench\n");
                return b.toString();
            }
            boolean exact = o.exact();
            b.append("GEMM bit-exact: ").append(exact ? "yes" : "NO").append(" (").append(o.ok()).append(" of ")
                    .append(o.expected()).append(" words right, in the expected cycle)\n");
            if (o.firstCycle() >= 0) {
                b.append("first mismatch: cycle ").append(o.firstCycle()).append(", column ").append(o.firstColumn())
                        .append(": got ").append(o.firstGot()).append(", expected ").append(o.firstExpected())
                        .append('\n');
            }
            long rtl = exact ? rtlCycles : o.lastCycle();
            b.append("layer cycles: RTL ").append(rtl).append(", native model ").append(nativeModel.cycles())
                    .append(rtl == nativeModel.cycles() ? " (equal)" : " (DIFFERENT)")
                    .append(", SCALE-Sim model ").append(scaleSimModel.cycles())
                    .append(" (reported; its count ").append(scaleSimModel.cycles() + 1).append(")\n");
            if (exact) {
                b.append("fold  rtl  native  scalesim\n");
                int shown = Math.min(folds, 8);
                for (int i = 0; i < shown; i++) {
                    b.append(String.format("%4d %4d %7d %9d%n", i, rtlFolds[i], nativeFolds[i], scaleSimFold));
                }
                if (shown < folds) {
                    b.append("  ... ").append(folds - shown).append(" more folds (folds.csv)\n");
                }
            }
            b.append(String.format("simulated %d PE-cycles in %.2f s%n", peCycles(), o.seconds()));
            return b.toString();
        }
    }

    /**
     * Generates the files for {@code layer} on {@code acc} into {@code dir}.
     *
     * @param serial WS/IS: run SCALE-Sim's serial array instead of the double-buffered one
     * @throws RtlSizeException when the layer is too large for a stimulus file ({@link RtlSchedule#MAX_WORDS})
     */
    public static Plan generate(AcceleratorSpec acc, Layer layer, long seed, boolean serial, Path dir) {
        Gemm gemm = layer.lower(OutputRounding.FLOOR);
        Quirks q = serial ? new Quirks(false, false, true, false, false, false, false) : Quirks.NONE;
        FoldGeometry g = FoldGeometry.of(acc.dataflow(), gemm, acc.array());
        RtlDesign d = RtlDesign.of(acc, q, g);
        long words;
        long values;
        try {
            long tiles = Math.multiplyExact(g.colFolds(), gemm.repeat());
            long folds = Math.multiplyExact(FoldGeometry.ceilDiv(tiles, acc.cores()), g.rowFolds());
            words = RtlSchedule.words(d, g, folds);
            values = Math.multiplyExact(gemm.repeat(), Math.addExact(Math.multiplyExact(gemm.m(), gemm.k()),
                    Math.multiplyExact(gemm.k(), gemm.n())));
        } catch (ArithmeticException e) {
            throw new RtlSizeException(Long.MAX_VALUE);
        }
        if (words > RtlSchedule.MAX_WORDS || values > RtlSchedule.MAX_WORDS) {
            throw new RtlSizeException(Math.max(words, values));
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Operands> gemms = new ArrayList<>();
        for (int i = 0; i < gemm.repeat(); i++) {
            gemms.add(new Operands((int) gemm.m(), (int) gemm.n(), (int) gemm.k(), acc.pe().activationBits(),
                    acc.pe().weightBits(), rnd));
        }
        RtlSchedule s = RtlSchedule.build(d, g, RtlSchedule.folds(g, (int) gemm.repeat(), acc.cores()), gemms);
        if (dir != null) {
            RtlFiles.write(dir, s);
        }
        int f = s.folds.size();
        long[] rtl = new long[f];
        long[] model = new long[f];
        Quirks sq = RtlSchedule.quirks(d);
        long period = FoldTiming.period(g, sq, d.lm(), d.drain(), d.overlap());
        for (int i = 0; i < f; i++) {
            rtl[i] = s.end[i] - (i == 0 ? 0 : s.end[i - 1]);
            model[i] = i == 0 ? FoldTiming.cycles(g, 1, sq, d.lm(), d.drain(), d.overlap()) : period;
        }
        long scaleSimFold = FoldTiming.period(g, Quirks.SCALESIM, d.lm(), d.drain());
        LayerResult nat = FoldEngine.run(acc, layer, sq);
        LayerResult ss = FoldEngine.run(acc, layer, Quirks.SCALESIM);
        long last = s.expected.isEmpty() ? 0 : s.expected.get(s.expected.size() - 1).cycle();
        return new Plan(d, gemm, g, f, s.realOutputs(), words, rtl, model, scaleSimFold, last, nat, ss);
    }
}
