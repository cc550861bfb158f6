package org.pactsim.memory.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pactsim.memory.LayerMemory;
import org.pactsim.testing.Seeds;

/**
 * The memory model's layer cycles and stall cycles against the cycle-stepped pipeline of the
 * tiling it chose, on small single-core layers: equal, exactly. (Before the model used the
 * pipeline's recurrence, its {@code max(fill + compute + drain, transfer)} differed on a third
 * of these cases: docs/reference-engine.md.)
 */
class PipelineVsModelProperties {

    @Test
    void modelEqualsSteppedPipeline() {
        Seeds.qt(400).forAll(SmallCases.cases()).checkAssert(PipelineVsModelProperties::equal);
    }

    private static void equal(SmallCases.Case c) {
        LayerMemory lm = c.model();
        SteppedPipeline.Result ref = SteppedPipeline.run(c.plan(lm), c.bytesPerCycle(), 50_000_000);
        assertThat(lm.computeCycles()).as("compute").isEqualTo(ref.computeCycles());
        assertThat(lm.cycles()).as("cycles").isEqualTo(ref.cycles());
        assertThat(lm.stallCycles()).as("stall cycles").isEqualTo(ref.stallCycles());
    }
}
