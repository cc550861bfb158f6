package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.rtl.Simulator;

/** {@code pactsim rtl}: files, input errors (exit 2), no simulator (exit 3), a simulated check. */
class RtlCommandTest {
    private static final String ARCH = "arch-configs/scale-32x32.yaml";
    private static final String TRACE = "traces/gpt2-small-decode-int8.csv";

    @TempDir
    Path tmp;

    @Test
    void writesTheFilesWithoutSimulating() throws Exception {
        Path out = tmp.resolve("r");
        Cli c = Cli.run("rtl", "--arch", ARCH, "--set", "array.rows=4", "--set", "array.cols=4", "--gemm", "6,5,7",
                "--dataflow", "ws", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("array 4x4 ws").contains("gemm M=6 N=5 K=7").contains("wrote");
        for (String f : new String[] {"pactsim_array.v", "pactsim_pe_os.v", "pactsim_pe_st.v", "pactsim_tb.v",
            "tb_params.vh", "stimulus.hex", "expected.hex", "folds.csv", "run.sh"}) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(Files.readString(out.resolve("tb_params.vh"))).contains("localparam ROWS = 4;").contains("OS = 0;");
        // a second run into the same folder needs --force
        assertThat(Cli.run("rtl", "--arch", ARCH, "--gemm", "2,2,2", "--out", out.toString()).code()).isEqualTo(2);
        assertThat(Cli.run("rtl", "--arch", ARCH, "--gemm", "2,2,2", "--out", out.toString(), "--force").code())
                .isZero();
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        String out = tmp.resolve("x").toString();
        Cli bad = Cli.run("rtl", "--arch", ARCH, "--gemm", "6,5", "--out", out);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--gemm").contains("M,N,K").doesNotContain("Exception");
        assertThat(Cli.run("rtl", "--arch", ARCH, "--out", out).code()).isEqualTo(2);
        assertThat(Cli.run("rtl", "--arch", ARCH, "--gemm", "2,2,2", "--simulate", "modelsim", "--out", out).code())
                .isEqualTo(2);
        assertThat(Cli.run("rtl", "--arch", ARCH, "--gemm", "2,2,2", "--folds", "sideways", "--out", out).code())
                .isEqualTo(2);
        Cli big = Cli.run("rtl", "--arch", ARCH, "--gemm", "4096,4096,4096", "--out", out);
        assertThat(big.code()).isEqualTo(2);
        assertThat(big.err()).contains("stimulus words");
        Cli none = Cli.run("rtl", "--arch", ARCH, "--trace", TRACE, "--layer", "nosuch", "--out", out);
        assertThat(none.code()).as(none.err()).isEqualTo(2);
        assertThat(none.err()).contains("--layer").contains("nosuch");
        Cli vec = Cli.run("rtl", "--arch", ARCH, "--trace", TRACE, "--layer", "h0.ln1", "--out", out);
        assertThat(vec.code()).as(vec.err()).isEqualTo(2);
        assertThat(vec.err()).contains("vector unit");
    }

    @Test
    void noSimulatorWritesTheFilesAndExitsThree() {
        Path out = tmp.resolve("n");
        String old = System.getProperty(Simulator.PATH_PROPERTY);
        System.setProperty(Simulator.PATH_PROPERTY, tmp.resolve("empty-path").toString());
        try {
            Cli c = Cli.run("rtl", "--arch", ARCH, "--set", "array.rows=2", "--set", "array.cols=2", "--gemm", "3,3,3",
                    "--out", out.toString(), "--simulate", "iverilog");
            assertThat(c.code()).isEqualTo(RtlCommand.EXIT_NO_SIMULATOR).isEqualTo(3);
            assertThat(c.err().strip().lines().count()).isEqualTo(1);
            assertThat(c.err()).contains("iverilog is not installed").contains("run.sh");
            assertThat(out.resolve("run.sh")).exists();
            assertThat(out.resolve("stimulus.hex")).exists();
            Cli y = Cli.run("rtl", "--arch", ARCH, "--set", "array.rows=2", "--set", "array.cols=2", "--gemm", "3,3,3",
                    "--out", tmp.resolve("y").toString(), "--synth");
            assertThat(y.code()).isEqualTo(3);
            assertThat(y.err()).contains("yosys is not installed");
            assertThat(tmp.resolve("y").resolve("synth.ys")).exists();
        } finally {
            if (old == null) {
                System.clearProperty(Simulator.PATH_PROPERTY);
            } else {
                System.setProperty(Simulator.PATH_PROPERTY, old);
            }
        }
    }

    @Test
    @Tag("rtl")
    void simulatesATraceLayerAndReportsBothModels() {
        Assumptions.assumeTrue(Simulator.IVERILOG.installed(),
                "iverilog is not installed: the RTL command test is skipped");
        Path out = tmp.resolve("s");
        Cli c = Cli.run("rtl", "--arch", ARCH, "--set", "array.rows=8", "--set", "array.cols=8", "--set",
                "array.osDrain=wavefront", "--set", "array.multiplierStages=1", "--trace", TRACE, "--layer",
                "h0.attn.scores", "--out", out.toString(), "--simulate", "iverilog");
        assertThat(c.code()).as(c.out() + c.err()).isZero();
        assertThat(c.out()).contains("GEMM bit-exact: yes").contains("native model").contains("(equal)")
                .contains("SCALE-Sim model").contains("os drain wavefront");
    }

    @Test
    @Tag("rtl")
    void simulatesTheShippedTpuArrayWithItsPipelinedFolds() {
        Assumptions.assumeTrue(Simulator.IVERILOG.installed(),
                "iverilog is not installed: the RTL command test is skipped");
        // tpu-v1.yaml sets array.foldOverlap: pipelined; 8 x 8 WS, M = 20: a fold every T = 20
        // cycles instead of P = 34
        Path out = tmp.resolve("p");
        Cli c = Cli.run("rtl", "--arch", "arch-configs/tpu-v1.yaml", "--set", "array.rows=8", "--set",
                "array.cols=8", "--gemm", "20,19,30", "--out", out.toString(), "--simulate", "iverilog");
        assertThat(c.code()).as(c.out() + c.err()).isZero();
        assertThat(c.out()).contains("pipelined folds").contains("GEMM bit-exact: yes")
                .contains("layer cycles: RTL 262, native model 262 (equal)");
    }
}
