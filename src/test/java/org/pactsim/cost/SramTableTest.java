package org.pactsim.cost;

import org.pactsim.testing.Gens;
import org.pactsim.testing.Seeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.CostTableReader;

class SramTableTest {
    private static final CostTables T = V1Tables.T; // the version 1 rules these tests work by hand

    @Test
    void rowsAreReturnedAsIsAtTheirOwnCapacityAndNode() {
        SramTable.Cost c = T.sram(16384, 45);
        assertThat(c.readPjPerBit()).isEqualTo(0.311928);   // 9.9817 pJ per 32-bit read / 32
        assertThat(c.writePjPerBit()).isEqualTo(0.263153);
        assertThat(c.areaUm2PerBit()).isEqualTo(0.828377);
        assertThat(c.how()).startsWith("row ");
    }

    @Test
    void interpolatesLogLogBetweenRows() {
        // Halfway in log capacity between 32 KiB (0.3125) and 1 MiB (1.5625): the geometric mean.
        long mid = (long) Math.sqrt(32768.0 * 1048576.0);   // 185363.8 -> 185363
        double t = Math.log(mid / 32768.0) / Math.log(32.0);
        double expected = Math.exp(Math.log(0.3125) + t * Math.log(5));
        assertThat(T.sram(mid, 45).readPjPerBit()).isCloseTo(expected, within(1e-12));
        assertThat(T.sram(mid, 45).areaUm2PerBit()).isCloseTo(0.85, within(1e-12));
    }

    @Test
    void aboveTheLargestRowEnergyGrowsAsTheSquareRootOfCapacity() {
        // 4 MiB is 4x the 1 MiB row: 1.5625 x 4^0.5 = 3.125 pJ/bit; area per bit holds.
        SramTable.Cost c = T.sram(4L << 20, 45);
        assertThat(c.readPjPerBit()).isCloseTo(3.125, within(1e-12));
        assertThat(c.areaUm2PerBit()).isEqualTo(0.85);
        // below the smallest row the smallest row holds
        assertThat(T.sram(64, 45)).extracting(SramTable.Cost::readPjPerBit).isEqualTo(0.0213657);
    }

    @Test
    void scalesToTheNodeAskedFor() {
        double e = T.tech().row(28).energyFactor();
        double a = T.tech().row(28).areaFactor();
        assertThat(T.sram(32768, 28).readPjPerBit()).isCloseTo(0.3125 * e, within(1e-12));
        assertThat(T.sram(32768, 28).areaUm2PerBit()).isCloseTo(0.85 * a, within(1e-12));
    }

    @Test
    void readEnergyPerBitNeverFallsWithCapacity() {
        Seeds.qt(200).forAll(Gens.longs(1, 1L << 32)).checkAssert(SramTableTest::neverFalls);
        for (int e = 0; e <= 32; e++) {
            neverFalls(1L << e);
            neverFalls((1L << e) + 1);
        }
    }

    private static void neverFalls(long capacity) {
        long bigger = capacity + 1 + capacity / 3;
        assertThat(T.sram(bigger, 45).readPjPerBit()).isGreaterThanOrEqualTo(T.sram(capacity, 45).readPjPerBit());
        assertThat(T.sram(bigger, 45).writePjPerBit()).isGreaterThanOrEqualTo(T.sram(capacity, 45).writePjPerBit());
    }

    @Test
    void refusesDuplicateCapacities() {
        Provenance p = new Provenance("t", 1, Basis.ASSUMED, "x", "y");
        SramTable.Row r = new SramTable.Row(1024, 1, 1, 1, 45, p);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SramTable(List.of(r, r)))
                .isInstanceOf(org.pactsim.spec.SpecException.class).hasMessageContaining("each capacity once");
    }
}
