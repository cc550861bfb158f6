package org.pactsim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.pactsim.engine.TimingModel;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.junit.jupiter.api.Test;

/** How a matrix product is lowered: shared weights make one GEMM, separate operands repeat it. */
class MatMulLayerTest {
    private static MatMulLayer layer(MatMulLayer.Kind kind, long count, long m) {
        return new MatMulLayer("p", kind, count, m, 96, 200, Bits.INT8, List.of());
    }

    @Test
    void linearProductsShareTheirWeightsInOneGemm() {
        assertThat(layer(MatMulLayer.Kind.LINEAR, 4, 10).lower(OutputRounding.FLOOR)).isEqualTo(new Gemm(40, 96, 200, 1));
        assertThat(layer(MatMulLayer.Kind.MATMUL, 4, 10).lower(OutputRounding.FLOOR)).isEqualTo(new Gemm(10, 96, 200, 4));
    }

    /**
     * Four products of one 200x96 weight on 1 KiB buffers (a 64-row tile of 8-bit A is 12.5 KiB, far
     * more): the memory model tiles them as one 40-row GEMM, exactly like the same layer written
     * with {@code count = 1, m = 40}; it once asked for room for the weights four times over and
     * refused the layer.
     */
    @Test
    void aRepeatedLinearLayerOnTinyBuffersIsTiledLikeItsMergedGemm() {
        AcceleratorSpec acc = new AcceleratorSpec("tiny", new ArraySpec(8, 8), Dataflow.WS, 1, 1000,
                new PeSpec(8, 8, NumberType.INT, 32), SramSpec.split(1, 1, 1), new DramSpec(4), 45);
        SimulationResult four = Simulation.run(acc, new Network("n", List.of(layer(MatMulLayer.Kind.LINEAR, 4, 10))),
                TimingModel.PACTSIM);
        SimulationResult merged = Simulation.run(acc, new Network("n", List.of(layer(MatMulLayer.Kind.LINEAR, 1, 40))),
                TimingModel.PACTSIM);
        assertThat(four.cycles()).isPositive().isEqualTo(merged.cycles());
    }
}
