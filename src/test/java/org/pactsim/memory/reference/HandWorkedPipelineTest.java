package org.pactsim.memory.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.memory.GemmOperands;
import org.pactsim.memory.LoopOrder;
import org.pactsim.memory.TilePipeline;
import org.pactsim.memory.Tiling;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;

/**
 * A 4 x 2 x 2 GEMM (8-bit A, B and outputs, 32-bit partial sums) on a 2 x 2 OS array, tiled
 * 2 x 2 x 2 in MNK order: two tiles (the two M halves), B loaded once. Worked by hand.
 */
class HandWorkedPipelineTest {
    static final GemmOperands G = new GemmOperands(4, 2, 2, 1, 4 * 2 * 8, 2 * 2 * 8, 8, 32,
            new ArraySpec(2, 2), Dataflow.OS);
    // A: 64 bits, B: 32 bits, outputs: 64 bits; compute OS: F*P + R = 2*(2+2+2-2) + 2 = 10.
    static final Tiling T = new Tiling(2, 2, 2, LoopOrder.MNK, 64, 32, 0, 0, 64, 10, 64, 32);
    static final TilePipeline.Plan PLAN = TilePipeline.Plan.single(G, T, false);

    @Test
    void tiles() {
        List<long[]> tiles = new ArrayList<>();
        TilePipeline.walk(PLAN, (l, w, c) -> tiles.add(new long[] {l, w, c}));
        // Tile 0 loads A's first half (2x2x8 = 32) and B (32); tile 1 the second half of A only.
        // Each writes its 2x2 outputs (32 bits). Each is one fold of P = 2 + 2 + 2 - 2 = 4
        // cycles; the last (OS) also drains the array: + R = 2.
        assertThat(tiles).containsExactly(new long[] {64, 32, 4}, new long[] {32, 32, 6});
    }

    @Test
    void oneBytePerCycle() {
        // 8 bits per cycle. L0 (64 bits) 0..8; tile 0 computes 8..12. L1 (32 bits, ready at 0)
        // follows on the channel, 8..12; tile 1 computes 12..18. W0 (ready 12) 12..16;
        // W1 (ready 18) 18..22. 22 cycles, 10 computing, 12 stalled (the old
        // max(fill + compute + drain, transfer) = max(8 + 10 + 4, 20) agrees here).
        assertThat(TilePipeline.run(PLAN, 1.0)).isEqualTo(new TilePipeline.Result(22, 10, 160));
        assertThat(SteppedPipeline.run(PLAN, 1.0, 1000)).isEqualTo(new SteppedPipeline.Result(22, 10, 12, 160));
    }

    @Test
    void halfBytePerCycle() {
        // 4 bits per cycle: L0 0..16, tile 0 16..20, L1 16..24, tile 1 24..30; W0 (ready 20)
        // waits for L1 and runs 24..32, W1 (ready 30) 32..40: the channel never idles after
        // cycle 0, 160 bits / 4 = 40 cycles.
        assertThat(TilePipeline.run(PLAN, 0.5).cycles()).isEqualTo(40);
        assertThat(SteppedPipeline.run(PLAN, 0.5, 1000).cycles()).isEqualTo(40);
    }

    @Test
    void threeBitsPerCycleRoundsAtCycleBoundaries() {
        // 3 bits per cycle (0.375 B): L0 ends at 64/3 = 21.33, usable from 22; tile 0 22..26.
        // L1 continues without a gap and ends at 96/3 = 32; tile 1 32..38. W0 (ready 26)
        // continues the busy period: 128/3 = 42.67, and W1 (ready 38) too: 160/3 = 53.33,
        // done at the boundary 54.
        assertThat(TilePipeline.run(PLAN, 0.375).cycles()).isEqualTo(54);
        assertThat(SteppedPipeline.run(PLAN, 0.375, 1000).cycles()).isEqualTo(54);
    }
}
