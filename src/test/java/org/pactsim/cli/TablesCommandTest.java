package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cost.Basis;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.MacTable;
import org.pactsim.cost.SramTable;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;

class TablesCommandTest {
    private static final CostTables D = CostTableReader.defaults();

    @Test
    void printsEveryTableWithUnitsBasesAndSources() {
        Cli r = Cli.run("tables");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("mac:", "mac-fit:", "sram:", "dram:", "leakage:", "tech:", "params",
                "areaUm2", "energyPjPerPeCycle", "readPjPerBit", "energyPjPerBit", "leakageMwPerMm2", "areaFactor",
                "measured", "fitted", "derived", "interpolated", "assumed",
                "Bit Fusion", "Horowitz", "Stillmaker & Baas", "CACTI", "Stripes", "lpddr4 (default)");
        // the integer grid marks which widths are measured and which fitted
        assertThat(r.out()).containsPattern("int3 +[0-9.]+ +[0-9.]+ +45 +fitted")
                .containsPattern("int8 +443\\.5 +0\\.2034 +45 +measured");
    }

    @Test
    void scalesToANode() {
        Cli r = Cli.run("tables", "--node", "7");
        assertThat(r.code()).as(r.err()).isZero();
        // int8: 443.4586 um^2 x 0.059 = 26.16 um^2; 0.2034 pJ x 0.094 = 0.01912 pJ
        assertThat(r.out()).containsPattern("fixed +int8 +26\\.16 +0\\.01912 +7 ");
    }

    @Test
    void refusesANodeOutsideTheTechTable() {
        Cli r = Cli.run("tables", "--node", "22");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--node", "45 nm", "22").doesNotContain("Exception");
    }

    @Test
    void csvOutputReadsBackAsTheSameTables() {
        Cli r = Cli.run("tables", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        CostTables back = CostTableReader.complete(CostTableReader.parse(r.out(), "out.csv"), "out.csv");
        assertThat(back.mac().rows()).hasSameSizeAs(D.mac().rows());
        for (MacTable.Row row : D.mac().rows()) {
            MacTable.Row b = back.mac().find(row.mode(), row.precision()).orElseThrow();
            assertThat(b.areaUm2()).isCloseTo(row.areaUm2(), within(1e-5 * row.areaUm2()));
            assertThat(b.provenance().source()).isEqualTo(row.provenance().source());
            assertThat(b.provenance().basis()).isEqualTo(row.provenance().basis());
        }
        assertThat(back.macFit().area().k2()).isCloseTo(D.macFit().area().k2(), within(1e-9));
        assertThat(back.params().otherAreaFraction()).isEqualTo(D.params().otherAreaFraction());
    }

    @Test
    void csvAtANodeIsATableForThatNode() {
        Cli r = Cli.run("tables", "--format", "csv", "--node", "28");
        CostTables at28 = CostTableReader.complete(CostTableReader.parse(r.out(), "out.csv"), "out.csv");
        MacTable.Row int8 = at28.mac().find(PrecisionMode.FIXED, Precision.INT8).orElseThrow();
        assertThat(int8.nodeNm()).isEqualTo(28);
        assertThat(int8.provenance().basis()).isEqualTo(Basis.DERIVED);
        assertThat(int8.provenance().derivation()).contains("scaled from 45 to 28 nm");
        double expected = D.mac(PrecisionMode.FIXED, Precision.INT8, 28).areaUm2();
        assertThat(int8.areaUm2()).isCloseTo(expected, within(1e-5 * expected));
        // pricing the scaled tables at 28 nm gives what the originals give at 28 nm
        double w3a5 = D.mac(PrecisionMode.FIXED, Precision.integer(3, 5), 28).energyPjPerPeCycle();
        assertThat(at28.mac(PrecisionMode.FIXED, Precision.integer(3, 5), 28).energyPjPerPeCycle())
                .isCloseTo(w3a5, within(1e-5 * w3a5));
        SramTable.Cost s = D.sram(100_000, 28);
        assertThat(at28.sram(100_000, 28).readPjPerBit()).isCloseTo(s.readPjPerBit(), within(1e-5 * s.readPjPerBit()));
    }

    @Test
    void showsAUsersTables(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("dram.csv");
        Files.writeString(f, "# schema: pactsim/cost/1\n# table: dram\ntype,energyPjPerBit,basis,derivation,source\n"
                + "lpddr5,4.5,measured,,\"my lab, 2025\"\n");
        Cli r = Cli.run("tables", "--tables", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lpddr5", "my lab, 2025").doesNotContain("ddr3");
        Cli bad = Cli.run("tables", "--tables", dir.resolve("none.csv").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("none.csv", "no such file");
    }
}
