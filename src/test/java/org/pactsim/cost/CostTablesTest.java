package org.pactsim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SpecException;

/** The shipped tables: the checks the issue asks for, and their internal consistency. */
class CostTablesTest {
    private static final CostTables T = CostTableReader.defaults();
    private static final PrecisionMode FIXED = PrecisionMode.FIXED;

    private static MacCost fixed(int wb, int ab, int node) {
        return T.mac(FIXED, Precision.integer(wb, ab), node);
    }

    @Test
    void integerMacAreaAndEnergyGrowWithEveryBitOfEitherOperand() {
        // Measured rows (2/4/8/16 bits) and fitted ones mix in this grid: the mix must stay monotone.
        for (int node : List.of(45, 28, 7)) {
            for (int wb = 1; wb <= 16; wb++) {
                for (int ab = 1; ab <= 16; ab++) {
                    MacCost c = fixed(wb, ab, node);
                    if (wb > 1) {
                        assertThat(c.areaUm2()).as("area w%da%d @%d", wb, ab, node).isGreaterThan(fixed(wb - 1, ab, node).areaUm2());
                        assertThat(c.energyPjPerPeCycle()).as("energy w%da%d", wb, ab)
                                .isGreaterThan(fixed(wb - 1, ab, node).energyPjPerPeCycle());
                    }
                    if (ab > 1) {
                        assertThat(c.areaUm2()).as("area w%da%d", wb, ab).isGreaterThan(fixed(wb, ab - 1, node).areaUm2());
                        assertThat(c.energyPjPerPeCycle()).as("energy w%da%d", wb, ab)
                                .isGreaterThan(fixed(wb, ab - 1, node).energyPjPerPeCycle());
                    }
                }
            }
        }
    }

    @Test
    void fp16MacIsAboutSevenTimesTheAreaAndFiveTimesTheEnergyOfInt8() {
        MacCost int8 = T.mac(FIXED, Precision.INT8, 45);
        MacCost fp16 = T.mac(FIXED, Precision.FP16, 45);
        double areaRatio = fp16.areaUm2() / int8.areaUm2();
        double energyRatio = fp16.energyPjPerPeCycle() / int8.energyPjPerPeCycle();
        // Horowitz (ISSCC 2014): (1640 + 1360) / (282 + 137) = 7.16 and (1.1 + 0.4) / (0.2 + 0.1) = 5.0
        assertThat(areaRatio).isCloseTo(3000.0 / 419, within(0.01));
        assertThat(energyRatio).isCloseTo(5.0, within(0.01));
        // ... and the ratio survives technology scaling (same factor for both rows)
        assertThat(T.mac(FIXED, Precision.FP16, 7).areaUm2() / T.mac(FIXED, Precision.INT8, 7).areaUm2())
                .isCloseTo(areaRatio, within(1e-9));
    }

    @Test
    void floatFormatsOrderByWidth() {
        double fp32 = T.mac(FIXED, Precision.FP32, 45).areaUm2();
        double fp16 = T.mac(FIXED, Precision.FP16, 45).areaUm2();
        double bf16 = T.mac(FIXED, Precision.BF16, 45).areaUm2();
        double e4m3 = T.mac(FIXED, Precision.FP8_E4M3, 45).areaUm2();
        double e5m2 = T.mac(FIXED, Precision.FP8_E5M2, 45).areaUm2();
        assertThat(fp32).isGreaterThan(fp16);
        assertThat(fp16).isGreaterThan(bf16);
        assertThat(bf16).isGreaterThan(e4m3);
        assertThat(e4m3).isGreaterThan(e5m2);
        assertThat(e5m2).isGreaterThan(T.mac(FIXED, Precision.INT8, 45).areaUm2());
    }

    @Test
    void shippedFitIsTheLeastSquaresFitOfTheMeasuredRows() {
        List<MacTable.Row> pts = T.mac().measuredFixedIntegers();
        assertThat(pts).extracting(r -> r.precision().key()).containsExactlyInAnyOrder("int2", "int4", "int8", "int16");
        double[] a = IntMacFit.leastSquares(pts, MacTable.Row::areaUm2);
        double[] e = IntMacFit.leastSquares(pts, MacTable.Row::energyPjPerPeCycle);
        IntMacFit.Term fa = T.macFit().area();
        IntMacFit.Term fe = T.macFit().energy();
        // the file keeps 6 significant digits
        assertThat(fa.k2()).isCloseTo(a[0], within(1e-5 * Math.abs(a[0])));
        assertThat(fa.k1()).isCloseTo(a[1], within(1e-5 * Math.abs(a[1])));
        assertThat(fa.k0()).isCloseTo(a[2], within(1e-5 * Math.abs(a[2])));
        assertThat(fe.k2()).isCloseTo(e[0], within(1e-5 * Math.abs(e[0])));
        assertThat(fe.k1()).isCloseTo(e[1], within(1e-5 * Math.abs(e[1])));
        assertThat(fe.k0()).isCloseTo(e[2], within(1e-5 * Math.abs(e[2])));
        for (MacTable.Row r : pts) {
            int b = r.precision().weightBits();
            assertThat(fa.at(b, b)).as(r.precision().key()).isCloseTo(r.areaUm2(), within(0.007 * r.areaUm2()));
            assertThat(fe.at(b, b)).as(r.precision().key())
                    .isCloseTo(r.energyPjPerPeCycle(), within(0.009 * r.energyPjPerPeCycle()));
        }
    }

    @Test
    void leastSquaresRecoversAnExactQuadratic() {
        // Points on A = 2*wb*ab + 6*(wb+ab)/2 + 1 must give back (2, 6, 1).
        List<MacTable.Row> pts = List.of(row(1, 3), row(2, 2), row(4, 8), row(8, 8), row(16, 2));
        double[] k = IntMacFit.leastSquares(pts, MacTable.Row::areaUm2);
        assertThat(k[0]).isCloseTo(2, within(1e-9));
        assertThat(k[1]).isCloseTo(6, within(1e-9));
        assertThat(k[2]).isCloseTo(1, within(1e-9));
        assertThatThrownBy(() -> IntMacFit.leastSquares(pts.subList(0, 3), MacTable.Row::areaUm2))
                .isInstanceOf(SpecException.class);
    }

    private static MacTable.Row row(int wb, int ab) {
        double a = 2.0 * wb * ab + 6 * (wb + ab) / 2.0 + 1;
        return new MacTable.Row(FIXED, Precision.integer(wb, ab), a, 1, 45,
                new Provenance("test", 1, Basis.MEASURED, "", "test"));
    }

    @Test
    void measuredRowsWinOverTheFitAndMixedWidthsUseTheFit() {
        MacCost int8 = T.mac(FIXED, Precision.INT8, 45);
        assertThat(int8.basis()).isEqualTo(Basis.MEASURED);
        assertThat(int8.areaUm2()).isEqualTo(443.4586);   // 7095.33718 um^2 / 16 PEs
        MacCost w4a8 = T.mac(FIXED, Precision.integer(4, 8), 45);
        assertThat(w4a8.basis()).isEqualTo(Basis.FITTED);
        assertThat(w4a8.areaUm2()).isCloseTo(T.macFit().area().at(4, 8), within(1e-12));
        assertThat(w4a8.areaUm2()).isBetween(T.mac(FIXED, Precision.INT4, 45).areaUm2(), int8.areaUm2());
    }

    @Test
    void technologyScalingMultipliesByTheNodesFactorRatio() {
        // 28 nm is interpolated: exp(ln 0.46 + t (ln 0.21 - ln 0.46)), t = ln(28/32) / ln(20/32)
        double t = Math.log(28.0 / 32) / Math.log(20.0 / 32);
        double a28 = Math.exp(Math.log(0.46) + t * (Math.log(0.21) - Math.log(0.46)));
        assertThat(T.tech().row(28).areaFactor()).isCloseTo(a28, within(1e-6));
        assertThat(T.mac(FIXED, Precision.INT8, 28).areaUm2()).isCloseTo(443.4586 * T.tech().row(28).areaFactor(),
                within(1e-9));
        assertThat(T.mac(FIXED, Precision.INT8, 7).energyPjPerPeCycle()).isCloseTo(0.2034 * 0.094, within(1e-12));
        // smaller nodes are smaller and cheaper
        TechTable.Row prev = null;
        for (TechTable.Row r : T.tech().rows()) {
            if (prev != null) {
                assertThat(r.areaFactor()).as(r.nodeNm() + " nm").isLessThan(prev.areaFactor());
                assertThat(r.energyFactor()).as(r.nodeNm() + " nm").isLessThan(prev.energyFactor());
            }
            prev = r;
        }
        assertThatThrownBy(() -> T.mac(FIXED, Precision.INT8, 22)).isInstanceOf(SpecException.class)
                .hasMessageContaining("45 nm");
    }

    @Test
    void fusionAndBitSerialPesAreLookedUpNotFitted() {
        MacCost f16 = T.mac(PrecisionMode.FUSION, Precision.INT16, 45);
        assertThat(f16.areaUm2()).isEqualTo(6604.2065);   // 105667.3036 um^2 / 16
        assertThat(f16.areaUm2() / T.mac(FIXED, Precision.INT16, 45).areaUm2()).isBetween(4.0, 6.0);
        assertThat(T.mac(PrecisionMode.BIT_SERIAL, Precision.INT16, 45).areaUm2())
                .isCloseTo(1.32 * T.mac(FIXED, Precision.INT16, 45).areaUm2(), within(0.01));
        assertThatThrownBy(() -> T.mac(PrecisionMode.FUSION, Precision.integer(4, 8), 45))
                .isInstanceOf(SpecException.class).hasMessageContaining("int16");
        assertThat(T.mac(FIXED, Precision.parse("fp8-e4m3"), 45).basis()).isEqualTo(Basis.DERIVED);
    }

    @Test
    void everyRowSaysWhereItCameFrom() {
        for (MacTable.Row r : T.mac().rows()) {
            assertThat(r.provenance().source()).isNotBlank();
            if (r.precision().isFloat() || r.mode() == PrecisionMode.BIT_SERIAL) {
                assertThat(r.provenance().basis()).isEqualTo(Basis.DERIVED);
                assertThat(r.provenance().derivation()).isNotBlank();
            }
        }
        assertThat(T.macFit().area().provenance().basis()).isEqualTo(Basis.FITTED);
        assertThat(T.tech().row(28).provenance().basis()).isEqualTo(Basis.INTERPOLATED);
        assertThat(T.dram().row("ddr4").provenance().basis()).isEqualTo(Basis.ASSUMED);
        assertThat(T.sram().rows()).allSatisfy(r -> assertThat(r.provenance().source()).isNotBlank());
        assertThat(T.dram().row(DramTable.DEFAULT_TYPE).energyPjPerBit()).isEqualTo(8);
    }
}
