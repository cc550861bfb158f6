package org.pactsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.spec.Dataflow;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.MatMulLayer;

/** Closed-form checks worked by hand from the formulas in FoldTiming and scalesim-compat.md. */
class FoldEngineClosedFormTest {
    // SCALE-Sim's conv_nets/test.csv: 7x7x192 input, 3x3 filters, 384 of them: M=25, K=1728, N=384.
    static final ConvLayer TEST = new ConvLayer("Inc5b_3x3", 1, 7, 7, 192, 384, 3, 3, 1, 1, 0, 0, 1, Bits.INT8, List.of());

    @Test
    void scaleSimWorkedCheckOn32x32() {
        // os: 1 x 12 folds of 1728 + 32 + 32 - 2 = 1790 -> 21479 reported.
        assertThat(FoldEngine.run(EngineInvariantsProperties.acc(32, 32, Dataflow.OS, 1), TEST, TimingModel.SCALESIM).cycles())
                .isEqualTo(21479);
        // ws: 54 x 12 = 648 folds of 2*32 + 32 + 25 - 2 = 119 -> 77111.
        assertThat(FoldEngine.run(EngineInvariantsProperties.acc(32, 32, Dataflow.WS, 1), TEST, TimingModel.SCALESIM).cycles())
                .isEqualTo(77111);
        // is: 54 x 1 folds of 64 + 32 + 384 - 2 = 478 -> 25811.
        assertThat(FoldEngine.run(EngineInvariantsProperties.acc(32, 32, Dataflow.IS, 1), TEST, TimingModel.SCALESIM).cycles())
                .isEqualTo(25811);
    }

    @Test
    void nativeModelOnTheSameLayer() {
        // ws: preload 32 once, then 648 folds of P = 25 + 62 = 87 each.
        assertThat(FoldEngine.run(EngineInvariantsProperties.acc(32, 32, Dataflow.WS, 1), TEST, TimingModel.PACTSIM).cycles())
                .isEqualTo(32 + 648L * 87);
        // os: 12 folds of P = 1790, then the last fold's drain (32).
        assertThat(FoldEngine.run(EngineInvariantsProperties.acc(32, 32, Dataflow.OS, 1), TEST, TimingModel.PACTSIM).cycles())
                .isEqualTo(12L * 1790 + 32);
    }

    @Test
    void osDrainNeverStretchesShortFolds() {
        // GEMM 64x64x2 on a 32x32 os array: 2 x 2 folds of P = 2 + 62 = 64, last drain 32.
        MatMulLayer ok = new MatMulLayer("g", MatMulLayer.Kind.LINEAR, 1, 64, 64, 2, Bits.INT8, List.of());
        assertThat(FoldEngine.run(EngineInvariantsProperties.acc(32, 32, Dataflow.OS, 1), ok, TimingModel.PACTSIM).cycles())
                .isEqualTo(4L * 64 + 32);
        // On a 64x8 array: 1 x 8 folds of P = 2 + 64 + 8 - 2 = 72 < 2*64 - 1 = 127. The fold-wide
        // switch puts all 64 results of a column in its shadow chain at once, which empties in 64
        // <= 72 cycles: folds stay 72 apart (an earlier model spaced them 127 apart), and only
        // the last fold's 64-cycle drain is exposed.
        assertThat(FoldEngine.run(EngineInvariantsProperties.acc(64, 8, Dataflow.OS, 1), ok, TimingModel.PACTSIM).cycles())
                .isEqualTo(8L * 72 + 64);
    }

    @Test
    void scaleSimCountingQuirksAndNativeCounts() {
        var os = EngineInvariantsProperties.acc(32, 32, Dataflow.OS, 1);
        // os ofmap writes: SCALE-Sim M*N + F*(R+C) = 9600 + 12*64; native M*N.
        assertThat(FoldEngine.run(os, TEST, TimingModel.SCALESIM).sramOfmapWrites()).isEqualTo(9600 + 12 * 64);
        assertThat(FoldEngine.run(os, TEST, TimingModel.PACTSIM).sramOfmapWrites()).isEqualTo(9600);
        var ws = EngineInvariantsProperties.acc(32, 32, Dataflow.WS, 1);
        // ws: 54 row folds each write partial sums; native also reads 53 of them back.
        LayerResult n = FoldEngine.run(ws, TEST, TimingModel.PACTSIM);
        assertThat(n.sramOfmapWrites()).isEqualTo(54L * 9600);
        assertThat(n.sramOfmapReads()).isEqualTo(53L * 9600);
        assertThat(FoldEngine.run(ws, TEST, TimingModel.SCALESIM).sramOfmapReads()).isZero();
    }

    @Test
    void scaleSimOutputSizeRoundsUp() {
        // ResNet's first layer: 224 input, 7x7, stride 2, no padding given: SCALE-Sim 110, exact 109.
        ConvLayer c = new ConvLayer("Conv1", 1, 224, 224, 3, 64, 7, 7, 2, 2, 0, 0, 1, Bits.INT8, List.of());
        var a = EngineInvariantsProperties.acc(256, 256, Dataflow.WS, 1);
        assertThat(FoldEngine.run(a, c, TimingModel.SCALESIM).gemm().m()).isEqualTo(110L * 110);
        assertThat(FoldEngine.run(a, c, TimingModel.PACTSIM).gemm().m()).isEqualTo(109L * 109);
    }

    @Test
    void groupsRepeatTheGemmAndSplitAcrossCores() {
        // Depthwise 3x3 over 32 channels of 10x10 (pad 1): 32 GEMMs of M=100, N=1, K=9.
        ConvLayer dw = new ConvLayer("dw", 1, 10, 10, 32, 32, 3, 3, 1, 1, 1, 1, 32, Bits.INT8, List.of());
        var one = EngineInvariantsProperties.acc(16, 16, Dataflow.WS, 1);
        LayerResult r = FoldEngine.run(one, dw, TimingModel.PACTSIM);
        assertThat(r.gemm()).isEqualTo(new org.pactsim.workload.Gemm(100, 1, 9, 32));
        assertThat(r.folds()).isEqualTo(32);
        assertThat(r.cycles()).isEqualTo(16 + 32L * (100 + 16 + 16 - 2));
        LayerResult four = FoldEngine.run(EngineInvariantsProperties.acc(16, 16, Dataflow.WS, 4), dw, TimingModel.PACTSIM);
        assertThat(four.folds()).isEqualTo(8);
        assertThat(four.cycles()).isEqualTo(16 + 8L * 130);
    }
}
