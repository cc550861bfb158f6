package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.report.Metric;
import org.pactsim.report.Metrics;

/** {@code pactsim recost}: the same prices from the same tables, only DRAM moving with the DRAM table. */
class RecostCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Totals that do not depend on the DRAM table. */
    private static final Set<String> DRAM_FREE = Set.of("peakTops", "energyMacPj", "energySramPj", "energyLeakagePj",
            "areaMm2", "areaArrayMm2", "areaSramMm2", "areaOtherMm2", "topsPerMm2");

    @TempDir
    Path dir;
    Path result;

    /** ResNet-20 int8 on TPU v1, native model (DRAM traffic, a steady state that differs). */
    @BeforeEach
    void simulate() {
        Cli c = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", "traces/resnet20-int8.csv",
                "--out", dir.resolve("run").toString());
        assertThat(c.code()).as(c.err()).isZero();
        result = dir.resolve("run/result.json");
    }

    private static JsonNode read(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    @Test
    void theDefaultTablesGiveBackTheSameFileByteForByte() throws IOException {
        Path again = dir.resolve("again.json");
        Cli c = Cli.run("recost", result.toString(), "--out", again.toString());
        assertThat(c.code()).as(c.err()).isZero();
        // every double of the file, costs included, comes back as written: the same bytes
        assertThat(Files.readString(again)).isEqualTo(Files.readString(result));
        Cli j = Cli.run("recost", result.toString(), "--format", "json");
        assertThat(j.out()).isEqualTo(Files.readString(result));
        // the table shows every cost total unchanged (ratio 1) and one row per layer
        assertThat(c.out()).contains("re-priced from " + result, "cost tables: default", "in the file: default")
                .containsPattern("(?m)^energyDramPj +[0-9,.]+ +[0-9,.]+ +1  ")
                .containsPattern("(?m)^topsPerWatt +[0-9.]+ +[0-9.]+ +1  ");
        for (Metric<?> m : Metrics.COST) {
            assertThat(c.out()).containsPattern("(?m)^" + m.key() + " ");
        }
        for (JsonNode l : read(result).get("layers")) {
            assertThat(c.out()).containsPattern("(?m)^" + Pattern.quote(l.get("name").asText()) + " +[0-9,.]+ ");
        }
        assertThat(c.out()).containsPattern("(?m)^TOTAL +[0-9,.]+ ");
    }

    @Test
    void doublingDramEnergyPerBitDoublesOnlyTheDramEnergy() throws IOException {
        Path tables = dir.resolve("dram-x2.csv");
        Files.writeString(tables, dramTableDoubled());
        Path out = dir.resolve("x2.json");
        Cli c = Cli.run("recost", "--tables", tables.toString(), result.toString(), "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode was = read(result);
        JsonNode now = read(out);
        JsonNode t0 = was.get("totals");
        JsonNode t1 = now.get("totals");
        assertThat(t0.get("energyDramPj").asDouble()).isPositive();
        // x2 is exact in binary floating point: each layer's DRAM energy doubles exactly, so does their sum
        assertThat(t1.get("energyDramPj").asDouble()).isEqualTo(2 * t0.get("energyDramPj").asDouble());
        for (String k : DRAM_FREE) {
            assertThat(t1.get(k).asDouble()).as(k).isEqualTo(t0.get(k).asDouble());
        }
        assertThat(t1.get("energyPj").asDouble()).isCloseTo(t0.get("energyPj").asDouble()
                + t0.get("energyDramPj").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-10));
        assertThat(t1.get("powerW").asDouble()).isGreaterThan(t0.get("powerW").asDouble());
        assertThat(t1.get("topsPerWatt").asDouble()).isLessThan(t0.get("topsPerWatt").asDouble());
        // a layer without DRAM traffic keeps its energy exactly; the others pay more
        int unchanged = 0;
        for (int i = 0; i < was.get("layers").size(); i++) {
            JsonNode a = was.get("layers").get(i).get("actions");
            double e0 = was.get("layers").get(i).get("energyPj").asDouble();
            double e1 = now.get("layers").get(i).get("energyPj").asDouble();
            if (a.get("dramReadBits").asLong() + a.get("dramWriteBits").asLong() == 0) {
                assertThat(e1).isEqualTo(e0);
                unchanged++;
            } else {
                assertThat(e1).isGreaterThan(e0);
            }
        }
        assertThat(unchanged).isPositive();
        // everything that is not a price is as it was
        ObjectNode stripped0 = withoutCosts(was);
        ObjectNode stripped1 = withoutCosts(now);
        assertThat(stripped1).isEqualTo(stripped0);
        assertThat(now.get("costTables").get("dram").asText()).isEqualTo(tables.toString());
        assertThat(now.get("costTables").get("sram").asText()).isEqualTo("default");
        assertThat(c.out()).contains("cost tables: default (mac, part, mac-fit, sram, leakage, tech, params); "
                + tables + " (dram)").containsPattern("(?m)^energyDramPj +[0-9,.]+ +[0-9,.]+ +2  ");
    }

    @Test
    void anotherNodeIsTheSameRunPricedThere() throws IOException {
        // Cycles do not depend on technologyNm: simulating at 7 nm gives the file recost writes
        // for the 28 nm run priced at 7 nm, byte for byte.
        Cli at7 = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", "traces/resnet20-int8.csv",
                "--set", "technologyNm=7", "--out", dir.resolve("run7").toString());
        assertThat(at7.code()).as(at7.err()).isZero();
        Path out = dir.resolve("re7.json");
        Cli c = Cli.run("recost", result.toString(), "--node", "7", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(dir.resolve("run7/result.json")));
        assertThat(c.out()).contains("at 7 nm (the file's: 28 nm)");
        JsonNode t0 = read(result).get("totals");
        JsonNode t1 = read(out).get("totals");
        // DRAM energy is not scaled with the node; every area part scales by areaFactor(7) / areaFactor(28)
        assertThat(t1.get("energyDramPj").asDouble()).isEqualTo(t0.get("energyDramPj").asDouble());
        assertThat(t1.get("areaMm2").asDouble() / t0.get("areaMm2").asDouble())
                .isCloseTo(0.059 / 0.368136, org.assertj.core.data.Offset.offset(1e-12)); // tech table rows 7 and 28

        Cli bad = Cli.run("recost", result.toString(), "--node", "22");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--node", "a node of the tech table", "22");
    }

    /** The dram table of {@code pactsim tables --format csv}, every energy per bit doubled. */
    private static String dramTableDoubled() {
        Cli t = Cli.run("tables", "--format", "csv");
        assertThat(t.code()).isZero();
        List<String> out = new ArrayList<>(List.of("# schema: pactsim/cost/1"));
        boolean in = false;
        int col = -1;
        for (String line : t.out().lines().toList()) {
            if (line.startsWith("# table:")) {
                in = line.trim().equals("# table: dram");
            }
            if (!in || line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                out.add(line);
            } else if (col < 0) {
                col = List.of(line.split(",")).indexOf("energyPjPerBit");
                out.add(line);
            } else {
                String[] f = line.split(",", -1);
                f[col] = Double.toString(2 * Double.parseDouble(f[col]));
                out.add(String.join(",", f));
            }
        }
        assertThat(col).isPositive();
        assertThat(out).hasSizeGreaterThan(5);
        return String.join("\n", out) + "\n";
    }

    private static ObjectNode withoutCosts(JsonNode root) {
        ObjectNode o = root.deepCopy();
        o.remove("costTables");
        for (JsonNode l : o.get("layers")) {
            Metrics.LAYER_COST.forEach(m -> ((ObjectNode) l).remove(m.key()));
        }
        Metrics.COST.forEach(m -> ((ObjectNode) o.get("totals")).remove(m.key()));
        return o;
    }

    @Test
    void badResultFilesExitTwoWithTheFileAndKey() throws IOException {
        Cli missing = Cli.run("recost", dir.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json", "no such file").doesNotContain("Exception");

        ObjectNode old = (ObjectNode) read(result);
        for (JsonNode l : old.get("layers")) {
            ((ObjectNode) l).remove("actions");
            ((ObjectNode) l).remove("steadyActions");
        }
        Path before = dir.resolve("old.json");
        Files.writeString(before, old.toPrettyString());
        Cli o = Cli.run("recost", before.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("pactsim: " + before + ":").contains("layers[0].actions", "simulate again");

        Path neg = dir.resolve("neg.json");
        Files.writeString(neg, Files.readString(result).replaceFirst("\"idlePeCycles\" : \\d+", "\"idlePeCycles\" : -1"));
        Cli n = Cli.run("recost", neg.toString());
        assertThat(n.code()).isEqualTo(2);
        assertThat(n.err()).containsPattern("neg\\.json:\\d+: layers\\[0\\]\\.actions\\.idlePeCycles: expected an integer"
                + " >= 0, found -1").doesNotContain("Exception");

        Path arch = Path.of("arch-configs/tpu-v1.yaml");
        Cli notResult = Cli.run("recost", arch.toString());
        assertThat(notResult.code()).isEqualTo(2);
        assertThat(notResult.err()).contains("tpu-v1.yaml", "not valid JSON");
        Path archJson = dir.resolve("run/accelerator.resolved.json");
        Cli wrongSchema = Cli.run("recost", archJson.toString());
        assertThat(wrongSchema.code()).isEqualTo(2);
        assertThat(wrongSchema.err()).contains("accelerator.resolved.json:2: schema: expected pactsim/result/1");
    }

    @Test
    void badTablesAndOutputsExitTwo() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "# schema: pactsim/cost/1\n# table: dram\ntype,energyPjPerBit,basis,derivation,source\n"
                + "lpddr4,-1,published,,x\n");
        Cli c = Cli.run("recost", "--tables", bad.toString(), result.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("bad.csv").doesNotContain("Exception");

        // a dram table without the accelerator's type (lpddr4: tpu-v1.yaml names none) cannot price the run
        Path hbm = dir.resolve("hbm.csv");
        Files.writeString(hbm, "# schema: pactsim/cost/1\n# table: dram\ntype,energyPjPerBit,basis,derivation,source\n"
                + "hbm2,3.9,published,,x\n");
        Cli d = Cli.run("recost", "--tables", hbm.toString(), result.toString());
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("result.json priced with " + hbm, "dram.type", "hbm2", "lpddr4").doesNotContain("Exception");

        Cli self = Cli.run("recost", result.toString(), "--out", result.toString());
        assertThat(self.code()).isEqualTo(2);
        assertThat(self.err()).contains("--out", "a file other than the result read");
        Cli noArg = Cli.run("recost");
        assertThat(noArg.code()).isEqualTo(2);
        assertThat(noArg.err()).contains("RESULT.json");
    }
}
