package org.pactsim.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pactsim.engine.FoldEngine;
import org.pactsim.engine.FoldTiming;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.Quirks;
import org.pactsim.engine.TimingModel;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.testing.Seeds;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;

/**
 * The register-level array with pipelined folds ({@link PipelinedStationaryCore}) against the
 * fast engine, for every fold-overlap mode: the same cycles per fold and per layer, the same
 * SRAM counts, the exact GEMM; the hand-worked 4 x 4 case; and a period one cycle shorter than
 * {@code max(T, R)} loses results.
 */
class PipelinedFoldsTest {
    static AcceleratorSpec acc(int rows, int cols, Dataflow d, int cores, FoldOverlap o) {
        return new AcceleratorSpec("ref", new ArraySpec(rows, cols, 0, OsDrain.OVERLAPPED, o), d, cores, 1000,
                PeSpec.INT8, SramSpec.split(64, 64, 64), DramSpec.UNLIMITED, 45);
    }

    static MatMulLayer gemm(int m, int n, int k, int repeat) {
        return new MatMulLayer("g", MatMulLayer.Kind.LINEAR, repeat, m, n, k, Bits.INT8, List.of());
    }

    @Test
    void referenceEqualsFastForEveryFoldOverlap() {
        Seeds.qt(250).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            FoldOverlap o = FoldOverlap.values()[r.nextInt(2)];
            Dataflow d = r.nextBoolean() ? Dataflow.WS : Dataflow.IS;
            if (o == FoldOverlap.NONE && r.nextInt(3) == 0) {
                d = Dataflow.OS;
            }
            AcceleratorSpec a = acc(1 + r.nextInt(12), 1 + r.nextInt(12), d, 1 + r.nextInt(3), o);
            MatMulLayer l = gemm(1 + r.nextInt(40), 1 + r.nextInt(40), 1 + r.nextInt(40), 1 + r.nextInt(2));
            TimingModel model = r.nextInt(4) == 0 ? TimingModel.SCALESIM : TimingModel.PACTSIM;
            String what = a.array() + " " + d + " cores " + a.cores() + " " + l.name() + " " + model + " seed " + seed;
            ReferenceResult ref = ReferenceEngine.run(a, l, model.quirks(), seed, ReferenceEngine.Options.DEFAULT);
            assertThat(ref.gemm().matches()).as(what + ": " + ref.gemm().first()).isTrue();
            LayerResult fast = FoldEngine.run(a, l, model);
            Quirks q = model.quirks();
            for (int f = 0; f < ref.foldCycles().size(); f++) {
                long want = FoldTiming.cycles(fast.geometry(), f + 1, q, a.array())
                        - FoldTiming.cycles(fast.geometry(), f, q, a.array());
                assertThat(ref.foldCycles().get(f)).as("%s fold %d of %s", what, f, ref.foldCycles()).isEqualTo(want);
            }
            LayerResult x = ref.layer();
            assertThat(x.cycles()).as(what).isEqualTo(fast.cycles());
            assertThat(x.macs()).as(what).isEqualTo(fast.macs());
            assertThat(x.sramIfmapReads()).as(what).isEqualTo(fast.sramIfmapReads());
            assertThat(x.sramFilterReads()).as(what).isEqualTo(fast.sramFilterReads());
            assertThat(x.sramOfmapReads()).as(what).isEqualTo(fast.sramOfmapReads());
            assertThat(x.sramOfmapWrites()).as(what).isEqualTo(fast.sramOfmapWrites());
            assertThat(x.utilization()).as(what).isEqualTo(fast.utilization());
            assertThat(x.computeUtilization()).as(what).isEqualTo(fast.computeUtilization());
        });
    }

    /**
     * 4 x 4 WS, M = T = 5, N = 4, K = 8: two row folds of span 11. The first fold's weights
     * take R = 4 cycles to shift in and it issues at cycle 4, the second at 4 + max(5, 4) = 9;
     * they end at 15 and 20. With T = 3 the second fold waits for its weights: issued at 8,
     * ending at 8 + 9 = 17.
     */
    @Test
    void handWorked() {
        ReferenceResult r = ReferenceEngine.run(acc(4, 4, Dataflow.WS, 1, FoldOverlap.PIPELINED), gemm(5, 4, 8, 1),
                Quirks.NONE, 3, ReferenceEngine.Options.DEFAULT);
        assertThat(r.gemm().matches()).isTrue();
        assertThat(r.foldCycles()).containsExactly(15L, 5L);
        assertThat(r.layer().cycles()).isEqualTo(20);
        ReferenceResult s = ReferenceEngine.run(acc(4, 4, Dataflow.WS, 1, FoldOverlap.PIPELINED), gemm(3, 4, 8, 1),
                Quirks.NONE, 3, ReferenceEngine.Options.DEFAULT);
        assertThat(s.foldCycles()).containsExactly(13L, 4L);
    }

    private static ReferenceResult forced(int m, int k, long period) {
        return forced(m, 4, k, period);
    }

    private static ReferenceResult forced(int m, int n, int k, long period) {
        AcceleratorSpec a = acc(4, 4, Dataflow.WS, 1, FoldOverlap.PIPELINED);
        MatMulLayer l = gemm(m, n, k, 1);
        GemmData[] data = {new GemmData(m, n, k, 8, 8, new SplittableRandom(5))};
        return ReferenceEngine.run(a, l, Quirks.NONE, ReferenceEngine.Options.DEFAULT, data, period);
    }

    /**
     * The period is the shortest the array tolerates: at {@code max(T, R)} the GEMM is exact,
     * one cycle less and a fold's last slot meets the next fold's first in a feeder (T = 5 > R)
     * or (T = 3 < R) a PE switches before its next weights have arrived (two column folds)
     * or, across row folds, the next fold reads a partial sum before the previous fold has
     * written it (the bottom row writes it {@code R - 1} cycles after the top row would read it
     * back: the second reason the period is at least {@code R}).
     */
    @Test
    void oneCycleLessLosesResults() {
        assertThat(forced(5, 12, 5).gemm().matches()).isTrue();
        assertThat(forced(5, 12, 5).layer().cycles()).isEqualTo(4 + 2 * 5 + 11);
        assertThatThrownBy(() -> forced(5, 12, 4)).hasMessageContaining("issue too early");
        assertThat(forced(3, 12, 4).gemm().matches()).isTrue();
        assertThatThrownBy(() -> forced(3, 12, 3)).hasMessageContaining("read-after-write hazard");
        assertThat(forced(3, 8, 4, 4).gemm().matches()).isTrue();
        assertThatThrownBy(() -> forced(3, 8, 4, 3)).hasMessageContaining("not shifted in in time");
    }

    private static AcceleratorSpec os(int rows, int cols, OsDrain drain, FoldOverlap o) {
        return new AcceleratorSpec("ref", new ArraySpec(rows, cols, 0, drain, o), Dataflow.OS, 1, 1000, PeSpec.INT8,
                SramSpec.split(64, 64, 64), DramSpec.UNLIMITED, 45);
    }

    private static ReferenceResult forcedOs(AcceleratorSpec a, int m, int n, int k, long period) {
        GemmData[] data = {new GemmData(m, n, k, 8, 8, new SplittableRandom(5))};
        return ReferenceEngine.run(a, gemm(m, n, k, 1), Quirks.NONE, ReferenceEngine.Options.DEFAULT, data, period);
    }

    /**
     * Every OS drain style, with and without pipelined folds, against the fast engine: the
     * wavefront capture ({@link WavefrontOsCore}) and the fold-wide switch, serial or not.
     */
    @Test
    void everyOutputStationaryArrayEqualsTheFastEngine() {
        Seeds.qt(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            AcceleratorSpec a = os(1 + r.nextInt(10), 1 + r.nextInt(10), OsDrain.values()[r.nextInt(3)],
                    FoldOverlap.values()[r.nextInt(2)]).withCores(1 + r.nextInt(2));
            MatMulLayer l = gemm(1 + r.nextInt(30), 1 + r.nextInt(30), 1 + r.nextInt(30), 1 + r.nextInt(2));
            String what = a.array() + " cores " + a.cores() + " " + l + " seed " + seed;
            ReferenceResult ref = ReferenceEngine.run(a, l, Quirks.NONE, seed, ReferenceEngine.Options.DEFAULT);
            assertThat(ref.gemm().matches()).as(what + ": " + ref.gemm().first()).isTrue();
            LayerResult fast = FoldEngine.run(a, l, TimingModel.PACTSIM);
            for (int f = 0; f < ref.foldCycles().size(); f++) {
                long want = FoldTiming.cycles(fast.geometry(), f + 1, Quirks.NONE, a.array())
                        - FoldTiming.cycles(fast.geometry(), f, Quirks.NONE, a.array());
                assertThat(ref.foldCycles().get(f)).as("%s fold %d of %s", what, f, ref.foldCycles()).isEqualTo(want);
            }
            assertThat(ref.layer().cycles()).as(what).isEqualTo(fast.cycles());
            assertThat(ref.layer().sramOfmapWrites()).as(what).isEqualTo(fast.sramOfmapWrites());
            assertThat(ref.layer().sramIfmapReads()).as(what).isEqualTo(fast.sramIfmapReads());
        });
    }

    /**
     * 4 x 3 OS, pipelined: K = T = 20 folds issue every T (P = 25), K = 5 every 2R - 1 = 7
     * (P = 10); one cycle less and two folds meet in a feeder (T = 20) or a PE captures over a
     * result its column has not written out yet (T = 5). The wavefront array without pipelining:
     * 8 x 2, T = 3, every max(P, 2R - 1) = 15 cycles; 14 loses results.
     */
    @Test
    void pipelinedOutputStationaryNeedsItsWholePeriod() {
        AcceleratorSpec a = os(4, 3, OsDrain.OVERLAPPED, FoldOverlap.PIPELINED);
        ReferenceResult t20 = ReferenceEngine.run(a, gemm(10, 7, 20, 1), Quirks.NONE, 1, ReferenceEngine.Options.DEFAULT);
        assertThat(t20.gemm().matches()).isTrue();
        // 9 folds: (F - 1) * 20 + P + R = 160 + 25 + 4
        assertThat(t20.layer().cycles()).isEqualTo(189);
        assertThat(forcedOs(a, 10, 7, 20, 20).gemm().matches()).isTrue();
        assertThatThrownBy(() -> forcedOs(a, 10, 7, 20, 19)).hasMessageContaining("issue too early");
        ReferenceResult t5 = ReferenceEngine.run(a, gemm(10, 7, 5, 1), Quirks.NONE, 1, ReferenceEngine.Options.DEFAULT);
        assertThat(t5.gemm().matches()).isTrue();
        assertThat(t5.layer().cycles()).isEqualTo(8 * 7 + 10 + 4);
        assertThat(forcedOs(a, 10, 7, 5, 7).gemm().matches()).isTrue();
        assertThatThrownBy(() -> forcedOs(a, 10, 7, 5, 6)).hasMessageContaining("not yet written out");
        AcceleratorSpec w = os(8, 2, OsDrain.WAVEFRONT, FoldOverlap.NONE);
        ReferenceResult tall = ReferenceEngine.run(w, gemm(24, 2, 3, 1), Quirks.NONE, 1, ReferenceEngine.Options.DEFAULT);
        assertThat(tall.gemm().matches()).isTrue();
        assertThat(tall.foldCycles()).containsExactly(19L, 15L, 15L);
        assertThatThrownBy(() -> forcedOs(w, 24, 2, 3, 14)).hasMessageContaining("not yet written out");
    }
}
