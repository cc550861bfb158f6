package org.pactsim.memory;

import org.pactsim.testing.Gens;
import org.pactsim.testing.Seeds;
import org.quicktheories.core.Gen;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.pactsim.engine.FoldEngine;
import org.pactsim.engine.TimingModel;
import org.pactsim.sim.Simulation;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.junit.jupiter.api.Test;

/**
 * {@code array.multiplierStages} and {@code array.osDrain} in {@code simulate}'s cycles: with
 * the whole layer on chip and unlimited bandwidth the memory model's one tile takes exactly the
 * fold engine's cycles ({@code FoldTiming}, which the RTL check replays), for every drain style
 * and pipeline depth. Tiled layers: {@code PipelineProperties} (tiles add up to the tiling).
 */
class ArrayKeysInMemoryModelTest {
    private static AcceleratorSpec acc(ArraySpec array, Dataflow d) {
        return new AcceleratorSpec("k", array, d, 1, 1000, new PeSpec(8, 8, NumberType.INT, 32),
                SramSpec.split(4096, 4096, 4096), DramSpec.UNLIMITED, 45);
    }

    static Gen<ArraySpec> arrays() {
        return in -> new ArraySpec(Gens.ints(1, 16).generate(in), Gens.ints(1, 16).generate(in),
                Gens.ints(0, 4).generate(in), Gens.of(OsDrain.values()).generate(in));
    }

    @Test
    void oneTileTakesTheFoldEnginesCycles() {
        Seeds.qt(300).forAll(arrays(), Gens.of(Dataflow.values()), Gens.ints(1, 80),
                in -> new int[] {Gens.ints(1, 80).generate(in), Gens.ints(1, 80).generate(in)})
                .checkAssert((array, d, m, nk) -> oneTile(array, d, m, nk[0], nk[1]));
        for (Dataflow d : Dataflow.values()) {
            oneTile(new ArraySpec(1, 1, 0, OsDrain.values()[0]), d, 1, 1, 1);
            oneTile(new ArraySpec(16, 16, 4, OsDrain.values()[OsDrain.values().length - 1]), d, 80, 80, 80);
            oneTile(new ArraySpec(16, 16), d, 64, 32, 16);
        }
    }

    private static void oneTile(ArraySpec array, Dataflow d, int m, int n, int k) {
        AcceleratorSpec a = acc(array, d);
        MatMulLayer l = new MatMulLayer("g", MatMulLayer.Kind.LINEAR, 1, m, n, k, Bits.INT8, List.of());
        assertThat(Simulation.run(a, new Network("n", List.of(l)), TimingModel.PACTSIM).cycles())
                .isEqualTo(FoldEngine.run(a, l, TimingModel.PACTSIM).cycles());
    }

    /**
     * Hand-worked: OS, 8 x 8 array, M = N = 16, K = 3 (T = 3): four folds of
     * {@code P = T + R + C - 2 = 17}. Overlapped: 4 * 17 + 8 = 76. Serial: 4 * (17 + 8) = 100.
     * Wavefront: {@code T + C = 11 >= R + 1 = 9}, no hazard: 76. On a 16 x 2 array (M = 32,
     * N = 4: four folds, {@code P = 3 + 16 = 19 < 2R - 1 = 31}, the hazard) it is
     * 3 * 31 + 19 + 16 = 128, against 4 * 19 + 16 = 92 overlapped. With LM = 2 every fold is 2
     * cycles longer: 76 + 8 = 84.
     */
    @Test
    void handWorked() {
        MatMulLayer l = new MatMulLayer("g", MatMulLayer.Kind.LINEAR, 1, 16, 16, 3, Bits.INT8, List.of());
        assertThat(cycles(new ArraySpec(8, 8, 0, OsDrain.OVERLAPPED), l)).isEqualTo(76);
        assertThat(cycles(new ArraySpec(8, 8, 0, OsDrain.SERIAL), l)).isEqualTo(100);
        assertThat(cycles(new ArraySpec(8, 8, 0, OsDrain.WAVEFRONT), l)).isEqualTo(76);
        assertThat(cycles(new ArraySpec(8, 8, 2, OsDrain.OVERLAPPED), l)).isEqualTo(84);
        MatMulLayer tall = new MatMulLayer("t", MatMulLayer.Kind.LINEAR, 1, 32, 4, 3, Bits.INT8, List.of());
        assertThat(cycles(new ArraySpec(16, 2, 0, OsDrain.WAVEFRONT), tall)).isEqualTo(128);
        assertThat(cycles(new ArraySpec(16, 2, 0, OsDrain.OVERLAPPED), tall)).isEqualTo(92);
    }

    private static long cycles(ArraySpec array, MatMulLayer l) {
        return Simulation.run(acc(array, Dataflow.OS), new Network("n", List.of(l)), TimingModel.PACTSIM).cycles();
    }
}
