package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;
    Path topo;
    Path trace;

    @BeforeEach
    void files() throws IOException {
        // SCALE-Sim's conv_nets/test.csv: one 7x7x192 -> 384 3x3 layer (M=25, K=1728, N=384).
        topo = dir.resolve("test.csv");
        Files.writeString(topo, "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
                + "Inc5b_3x3, 7, 7, 3, 3, 192, 384, 1,\n");
        trace = dir.resolve("t.csv");
        Files.writeString(trace, "name,type,inH,inW,inC,outC,kH,kW,strideH,padH\n"
                + "c1,conv,9,9,192,384,3,3,1,0\n");
    }

    private static JsonNode json(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void scalesimModelGivesScaleSimsNumbers() throws IOException {
        // The worked check of scalesim-compat.md: 32x32, os: 12 folds x 1790 - 1 = 21479.
        Cli c = Cli.run("simulate", "--arch", "arch-configs/scale-32x32.yaml", "--trace", topo.toString(),
                "--model", "scalesim", "--format", "json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode t = json(c.out()).get("totals");
        assertThat(t.get("cycles").asLong()).isEqualTo(21479);
        assertThat(t.get("macs").asLong()).isEqualTo(25L * 1728 * 384);
        assertThat(t.get("stallCycles").asLong()).isZero();
        assertThat(t.get("sramReads").asLong()).isEqualTo(518400 + 663552);
        assertThat(t.get("sramWrites").asLong()).isEqualTo(10368);
        assertThat(t.get("utilization").asDouble()).isCloseTo(0.7542250570324504, org.assertj.core.data.Offset.offset(1e-12));
        // SCALE-Sim's CALC mode has no memory model: no DRAM figures, no stalls.
        assertThat(t.get("dramReadBytes").isNull()).isTrue();

        Cli ws = Cli.run("simulate", "--arch", "arch-configs/scale-32x32.yaml", "--trace", topo.toString(),
                "--model", "scalesim", "--dataflow", "ws", "--format", "json");
        assertThat(json(ws.out()).get("totals").get("cycles").asLong()).isEqualTo(648L * 119 - 1);
        Cli is = Cli.run("simulate", "--arch", "arch-configs/scale-32x32.yaml", "--trace", topo.toString(),
                "--model", "scalesim", "--set", "dataflow=is", "--format", "json");
        assertThat(json(is.out()).get("totals").get("cycles").asLong()).isEqualTo(54L * 478 - 1);
    }

    @Test
    void nativeModelOnAPactsimTraceWithPadding() throws IOException {
        // 9x9 input, 3x3, no padding -> 7x7 output, same GEMM as the topology above.
        Cli c = Cli.run("simulate", "--arch", "arch-configs/scale-32x32.yaml", "--trace", trace.toString(),
                "--format", "json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode root = json(c.out());
        assertThat(root.get("schema").asText()).isEqualTo("pactsim/result/1");
        assertThat(root.get("model").asText()).isEqualTo("pactsim");
        JsonNode layer = root.get("layers").get(0);
        assertThat(layer.get("m").asLong()).isEqualTo(49);
        assertThat(layer.get("k").asLong()).isEqualTo(1728);
        // os, 32x32: F = ceil(49/32) * ceil(384/32) = 24 folds, P = 1728 + 62 = 1790 >= 2R-1:
        // (F - 1) * 1790 + 1790 + 32 (the last fold's drain).
        assertThat(layer.get("cycles").asLong()).isEqualTo(24L * 1790 + 32);
        assertThat(root.get("accelerator").get("array").get("rows").asInt()).isEqualTo(32);
        // Unlimited bandwidth: no stalls; the first inference reads the 9x9x192 input and the
        // 1728x384 weights once and writes the 7x7x384 output once.
        JsonNode t = root.get("totals");
        assertThat(t.get("stallCycles").asLong()).isZero();
        assertThat(t.get("dramReadBytes").asLong()).isGreaterThanOrEqualTo(9L * 9 * 192 + 1728L * 384);
        assertThat(t.get("dramWriteBytes").asLong()).isEqualTo(49L * 384);
        assertThat(layer.get("residency").toString()).contains("output: to DRAM (the network's output)");
    }

    @Test
    void tableAndCsvFormatsAndOutFolder() throws IOException {
        Path out = dir.resolve("out");
        Cli c = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", topo.toString(), "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("Inc5b_3x3").contains("TOTAL").contains("inferences/s")
                .contains("note: SCALE-Sim topology: 8-bit");
        assertThat(out.resolve("result.json")).exists();
        assertThat(out.resolve("result.csv")).exists();
        assertThat(out.resolve("table.txt")).hasContent(c.out().strip());
        assertThat(json(Files.readString(out.resolve("accelerator.resolved.json"))).get("name").asText()).isEqualTo("tpu-v1");
        // The cost model prices the run: TPU v1 peaks at 65,536 MACs x 2 x 700 MHz = 91.7504 TOPS.
        JsonNode totals = json(Files.readString(out.resolve("result.json"))).get("totals");
        assertThat(totals.get("peakTops").asDouble()).isCloseTo(91.7504, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(totals.get("energyPj").asDouble()).isPositive();
        assertThat(totals.get("energyPj").asDouble()).isCloseTo(totals.get("energyMacPj").asDouble()
                + totals.get("energySramPj").asDouble() + totals.get("energyDramPj").asDouble()
                + totals.get("energyLeakagePj").asDouble() + totals.get("energyVectorPj").asDouble()
                + totals.get("energyNocPj").asDouble(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(totals.get("energyVectorPj").asDouble()).isPositive(); // every output passes the vector unit
        assertThat(totals.get("areaMm2").asDouble()).isPositive();
        assertThat(totals.get("powerW").asDouble()).isPositive();
        assertThat(c.out()).contains("peak TOPS");
        Cli csv = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", topo.toString(), "--format", "csv");
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("name,type,unit,m,n,k,repeat,folds,cycles,computeCycles,stallCycles");
        assertThat(csv.out()).contains("\nTOTAL,");
    }

    /** A layer pipeline says so: its stages in the table and result.json, each layer's stage (issue 18). */
    @Test
    void aLayerPipelineIsReported() throws IOException {
        Path out = dir.resolve("pipe");
        Cli c = Cli.run("simulate", "--arch", "arch-configs/pact-14nm.yaml", "--trace", "traces/resnet18-int8.csv",
                "--set", "cores=8", "--set", "dram.bandwidthGBps=unlimited", "--set", "schedule.cores=pipeline",
                "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).containsPattern("cores: layer pipeline of \\d+ stages on \\d of 8 cores, one inference every");
        JsonNode r = json(Files.readString(out.resolve("result.json")));
        JsonNode p = r.get("pipeline");
        long period = p.get("periodCycles").asLong();
        assertThat(period).isEqualTo(r.get("totals").get("steadyStateCycles").asLong());
        long stageMax = 0;
        int cores = 0;
        for (JsonNode st : p.get("stages")) {
            stageMax = Math.max(stageMax, st.get("cycles").asLong());
            cores += st.get("cores").asInt();
        }
        assertThat(period).isGreaterThanOrEqualTo(stageMax);
        assertThat(cores).isEqualTo(p.get("activeCores").asInt()).isLessThanOrEqualTo(8);
        assertThat(r.get("layers").get(0).get("stage").asInt()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("report.html"))).contains("cores: layer pipeline of");
        assertThat(json(Files.readString(out.resolve("accelerator.resolved.json"))).get("schedule").get("cores")
                .asText()).isEqualTo("pipeline");
        Cli lock = Cli.run("simulate", "--arch", "arch-configs/pact-14nm.yaml", "--trace", "traces/resnet18-int8.csv",
                "--set", "cores=8");
        assertThat(lock.out()).contains("cores: lockstep (every layer split over the 8 cores)");
        Cli bad = Cli.run("simulate", "--arch", "arch-configs/pact-14nm.yaml", "--trace", "traces/resnet18-int8.csv",
                "--set", "schedule.cores=layers");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("schedule.cores").contains("lockstep, pipeline, best");
    }

    @Test
    void badInputsExitWithTwoAndOneLine() {
        Cli missing = Cli.run("simulate", "--arch", "nope.yaml", "--trace", topo.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("pactsim: nope.yaml: expected an existing file, found no such file");
        Cli model = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", topo.toString(), "--model", "timeloop");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("--model: expected pactsim or scalesim, found \"timeloop\"").doesNotContain("at org.");
        Cli df = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", topo.toString(), "--dataflow", "rs");
        assertThat(df.code()).isEqualTo(2);
        Cli set = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", topo.toString(), "--set", "sram.l2KiB=4");
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).contains("--set sram.l2KiB=4: sram.l2KiB: expected one of the known keys unifiedKiB, ifmapKiB");
        Cli opt = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml");
        assertThat(opt.code()).isEqualTo(2);
        assertThat(opt.err()).contains("expected one of --trace FILE or --network NAME, found neither");
        Cli debug = Cli.run("simulate", "--debug", "--arch", "nope.yaml", "--trace", topo.toString());
        assertThat(debug.code()).isEqualTo(2);
        assertThat(debug.err()).contains("at org.pactsim");
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(Cli.run("--help").code()).isZero();
        assertThat(Cli.run("simulate", "--help").out()).contains("--arch").contains("--set");
        assertThat(Cli.run("--version").out()).startsWith("pactsim ");
        Cli none = Cli.run();
        assertThat(none.code()).isEqualTo(2);
        Cli unknown = Cli.run("simulat");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("simulate");
    }

    /**
     * A network mixing integer and float layers (here a 16-bit float matmul and softmax beside
     * int8 convolutions, like an ONNX transformer's float attention) runs on no one-kind PE; with
     * {@code --precision int8} every layer is re-typed and it runs, with a note saying so.
     */
    @Test
    void precisionRetypesAMixedNetwork() {
        String mixed = "src/test/resources/bad-inputs/good/trace-mixed.csv";
        Cli asIs = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", mixed);
        assertThat(asIs.code()).isEqualTo(2);
        assertThat(asIs.err()).contains("layer mm").contains("expected a layer of the PE's kind");
        Cli int8 = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", mixed, "--precision", "int8");
        assertThat(int8.code()).as(int8.err()).isZero();
        assertThat(int8.out()).contains("mm ").contains("note: --precision int8: every layer re-typed");
        Cli bad = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", mixed, "--precision", "int3");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("pactsim: --precision: expected one of fp16, int16, int8, int4,"
                + " int4-pact, int2, int2-pact, found \"int3\"");
    }

    /** The table says where the time goes and what a precision mismatch costs (issue 21). */
    @Test
    void theTableSaysWhereTheTimeGoesAndNotesAPrecisionMismatch() {
        Cli c = Cli.run("simulate", "--arch", "eyeriss", "--trace", "alexnet-int16");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).containsPattern("where the time goes \\(first inference\\): fc [0-9.]+% \\(3 layers\\),"
                + " conv [0-9.]+% \\(5 layers\\)").containsPattern("slowest layers: fc6 [0-9.]+% \\(DRAM: [0-9.]+%"
                + " stalled\\)").doesNotContain("note: precision");
        Cli wide = Cli.run("simulate", "--arch", "tpu-v1", "--trace", "resnet20-int16");
        assertThat(wide.out()).contains("note: precision: the PE is int8 (fixed); 22 of 22 GEMM layers are wider and run"
                + " in up to 4 passes");
        Cli narrow = Cli.run("simulate", "--arch", "tpu-v1", "--trace", "resnet20-int4-pact");
        assertThat(narrow.out()).contains("20 of 22 GEMM layers are narrower and leave PE operand bits idle");
    }

    /** scalesim -t given a pactsim trace says so, and how to run it (issue 21). */
    @Test
    void scalesimSaysWhenItIsGivenAPactsimTrace() {
        Cli c = Cli.run("scalesim", "-c", "src/test/resources/bench/google.cfg", "-t", "traces/resnet20-int8.csv", "-p",
                topo.getParent().resolve("ss").toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err().strip()).isEqualTo("pactsim: traces/resnet20-int8.csv: expected a SCALE-Sim topology CSV"
                + " (Layer name, IFMAP Height, ...), found a pactsim trace (its header has name and type): run it with"
                + " pactsim simulate --trace traces/resnet20-int8.csv --model scalesim");
    }
}
