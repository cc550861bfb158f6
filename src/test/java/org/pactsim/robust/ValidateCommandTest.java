package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;
import org.pactsim.io.InputProblems;

/** {@code pactsim validate}: every problem of every file, the kind told from the file itself. */
class ValidateCommandTest {
    private static final Path GOOD = Path.of("src/test/resources/bad-inputs/good");
    private static final String TRACE_HEAD = "name,type,inputs,batch,inH,inW,inC,outC,kH,kW,strideH,strideW,padH,padW,"
            + "groups,bias,m,n,k,learned,weightBits,activationBits,outputBits,numberType\n";

    @TempDir
    Path tmp;

    @Test
    void validFilesOfEveryKindPass() {
        Cli c = Cli.run("validate", GOOD.resolve("arch.yaml").toString(), GOOD.resolve("arch.json").toString(),
                GOOD.resolve("scalesim.cfg").toString(), GOOD.resolve("trace.csv").toString(),
                GOOD.resolve("trace.yaml").toString(), GOOD.resolve("topology.csv").toString(),
                GOOD.resolve("gemm.csv").toString(), GOOD.resolve("cost-dram.csv").toString(),
                "src/main/resources/org/pactsim/cost/default-tables.csv");
        assertThat(c.code()).as(c.out() + c.err()).isZero();
        assertThat(c.out()).isEqualTo(String.join("\n",
                "ok: " + GOOD.resolve("arch.yaml") + " (accelerator)",
                "ok: " + GOOD.resolve("arch.json") + " (accelerator)",
                "ok: " + GOOD.resolve("scalesim.cfg") + " (SCALE-Sim config)",
                "ok: " + GOOD.resolve("trace.csv") + " (pactsim trace)",
                "ok: " + GOOD.resolve("trace.yaml") + " (pactsim trace)",
                "ok: " + GOOD.resolve("topology.csv") + " (SCALE-Sim topology, conv form)",
                "ok: " + GOOD.resolve("gemm.csv") + " (SCALE-Sim topology, gemm form)",
                "ok: " + GOOD.resolve("cost-dram.csv") + " (cost tables)",
                "ok: src/main/resources/org/pactsim/cost/default-tables.csv (cost tables)", ""));
    }

    /** An accelerator with four independent mistakes: all four are listed, in line order. */
    @Test
    void listsEveryProblemOfAnAccelerator() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.yaml"), String.join("\n",
                "schema: pactsim/arch/1",
                "name: four-mistakes",
                "array:",
                "  rows: 0",          // 4: out of range
                "  cols: 8",
                "dataflow: rs",       // 6: not a dataflow
                "clockMhz: fast",     // 7: not a number
                "sram:",
                "  ifmapKiB: 16",
                "  filterKiB: 16",
                "  ofmapKiB: 8",
                "dram:",
                "  bandwidthGBps: 8",
                "cors: 2",            // 14: misspelt
                ""));
        Cli c = Cli.run("validate", f.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.out()).isEqualTo(String.join("\n",
                f + " (accelerator): 4 problems",
                "  " + f + ":4: array.rows: expected an integer from 1 to 1048576, found 0",
                "  " + f + ":6: dataflow: expected one of os, ws, is, found the text \"rs\"",
                "  " + f + ":7: clockMhz: expected a number > 0, found the text \"fast\"",
                "  " + f + ":14: cors: expected a known key (did you mean cores?), found an unknown key", ""));
        assertThat(c.err().strip()).isEqualTo("pactsim: 1 of 1 file has problems");
    }

    /** A trace with a bad row between good ones: each bad row is listed, the good ones are not. */
    @Test
    void listsEveryBadRowOfATrace() throws IOException {
        Path f = Files.writeString(tmp.resolve("t.csv"), TRACE_HEAD
                + "c1,conv,,1,8,8,3,4,3,3,1,1,1,1,1,true,,,,,8,8,8,int\n"          // 2: fine
                + "c2,conv,,1,8,8,3,4,3,3,1,1,1,1,1,maybe,,,,,65,8,8,int\n"        // 3: two problems
                + "r1,relu,c9,1,8,8,4,,,,,,,,,,,,,,,8,8,int\n"                     // 4: unknown input
                + "c1,matmul,,1,,,,,,,,,,,,,8,8,8,,8,8,8,int\n");                  // 5: name used twice
        Cli c = Cli.run("validate", f.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.out()).isEqualTo(String.join("\n",
                f + " (pactsim trace): 4 problems",
                "  " + f + ":3: layer 2.weightBits: expected an integer from 1 to 32, found 65",
                "  " + f + ":3: layer 2.bias: expected true or false, found the text \"maybe\"",
                "  " + f + ":4: layer 3.inputs: expected names of earlier layers, found \"c9\"",
                "  " + f + ":5: layer 4.name: expected a unique layer name, found \"c1\"", ""));
    }

    /** SCALE-Sim topology rows are independent: each bad one is listed with its own line. */
    @Test
    void listsEveryBadRowOfATopology() throws IOException {
        Path f = Files.writeString(tmp.resolve("topo.csv"),
                "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
                        + "Conv1,16,16,3,3,3,8,1,\n"
                        + "Conv2,5,5,7,7,3,8,1,\n"          // 3: filter larger than the input
                        + "\n"
                        + "Conv3,16,x,3,3,3,8,1,\n");      // 5: not a number
        Cli c = Cli.run("validate", f.toString());
        assertThat(c.out()).isEqualTo(String.join("\n",
                f + " (SCALE-Sim topology, conv form): 2 problems",
                "  " + f + ":3: layer Conv2 Filter Height: expected <= padded input height 5, found 7",
                "  " + f + ":5: IFMAP Width: expected a whole number >= 1, found \"x\"", ""));
    }

    /** Cost tables: every bad row and header; a bad table's rows are not read against its header. */
    @Test
    void listsEveryProblemOfCostTables() throws IOException {
        Path f = Files.writeString(tmp.resolve("c.csv"), String.join("\n",
                "# schema: pactsim/cost/1",
                "# table: dram",
                "type,energyPjPerBit,basis,derivation,source",
                "hbm2,-1,published,,x",                  // 4: negative energy
                "ddr4,3,guessed,,y",                     // 5: unknown basis
                "# table: tech",
                "nodeNm,areaFactr,energyFactor,basis,derivation,source",   // 7: misspelt, so one missing
                "45,1,1,published,,z",
                ""));
        Cli c = Cli.run("validate", f.toString());
        assertThat(c.out()).isEqualTo(String.join("\n",
                f + " (cost tables): 4 problems",
                "  " + f + ":4: column energyPjPerBit: expected a number > 0, found -1",
                "  " + f + ":5: column basis: expected published, measured, fitted, derived, interpolated or assumed,"
                        + " found \"guessed\"",
                "  " + f + ":7: column \"areaFactr\": expected a tech column (did you mean areaFactor?), found an"
                        + " unknown column",
                "  " + f + ":7: column areaFactor: expected every tech column (nodeNm, areaFactor, energyFactor, basis,"
                        + " derivation, source), found it missing", ""));
    }

    /** A YAML file that is neither an accelerator, a trace nor a sweep spec says so. */
    @Test
    void anUnknownSchemaIsNamed() throws IOException {
        Path f = Files.writeString(tmp.resolve("x.yaml"), "schema: pactsim/study/1\nname: s\n");
        Cli c = Cli.run("validate", f.toString());
        assertThat(c.out()).contains(f + ":1: schema: expected pactsim/arch/1 (an accelerator), pactsim/trace/1"
                + " (a trace) or pactsim/sweep/1 (a sweep spec), found \"pactsim/study/1\"");
    }

    /** Sweep specs are told by their schema and read by the sweep reader, accelerator and all. */
    @Test
    void aSweepSpecIsChecked() throws IOException {
        Path good = Path.of("arch-configs/sweeps/bits-vs-array.yaml");
        Cli ok = Cli.run("validate", good.toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains(good + " (sweep spec)");
        Path f = Files.writeString(tmp.resolve("s.yaml"), "schema: pactsim/sweep/1\nname: s\naccelerator: nope.yaml\n");
        Cli bad = Cli.run("validate", f.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).contains(f + ":3: accelerator: expected an existing file, found no such file (nope.yaml)");
    }

    /** A hostile file cannot flood the output: at most InputProblems.MAX messages, then a count. */
    @Test
    void theListIsCapped() throws IOException {
        StringBuilder sb = new StringBuilder(TRACE_HEAD);
        for (int i = 0; i < 500; i++) {
            sb.append("l").append(i).append(",conv,,1,8,8,3,4,3,3,1,1,1,1,1,true,,,,,99,8,8,int\n");
        }
        Path f = Files.writeString(tmp.resolve("many.csv"), sb);
        Cli c = Cli.run("validate", f.toString());
        assertThat(c.out()).startsWith(f + " (pactsim trace): 500 problems\n")
                .endsWith("  ... and " + (500 - InputProblems.MAX) + " more\n");
        assertThat(c.out().lines().count()).isEqualTo(InputProblems.MAX + 2);
    }

    @Test
    void severalFilesSomeBad() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.cfg"), "[general]\nrun_name = x\n");
        Cli c = Cli.run("validate", GOOD.resolve("arch.yaml").toString(), bad.toString(), tmp.resolve("none.csv")
                .toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.out()).contains("ok: " + GOOD.resolve("arch.yaml"))
                .contains(bad + " (SCALE-Sim config): 1 problem\n  " + bad
                        + ": ArrayHeight: expected a value (the key is required), found no such key")
                .contains(tmp.resolve("none.csv") + ": 1 problem\n  " + tmp.resolve("none.csv")
                        + ": expected an existing file, found no such file");
        assertThat(c.err().strip()).isEqualTo("pactsim: 2 of 3 files have problems");
        assertThat(Cli.run("validate").code()).as("no file given").isEqualTo(2);
    }
}
