package org.pactsim.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.engine.FoldEngine;
import org.pactsim.engine.Quirks;
import org.pactsim.engine.TimingModel;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.PeSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.MatMulLayer;

/** The engine's hooks and limits: memory stalls, size refusal, the bounded CSV trace, conv layers. */
class ReferenceEngineTest {

    /**
     * A memory port that refuses every third cycle: the whole array holds, the outputs are still
     * the GEMM's, and the layer takes exactly the refused cycles longer.
     */
    @Test
    void memoryStallsHoldTheWholeArray() {
        for (Dataflow d : Dataflow.values()) {
            AcceleratorSpec a = ReferenceVsFastProperties.acc(4, 3, d, 1, PeSpec.INT8);
            var layer = ReferenceVsFastProperties.gemm(9, 7, 10, 1);
            ReferenceResult ideal = ReferenceEngine.run(a, layer, Quirks.NONE, 3, ReferenceEngine.Options.DEFAULT);
            MemoryPort slow = (cycle, i, f, o) -> cycle % 3 != 2;
            ReferenceResult stalled = ReferenceEngine.run(a, layer, Quirks.NONE, 3,
                    new ReferenceEngine.Options(Accumulator.Mode.WRAP, slow, null));
            assertThat(stalled.gemm().matches()).as(d + ": " + stalled.gemm().first()).isTrue();
            long stalls = stalled.hardware().stallCycles();
            // Cycles 0, 1, 3, 4, 6, ... run: C useful cycles need (C - 1) / 2 refused ones.
            assertThat(stalls).isEqualTo((ideal.hardware().cycles() - 1) / 2);
            assertThat(stalled.hardware().cycles()).isEqualTo(ideal.hardware().cycles() + stalls);
            assertThat(stalled.layer().cycles()).isEqualTo(ideal.layer().cycles() + stalls);
            assertThat(stalled.layer().stallCycles()).isEqualTo(stalls);
            assertThat(stalled.hardware().ifmapReads()).isEqualTo(ideal.hardware().ifmapReads());
        }
    }

    @Test
    void refusesLayersPastItsLimits() {
        AcceleratorSpec a = ReferenceVsFastProperties.acc(128, 128, Dataflow.WS, 1, PeSpec.INT8);
        var big = ReferenceVsFastProperties.gemm(256, 256, 256, 1);
        // 4 folds of (256 + 3*128 + 128) cycles on 16384 PEs: about 50 million PE-cycles, fine;
        // 10 such products with their own B each (a MATMUL) are 40 * 768 * 16384 = 503316480,
        // past 5 * 10^8 (10 LINEAR products share B: one GEMM of 2560 rows, 4 folds of 3072 cycles).
        ReferenceEngine.checkSize(a, big, TimingModel.PACTSIM);
        ReferenceEngine.checkSize(a, ReferenceVsFastProperties.gemm(256, 256, 256, 10), TimingModel.PACTSIM);
        var many = new MatMulLayer("g", MatMulLayer.Kind.MATMUL, 10, 256, 256, 256, Bits.INT8, List.of());
        assertThatThrownBy(() -> ReferenceEngine.checkSize(a, many, TimingModel.PACTSIM))
                .isInstanceOf(ReferenceSizeException.class)
                .hasMessage("layer g: the reference engine takes at most 500000000 simulated PE-cycles,"
                        + " this layer needs about 503316480");
        var wide = ReferenceVsFastProperties.gemm(4096, 4096, 1, 1);
        assertThatThrownBy(() -> ReferenceEngine.run(a, wide, TimingModel.SCALESIM, 1))
                .isInstanceOf(ReferenceSizeException.class).hasMessageContaining("matrix values");
    }

    @Test
    void csvTraceIsBounded() {
        StringBuilder sb = new StringBuilder();
        CsvCycleTrace t = new CsvCycleTrace(sb, 25);
        t.layer("a,b");
        AcceleratorSpec a = ReferenceVsFastProperties.acc(4, 4, Dataflow.OS, 1, PeSpec.INT8);
        ReferenceResult r = ReferenceEngine.run(a, ReferenceVsFastProperties.gemm(8, 8, 8, 1), Quirks.NONE, 1,
                ReferenceEngine.Options.DEFAULT.withTrace(t));
        assertThat(r.gemm().matches()).isTrue();
        String[] lines = sb.toString().split("\n");
        assertThat(lines).hasSize(27);
        assertThat(lines[0]).isEqualTo(CsvCycleTrace.HEADER);
        assertThat(lines[1]).startsWith("\"a,b\",0,0,0,LEFT,0,0,READ_IFMAP,");
        assertThat(lines[26]).isEqualTo("# trace cut at 25 rows; later events are not written");
        assertThat(t.rows()).isEqualTo(25);
    }

    /** A strided, padded, grouped convolution: its lowered GEMM, repeats dealt to two cores. */
    @Test
    void groupedConvolutionOnTwoCores() {
        ConvLayer c = new ConvLayer("c", 1, 7, 7, 6, 9, 3, 3, 2, 2, 1, 1, 3, Bits.INT8, List.of());
        for (TimingModel m : TimingModel.values()) {
            for (Dataflow d : Dataflow.values()) {
                AcceleratorSpec a = ReferenceVsFastProperties.acc(5, 3, d, 2, PeSpec.INT8);
                ReferenceResult r = ReferenceEngine.run(a, c, m, 11);
                assertThat(r.gemm().matches()).isTrue();
                assertThat(r.gemm().outputs()).isEqualTo(r.layer().gemm().m() * 3 * 3);
                ReferenceVsFastProperties.assertSameAsFast(r, FoldEngine.run(a, c, m), m.quirks());
            }
        }
        // SCALE-Sim's output size: ceil((9 - 3 + 2) / 2) = 4, the exact floor((9 - 3) / 2) + 1 = 4:
        // the same here, so no ceilOutputSize deviation; with a 8x8 input 4 vs 3.
        ConvLayer odd = new ConvLayer("odd", 1, 8, 8, 2, 2, 3, 3, 2, 2, 0, 0, 1, Bits.INT8, List.of());
        ReferenceResult r = ReferenceEngine.run(ReferenceVsFastProperties.acc(4, 4, Dataflow.OS, 1, PeSpec.INT8),
                odd, TimingModel.SCALESIM, 1);
        assertThat(r.deviations()).contains(new Deviation("ceilOutputSize", "outputs", 9 * 2, 16 * 2));
    }
}
