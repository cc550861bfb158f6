package org.pactsim.rtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pactsim.engine.FoldEngine;
import org.pactsim.engine.Quirks;
import org.pactsim.engine.reference.Accumulator;
import org.pactsim.engine.reference.FoldEvents;
import org.pactsim.engine.reference.ReferenceEngine;
import org.pactsim.engine.reference.ReferenceResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.OsDrain;
import org.pactsim.workload.MatMulLayer;

/**
 * The stimulus schedule without a simulator: it is the fold engine's schedule (layer cycles),
 * the register-level reference engine's (every fold's end, where that engine models the same
 * array), and its expected outputs are the plain GEMM.
 */
class RtlScheduleTest {
    private static final Quirks SERIAL = new Quirks(false, false, true, false, false, false, false);

    @Test
    void foldEndsAreTheReferenceEnginesAndTheCountIsTheFoldEngines() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 150; i++) {
            Dataflow df = Dataflow.values()[r.nextInt(3)];
            boolean serial = r.nextBoolean();
            AcceleratorSpec acc = RtlCases.acc(1 + r.nextInt(8), 1 + r.nextInt(8), df, 0, OsDrain.OVERLAPPED, 8, 8, 32,
                    1 + r.nextInt(2));
            MatMulLayer l = RtlCases.gemm(1 + r.nextInt(24), 1 + r.nextInt(24), 1 + r.nextInt(24), 1 + r.nextInt(2));
            String what = acc.array() + " " + df + " " + l + " serial " + serial;
            RtlSchedule s = RtlCases.schedule(acc, l, serial, i, 0);
            Quirks q = serial ? SERIAL : Quirks.NONE;
            assertThat(s.count).as(what).isEqualTo(FoldEngine.run(acc, l, q).cycles());
            assertThat(s.expected.get(s.expected.size() - 1).cycle()).as(what).isEqualTo(s.count);
            ReferenceResult ref = ReferenceEngine.run(acc, l, q, i, ReferenceEngine.Options.DEFAULT);
            List<FoldEvents> ev = ref.folds();
            assertThat(ev).hasSize(s.folds.size());
            for (int f = 0; f < ev.size(); f++) {
                long end = Math.max(ev.get(f).computeEnd(), ev.get(f).lastWrite()) + 1;
                assertThat(s.end[f]).as(what + " fold " + f).isEqualTo(end);
            }
        }
    }

    @Test
    void pipelinedFoldEndsAreTheReferenceEnginesAndTheCountIsTheFoldEngines() {
        // WS/IS with folds that overlap: the transport, latch and travelling switch of
        // PipelinedStationaryCore, scheduled at FoldTiming's max(T, R)
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 150; i++) {
            Dataflow df = r.nextBoolean() ? Dataflow.WS : Dataflow.IS;
            int lm = i % 3;
            AcceleratorSpec acc = RtlCases.pipelined(1 + r.nextInt(8), 1 + r.nextInt(8), df, lm, 8, 8, 32,
                    1 + r.nextInt(2));
            MatMulLayer l = RtlCases.gemm(1 + r.nextInt(24), 1 + r.nextInt(24), 1 + r.nextInt(24), 1 + r.nextInt(2));
            String what = acc.array() + " " + df + " " + l;
            RtlSchedule s = RtlCases.schedule(acc, l, false, i, 0);
            assertThat(s.d.pipelined()).isTrue();
            assertThat(s.count).as(what).isEqualTo(FoldEngine.run(acc, l, Quirks.NONE).cycles());
            assertThat(s.expected.get(s.expected.size() - 1).cycle()).as(what).isEqualTo(s.count);
            if (lm > 0) {
                continue; // the reference engine's multiplier is combinational
            }
            List<FoldEvents> ev = ReferenceEngine.run(acc, l, Quirks.NONE, i, ReferenceEngine.Options.DEFAULT).folds();
            assertThat(ev).hasSize(s.folds.size());
            for (int f = 0; f < ev.size(); f++) {
                long end = Math.max(ev.get(f).computeEnd(), ev.get(f).lastWrite()) + 1;
                assertThat(s.end[f]).as(what + " fold " + f).isEqualTo(end);
            }
        }
    }

    @Test
    void pipelinedOutputStationaryCountsAsTheFoldEngineAndEndsFoldsAsTheReferenceEngine() {
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 200; i++) {
            AcceleratorSpec acc = RtlCases.pipelined(1 + r.nextInt(8), 1 + r.nextInt(8), Dataflow.OS, r.nextInt(3),
                    OsDrain.values()[r.nextInt(3)], 8, 8, 32, 1 + r.nextInt(2));
            MatMulLayer l = RtlCases.gemm(1 + r.nextInt(32), 1 + r.nextInt(32), 1 + r.nextInt(32), 1 + r.nextInt(2));
            RtlSchedule s = RtlCases.schedule(acc, l, false, i, 0);
            String what = acc.array() + " " + l + " -> " + s.d;
            assertThat(s.count).as(what).isEqualTo(FoldEngine.run(acc, l, Quirks.NONE).cycles());
            assertThat(s.expected.get(s.expected.size() - 1).cycle()).as(what).isEqualTo(s.count);
            if (acc.array().multiplierStages() == 0) {
                // the reference engine's WavefrontOsCore (or OsCore) ends every fold in the same cycle
                List<FoldEvents> ev = ReferenceEngine.run(acc, l, Quirks.NONE, i, ReferenceEngine.Options.DEFAULT)
                        .folds();
                assertThat(ev).hasSize(s.folds.size());
                for (int f = 0; f < ev.size(); f++) {
                    long end = Math.max(ev.get(f).computeEnd(), ev.get(f).lastWrite()) + 1;
                    assertThat(s.end[f]).as(what + " fold " + f).isEqualTo(end);
                }
            }
        }
    }

    @Test
    void aPipelinedSequencerForcedEarlyKeepsBothFoldsResultsExpected() {
        // 4 x 3 WS, M = 6 (T = 6 >= R): period T; a period of T - 1 needs two words on a left lane
        AcceleratorSpec acc = RtlCases.pipelined(4, 3, Dataflow.WS, 0, 8, 8, 32, 1);
        MatMulLayer l = RtlCases.gemm(6, 7, 9, 1);
        RtlSchedule ok = RtlCases.schedule(acc, l, false, 1, 0);
        assertThat(ok.start[1] - ok.start[0]).isEqualTo(6);
        RtlSchedule early = RtlCases.schedule(acc, l, false, 1, 5);
        // both folds' results stay expected: two words from one column in one cycle
        long clashes = 0;
        for (int i = 1; i < early.expected.size(); i++) {
            RtlSchedule.Output a = early.expected.get(i - 1);
            RtlSchedule.Output b = early.expected.get(i);
            if (a.cycle() == b.cycle() && a.col() == b.col()) {
                clashes++;
            }
        }
        assertThat(clashes).isPositive();
        assertThat(early.expected).hasSameSizeAs(ok.expected);
    }

    @Test
    void everyDrainStyleAndPipelineDepthCountsAsTheFoldEngine() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            Dataflow df = Dataflow.values()[r.nextInt(3)];
            AcceleratorSpec acc = RtlCases.acc(1 + r.nextInt(8), 1 + r.nextInt(8), df, r.nextInt(3),
                    OsDrain.values()[r.nextInt(3)], 8, 8, 32, 1);
            MatMulLayer l = RtlCases.gemm(1 + r.nextInt(32), 1 + r.nextInt(32), 1 + r.nextInt(32), 1);
            RtlSchedule s = RtlCases.schedule(acc, l, false, i, 0);
            assertThat(s.count).as(acc.array() + " " + df + " " + l).isEqualTo(FoldEngine.run(acc, l, Quirks.NONE)
                    .cycles());
            assertThat(s.expected.get(s.expected.size() - 1).cycle()).isEqualTo(s.count);
        }
    }

    @Test
    void partialSumsEndInThePlainGemmAndEveryOutputIsWrittenOncePerPass() {
        Operands o = new Operands(5, 4, 7, 7, 5, new SplittableRandom(3));
        Accumulator a = new Accumulator(12, Accumulator.Mode.WRAP);
        long[][] p = o.partials(3, a);
        assertThat(p).hasNumberOfRows(3); // ceil(7 / 3) passes
        for (int m = 0; m < 5; m++) {
            for (int n = 0; n < 4; n++) {
                long want = 0;
                for (int k = 0; k < 7; k++) {
                    want = a.mac(want, o.input(m, k), o.weight(k, n));
                }
                assertThat(p[2][m * 4 + n]).isEqualTo(want);
            }
        }
        for (Dataflow df : Dataflow.values()) {
            AcceleratorSpec acc = RtlCases.acc(3, 2, df, 1, OsDrain.OVERLAPPED, 5, 7, 12, 1);
            RtlSchedule s = RtlCases.schedule(acc, RtlCases.gemm(5, 4, 7, 1), false, 3, 0);
            // OS writes each output once; WS/IS write every row fold's partial sums (3 passes)
            assertThat(s.realOutputs()).as(df.key()).isEqualTo(df == Dataflow.OS ? 20 : 60);
        }
    }

    @Test
    void aScheduleWhoseFoldsCollideIsRefused() {
        // wavefront 8 x 2, T = 3: with a period under R the drains of two folds meet in a column
        AcceleratorSpec acc = RtlCases.acc(8, 2, Dataflow.OS, 0, OsDrain.WAVEFRONT, 8, 8, 32, 1);
        assertThatThrownBy(() -> RtlCases.schedule(acc, RtlCases.gemm(24, 2, 3, 1), false, 1, 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("overlaps");
    }
}
