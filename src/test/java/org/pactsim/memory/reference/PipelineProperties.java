package org.pactsim.memory.reference;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.pactsim.memory.LayerMemory;
import org.pactsim.memory.TilePipeline;

/**
 * The pipeline's closed form ({@link TilePipeline#run}) against the same pipeline stepped
 * cycle by cycle ({@link SteppedPipeline}), and the pipeline's tiles against the tiling's
 * traffic and compute figures.
 */
class PipelineProperties {

    @Provide
    Arbitrary<SmallCases.Case> small() {
        return SmallCases.cases();
    }

    @Property(tries = 300)
    void recurrenceEqualsSteppedPipeline(@ForAll("small") SmallCases.Case c) {
        LayerMemory lm = c.model();
        TilePipeline.Plan plan = c.plan(lm);
        TilePipeline.Result fast = TilePipeline.run(plan, c.bytesPerCycle());
        SteppedPipeline.Result ref = SteppedPipeline.run(plan, c.bytesPerCycle(), 50_000_000);
        assertThat(fast.cycles()).as("cycles").isEqualTo(ref.cycles());
        assertThat(fast.stallCycles()).as("stalls").isEqualTo(ref.stallCycles());
        assertThat(fast.computeCycles()).isEqualTo(ref.computeCycles());
    }

    @Property(tries = 300)
    void tilesAddUpToTheTiling(@ForAll("small") SmallCases.Case c) {
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
    }

    @Property(tries = 200)
    void moreBandwidthNeverMoreCycles(@ForAll("small") SmallCases.Case c) {
        LayerMemory lm = c.model();
        TilePipeline.Plan plan = c.plan(lm);
        double bpc = c.bytesPerCycle();
        long slow = SteppedPipeline.run(plan, bpc, 50_000_000).cycles();
        long fast = SteppedPipeline.run(plan, bpc * 1.5, 50_000_000).cycles();
        long unlimited = SteppedPipeline.run(plan, Double.POSITIVE_INFINITY, 50_000_000).cycles();
        assertThat(fast).isLessThanOrEqualTo(slow);
        assertThat(unlimited).isLessThanOrEqualTo(fast).isEqualTo(lm.tiling().computeCycles());
    }

    /** Several cores in lockstep (shared or own copies), a DRAM latency, an output kept on chip. */
    @Property(tries = 150)
    void sharedTransfersLatencyAndKeptOutput(@ForAll("small") SmallCases.Case c, @ForAll @IntRange(min = 1, max = 3) int aShare,
                                             @ForAll @IntRange(min = 1, max = 3) int cores,
                                             @ForAll @IntRange(min = 0, max = 40) int latency, @ForAll boolean keep) {
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
