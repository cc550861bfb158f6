package org.pactsim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.memory.LayerMemory;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SramSpec;

/** The vector units and the on-chip network priced per action (issue 19), by hand at 45 nm. */
class ComponentEnergyTest {
    private static final CostTables T = CostTableReader.defaults();
    private static final AcceleratorSpec FOUR = new AcceleratorSpec("four", new ArraySpec(8, 8), Dataflow.WS, 4, 500,
            new PeSpec(8, 8, NumberType.INT, 32), SramSpec.unified(64), new DramSpec(10), 45);
    private static final ActionCounts WORK = new ActionCounts(Map.of(), List.of(), 0, 0, 0, 100, 500, 1000, 800);

    @Test
    void aVectorOperationIsOneLanesAdderAndMultiplier() {
        EnergyBreakdown e = new CostModel(T, FOUR, PrecisionMode.FIXED, null).energy(WORK);
        double lane = (0.00294643 * 32 + 0.005) + (0.00299479 * 64 + 0.00104167 * 8);
        assertThat(e.vectorPj()).isCloseTo(1000 * lane, within(1e-9));
        assertThat(e.totalPj()).isCloseTo(e.macPj() + e.sramPj() + e.dramPj() + e.leakagePj() + e.vectorPj() + e.nocPj(),
                within(1e-9));
    }

    @Test
    void aNetworkBitCrossesOneCoresSideOfWire() {
        CostModel m = new CostModel(T, FOUR, PrecisionMode.FIXED, null);
        double side = Math.sqrt(m.area().totalMm2() / 4);
        assertThat(m.energy(WORK).nocPj()).isCloseTo(800 * 0.1 * side, within(1e-9));
        // one core has no network; the version 1 tables price neither component
        assertThat(new CostModel(T, FOUR.withCores(1), PrecisionMode.FIXED, null).energy(WORK).nocPj()).isZero();
        EnergyBreakdown v1 = new CostModel(V1Tables.T, FOUR, PrecisionMode.FIXED, null).energy(WORK);
        assertThat(v1.vectorPj()).isZero();
        assertThat(v1.nocPj()).isZero();
    }

    @Test
    void aReductionSplitSendsAllButItsOwnShareOfThePartialSums() {
        // 4 cores reduce 1000 outputs: each sends 3/4 of them, ceil(3000 / 4) = 750 accumulators of 32 bits
        assertThat(LayerMemory.reductionBits("k", 4, 1000, 32)).isEqualTo(750L * 32);
        assertThat(LayerMemory.reductionBits("k", 1, 1000, 32)).isZero();
        assertThat(LayerMemory.reductionBits("n", 4, 1000, 32)).isZero();
    }
}
