package org.pactsim.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.engine.Quirks;
import org.pactsim.engine.TimingModel;
import org.pactsim.engine.reference.CycleTrace.Event;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;

/**
 * Small cases worked out by hand from first principles: which PE does what in which cycle,
 * what leaves the array when, and what each timing model then reports.
 */
class HandWorkedTest {
    static final PeSpec INT8 = PeSpec.INT8;

    static ReferenceResult run(int rows, int cols, Dataflow d, Quirks q, int m, int n, int k, long[] in, long[] w,
                               Recorder rec) {
        AcceleratorSpec a = ReferenceVsFastProperties.acc(rows, cols, d, 1, INT8);
        GemmData data = new GemmData(m, n, k, in, w);
        ReferenceResult r = ReferenceEngine.run(a, ReferenceVsFastProperties.gemm(m, n, k, 1), q,
                ReferenceEngine.Options.DEFAULT.withTrace(rec), new GemmData[] {data});
        assertThat(r.gemm().matches()).as(r.gemm().first()).isTrue();
        return r;
    }

    /**
     * 2x2 output stationary, M = N = K = 2 (the GEMM of SCALE-Sim issue #60). PE (i, j) sees
     * {@code I[i][k]} and {@code W[k][j]} in cycle {@code i + j + k}: PE(0,0) MACs in cycles 0
     * and 1, PE(0,1) and PE(1,0) in 1 and 2, PE(1,1) in 2 and 3. The last MAC is in cycle 3, so
     * the fold takes P = T + R + C - 2 = 4 cycles, and SCALE-Sim reports 3, the index of that
     * cycle (the user's "4 on pencil and paper" is the count). The results then leave the array:
     * row 1 in cycle 4, row 0 in cycle 5, so the hardware needs 6 cycles.
     */
    @Test
    void os2x2() {
        long[] in = {1, 2, 3, 4};
        long[] w = {5, 6, 7, 8};
        Recorder rec = new Recorder();
        ReferenceResult ss = run(2, 2, Dataflow.OS, Quirks.SCALESIM, 2, 2, 2, in, w, rec);
        assertThat(rec.of(Event.MAC)).extracting(Recorder.Ev::cycle, Recorder.Ev::row, Recorder.Ev::col)
                .containsExactlyInAnyOrder(tuple(0L, 0, 0), tuple(1L, 0, 0), tuple(1L, 0, 1), tuple(1L, 1, 0),
                        tuple(2L, 0, 1), tuple(2L, 1, 0), tuple(2L, 1, 1), tuple(3L, 1, 1));
        // O = I * W = [[1*5 + 2*7, 1*6 + 2*8], [3*5 + 4*7, 3*6 + 4*8]], written bottom row first.
        assertThat(rec.of(Event.WRITE_OFMAP)).extracting(Recorder.Ev::cycle, Recorder.Ev::row, Recorder.Ev::col,
                Recorder.Ev::value).containsExactlyInAnyOrder(tuple(4L, 1, 0, 43L), tuple(4L, 1, 1, 50L),
                tuple(5L, 0, 0, 19L), tuple(5L, 0, 1, 22L));
        assertThat(ss.folds().get(0).computeEnd()).isEqualTo(3);
        assertThat(ss.foldCycles()).containsExactly(4L);
        assertThat(ss.layer().cycles()).isEqualTo(3);
        assertThat(ss.hardware().cycles()).isEqualTo(6);
        assertThat(ss.deviations()).containsExactly(
                new Deviation("osDrainFree", "cycles", 6, 4),
                new Deviation("reportLastIndex", "cycles", 4, 3),
                // 4 outputs written; SCALE-Sim adds F * (R + C) = 1 * 4.
                new Deviation("osWriteCountQuirk", "ofmapWrites", 4, 8));
        ReferenceResult nat = run(2, 2, Dataflow.OS, Quirks.NONE, 2, 2, 2, in, w, new Recorder());
        assertThat(nat.layer().cycles()).isEqualTo(6);
        assertThat(nat.layer().sramOfmapWrites()).isEqualTo(4);
        assertThat(nat.deviations()).isEmpty();
    }

    /**
     * 4x4 output stationary, M = N = K = 4: SCALE-Sim's validation case test_valid_4.csv (a 1x4
     * input of 4 channels, 4 1x1 filters) from its issue #125. The last MAC is PE(3,3)'s with
     * k = 3, in cycle 3 + 3 + 3 = 9: cycles 0..9 are 10 cycles, the user's count, and
     * P = 4 + 4 + 4 - 2 = 10. SCALE-Sim reports 9 because it prints the 0-based index of the
     * last cycle, not a count. Neither charges the drain: the 16 results still have to leave
     * the array, 4 rows through the 4 column ports, in cycles 10..13, so the layer really takes
     * 14 cycles, which is what the native model reports.
     */
    @Test
    void os4x4IssueCase() {
        AcceleratorSpec a = ReferenceVsFastProperties.acc(4, 4, Dataflow.OS, 1, INT8);
        var layer = ReferenceVsFastProperties.gemm(4, 4, 4, 1);
        ReferenceResult ss = ReferenceEngine.run(a, layer, TimingModel.SCALESIM, 125);
        assertThat(ss.gemm().matches()).isTrue();
        FoldEvents f = ss.folds().get(0);
        assertThat(f.computeEnd()).isEqualTo(9);
        assertThat(f.lastWrite()).isEqualTo(13);
        assertThat(f.macs()).isEqualTo(64);
        assertThat(ss.foldCycles()).containsExactly(10L);
        assertThat(ss.layer().cycles()).isEqualTo(9);
        assertThat(ss.hardware().cycles()).isEqualTo(14);
        ReferenceResult nat = ReferenceEngine.run(a, layer, TimingModel.PACTSIM, 125);
        assertThat(nat.layer().cycles()).isEqualTo(14);
    }

    /**
     * 2x2 weight stationary, M = 3, N = 2, K = 4: two row folds (k = 0..1, then 2..3).
     * Preload: each column's top feeder shifts the fold's weights down, bottom row first (row 1
     * in cycle 0, row 0 in cycle 1). Streaming from cycle 2: {@code I[m][k]} enters row k in
     * cycle 2 + m + k, and output (m, n) leaves the bottom of column n in 2 + m + (R-1) + n;
     * the last, (2, 1), in cycle 6: fold = R + P = 2 + (3 + 2 + 2 - 2) = 7 cycles.
     *
     * <p>Serial array (SCALE-Sim): the second fold preloads in cycles 7-8, streams from 9, reads
     * the first fold's partial sums back at the top in 9 + m + n, writes its last in 13: 14
     * cycles, reported 13. Double-buffered: the second fold's weights go into shadow registers
     * in cycles 2-3, all PEs switch after cycle 6, it streams from 7 and ends in 11: R + 2P = 12.
     */
    @Test
    void wsWithWeightPreload() {
        long[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        long[] w = {1, 0, 0, 1, 1, 1, 2, -1};
        // O[m] = [I[m][0] + I[m][2] + 2 I[m][3], I[m][1] + I[m][2] - I[m][3]].
        long[] want = {12, 1, 28, 5, 44, 9};
        Recorder rec = new Recorder();
        ReferenceResult ss = run(2, 2, Dataflow.WS, Quirks.SCALESIM, 3, 2, 4, in, w, rec);
        assertThat(rec.of(Event.PRELOAD)).extracting(Recorder.Ev::cycle, Recorder.Ev::fold, Recorder.Ev::row,
                Recorder.Ev::value).containsExactly(tuple(0L, 0L, 1, 0L), tuple(0L, 0L, 1, 1L), tuple(1L, 0L, 0, 1L),
                tuple(1L, 0L, 0, 0L), tuple(7L, 1L, 1, 2L), tuple(7L, 1L, 1, -1L), tuple(8L, 1L, 0, 1L),
                tuple(8L, 1L, 0, 1L));
        assertThat(ss.folds()).extracting(FoldEvents::start, FoldEvents::streamStart, FoldEvents::lastWrite)
                .containsExactly(tuple(0L, 2L, 6L), tuple(7L, 9L, 13L));
        // Partial sum of (0, 0) after k = 0, 1: 1*1 + 2*0 = 1, read back at the top in cycle 9.
        assertThat(rec.where(e -> e.event() == Event.READ_OFMAP && e.row() == 0 && e.col() == 0))
                .extracting(Recorder.Ev::cycle, Recorder.Ev::value).containsExactly(tuple(9L, 1L));
        assertThat(ss.foldCycles()).containsExactly(7L, 7L);
        assertThat(ss.layer().cycles()).isEqualTo(13);
        assertThat(ss.hardware().ofmapReads()).isEqualTo(6);
        assertThat(ss.layer().sramOfmapReads()).isZero();
        assertThat(ss.layer().sramOfmapWrites()).isEqualTo(12);
        assertThat(ss.deviations()).contains(new Deviation("noPartialSumReadBack", "ofmapReads", 6, 0));

        Recorder nr = new Recorder();
        ReferenceResult nat = run(2, 2, Dataflow.WS, Quirks.NONE, 3, 2, 4, in, w, nr);
        assertThat(nr.of(Event.PRELOAD)).extracting(Recorder.Ev::cycle).containsExactly(0L, 0L, 1L, 1L, 2L, 2L, 3L, 3L);
        assertThat(nat.folds()).extracting(FoldEvents::streamStart, FoldEvents::computeEnd)
                .containsExactly(tuple(2L, 6L), tuple(7L, 11L));
        assertThat(nat.foldCycles()).containsExactly(7L, 5L);
        assertThat(nat.layer().cycles()).isEqualTo(12);
        assertThat(nat.layer().sramOfmapReads()).isEqualTo(6);
        List<Recorder.Ev> last = nr.where(e -> e.event() == Event.WRITE_OFMAP && e.fold() == 1);
        assertThat(last).extracting(Recorder.Ev::row, Recorder.Ev::col, Recorder.Ev::value)
                .containsExactlyInAnyOrder(tuple(0, 0, want[0]), tuple(0, 1, want[1]), tuple(1, 0, want[2]),
                        tuple(1, 1, want[3]), tuple(2, 0, want[4]), tuple(2, 1, want[5]));
        assertThat(last.get(last.size() - 1).cycle()).isEqualTo(11);
    }

    /**
     * 2x2 input stationary, M = 2, K = 2, N = 3: PE (k, m) holds {@code I[m][k]} (preloaded in
     * cycles 0-1); {@code W[k][n]} enters row k in cycle 2 + n + k; output (m, n) leaves the
     * bottom of column m in 2 + n + (R-1) + m. The last, O[1][2], in cycle 6: R + P = 2 + 5 = 7
     * cycles, SCALE-Sim reports 6.
     */
    @Test
    void inputStationary() {
        long[] in = {1, 2, 3, 4};
        long[] w = {1, 2, 3, 4, 5, 6};
        Recorder rec = new Recorder();
        ReferenceResult ss = run(2, 2, Dataflow.IS, Quirks.SCALESIM, 2, 3, 2, in, w, rec);
        // O = [[1+8, 2+10, 3+12], [3+16, 6+20, 9+24]]
        assertThat(rec.of(Event.WRITE_OFMAP)).extracting(Recorder.Ev::cycle, Recorder.Ev::row, Recorder.Ev::col,
                Recorder.Ev::value).containsExactlyInAnyOrder(tuple(3L, 0, 0, 9L), tuple(4L, 0, 1, 12L),
                tuple(5L, 0, 2, 15L), tuple(4L, 1, 0, 19L), tuple(5L, 1, 1, 26L), tuple(6L, 1, 2, 33L));
        assertThat(rec.of(Event.PRELOAD)).extracting(Recorder.Ev::cycle, Recorder.Ev::row, Recorder.Ev::col,
                Recorder.Ev::value).containsExactly(tuple(0L, 1, 0, 2L), tuple(0L, 1, 1, 4L), tuple(1L, 0, 0, 1L),
                tuple(1L, 0, 1, 3L));
        assertThat(ss.layer().cycles()).isEqualTo(6);
        assertThat(ss.layer().sramIfmapReads()).isEqualTo(4);
        assertThat(ss.layer().sramFilterReads()).isEqualTo(6);
    }

    /**
     * An 8-bit accumulator summing 100 * 1 + 100 * 1: a plain adder wraps 200 to 200 - 256 =
     * -56; a saturating one stops at 127. The triple loop does the same in each mode.
     */
    @Test
    void accumulatorWrapsOrSaturates() {
        AcceleratorSpec a = new AcceleratorSpec("acc8", new org.pactsim.spec.ArraySpec(1, 1), Dataflow.OS, 1, 1000,
                new PeSpec(8, 8, NumberType.INT, 8), org.pactsim.spec.SramSpec.split(1, 1, 1),
                org.pactsim.spec.DramSpec.UNLIMITED, 45);
        var layer = ReferenceVsFastProperties.gemm(1, 1, 2, 1);
        for (Accumulator.Mode mode : Accumulator.Mode.values()) {
            GemmData d = new GemmData(1, 1, 2, new long[] {100, 100}, new long[] {1, 1});
            ReferenceResult r = ReferenceEngine.run(a, layer, Quirks.NONE,
                    new ReferenceEngine.Options(mode, MemoryPort.IDEAL, null), new GemmData[] {d});
            assertThat(r.gemm().matches()).isTrue();
            assertThat(d.outputs()).containsExactly(mode == Accumulator.Mode.WRAP ? -56 : 127);
        }
    }
}
