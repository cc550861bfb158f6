package org.pactsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.sim.Simulation;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/** A layer's precision against the PE's, in the native timing model (worked by hand). */
class PrecisionTimingTest {
    static AcceleratorSpec acc(int peBits, PrecisionMode mode) {
        return new AcceleratorSpec("p", new ArraySpec(16, 16), Dataflow.WS, 1, 1000,
                new PeSpec(peBits, peBits, NumberType.INT, 32, mode), SramSpec.split(1024, 1024, 1024),
                DramSpec.UNLIMITED, 45);
    }

    static MatMulLayer fc(int bits) {
        return new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 100, 16, 16, new Bits(bits, bits, bits), List.of());
    }

    @Test
    void fixedModeSplitsWiderOperandsIntoPasses() {
        // One WS fold (K = N = 16 on 16x16), T = M = 100: R + (T + R + C - 2) = 16 + 130 = 146.
        assertThat(FoldEngine.run(acc(8, PrecisionMode.FIXED), fc(8), TimingModel.PACTSIM).cycles()).isEqualTo(146);
        // An 8-bit layer on 4-bit PEs: ceil(8/4) * ceil(8/4) = 4 passes: T becomes 400.
        assertThat(FoldEngine.run(acc(4, PrecisionMode.FIXED), fc(8), TimingModel.PACTSIM).cycles()).isEqualTo(16 + 430);
        // A 4-bit layer on 8-bit PEs runs at one MAC per cycle.
        assertThat(FoldEngine.run(acc(8, PrecisionMode.FIXED), fc(4), TimingModel.PACTSIM).cycles()).isEqualTo(146);
        // SCALE-Sim knows no precision: its model ignores it.
        assertThat(FoldEngine.run(acc(4, PrecisionMode.FIXED), fc(8), TimingModel.SCALESIM).cycles())
                .isEqualTo(FoldEngine.run(acc(8, PrecisionMode.FIXED), fc(8), TimingModel.SCALESIM).cycles());
    }

    @Test
    void bitSerialAndFusionModes() {
        // Bit-serial 8-bit PE, 4-bit activations: 8 / (4 * 1) = 2 MACs per cycle: T = 50.
        assertThat(FoldEngine.run(acc(8, PrecisionMode.BIT_SERIAL), fc(4), TimingModel.PACTSIM).cycles()).isEqualTo(16 + 80);
        // Fusion 8-bit PE, 2-bit operands: (8/2) * (8/2) = 16 MACs per cycle: T = ceil(100/16) = 7.
        assertThat(FoldEngine.run(acc(8, PrecisionMode.FUSION), fc(2), TimingModel.PACTSIM).cycles()).isEqualTo(16 + 37);
    }

    @Test
    void theMemoryModelTimesTheSamePasses() {
        AcceleratorSpec a = acc(4, PrecisionMode.FIXED);
        Network n = new Network("n", List.of(fc(8)));
        assertThat(Simulation.run(a, n, TimingModel.PACTSIM).cycles())
                .isEqualTo(FoldEngine.run(a, fc(8), TimingModel.PACTSIM).cycles());
    }
}
