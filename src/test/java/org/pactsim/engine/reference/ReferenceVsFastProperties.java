package org.pactsim.engine.reference;

import org.pactsim.testing.Seeds;
import org.junit.jupiter.api.Test;
import java.util.SplittableRandom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.pactsim.engine.FoldEngine;
import org.pactsim.engine.FoldTiming;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.Quirks;
import org.pactsim.engine.TimingModel;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;

/**
 * The fast fold engine against the register-level array on random small GEMMs (M, N, K up to
 * 64, arrays up to 16 x 16, every dataflow, both timing models, shapes that leave partial
 * folds): the same cycles per fold and per layer, the same SRAM counts; and the array's
 * output equals the plain triple-loop GEMM bit for bit.
 */
class ReferenceVsFastProperties {

    static AcceleratorSpec acc(int rows, int cols, Dataflow d, int cores, PeSpec pe) {
        return new AcceleratorSpec("ref", new ArraySpec(rows, cols), d, cores, 1000, pe,
                SramSpec.split(64, 64, 64), DramSpec.UNLIMITED, 45);
    }

    static MatMulLayer gemm(int m, int n, int k, int count) {
        return new MatMulLayer("g", MatMulLayer.Kind.LINEAR, count, m, n, k, Bits.INT8, List.of());
    }

    static PeSpec pes(SplittableRandom r) {
        int wb = Seeds.between(r, 1, 32);
        int ab = Seeds.between(r, 1, 32);
        int extra = Seeds.between(r, 0, 40);
        return new PeSpec(wb, ab, NumberType.INT, Math.min(64, Math.max(wb, ab) + extra));
    }

    @Test
    void fastEqualsReference() {
        Seeds.repeat("ReferenceVsFastProperties.fastEqualsReference", 250, r -> fastEqualsReferenceCase(Seeds.between(r, 1, 64), Seeds.between(r, 1, 64), Seeds.between(r, 1, 64), Seeds.between(r, 1, 16), Seeds.between(r, 1, 16), Seeds.pick(r, Dataflow.values()), Seeds.pick(r, TimingModel.values()), Seeds.between(r, 1, 3), Seeds.between(r, 1, 2), pes(r), Seeds.pick(r, Accumulator.Mode.values()), r.nextLong()));
    }

    private void fastEqualsReferenceCase(int m, int n, int k, int rows, int cols, Dataflow d, TimingModel model, int cores, int repeat, PeSpec pe, Accumulator.Mode overflow, long seed) {
        AcceleratorSpec a = acc(rows, cols, d, cores, pe);
        // The layer at the PE's own precision: one MAC per PE-cycle, the case the register-level
        // array models (multi-pass and fused precisions are checked in engine.PrecisionTimingTest).
        MatMulLayer layer = new MatMulLayer("g", MatMulLayer.Kind.LINEAR, repeat, m, n, k,
                new Bits(pe.weightBits(), pe.activationBits(), Math.max(pe.weightBits(), pe.activationBits())), List.of());
        ReferenceResult ref = ReferenceEngine.run(a, layer, model.quirks(), seed,
                new ReferenceEngine.Options(overflow, MemoryPort.IDEAL, null));
        assertThat(ref.gemm().matches()).as(ref.gemm().first()).isTrue();
        assertSameAsFast(ref, FoldEngine.run(a, layer, model), model.quirks());
    }

    /**
     * Every mix of the quirks, not only the two timing models: each switch is honoured the same
     * way by both engines (serial folds with the OS drain charged, the native array with a free
     * drain, ...).
     */
    @Test
    void fastEqualsReferenceForEveryQuirkMix() {
        Seeds.repeat("ReferenceVsFastProperties.fastEqualsReferenceForEveryQuirkMix", 120, r -> fastEqualsReferenceForEveryQuirkMixCase(Seeds.between(r, 1, 40), Seeds.between(r, 1, 40), Seeds.between(r, 1, 40), Seeds.between(r, 1, 12), Seeds.between(r, 1, 12), Seeds.pick(r, Dataflow.values()), Seeds.between(r, 0, 127)));
    }

    private void fastEqualsReferenceForEveryQuirkMixCase(int m, int n, int k, int rows, int cols, Dataflow d, int bits) {
        Quirks q = new Quirks((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
                (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0);
        AcceleratorSpec a = acc(rows, cols, d, 1, PeSpec.INT8);
        MatMulLayer layer = gemm(m, n, k, 1);
        ReferenceResult ref = ReferenceEngine.run(a, layer, q, 7, ReferenceEngine.Options.DEFAULT);
        assertThat(ref.gemm().matches()).as(ref.gemm().first()).isTrue();
        assertSameAsFast(ref, FoldEngine.run(a, layer, q), q);
    }

    static void assertSameAsFast(ReferenceResult ref, LayerResult fast, Quirks q) {
        LayerResult r = ref.layer();
        assertThat(r.gemm()).isEqualTo(fast.gemm());
        assertThat(r.folds()).isEqualTo(fast.folds());
        for (int f = 0; f < ref.foldCycles().size(); f++) {
            long want = FoldTiming.cycles(fast.geometry(), f + 1, q) - FoldTiming.cycles(fast.geometry(), f, q);
            assertThat(ref.foldCycles().get(f)).as("fold %d of %s", f, ref.foldCycles()).isEqualTo(want);
        }
        assertThat(r.cycles()).as("layer cycles").isEqualTo(fast.cycles());
        assertThat(r.macs()).isEqualTo(fast.macs());
        assertThat(r.sramIfmapReads()).as("ifmap reads").isEqualTo(fast.sramIfmapReads());
        assertThat(r.sramFilterReads()).as("filter reads").isEqualTo(fast.sramFilterReads());
        assertThat(r.sramOfmapReads()).as("ofmap reads").isEqualTo(fast.sramOfmapReads());
        assertThat(r.sramOfmapWrites()).as("ofmap writes").isEqualTo(fast.sramOfmapWrites());
        assertThat(r.stallCycles()).isEqualTo(fast.stallCycles());
        // Bit for bit: both are correctly rounded quotients of the same exact integers.
        assertThat(r.utilization()).isEqualTo(fast.utilization());
        assertThat(r.mappingEfficiency()).isEqualTo(fast.mappingEfficiency());
        assertThat(r.computeUtilization()).as("compute utilisation").isEqualTo(fast.computeUtilization());
    }
}
