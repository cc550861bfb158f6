package org.pactsim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.ScheduleSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/** Grid splits over the cores (issue 18), worked by hand. */
class GridSplitTest {
    /**
     * One int8 fc layer, M=64 rows, N=32 outputs, K=7 (too short to split), on 4 cores of 16x16
     * weight-stationary arrays with room for everything, serial folds (period T + 30). By
     * channels each core gets 8 of 16 columns: one fold of T=64, 94 cycles; by rows, 16 rows and
     * both column folds: 2 x 46 = 92; a 2x2 grid gives each core 32 rows by all 16 columns: one
     * fold of T=32, 62. Its bytes: the input read once per pixel group (2 x 32 x 7 B), the weights
     * once per channel group (2 x 7 x 16 B), each core's outputs once (4 x 32 x 16 B): each tensor
     * once.
     */
    @Test
    void aGridReadsEachOperandOncePerGroupOfCores() {
        Network net = new Network("fc", List.of(new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 64, 32, 7, Bits.INT8,
                List.of())));
        AcceleratorSpec acc = new AcceleratorSpec("g", new ArraySpec(16, 16), Dataflow.WS, 4, 1000, PeSpec.INT8,
                SramSpec.unified(1024), DramSpec.UNLIMITED, 28);
        LayerMemory one = MemoryModel.run(acc, net, MemoryOptions.FIRST_INFERENCE.withWeightEighths(0)).get(0);
        assertThat(one.ifmapReadBytes()).isEqualTo(64 * 7);
        assertThat(one.ofmapWriteBytes()).isEqualTo(64 * 32);
        assertThat(one.split()).isEqualTo("m2xn2");
        assertThat(one.activeCores()).isEqualTo(4);
        assertThat(one.filterReadBytes()).isEqualTo(7 * 32);
        // on the network: each pixel group's inputs reach the other core of its row, each channel
        // group's weights the other core of its column, one link each
        assertThat(one.nocBits()).isEqualTo((2L * 32 * 7 + 2L * 7 * 16) * 8);
        // the grid is among the choices and is timed as such: never slower than the best one-way split
        LayerMemory oneWay = MemoryModel.run(acc.withSchedule(ScheduleSpec.LEGACY), net, MemoryOptions.FIRST_INFERENCE)
                .get(0);
        assertThat(one.cycles()).isLessThanOrEqualTo(oneWay.cycles());
        assertThat(one.cycles()).isLessThan(oneWay.cycles());
        assertThat(Splits.grids(4, 64, 32)).containsExactly(org.pactsim.mapping.Split.grid(2, 2));
        assertThat(Splits.grids(31, 1000, 1000).stream().map(org.pactsim.mapping.Split::name).toList()).startsWith("m2xn15", "m3xn10", "m5xn6", "m6xn5")
                .contains("m4xn7", "m7xn4").doesNotContain("m3xn9");
        assertThat(Splits.gridBits(5, 4, 3, 2, 3, 4)).isEqualTo(5 * 2 * 3 + 4 * 3 + 3 * 2 + 2);
    }

    /**
     * A reduction split, worked by hand: an int8 fc layer, M=4, N=16, K=1024, on 4 cores of 16x16
     * WS arrays (serial folds, period T + 30). By channels each core gets 4 of 16 columns and all
     * 64 row folds: 64 x 34 = 2,176 cycles of folds; by K each core takes 256 of the reduction: 16
     * folds of T=4, 544, then reduces 3/4 of the 64 partial sums (48 x 32 bits over a 16 x 32-bit
     * link: 3 cycles). Each tensor crosses the interface once.
     */
    @Test
    void aLongReductionIsSplitOverTheCores() {
        Network net = new Network("fc", List.of(new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 4, 16, 1024, Bits.INT8,
                List.of())));
        AcceleratorSpec acc = new AcceleratorSpec("g", new ArraySpec(16, 16), Dataflow.WS, 4, 1000, PeSpec.INT8,
                SramSpec.unified(1024), DramSpec.UNLIMITED, 28);
        LayerMemory k = MemoryModel.run(acc, net, MemoryOptions.FIRST_INFERENCE.withWeightEighths(0)).get(0);
        assertThat(k.split()).isEqualTo("k");
        assertThat(k.activeCores()).isEqualTo(4);
        assertThat(k.ifmapReadBytes()).isEqualTo(4 * 1024);
        assertThat(k.filterReadBytes()).isEqualTo(1024 * 16);
        assertThat(k.ofmapWriteBytes()).isEqualTo(4 * 16);
        assertThat(k.psumReadBytes() + k.psumWriteBytes()).isZero();
        LayerMemory oneWay = MemoryModel.run(acc.withSchedule(ScheduleSpec.LEGACY), net, MemoryOptions.FIRST_INFERENCE)
                .get(0);
        assertThat(k.cycles()).isLessThan(oneWay.cycles() / 2);
        // a narrow ring (one bit a cycle) makes the reduction of 48 x 32 bits take 1,536 cycles:
        // slower than splitting by channels, so the compiler no longer splits K
        LayerMemory narrow = MemoryModel.run(acc.withNoc(new org.pactsim.spec.NocSpec(1)), net,
                MemoryOptions.FIRST_INFERENCE.withWeightEighths(0)).get(0);
        assertThat(narrow.split()).isNotEqualTo("k");
        assertThat(narrow.cycles()).isGreaterThan(k.cycles());
    }
}
