package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --engine reference}: the fast engine's numbers, a cycle trace, a clear refusal. */
class ReferenceEngineCliTest {
    /** Per-layer array figures both engines must agree on in both models. */
    static final List<String> FIELDS = List.of("name", "folds", "macs", "mappingEfficiency", "computeUtilization",
            "sramIfmapReads", "sramFilterReads", "sramOfmapReads", "sramOfmapWrites");
    /**
     * And in SCALE-Sim's model, which has no memory model, cycles too (in the native model the
     * fast path's cycles include the memory model's stalls; the reference path has none).
     */
    static final List<String> SCALESIM_FIELDS = List.of("cycles", "stallCycles", "utilization");

    @TempDir
    Path dir;
    Path topo;

    @BeforeEach
    void files() throws IOException {
        // SCALE-Sim's test_valid_4.csv (the 4x4 OS GEMM of its issue #125) and a 6x6x4 -> 8 3x3 conv.
        topo = dir.resolve("small.csv");
        Files.writeString(topo, "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels,"
                + " Num Filter, Strides,\nConv5, 1, 4, 1, 1, 4, 4, 1,\nc2, 6, 6, 3, 3, 4, 8, 1,\n");
    }

    private Cli sim(String model, String dataflow, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--arch", "arch-configs/scale-32x32.yaml",
                "--set", "array.rows=4", "--set", "array.cols=4", "--dataflow", dataflow, "--trace", topo.toString(),
                "--model", model, "--format", "json"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(new String[0]));
    }

    private static JsonNode layers(Cli c) throws IOException {
        assertThat(c.code()).as(c.err()).isZero();
        return new ObjectMapper().readTree(c.out()).get("layers");
    }

    /** The array's own options through the CLI: pipelined folds and the wavefront drain, every dataflow. */
    @Test
    void referenceEngineStepsPipelinedFoldsAndTheWavefrontDrain() throws IOException {
        for (String set : List.of("array.foldOverlap=pipelined", "array.osDrain=wavefront")) {
            for (String d : List.of("os", "ws", "is")) {
                JsonNode fast = layers(sim("pactsim", d, "--engine", "fast", "--set", set));
                JsonNode ref = layers(sim("pactsim", d, "--engine", "reference", "--set", set));
                for (int i = 0; i < fast.size(); i++) {
                    for (String f : FIELDS) {
                        assertThat(ref.get(i).get(f)).as(set + " " + d + " layer " + i + " " + f)
                                .isEqualTo(fast.get(i).get(f));
                    }
                }
            }
        }
    }

    @Test
    void referenceEngineGivesTheFastEnginesFigures() throws IOException {
        for (String model : List.of("scalesim", "pactsim")) {
            for (String d : List.of("os", "ws", "is")) {
                JsonNode fast = layers(sim(model, d, "--engine", "fast"));
                JsonNode ref = layers(sim(model, d, "--engine", "reference"));
                assertThat(ref.size()).isEqualTo(2);
                for (int i = 0; i < fast.size(); i++) {
                    List<String> fields = new java.util.ArrayList<>(FIELDS);
                    if (model.equals("scalesim")) {
                        fields.addAll(SCALESIM_FIELDS);
                    }
                    for (String f : fields) {
                        assertThat(fast.get(i).get(f)).as(f).isNotNull();
                        assertThat(ref.get(i).get(f)).as(model + " " + d + " layer " + i + " " + f)
                                .isEqualTo(fast.get(i).get(f));
                    }
                }
            }
        }
        // The issue #125 layer on SCALE-Sim's model: 9 reported (the index of the 10th cycle).
        assertThat(layers(sim("scalesim", "os", "--engine", "reference")).get(0).get("cycles").asLong()).isEqualTo(9);
    }

    @Test
    void writesABoundedCycleTrace() throws IOException {
        Path csv = dir.resolve("cycles.csv");
        Cli c = sim("pactsim", "os", "--engine", "reference", "--trace-cycles", csv.toString());
        assertThat(c.code()).as(c.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("layer,cycle,core,fold,unit,row,col,event,value");
        assertThat(lines).anyMatch(l -> l.startsWith("Conv5,9,0,0,PE,3,3,MAC,"));
        assertThat(lines).anyMatch(l -> l.startsWith("Conv5,13,0,0,BOTTOM,0,3,WRITE_OFMAP,"));
        assertThat(lines).anyMatch(l -> l.startsWith("c2,"));

        // an existing trace is kept without --force, replaced with it; no temporary file is left
        Files.writeString(csv, "mine\n");
        Cli again = sim("pactsim", "os", "--engine", "reference", "--trace-cycles", csv.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("pactsim: --trace-cycles " + csv
                + ": expected a new file (or --force to replace it), found an existing file");
        assertThat(Files.readString(csv)).isEqualTo("mine\n");
        Cli forced = sim("pactsim", "os", "--engine", "reference", "--trace-cycles", csv.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readAllLines(csv)).isEqualTo(lines);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("small.csv", "cycles.csv");
        }
    }

    /** A run that fails part-way leaves no trace file, not half of one. */
    @Test
    void aFailedRunLeavesNoCycleTrace() throws IOException {
        Path csv = dir.resolve("cycles.csv");
        // the first layer runs (and is traced), the second is too large for the reference engine
        Files.writeString(topo, Files.readString(topo) + "huge, 230, 230, 7, 7, 64, 256, 1,\n");
        Cli c = sim("pactsim", "os", "--engine", "reference", "--trace-cycles", csv.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("layer huge: expected at most");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("small.csv");
        }
    }

    @Test
    void refusesLargeLayersAndBadOptions() throws IOException {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels,"
                + " Num Filter, Strides,\nhuge, 230, 230, 7, 7, 64, 256, 1,\n");
        Cli c = Cli.run("simulate", "--arch", "arch-configs/scale-32x32.yaml", "--trace", big.toString(),
                "--engine", "reference");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err().strip()).startsWith("pactsim: " + big + ": layer huge: expected at most ")
                .contains("for --engine reference (use --engine fast), found about ");
        assertThat(c.err().lines().count()).isEqualTo(1);

        Cli bad = sim("pactsim", "os", "--engine", "slow");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--engine: expected fast or reference, found \"slow\"");
        Cli noTrace = sim("pactsim", "os", "--trace-cycles", dir.resolve("x.csv").toString());
        assertThat(noTrace.code()).isEqualTo(2);
        assertThat(noTrace.err()).contains("--trace-cycles: expected --engine reference");
    }
}
