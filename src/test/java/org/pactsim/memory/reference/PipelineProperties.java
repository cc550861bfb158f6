package org.pactsim.memory.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pactsim.memory.LayerMemory;
import org.pactsim.testing.Gens;
import org.pactsim.testing.Seeds;
import org.pactsim.memory.TilePipeline;

/**
 * The pipeline's closed form ({@link TilePipeline#run}) against the same pipeline stepped
 * cycle by cycle ({@link SteppedPipeline}), and the pipeline's tiles against the tiling's
 * traffic and compute figures.
 */
class PipelineProperties {

    @Test
    void recurrenceEqualsSteppedPipeline() {
        Seeds.qt(300).forAll(SmallCases.cases()).checkAssert(c -> {
            LayerMemory lm = c.model();
            TilePipeline.Plan plan = c.plan(lm);
            TilePipeline.Result fast = TilePipeline.run(plan, c.bytesPerCycle());
            SteppedPipeline.Result ref = SteppedPipeline.run(plan, c.bytesPerCycle(), 50_000_000);
            assertThat(fast.cycles()).as("cycles").isEqualTo(ref.cycles());
            assertThat(fast.stallCycles()).as("stalls").isEqualTo(ref.stallCycles());
            assertThat(fast.computeCycles()).isEqualTo(ref.computeCycles());
        });
    }

    @Test
    void tilesAddUpToTheTiling() {
        Seeds.qt(300).forAll(SmallCases.cases()).checkAssert(c -> {
            LayerMemory lm = c.model();
            TilePipeline.Plan plan = c.plan(lm);
            long[] sum = new long[3];
            TilePipeline.walk(plan, (load, write, compute) -> {
                sum[0] += load;
                sum[1] += write;
                sum[2] += compute;
            });
            long weightLoad = lm.tiling().bReadBits() == 0 ? plan.weightLoadBits() : 0;
            assertThat(sum[0]).as("loaded bits").isEqualTo(lm.tiling().readBits() + weightLoad);
            assertThat(sum[1]).as("written bits").isEqualTo(lm.tiling().writeBits());
            assertThat(sum[2]).as("compute cycles").isEqualTo(lm.tiling().computeCycles());
        });
    }

    @Test
    void moreBandwidthNeverMoreCycles() {
        Seeds.qt(200).forAll(SmallCases.cases()).checkAssert(c -> {
            LayerMemory lm = c.model();
            TilePipeline.Plan plan = c.plan(lm);
            double bpc = c.bytesPerCycle();
            long slow = SteppedPipeline.run(plan, bpc, 50_000_000).cycles();
            long fast = SteppedPipeline.run(plan, bpc * 1.5, 50_000_000).cycles();
            long unlimited = SteppedPipeline.run(plan, Double.POSITIVE_INFINITY, 50_000_000).cycles();
            assertThat(fast).isLessThanOrEqualTo(slow);
            assertThat(unlimited).isLessThanOrEqualTo(fast).isEqualTo(lm.tiling().computeCycles());
        });
    }

    /** Several cores in lockstep (shared or own copies), a DRAM latency, an output kept on chip. */
    @Test
    void sharedTransfersLatencyAndKeptOutput() {
        Seeds.qt(150).forAll(SmallCases.cases(), Gens.ints(1, 3), Gens.ints(1, 3),
                in -> new int[] {Gens.ints(0, 40).generate(in), Gens.ints(0, 1).generate(in)})
                .checkAssert((c, aShare, cores, lk) -> shared(c, aShare, cores, lk[0], lk[1] == 1));
    }

    private static void shared(SmallCases.Case c, int aShare, int cores, int latency, boolean keep) {
        LayerMemory lm = c.model();
        TilePipeline.Plan one = c.plan(lm);
        TilePipeline.Plan plan = new TilePipeline.Plan(one.g(), one.tiling(), aShare, cores, cores,
                one.weightLoadBits() * cores, keep, latency);
        TilePipeline.Result fast = TilePipeline.run(plan, c.bytesPerCycle());
        SteppedPipeline.Result ref = SteppedPipeline.run(plan, c.bytesPerCycle(), 50_000_000);
        assertThat(fast.cycles()).isEqualTo(ref.cycles());
        assertThat(fast.stallCycles()).isEqualTo(ref.stallCycles());
        assertThat(fast.trafficBits()).isEqualTo(ref.trafficBits());
        assertThat(fast.cycles()).isGreaterThanOrEqualTo(fast.computeCycles() + latency);
    }
}
