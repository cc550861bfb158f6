package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.io.format.ArchReader;

/**
 * An accelerator file may name its cost tables ({@code costTables}, relative to the file; issue
 * 20): arch-configs/pact-paper.yaml prices its PEs with PACT's stated MAC densities.
 */
class ArchCostTablesTest {
    @TempDir
    Path dir;

    @Test
    void theNamedTablesResolveAgainstTheFileAndPriceTheRun() throws Exception {
        ArchReader.Loaded l = ArchReader.read(Path.of("arch-configs/pact-paper.yaml"), List.of());
        assertThat(l.costTables()).containsExactly(Path.of("arch-configs/cost/pact-mac-density.csv").toAbsolutePath());
        Cli c = Cli.run("iso-area", "--arch", "arch-configs/pact-paper.yaml", "--network", "resnet20", "--bandwidths",
                "unlimited", "--format", "json", "--out", dir.resolve("iso").toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode points = new ObjectMapper().readTree(c.out()).get("points");
        // PACT's text: 4x the 16-bit peak at 4 bits, about 14x the MACs at 2 bits, at equal area
        assertThat(points.get(2).get("precision").asText()).isEqualTo("int4-pact");
        assertThat(points.get(2).get("peakRatio").asDouble()).isEqualTo(4.0);
        assertThat(points.get(3).get("peakRatio").asDouble()).isEqualTo(14.0);
        assertThat(points.get(1).get("peakRatio").asDouble()).isEqualTo(2.0);
        for (JsonNode p : points) {
            for (String k : new String[] {"precision", "bandwidthGBps", "pes", "peakTops", "cycles",
                "inferencesPerSecond", "speedup", "peakRatio", "superLinearity", "dramBytes", "energyPj", "areaMm2"}) {
                assertThat(p.has(k)).as(k).isTrue();
            }
        }
        Cli sim = Cli.run("simulate", "--arch", "arch-configs/pact-paper.yaml", "--network", "resnet20", "--format",
                "json");
        assertThat(sim.code()).as(sim.err()).isZero();
        JsonNode tables = new ObjectMapper().readTree(sim.out()).get("costTables");
        assertThat(tables.get("mac").asText()).endsWith("pact-mac-density.csv");
        assertThat(tables.get("sram").asText()).isEqualTo("default");
    }

    @Test
    void aBadEntryOrAMissingFileIsAnInputErrorAndASweepRefusesThem() throws Exception {
        String chip = Files.readString(Path.of("arch-configs/pact-14nm.yaml"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, chip.replace("name: pact-14nm", "name: bad\ncostTables:\n  - 3"));
        Cli c = Cli.run("simulate", "--arch", bad.toString(), "--network", "resnet20");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("costTables", "a list of cost-table files");
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, chip.replace("name: pact-14nm", "name: missing\ncostTables:\n  - none.csv"));
        Cli m = Cli.run("simulate", "--arch", missing.toString(), "--network", "resnet20");
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).contains("none.csv").doesNotContain("\tat ");
        Path spec = dir.resolve("sweep.yaml");
        Files.writeString(spec, "schema: pactsim/sweep/1\nname: named-tables\naccelerator: "
                + Path.of("arch-configs/pact-paper.yaml").toAbsolutePath() + "\nnetworks:\n  - zoo: resnet20\naxes:\n"
                + "  clockMhz: [500, 1000]\nobjectives:\n  inferencesPerSecond: max\n");
        Cli s = Cli.run("sweep", spec.toString(), "--out", dir.resolve("s").toString());
        assertThat(s.code()).as(s.out()).isEqualTo(2);
        assertThat(s.err()).contains("costTables", "shipped tables");
    }
}
