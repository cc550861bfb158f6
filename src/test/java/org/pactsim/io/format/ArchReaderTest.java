package org.pactsim.io.format;

import org.pactsim.io.InputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;

class ArchReaderTest {
    @TempDir
    Path dir;

    private static final String GOOD = String.join("\n",
            "schema: pactsim/arch/1",
            "name: t",
            "array:",
            "  rows: 16",
            "  cols: 8",
            "dataflow: os",
            "clockMhz: 500",
            "sram:",
            "  ifmapKiB: 64",
            "  filterKiB: 32",
            "  ofmapKiB: 16",
            "dram:",
            "  bandwidthGBps: unlimited",
            "");

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String message(Path p, List<String> sets) {
        try {
            ArchReader.read(p, sets);
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an InputException for " + p);
    }

    @Test
    void readsAMinimalConfigWithDefaults() throws IOException {
        AcceleratorSpec a = ArchReader.read(write("a.yaml", GOOD), List.of()).spec();
        assertThat(a.array().rows()).isEqualTo(16);
        assertThat(a.array().cols()).isEqualTo(8);
        assertThat(a.dataflow()).isEqualTo(Dataflow.OS);
        assertThat(a.cores()).isEqualTo(1);
        assertThat(a.pe().weightBits()).isEqualTo(8);
        assertThat(a.sram().filterKiB()).isEqualTo(32);
        assertThat(a.dram().isUnlimited()).isTrue();
    }

    @Test
    void shippedConfigsAllRead() throws IOException {
        try (var files = Files.list(Path.of("arch-configs"))) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(yamls).hasSizeGreaterThanOrEqualTo(3);
            for (Path p : yamls) {
                assertThat(ArchReader.read(p, List.of()).spec().name()).isNotBlank();
            }
        }
        AcceleratorSpec tpu = ArchReader.read(Path.of("arch-configs/tpu-v1.yaml"), List.of()).spec();
        assertThat(tpu.array().pes()).isEqualTo(65_536);
        assertThat(tpu.clockMhz()).isEqualTo(700);
        assertThat(tpu.sram().unifiedKiB()).isEqualTo(24 * 1024);
        assertThat(tpu.dram().bandwidthGBps()).isEqualTo(34);
    }

    @Test
    void unknownKeyIsNamedWithItsLineAndASuggestion() throws IOException {
        Path p = write("a.yaml", GOOD.replace("  cols: 8", "  colz: 8"));
        assertThat(message(p, List.of())).isEqualTo(p + ":4: array.cols: expected a value (the key is required), found no such key (is array.colz at " + p + ":5 a misspelling?)");
        Path q = write("b.yaml", GOOD + "cloclMhz: 3\n");
        assertThat(message(q, List.of()))
                .isEqualTo(q + ":14: cloclMhz: expected a known key (did you mean clockMhz?), found an unknown key");
    }

    @Test
    void duplicateKeysWrongTypesAndRangesAreRefused() throws IOException {
        Path p = write("a.yaml", GOOD + "name: again\n");
        assertThat(message(p, List.of())).startsWith(p + ":14: name: expected each key once, found a duplicate (first at line 2)");
        Path q = write("b.yaml", GOOD.replace("rows: 16", "rows: sixteen"));
        assertThat(message(q, List.of())).isEqualTo(q + ":4: array.rows: expected an integer from 1 to 1048576, found the text \"sixteen\"");
        Path r = write("c.yaml", GOOD.replace("rows: 16", "rows: -3"));
        assertThat(message(r, List.of())).isEqualTo(r + ":4: array.rows: expected an integer from 1 to 1048576, found -3");
        Path s = write("d.yaml", GOOD.replace("dataflow: os", "dataflow: rs"));
        assertThat(message(s, List.of())).isEqualTo(s + ":6: dataflow: expected one of os, ws, is, found the text \"rs\"");
        Path t = write("e.yaml", GOOD.replace("clockMhz: 500", "clockMhz: .nan"));
        assertThat(message(t, List.of())).contains(":7: clockMhz: expected a number > 0, found .nan");
    }

    @Test
    void crossFieldRulesNameTheKey() throws IOException {
        Path p = write("a.yaml", GOOD.replace("  ofmapKiB: 16", "  ofmapKiB: 16\n  unifiedKiB: 100"));
        assertThat(message(p, List.of())).contains("sram.unifiedKiB: expected either unifiedKiB or ifmapKiB/filterKiB/ofmapKiB, not both");
        Path q = write("b.yaml", GOOD + "pe:\n  weightBits: 16\n  activationBits: 8\n  accumulatorBits: 8\n");
        assertThat(message(q, List.of())).contains(":17: pe.accumulatorBits: expected >= the widest operand (16), found 8");
    }

    /** How resident weights are held over the cores (issue 18): spread (default), replicate or best. */
    @Test
    void weightCopiesAreSpreadReplicatedOrTheBest() throws IOException {
        assertThat(ArchReader.read(write("w.yaml", GOOD), List.of()).spec().schedule().weightCopies())
                .isEqualTo(org.pactsim.spec.ScheduleSpec.WeightCopies.SPREAD);
        assertThat(ArchReader.read(write("w.yaml", GOOD + "schedule:\n  weightCopies: best\n"), List.of()).spec()
                .schedule().weightCopies()).isEqualTo(org.pactsim.spec.ScheduleSpec.WeightCopies.BEST);
        assertThat(ArchReader.read(write("w.yaml", GOOD), List.of("schedule.weightCopies=replicate")).spec().schedule()
                .weightCopies()).isEqualTo(org.pactsim.spec.ScheduleSpec.WeightCopies.REPLICATE);
        Path bad = write("x.yaml", GOOD + "schedule:\n  weightCopies: twice\n");
        assertThat(message(bad, List.of())).contains(":15: schedule.weightCopies: expected one of spread, replicate,"
                + " best, found the text \"twice\"");
    }

    /** How the cores run consecutive layers (issue 18): lockstep (default), a layer pipeline or the faster. */
    @Test
    void coresRunInLockstepAPipelineOrTheFaster() throws IOException {
        assertThat(ArchReader.read(write("c.yaml", GOOD), List.of()).spec().schedule().cores())
                .isEqualTo(org.pactsim.spec.ScheduleSpec.CoreMode.LOCKSTEP);
        assertThat(ArchReader.read(write("c.yaml", GOOD + "schedule:\n  cores: pipeline\n"), List.of()).spec()
                .schedule().cores()).isEqualTo(org.pactsim.spec.ScheduleSpec.CoreMode.PIPELINE);
        assertThat(ArchReader.read(write("c.yaml", GOOD), List.of("schedule.cores=best")).spec().schedule()
                .cores()).isEqualTo(org.pactsim.spec.ScheduleSpec.CoreMode.BEST);
        Path bad = write("y.yaml", GOOD + "schedule:\n  cores: groups\n");
        assertThat(message(bad, List.of())).contains(":15: schedule.cores: expected one of lockstep, pipeline,"
                + " best, found the text \"groups\"");
    }

    /** The on-chip network's keys (issue 18): a topology by name, one link width in bits or bytes. */
    @Test
    void theNetworkTakesATopologyAndOneLinkWidth() throws IOException {
        AcceleratorSpec a = ArchReader.read(write("n.yaml", GOOD + "noc:\n  topology: mesh\n  bandwidthBytesPerCycle: 32\n"),
                List.of()).spec();
        assertThat(a.noc().topology()).isEqualTo(org.pactsim.spec.NocSpec.Topology.MESH);
        assertThat(a.noc().linkBits()).isEqualTo(256);
        assertThat(ArchReader.read(write("d.yaml", GOOD), List.of("noc.linkBits=64")).spec().noc())
                .isEqualTo(new org.pactsim.spec.NocSpec(org.pactsim.spec.NocSpec.Topology.RING, 64));
        Path torus = write("t.yaml", GOOD + "noc:\n  topology: torus\n");
        assertThat(message(torus, List.of())).contains(":15: noc.topology: expected one of ring, mesh, found the text \"torus\"");
        Path both = write("b.yaml", GOOD + "noc:\n  linkBits: 64\n  bandwidthBytesPerCycle: 8\n");
        assertThat(message(both, List.of())).contains(":16: noc.bandwidthBytesPerCycle: expected either noc.linkBits or"
                + " noc.bandwidthBytesPerCycle (the same link width), found both");
    }

    @Test
    void schemaIsRequiredAndChecked() throws IOException {
        Path p = write("a.yaml", GOOD.replace("pactsim/arch/1", "pactsim/arch/9"));
        assertThat(message(p, List.of())).isEqualTo(p + ":1: schema: expected pactsim/arch/1, found \"pactsim/arch/9\"");
    }

    @Test
    void setOverridesKnownKeysAndRefusesUnknownOnes() throws IOException {
        Path p = write("a.yaml", GOOD);
        AcceleratorSpec a = ArchReader.read(p, List.of("array.rows=64", "cores=4", "dram.bandwidthGBps=12.5")).spec();
        assertThat(a.array().rows()).isEqualTo(64);
        assertThat(a.cores()).isEqualTo(4);
        assertThat(a.dram().bandwidthGBps()).isEqualTo(12.5);
        assertThat(message(p, List.of("array.rowz=3")))
                .isEqualTo("--set array.rowz=3: array.rowz: expected a known key (did you mean array.rows?), found an unknown key");
        assertThat(message(p, List.of("rows")))
                .isEqualTo("--set rows: expected key.path=value, found \"rows\"");
        assertThat(message(p, List.of("name.first=x"))).contains("expected a mapping to set name.first inside");
    }

    @Test
    void aliasesAnchorsAndDeepNestingAreRefused() throws IOException {
        Path p = write("a.yaml", GOOD + "x: &a [1, 2]\ny: *a\n");
        assertThat(message(p, List.of())).contains("no anchors or aliases");
        Path q = write("b.yaml", "a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertThat(message(q, List.of())).contains(q.toString());
    }

    @Test
    void emptyBinaryDirectoryAndMissingFilesAreRefused() throws IOException {
        assertThat(message(write("a.yaml", ""), List.of())).endsWith("expected a YAML mapping, found an empty file");
        Path bin = dir.resolve("b.yaml");
        Files.write(bin, new byte[] {1, 2, 0, 5});
        assertThat(message(bin, List.of())).endsWith("expected a UTF-8 text file, found binary data (a NUL byte at offset 2)");
        Path d = Files.createDirectory(dir.resolve("d.yaml"));
        assertThat(message(d, List.of())).isEqualTo(d + ": expected a file, found a directory");
        assertThat(message(dir.resolve("missing.yaml"), List.of())).endsWith("expected an existing file, found no such file");
        assertThat(message(write("x.toml", "a=1"), List.of())).contains("expected an accelerator file ending in .yaml, .yml, .json or .cfg, found .toml");
    }

    @Test
    void crlfAndBomFilesRead() throws IOException {
        Path p = dir.resolve("w.yaml");
        Files.writeString(p, "\uFEFF" + GOOD.replace("\n", "\r\n"));
        assertThat(ArchReader.read(p, List.of()).spec().array().rows()).isEqualTo(16);
    }

    @Test
    void floatPesNameTheirFormat() throws IOException {
        String pe = "pe:\n  weightBits: 16\n  activationBits: 16\n  type: float\n  format: bf16\n";
        AcceleratorSpec a = ArchReader.read(write("f.yaml", GOOD + pe), List.of()).spec();
        assertThat(org.pactsim.spec.Precision.of(a.pe())).isEqualTo(org.pactsim.spec.Precision.BF16);
        AcceleratorSpec e4 = ArchReader.read(write("g.yaml", GOOD + pe), List.of("pe.format=fp8-e4m3",
                "pe.weightBits=8", "pe.activationBits=8")).spec();
        assertThat(org.pactsim.spec.Precision.of(e4.pe())).isEqualTo(org.pactsim.spec.Precision.FP8_E4M3);
        Path bad = write("h.yaml", GOOD + pe.replace("bf16", "fp8-e5m2"));
        assertThat(message(bad, List.of())).contains("pe.format: expected a format of the PE's widths (16/16 bits)");
        Path intPe = write("i.yaml", GOOD + pe.replace("type: float", "type: int"));
        assertThat(message(intPe, List.of())).contains("pe.format: expected type: float with a float format");
    }

    @Test
    void jsonConfigsRead() throws IOException {
        Path p = write("a.json", "{\"schema\":\"pactsim/arch/1\",\"name\":\"j\",\"array\":{\"rows\":4,\"cols\":4},"
                + "\"dataflow\":\"ws\",\"clockMhz\":100,\"sram\":{\"unifiedKiB\":8},\"dram\":{\"bandwidthGBps\":1}}");
        assertThat(ArchReader.read(p, List.of()).spec().sram().unifiedKiB()).isEqualTo(8);
    }
}
