package org.pactsim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.SramSpec;

class CostModelTest {
    private static final CostTables T = V1Tables.T; // the version 1 rules these tests work by hand
    private static final ActionCounts.Operand IFMAP = ActionCounts.Operand.IFMAP;
    private static final ActionCounts.Operand FILTER = ActionCounts.Operand.FILTER;
    private static final ActionCounts.Operand OFMAP = ActionCounts.Operand.OFMAP;

    /** 4x4 int8 PEs at 45 nm and 1 GHz with three 1 KiB buffers: every value is a table row. */
    private static AcceleratorSpec small(PeSpec pe) {
        return new AcceleratorSpec("small", new ArraySpec(4, 4), Dataflow.WS, 1, 1000, pe,
                SramSpec.split(1, 1, 1), DramSpec.UNLIMITED, 45);
    }

    private static ActionCounts counts(Map<Precision, Long> macs, long cycles) {
        return new ActionCounts(macs, List.of(
                new ActionCounts.SramTraffic(IFMAP, 1024, 800, 100),
                new ActionCounts.SramTraffic(FILTER, 1024, 400, 0),
                new ActionCounts.SramTraffic(OFMAP, 1024, 0, 320)), 500, 200, 0, cycles, 1000);
    }

    @Test
    void pricesAHandWorkedLayer() {
        CostModel m = CostModel.of(T, small(PeSpec.INT8));
        EnergyBreakdown e = m.energy(counts(Map.of(Precision.INT8, 1000L), 100));
        // MAC: 1000 MACs x 0.2034 pJ (int8 row)
        assertThat(e.macPj()).isCloseTo(203.4, within(1e-9));
        // SRAM 1 KiB row: reads 1200 bits x 0.0354138 + writes 420 bits x 0.102999
        assertThat(e.sramPj()).isCloseTo(1200 * 0.0354138 + 420 * 0.102999, within(1e-9));
        // DRAM: 700 bits x 8 pJ (lpddr4, the default type)
        assertThat(e.dramPj()).isCloseTo(5600, within(1e-9));
        // Area: 16 x 443.4586 um^2; 3 x 8192 bits x 1.0771 um^2; other 0.25 x both
        AreaBreakdown a = m.area();
        assertThat(a.arrayMm2()).isCloseTo(16 * 443.4586e-6, within(1e-12));
        assertThat(a.sramMm2()).isCloseTo(3 * 8192 * 1.0771e-6, within(1e-12));
        assertThat(a.otherMm2()).isCloseTo(0.25 * (a.arrayMm2() + a.sramMm2()), within(1e-12));
        // Leakage: (array + other) x 35.1752 mW/mm^2 + SRAM x 249.841 mW/mm^2, over 100 ns
        double leakW = (a.logicMm2() * 35.1752 + a.sramMm2() * 249.841) / 1e3;
        assertThat(m.leakageW()).isCloseTo(leakW, within(1e-15));
        assertThat(e.leakagePj()).isCloseTo(leakW * 100e-9 * 1e12, within(1e-9));
        assertThat(e.totalPj()).isCloseTo(e.macPj() + e.sramPj() + e.dramPj() + e.leakagePj(), within(1e-9));
        assertThat(e.onChipPj()).isCloseTo(e.totalPj() - 5600, within(1e-9));
    }

    @Test
    void aLayerOfAnotherPrecisionPaysBusyPeCyclesOfThePe() {
        // int16 on int8 fixed PEs: 4 passes, so 100 MACs cost 400 PE-cycles of the int8 PE.
        CostModel fixed = CostModel.of(T, small(PeSpec.INT8));
        assertThat(fixed.energy(counts(Map.of(Precision.INT16, 100L), 0)).macPj()).isCloseTo(400 * 0.2034, within(1e-9));
        // int4 on int8 fixed PEs: no saving, one int8 PE-cycle each.
        assertThat(fixed.energy(counts(Map.of(Precision.INT4, 100L), 0)).macPj()).isCloseTo(100 * 0.2034, within(1e-9));
        // int2 on a 16-bit fusion PE: 64 MACs per cycle, so 6400 MACs cost 100 fused cycles.
        PeSpec int16 = new PeSpec(16, 16, NumberType.INT, 32);
        CostModel fusion = new CostModel(T, small(int16), PrecisionMode.FUSION, null);
        assertThat(fusion.energy(counts(Map.of(Precision.INT2, 6400L), 0)).macPj()).isCloseTo(100 * 2.04788, within(1e-9));
        assertThat(fusion.area().arrayMm2()).isCloseTo(16 * 6604.2065e-6, within(1e-12));
        // w16a8 on a 16-lane bit-serial PE: 2 MACs per cycle.
        CostModel serial = new CostModel(T, small(int16), PrecisionMode.BIT_SERIAL, "hbm2");
        assertThat(serial.energy(counts(Map.of(Precision.integer(16, 8), 200L), 0)).macPj())
                .isCloseTo(100 * 0.869006, within(1e-9));
        assertThat(serial.energy(counts(Map.of(), 0)).dramPj()).isCloseTo(700 * 3.9, within(1e-9));
    }

    @Test
    void tpuV1PeakIs91Point75Int8Tops() throws Exception {
        AcceleratorSpec tpu = ArchReader.read(Path.of("arch-configs/tpu-v1.yaml"), List.of()).spec();
        CostModel m = new CostModel(T, tpu, PrecisionMode.FIXED, "ddr3");
        // 2 ops x 65,536 MACs x 700 MHz = 91.7504 x 10^12 op/s
        assertThat(tpu.totalPes()).isEqualTo(65_536);
        assertThat(m.peakTops()).isCloseTo(91.7504, within(1e-9));
        assertThat(m.peakTops(Precision.INT16)).isCloseTo(91.7504 / 4, within(1e-9));   // quarter speed
        assertThat(m.peakTops(Precision.integer(16, 8))).isCloseTo(91.7504 / 2, within(1e-9));
    }

    @Test
    void reportTotalsAreTheLayersAndRatesFollowFromThem() {
        CostModel m = CostModel.of(T, small(PeSpec.INT8));
        ActionCounts a = counts(Map.of(Precision.INT8, 1000L), 100);
        ActionCounts b = counts(Map.of(Precision.integer(4, 8), 600L), 50);
        CostReport r = m.report(List.of(a, b));
        assertThat(r.layers()).hasSize(2);
        assertThat(r.energyPj()).isCloseTo(m.energy(a).totalPj() + m.energy(b).totalPj(), within(1e-9));
        assertThat(r.energy()).usingRecursiveComparison().isEqualTo(m.energy(a.plus(b)));
        assertThat(r.macs()).isEqualTo(1600);
        assertThat(r.cycles()).isEqualTo(150);
        assertThat(r.seconds()).isCloseTo(150e-9, within(1e-18));
        assertThat(r.inferencesPerSecond()).isCloseTo(1e9 / 150, within(1e-3));
        assertThat(r.powerW()).isCloseTo(r.energyPj() * 1e-12 / 150e-9, within(1e-12));
        assertThat(r.inferencesPerJoule()).isCloseTo(1 / (r.energyPj() * 1e-12), within(1e-3));
        assertThat(r.topsPerW()).isCloseTo(2 * 1600 / (r.energyPj() * 1e-12) / 1e12, within(1e-9));
        assertThat(r.peakTops()).isCloseTo(2 * 16 * 1e9 / 1e12, within(1e-12));
        assertThat(r.topsPerMm2()).isCloseTo(r.peakTops() / r.areaMm2(), within(1e-12));
    }

    @Test
    void recostingWithOtherTablesChangesOnlyWhatTheyPrice() {
        ActionCounts c = counts(Map.of(Precision.INT8, 1000L), 100);
        AcceleratorSpec acc = small(PeSpec.INT8);
        Provenance p = new Provenance("mine.csv", 3, Basis.ASSUMED, "test value", "test");
        CostTables mine = T.override(new CostTables.Partial(null, null, null,
                new DramTable(List.of(new DramTable.Row("lpddr4", 1.0, p))), null, null, null));
        EnergyBreakdown before = CostModel.of(T, acc).energy(c);
        EnergyBreakdown after = CostModel.of(mine, acc).energy(c);
        assertThat(after.dramPj()).isCloseTo(700, within(1e-9));
        assertThat(after.macPj()).isEqualTo(before.macPj());
        assertThat(after.sramPj()).isEqualTo(before.sramPj());
        assertThat(after.leakagePj()).isEqualTo(before.leakagePj());
    }

    @Test
    void idlePeCyclesCostOnlyLeakage() {
        CostModel m = CostModel.of(T, small(PeSpec.INT8));
        ActionCounts busy = new ActionCounts(Map.of(Precision.INT8, 1600L), List.of(), 0, 0, 0, 100, 1000);
        ActionCounts idle = new ActionCounts(Map.of(Precision.INT8, 1600L), List.of(), 0, 0, 1600, 200, 1000);
        assertThat(m.energy(idle).macPj()).isEqualTo(m.energy(busy).macPj());
        assertThat(m.energy(idle).leakagePj()).isCloseTo(2 * m.energy(busy).leakagePj(), within(1e-9));
    }

    @Test
    void refusesWhatTheTablesCannotPrice() {
        assertThatThrownBy(() -> new CostModel(T, small(PeSpec.INT8), PrecisionMode.FIXED, "ddr9"))
                .isInstanceOf(SpecException.class).hasMessageContaining("lpddr4");
        AcceleratorSpec at22 = new AcceleratorSpec("x", new ArraySpec(2, 2), Dataflow.OS, 1, 100, PeSpec.INT8,
                SramSpec.unified(8), DramSpec.UNLIMITED, 22);
        assertThatThrownBy(() -> CostModel.of(T, at22)).isInstanceOf(SpecException.class)
                .hasMessageContaining("technologyNm");
        assertThatThrownBy(() -> new CostModel(T, small(new PeSpec(6, 6, NumberType.INT, 32)), PrecisionMode.FUSION, null))
                .isInstanceOf(SpecException.class);
        ActionCounts other = new ActionCounts(Map.of(), List.of(), 0, 0, 0, 1, 500);
        assertThatThrownBy(() -> counts(Map.of(), 1).plus(other)).isInstanceOf(SpecException.class);
    }
}
