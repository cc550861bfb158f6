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
        // each bit-hop: 0.1 pJ per bit and mm over one core's side, then the next router's input
        // register: the flip-flop's 0.009 pJ at 40 nm, 0.0103893 at 45 nm (Stillmaker & Baas)
        assertThat(m.energy(WORK).nocPj()).isCloseTo(800 * (0.1 * side + 0.0103893), within(1e-4));
        // one core has no network; the version 1 tables price neither component
        assertThat(new CostModel(T, FOUR.withCores(1), PrecisionMode.FIXED, null).energy(WORK).nocPj()).isZero();
        EnergyBreakdown v1 = new CostModel(V1Tables.T, FOUR, PrecisionMode.FIXED, null).energy(WORK);
        assertThat(v1.vectorPj()).isZero();
        assertThat(v1.nocPj()).isZero();
    }

    /**
     * A router is a register of a link's width on each port: on a ring 3 (two neighbours and its
     * own core), on a mesh 5. FOUR's default link is one array edge of accumulators, 8 x 32 = 256
     * bits: 768 flip-flops of 7.82 um^2 at 45 nm, placed (x 3.895): 23,394 um^2 per core; a mesh's
     * 5/3 of it. One core has none.
     */
    @Test
    void aRouterIsARegisterOfALinkPerPort() {
        double ring = AreaModel.routerUm2PerCore(FOUR, T);
        assertThat(ring).isCloseTo(768 * 7.82008 * 3.89528, within(0.5));
        assertThat(AreaModel.routerUm2PerCore(FOUR.withNoc(new org.pactsim.spec.NocSpec(
                org.pactsim.spec.NocSpec.Topology.MESH, 0)), T)).isCloseTo(ring * 5 / 3, within(1e-6));
        AreaBreakdown four = AreaModel.of(FOUR, PrecisionMode.FIXED, T);
        AreaBreakdown one = AreaModel.of(FOUR.withCores(1), PrecisionMode.FIXED, T);
        double f = T.params().otherAreaFraction();
        // other = vector + routers + f x (array + SRAM + vector + routers): the routers add (1 + f) x 4 x ring
        double withoutRouters = (one.otherMm2()) * 4;
        assertThat(four.otherMm2() - withoutRouters).isCloseTo((1 + f) * 4 * ring / 1e6, within(1e-9));
    }

    @Test
    void aReductionSplitSendsAllButItsOwnShareOfThePartialSums() {
        // 4 cores reduce 1000 outputs: each sends 3/4 of them, ceil(3000 / 4) = 750 accumulators of 32 bits
        assertThat(LayerMemory.reductionBits(4, 1000, 32)).isEqualTo(750L * 32);
        assertThat(LayerMemory.reductionBits(1, 1000, 32)).isZero();
    }
}
