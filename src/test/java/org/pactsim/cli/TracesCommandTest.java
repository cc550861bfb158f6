package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.workload.zoo.Zoo;

/** {@code pactsim traces list|show|generate}, in-process, and the committed traces/ folder. */
class TracesCommandTest {
    @TempDir
    Path dir;

    @Test
    void listNamesEveryNetwork() {
        Cli c = Cli.run("traces", "list");
        assertThat(c.code()).isZero();
        for (String n : Zoo.names()) {
            assertThat(c.out()).contains(n);
        }
        assertThat(c.out()).contains("int4-pact");
    }

    @Test
    void showJsonHasMacsAndParams() throws Exception {
        Cli c = Cli.run("traces", "show", "resnet50", "--format", "json");
        assertThat(c.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.get("macs").asLong()).isEqualTo(Zoo.find("resnet50").build().macs());
        assertThat(j.get("params").asLong()).isEqualTo(Zoo.find("resnet50").build().params());
        assertThat(j.get("shapeProblems")).isEmpty();
        // as built, then the seven variants
        assertThat(j.get("precisions")).hasSize(8);
        JsonNode int2 = j.get("precisions").get(6);
        assertThat(int2.get("variant").asText()).isEqualTo("int2");
        // 2-bit weights: a quarter of the 8-bit bytes (rounded up per layer).
        long w8 = j.get("precisions").get(0).get("weightBytes").asLong();
        assertThat(int2.get("weightBytes").asLong()).isBetween(w8 / 4, w8 / 4 + 60);
    }

    @Test
    void showTableOfATraceFile() {
        Cli c = Cli.run("traces", "show", "traces/mobilenet-v2-int4-pact.csv");
        assertThat(c.code()).isZero();
        assertThat(c.out()).contains("mobilenet-v2-int4-pact").contains("MACs:   300,774,272")
                .contains("as written").contains("dwconv 17").contains("every layer's operands match");
    }

    @Test
    void showOfAnUnknownNameIsAnInputError() {
        Cli c = Cli.run("traces", "show", "resnet51");
        assertThat(c.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(c.err()).contains("expected a built-in network (alexnet").contains("\"resnet51\"");
    }

    @Test
    void generateWritesWhatFilesReturns() throws Exception {
        Cli c = Cli.run("traces", "generate", "--out", dir.toString());
        assertThat(c.code()).isZero();
        Map<String, String> files = TracesCommand.files();
        assertThat(c.out()).contains("wrote " + files.size() + " traces");
        for (Map.Entry<String, String> e : files.entrySet()) {
            assertThat(Files.readString(dir.resolve(e.getKey()))).isEqualTo(e.getValue());
        }
    }

    /** The output is a report folder: someone's files are never written over, a previous run's only with --force. */
    @Test
    void generateReplacesOnlyItsOwnFolderAndOnlyWithForce() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Cli theirs = Cli.run("traces", "generate", "--out", dir.toString(), "--force");
        assertThat(theirs.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(theirs.err()).contains("expected a new or empty folder").contains("\"notes.txt\"");
        Files.delete(dir.resolve("notes.txt"));
        assertThat(Cli.run("traces", "generate", "--out", dir.toString()).code()).isZero();
        Cli again = Cli.run("traces", "generate", "--out", dir.toString());
        assertThat(again.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(again.err()).contains("found a previous pactsim traces generate report");
        assertThat(Cli.run("traces", "generate", "--out", dir.toString(), "--force").code()).isZero();
        // the shipped folder is such a report folder, so 'traces generate --force' regenerates it in place
        assertThat(Files.readString(Path.of("traces", ".pactsim-report"))).contains("command=traces generate");
    }

    /**
     * Regenerating gives the committed files, byte for byte, and nothing generated is stale.
     * If this fails after a deliberate change: {@code pactsim traces generate --force}.
     */
    @Test
    void committedTracesAreUpToDate() throws Exception {
        Path traces = Path.of("traces");
        Map<String, String> files = TracesCommand.files();
        // 12 networks x 7 variants in CSV, plus YAML at int8.
        assertThat(files).hasSize(Zoo.names().size() * 8);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = traces.resolve(e.getKey());
            assertThat(f).as("missing: run 'pactsim traces generate'").exists();
            assertThat(Files.readString(f)).as(e.getKey() + " is stale: run 'pactsim traces generate'")
                    .isEqualTo(e.getValue());
        }
        Set<String> generatedLooking = new TreeSet<>();
        try (Stream<Path> s = Files.list(traces)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> Zoo.names().stream().anyMatch(z -> n.startsWith(z + "-")))
                    .forEach(generatedLooking::add);
        }
        assertThat(generatedLooking).as("files in traces/ that the generator no longer writes")
                .isEqualTo(new TreeSet<>(files.keySet()));
    }

    @Test
    void simulateAZooTraceReportsTheVectorShare() throws Exception {
        Cli c = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", "traces/resnet20-int8.csv");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("vector unit (256 lanes/core)").contains("% of the time").contains("layer3.2.relu");
        Cli j = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", "traces/bert-base-int8.csv",
                "--format", "json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode t = new ObjectMapper().readTree(j.out());
        assertThat(t.get("accelerator").get("vector").get("lanes").asInt()).isEqualTo(256);
        double share = t.get("totals").get("vectorShare").asDouble();
        assertThat(share).isGreaterThan(0).isLessThan(1);
        long vectorCycles = 0;
        for (JsonNode l : t.get("layers")) {
            if (l.get("unit").asText().equals("vector")) {
                vectorCycles += l.get("cycles").asLong();
                assertThat(l.get("macs").asLong()).isZero();
            }
        }
        assertThat(t.get("totals").get("vectorCycles").asLong()).isEqualTo(vectorCycles);
    }
}
