package org.pactsim.engine.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pactsim.engine.FoldTiming;
import org.pactsim.engine.Quirks;
import org.pactsim.engine.TimingModel;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.OsDrain;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;
import org.pactsim.workload.OutputRounding;

/**
 * Runs a layer on the register-level array and reports what it did, the timing model's
 * figures derived from the measured events, and whether the outputs equal a plain GEMM.
 *
 * <p>The layer's GEMM (as lowered under the model's output-size rule) gets random signed
 * inputs and weights of the PE's activation and weight widths (seeded, reproducible); the
 * column folds of every repeat are dealt round-robin to the cores as in the fast engine, and
 * each core runs its folds (row folds innermost) on its own array. The timing model picks the
 * microarchitecture ({@code serialFolds}: serial array, otherwise double-buffered) and the
 * counting conventions; see {@code docs/reference-engine.md}.
 *
 * <p>Cost: {@code O(PE-cycles)} time, about one PE-update per simulated PE per cycle, and
 * {@code O(repeat * (MK + KN + MN))} memory; layers past {@link #MAX_PE_CYCLES} or
 * {@link #MAX_VALUES} are refused.
 */
public final class ReferenceEngine {
    /** Largest estimated work accepted: all folds' {@code (P + 2R) * R * C}, summed over cores. */
    public static final long MAX_PE_CYCLES = 500_000_000L;
    /** Largest number of matrix values held: {@code repeat * (MK + KN + MN)}. */
    public static final long MAX_VALUES = 1L << 23;
    /** The seed the CLI uses. */
    public static final long DEFAULT_SEED = 0x5eedL;

    private ReferenceEngine() {
    }

    /** What else a run may use: accumulator overflow rule, a memory model, a cycle trace. */
    public record Options(Accumulator.Mode overflow, MemoryPort memory, CycleTrace trace) {
        /** Wrapping accumulators, ideal memory, no trace. */
        public static final Options DEFAULT = new Options(Accumulator.Mode.WRAP, MemoryPort.IDEAL, null);

        public Options {
            if (overflow == null || memory == null) {
                throw new IllegalArgumentException("overflow mode and memory model are required");
            }
        }

        public Options withTrace(CycleTrace t) {
            return new Options(overflow, memory, t);
        }
    }

    public static ReferenceResult run(AcceleratorSpec acc, Layer layer, TimingModel model, long seed) {
        return run(acc, layer, model.quirks(), seed, Options.DEFAULT);
    }

    public static ReferenceResult run(AcceleratorSpec acc, Layer layer, Quirks q, long seed, Options o) {
        Gemm gemm = layer.lower(q.outputRounding());
        checkSize(acc, layer.name(), gemm);
        SplittableRandom rnd = new SplittableRandom(seed);
        GemmData[] data = new GemmData[(int) gemm.repeat()];
        for (int i = 0; i < data.length; i++) {
            data[i] = new GemmData((int) gemm.m(), (int) gemm.n(), (int) gemm.k(),
                    acc.pe().activationBits(), acc.pe().weightBits(), rnd);
        }
        return run(acc, layer, q, o, data);
    }

    private static boolean pipelined(AcceleratorSpec acc, Quirks q) {
        return acc.array().foldOverlap() == FoldOverlap.PIPELINED && !q.serialFolds();
    }

    /**
     * The OS core for folds of {@code g}: the wavefront-capture array when folds are pipelined
     * and that is faster than the array's drain style ({@code FoldTiming} takes the smaller
     * period), or when the drain style is the wavefront; else the fold-wide switch, serial when
     * the quirks or the drain style say so.
     */
    private static Core osCore(AcceleratorSpec acc, Quirks q, FoldGeometry g, Core.Setup s, long forcedPeriod) {
        OsDrain drain = acc.array().osDrain();
        if (q.serialFolds() || q.osDrainFree()) {
            return new OsCore(s);
        }
        if (FoldTiming.pipelines(g, q, 0, drain, acc.array().foldOverlap())) {
            return new WavefrontOsCore(s, true, forcedPeriod);
        }
        if (drain == OsDrain.WAVEFRONT) {
            return new WavefrontOsCore(s, false, forcedPeriod);
        }
        return new OsCore(drain == OsDrain.SERIAL ? s.withSerial() : s);
    }

    /** The same on given operands, one {@link GemmData} per repeat of the layer's GEMM. */
    static ReferenceResult run(AcceleratorSpec acc, Layer layer, Quirks q, Options o, GemmData[] data) {
        return run(acc, layer, q, o, data, 0);
    }

    /**
     * The same; on a pipelined WS/IS array or a wavefront-capture OS array with
     * {@code forcedPeriod > 0} the sequencer issues a fold every {@code forcedPeriod} cycles
     * instead of when the array allows (to show that a shorter period loses results).
     */
    static ReferenceResult run(AcceleratorSpec acc, Layer layer, Quirks q, Options o, GemmData[] data,
                               long forcedPeriod) {
        Gemm gemm = layer.lower(q.outputRounding());
        Dataflow df = acc.dataflow();
        boolean os = df == Dataflow.OS;
        FoldGeometry g = FoldGeometry.of(df, gemm, acc.array());
        Accumulator accu = new Accumulator(acc.pe().accumulatorBits(), o.overflow());

        int rows = acc.array().rows();
        int cols = acc.array().cols();
        long tiles = g.colFolds() * gemm.repeat();
        Counts total = new Counts();
        List<List<FoldEvents>> perCore = new ArrayList<>();
        long peCycles = 0;
        for (int c = 0; c < acc.cores() && c < tiles; c++) {
            List<FoldJob> jobs = new ArrayList<>();
            for (long ti = c; ti < tiles; ti += acc.cores()) {
                GemmData d = data[(int) (ti / g.colFolds())];
                int cf = (int) (ti % g.colFolds());
                for (int rf = 0; rf < g.rowFolds(); rf++) {
                    jobs.add(new FoldJob(jobs.size(), d, rf, rf * rows, cf * cols, (int) g.rowsUsed(rf),
                            (int) g.colsUsed(cf), (int) g.t()));
                }
            }
            Core.Setup s = new Core.Setup(rows, cols, q.serialFolds(), accu, o.memory(), o.trace(), c);
            Core core = os ? osCore(acc, q, g, s, forcedPeriod) : pipelined(acc, q)
                    ? new PipelinedStationaryCore(s, df == Dataflow.IS, forcedPeriod)
                    : new StationaryCore(s, df == Dataflow.IS);
            perCore.add(core.run(jobs));
            total.add(core.counts);
            peCycles += core.counts.cycles * acc.array().pes();
        }
        GemmCheck check = new GemmCheck(0, 0, null);
        for (GemmData d : data) {
            check = check.plus(d.check(accu, os ? 1 : (int) g.rowFolds()));
        }
        HardwareCounts hw = new HardwareCounts(total.cycles, total.stalls, total.macs, total.ifmapReads,
                total.filterReads, total.ofmapReads, total.ofmapWrites, peCycles);
        return ModelView.of(acc, layer, q, gemm, g, perCore, hw, check);
    }

    /** Throws {@link ReferenceSizeException} when the layer is past this engine's limits. */
    public static void checkSize(AcceleratorSpec acc, Layer layer, TimingModel model) {
        checkSize(acc, layer.name(), layer.lower(model.quirks().outputRounding()));
    }

    private static void checkSize(AcceleratorSpec acc, String name, Gemm gemm) {
        long values = saturatingMul(gemm.repeat(), saturatingAdd(saturatingAdd(
                saturatingMul(gemm.m(), gemm.k()), saturatingMul(gemm.k(), gemm.n())), saturatingMul(gemm.m(), gemm.n())));
        if (values > MAX_VALUES) {
            throw new ReferenceSizeException(name, "matrix values", MAX_VALUES, values);
        }
        FoldGeometry g = FoldGeometry.of(acc.dataflow(), gemm, acc.array());
        long perFold = g.t() + 3L * g.rows() + g.cols();
        long work = saturatingMul(saturatingMul(saturatingMul(g.folds(), gemm.repeat()), perFold), acc.array().pes());
        if (work > MAX_PE_CYCLES) {
            throw new ReferenceSizeException(name, "simulated PE-cycles", MAX_PE_CYCLES, work);
        }
    }

    private static long saturatingMul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** The floor-rounded GEMM, to tell the SCALE-Sim output-size rounding apart. */
    static Gemm exact(Layer layer) {
        return layer.lower(OutputRounding.FLOOR);
    }
}
