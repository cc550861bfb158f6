package org.pactsim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SiliconSpec;
import org.pactsim.spec.SramSpec;

/** A PE priced as its parts (issue 19), worked by hand from the shipped part table at 45 nm. */
class PePartsTest {
    private static final CostTables T = CostTableReader.defaults();
    /** The Aladdin register row is at 40 nm: one bit at 45 nm. */
    private static final double REG_UM2 = 5.98 / 0.764698;
    private static final double REG_PJ = 0.009 / 0.866276;

    private static AcceleratorSpec chip(Dataflow df, FoldOverlap overlap, int stages, int bits, int acc) {
        return new AcceleratorSpec("t", new ArraySpec(16, 16, stages, OsDrain.OVERLAPPED, overlap), df, 1, 500,
                new PeSpec(bits, bits, NumberType.INT, acc), SramSpec.unified(64), new DramSpec(10), 45);
    }

    private static double mulUm2(int wb, int ab) {
        return 3.08203 * wb * ab + 10.5938 * (wb + ab) / 2.0;
    }

    private static double mulPj(int wb, int ab) {
        return 0.00299479 * wb * ab + 0.00104167 * (wb + ab) / 2.0;
    }

    @Test
    void anInt8WeightStationaryPeIsItsMultiplierAdderAndRegisters() {
        PeParts p = PeParts.of(chip(Dataflow.WS, FoldOverlap.NONE, 0, 8, 32), PrecisionMode.FIXED, T);
        // multiplier 8x8, 32-bit adder, the stationary weight twice (working and shadow, 16 bits),
        // the passing input (8) and partial sum (32)
        double area = mulUm2(8, 8) + (4.23214 * 32 + 1) + 56 * REG_UM2;
        double energy = mulPj(8, 8) + (0.00294643 * 32 + 0.005) + 40 * REG_PJ; // the weight registers are not clocked
        assertThat(p.areaUm2()).isCloseTo(area, within(1e-6 * area));
        assertThat(p.energyPjPerPeCycle()).isCloseTo(energy, within(1e-9));
        // the single-buffered PE of the Bit Fusion cross-check (docs/cost-model.md) is 793.8
        assertThat(p.areaUm2()).isCloseTo(793.8 + 8 * REG_UM2, within(0.1));
        assertThat(p.sramUm2()).isZero();
    }

    @Test
    void theStationaryOperandIsDoubleBufferedEitherWayAndPipelineStagesClockProducts() {
        double base = PeParts.of(chip(Dataflow.WS, FoldOverlap.NONE, 0, 8, 32), PrecisionMode.FIXED, T).areaUm2();
        PeParts db = PeParts.of(chip(Dataflow.WS, FoldOverlap.PIPELINED, 0, 8, 32), PrecisionMode.FIXED, T);
        // shadow and working register with or without pipelined folds (the Verilog PEs of docs/rtl.md)
        assertThat(db.areaUm2()).isCloseTo(base, within(1e-9));
        assertThat(db.parts()).anyMatch(x -> x.name().equals("stationary registers (double-buffered)") && x.bits() == 16);
        PeParts st = PeParts.of(chip(Dataflow.WS, FoldOverlap.NONE, 2, 8, 32), PrecisionMode.FIXED, T);
        assertThat(st.areaUm2() - base).isCloseTo(2 * 16 * REG_UM2, within(1e-9));
        double e0 = PeParts.of(chip(Dataflow.WS, FoldOverlap.NONE, 0, 8, 32), PrecisionMode.FIXED, T)
                .energyPjPerPeCycle();
        assertThat(st.energyPjPerPeCycle() - e0).isCloseTo(2 * 16 * REG_PJ, within(1e-12));
        assertThat(db.energyPjPerPeCycle()).isCloseTo(e0, within(1e-12));
    }

    @Test
    void anOutputStationaryPeClocksBothOperandsAndItsAccumulator() {
        PeParts p = PeParts.of(chip(Dataflow.OS, FoldOverlap.NONE, 0, 4, 32), PrecisionMode.FIXED, T);
        assertThat(p.energyPjPerPeCycle()).isCloseTo(mulPj(4, 4) + 0.00294643 * 32 + 0.005 + 40 * REG_PJ,
                within(1e-9));
        assertThat(p.areaUm2()).isCloseTo(mulUm2(4, 4) + 4.23214 * 32 + 1 + 40 * REG_UM2, within(1e-6));
    }

    @Test
    void whatDoesNotShrinkWithTheOperandsKeepsLowBitPesLarge() {
        double a16 = PeParts.of(chip(Dataflow.WS, FoldOverlap.NONE, 0, 16, 32), PrecisionMode.FIXED, T).areaUm2();
        double a2 = PeParts.of(chip(Dataflow.WS, FoldOverlap.NONE, 0, 2, 32), PrecisionMode.FIXED, T).areaUm2();
        // the bare measured MACs differ 17.3x; with a 32-bit accumulator and its registers, 3.5x
        assertThat(a16 / a2).isBetween(3.0, 4.0);
        assertThat(T.mac(PrecisionMode.FIXED, Precision.INT16, 45).areaUm2()
                / T.mac(PrecisionMode.FIXED, Precision.INT2, 45).areaUm2()).isGreaterThan(17);
    }

    @Test
    void smallScratchpadsAreRegistersAndLargerOnesSram() {
        AcceleratorSpec a = chip(Dataflow.WS, FoldOverlap.NONE, 0, 16, 16)
                .withSilicon(new SiliconSpec(SiliconSpec.Flavour.LP, 0, 24, 448, 48));
        PeParts p = PeParts.of(a, PrecisionMode.FIXED, T);
        PeParts bare = PeParts.of(chip(Dataflow.WS, FoldOverlap.NONE, 0, 16, 16), PrecisionMode.FIXED, T);
        SramTable.Cost filter = T.sram(448, 45);
        assertThat(p.sramUm2()).isCloseTo(448 * 8 * filter.areaUm2PerBit(), within(1e-9));
        assertThat(p.areaUm2() - bare.areaUm2() - p.sramUm2()).isCloseTo((24 + 48) * 8 * REG_UM2, within(1e-6));
        // each busy cycle: 16 input bits and 16 partial-sum bits read, 16 written, from registers; 16 weight bits from SRAM
        assertThat(p.energyPjPerPeCycle() - bare.energyPjPerPeCycle())
                .isCloseTo(48 * REG_PJ + 16 * filter.readPjPerBit(), within(1e-9));
    }

    @Test
    void thePlacedPeIsItsCellsTimesTheLayoutFactorsAndVersionOneIsTheMacRow() {
        AcceleratorSpec a = chip(Dataflow.WS, FoldOverlap.NONE, 0, 8, 32);
        double cells = PeParts.of(a, PrecisionMode.FIXED, T).areaUm2();
        assertThat(T.pe(a, PrecisionMode.FIXED).areaUm2()).isCloseTo(cells * T.params().logicLayoutFactor(),
                within(1e-9));
        assertThat(T.params().logicLayoutFactor()).isGreaterThan(1);
        assertThat(V1Tables.T.pe(a, PrecisionMode.FIXED).areaUm2())
                .isEqualTo(V1Tables.T.mac(PrecisionMode.FIXED, Precision.INT8, 45).areaUm2());
    }

    @Test
    void aFusionPeScalesTheMultiplierByTheMeasuredFusionOverhead() {
        AcceleratorSpec fixed = chip(Dataflow.WS, FoldOverlap.NONE, 0, 8, 32);
        AcceleratorSpec fusion = fixed.withPe(new PeSpec(8, 8, NumberType.INT, 32, PrecisionMode.FUSION));
        double ratio = T.mac(PrecisionMode.FUSION, Precision.INT8, 45).areaUm2()
                / T.mac(PrecisionMode.FIXED, Precision.INT8, 45).areaUm2();
        double diff = PeParts.of(fusion, PrecisionMode.FUSION, T).areaUm2()
                - PeParts.of(fixed, PrecisionMode.FIXED, T).areaUm2();
        assertThat(diff).isCloseTo(mulUm2(8, 8) * (ratio - 1), within(1e-6));
    }

    @Test
    void aBufferAboveTheLargestRowIsBanksOfItAndTheWireAcrossThem() {
        SramTable.Row last = T.sram().rows().get(T.sram().rows().size() - 1);
        assertThat(last.capacityBytes()).isEqualTo(16384);
        SramTable.Cost c = T.sram(1 << 20, 45);
        double side = Math.sqrt((1 << 20) * 8.0 * last.areaUm2PerBit()) / 1000;
        assertThat(c.readPjPerBit()).isCloseTo(last.readPjPerBit() + 0.1 * side, within(1e-12));
        assertThat(c.areaUm2PerBit()).isEqualTo(last.areaUm2PerBit());
        // four 4 MiB cores pay less per bit than one 16 MiB buffer: the wire grows with the side
        assertThat(T.sram(4L << 20, 45).readPjPerBit()).isLessThan(T.sram(16L << 20, 45).readPjPerBit());
        assertThat(T.sram(16L << 20, 45).readPjPerBit() / T.sram(4L << 20, 45).readPjPerBit()).isLessThan(2);
    }

    @Test
    void lowPowerLeakageIsTheHighPerformanceRowTimesCactisDeviceRatio() {
        for (LeakageTable.Component c : LeakageTable.Component.values()) {
            double hp = T.leakageMwPerMm2(c, SiliconSpec.Flavour.HP, 45);
            double lp = T.leakageMwPerMm2(c, SiliconSpec.Flavour.LP, 45);
            assertThat(lp / hp).isCloseTo(2.2631e-4, within(1e-7));
        }
        // the version 1 tables have one row for both
        assertThat(V1Tables.T.leakageMwPerMm2(LeakageTable.Component.SRAM, SiliconSpec.Flavour.LP, 45))
                .isEqualTo(V1Tables.T.leakageMwPerMm2(LeakageTable.Component.SRAM, SiliconSpec.Flavour.HP, 45));
    }
}
