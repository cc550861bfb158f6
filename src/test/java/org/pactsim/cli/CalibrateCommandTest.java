package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pactsim calibrate}: the reference chips' published figures beside pactsim's estimates. */
class CalibrateCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonListsEachChipsQuantitiesWithEstimatePublishedRatioAndSource() throws Exception {
        Cli c = Cli.run("calibrate", "--format", "json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(c.out());
        assertThat(root.get("schema").asText()).isEqualTo("pactsim/calibrate/1");
        JsonNode chips = root.get("chips");
        assertThat(chips).hasSize(3);
        assertThat(chips.findValuesAsText("chip")).containsExactly("TPU v1", "Eyeriss", "DianNao");
        for (JsonNode chip : chips) {
            assertThat(chip.get("quantities").size()).isGreaterThanOrEqualTo(3);
            for (JsonNode q : chip.get("quantities")) {
                for (String k : new String[] {"name", "estimate", "published", "ratio", "source"}) {
                    assertThat(q.has(k)).as(q + " " + k).isTrue();
                }
                assertThat(q.get("ratio").asDouble()).isCloseTo(q.get("estimate").asDouble()
                        / q.get("published").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
                assertThat(q.get("source").asText()).isNotBlank();
            }
        }
    }

    @Test
    void theTableNamesEveryChipAndAnotherTableChangesTheEstimates() throws Exception {
        Cli c = Cli.run("calibrate");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("TPU v1", "Eyeriss", "DianNao", "within", "sources and details:");
        // halving the register energy lowers TPU v1's busy power (registers are most of its PE energy)
        String text = Files.readString(Path.of("src/main/resources/org/pactsim/cost/default-tables.csv"));
        int at = text.indexOf("# table: part");
        String part = text.substring(at, text.indexOf("\n\n", at)).replace("register,energyPj,0,0.009,0,40",
                "register,energyPj,0,0.0045,0,40");
        Path mine = dir.resolve("mine.csv");
        Files.writeString(mine, "# schema: pactsim/cost/1\n" + part + "\n");
        Cli half = Cli.run("calibrate", "--tables", mine.toString(), "--format", "json");
        assertThat(half.code()).as(half.err()).isZero();
        double before = busy(Cli.run("calibrate", "--format", "json").out());
        double after = busy(half.out());
        assertThat(after).isLessThan(before * 0.9);
        assertThat(Cli.run("calibrate", "--tables", dir.resolve("none.csv").toString()).code()).isEqualTo(2);
    }

    private static double busy(String json) throws Exception {
        for (JsonNode q : new ObjectMapper().readTree(json).get("chips").get(0).get("quantities")) {
            if (q.get("id").asText().equals("tpu-busy-power")) {
                return q.get("estimate").asDouble();
            }
        }
        throw new AssertionError("no tpu-busy-power");
    }
}
