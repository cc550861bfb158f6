package org.pactsim.memory.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pactsim.memory.LayerMemory;
import org.pactsim.memory.TilePipeline;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.testing.Seeds;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;

/**
 * The memory model with pipelined folds on tiled layers: the tiles' compute adds up to the
 * tiling's compute cycles (the layer's last fold pays back the span its period leaves out),
 * the closed-form pipeline equals the stepped one, and never costs more than non-overlapped
 * folds with unlimited bandwidth.
 */
class PipelinedFoldTilesTest {
    private static SmallCases.Case draw(long seed, FoldOverlap o) {
        SplittableRandom r = new SplittableRandom(seed);
        int bits = r.nextBoolean() ? 8 : 1 + r.nextInt(8);
        MatMulLayer l = new MatMulLayer("g", MatMulLayer.Kind.LINEAR, 1 + r.nextInt(2), 1 + r.nextInt(64),
                1 + r.nextInt(64), 1 + r.nextInt(64), new Bits(bits, bits, bits), List.of());
        ArraySpec a = new ArraySpec(1 + r.nextInt(8), 1 + r.nextInt(8), r.nextInt(3),
                OsDrain.values()[r.nextInt(3)], o);
        PrecisionMode mode = PrecisionMode.values()[r.nextInt(3)];
        double[] gbps = {0.35, 0.7, 2.8, 11.2, Double.POSITIVE_INFINITY};
        return new SmallCases.Case(l, a, Dataflow.values()[r.nextInt(3)], mode, 1 + r.nextInt(4), 1 + r.nextInt(4),
                1 + r.nextInt(4), r.nextBoolean(), gbps[r.nextInt(gbps.length)]);
    }

    @Test
    void tilesAddUpAndTheRecurrenceEqualsTheSteppedPipeline() {
        Seeds.qt(300).forAll(longs().all()).checkAssert(seed -> {
            SmallCases.Case c = draw(seed, FoldOverlap.PIPELINED);
            LayerMemory lm = c.model();
            TilePipeline.Plan plan = c.plan(lm);
            long[] compute = new long[1];
            TilePipeline.walk(plan, (load, write, cyc) -> compute[0] += cyc);
            assertThat(compute[0]).as("%s", c).isEqualTo(lm.tiling().computeCycles());
            TilePipeline.Result fast = TilePipeline.run(plan, c.bytesPerCycle());
            SteppedPipeline.Result ref = SteppedPipeline.run(plan, c.bytesPerCycle(), 50_000_000);
            assertThat(fast.cycles()).as("%s", c).isEqualTo(ref.cycles());
            assertThat(fast.stallCycles()).as("%s", c).isEqualTo(ref.stallCycles());
        });
    }

    @Test
    void neverSlowerThanNonOverlappedFolds() {
        Seeds.qt(300).forAll(longs().all()).checkAssert(seed -> {
            SmallCases.Case p = draw(seed, FoldOverlap.PIPELINED);
            SmallCases.Case n = draw(seed, FoldOverlap.NONE);
            SmallCases.Case pu = new SmallCases.Case(p.layer(), p.array(), p.df(), p.mode(), p.aKiB(), p.bKiB(),
                    p.cKiB(), p.unified(), Double.POSITIVE_INFINITY);
            SmallCases.Case nu = new SmallCases.Case(n.layer(), n.array(), n.df(), n.mode(), n.aKiB(), n.bKiB(),
                    n.cKiB(), n.unified(), Double.POSITIVE_INFINITY);
            assertThat(pu.model().cycles()).as("%s", pu).isLessThanOrEqualTo(nu.model().cycles());
        });
    }
}
