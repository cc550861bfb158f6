package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.io.format.TraceReader;
import org.pactsim.io.onnx.OnnxImporter;
import org.pactsim.workload.Network;

/** {@code pactsim import onnx} and {@code simulate --trace MODEL.onnx}. */
class ImportCommandTest {
    static final String V1 = "src/test/resources/onnx/mobilenet_v1_0.5_128_quant.onnx";
    static final String V2 = "src/test/resources/onnx/mobilenet_v2_1.0_224_int8_per_tensor.onnx";

    @TempDir
    Path tmp;

    @Test
    void theCsvOnStandardOutputReadsBackAsTheSameNetwork() throws Exception {
        Cli c = Cli.run("import", "onnx", V1);
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("# note: ONNX import: 30 layers, 28 GEMM (28 quantized, 0 float)",
                "# gemm: MobilenetV1/MobilenetV1/Conv2d_0/Relu6_prequant (Conv): QDQ, weights uint8 per tensor");
        Path csv = tmp.resolve("v1.csv");
        Files.writeString(csv, c.out());
        Network back = TraceReader.read(csv, null);
        Network direct = OnnxImporter.importFile(Path.of(V1), java.util.Map.of()).network();
        assertThat(back.layers()).isEqualTo(direct.layers());
    }

    @Test
    void outWritesYamlAndPrintsTheReportRefusingToOverwrite() throws Exception {
        Path y = tmp.resolve("v2.yaml");
        Cli c = Cli.run("import", "onnx", V2, "--dim", "unk__1590=1", "--out", y.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("MACs: 300774272", "ONNX ops folded:", "wrote " + y);
        assertThat(TraceReader.read(y, null).macs()).isEqualTo(300_774_272L);
        Cli again = Cli.run("import", "onnx", V2, "--dim", "unk__1590=1", "--out", y.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
        assertThat(Cli.run("import", "onnx", V2, "--dim", "unk__1590=1", "--out", y.toString(), "--force").code())
                .isZero();
    }

    @Test
    void validateChecksAModelsStructure() throws Exception {
        Cli ok = Cli.run("validate", V2);
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("ONNX model");
        Path cut = tmp.resolve("cut.onnx");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(Path.of(V1)), 5000));
        Cli bad = Cli.run("validate", cut.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).contains("truncated");
    }

    @Test
    void simulateImportsOnTheFly() {
        Cli c = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", V1, "--format", "json");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("\"macs\" : 49160704").contains("ONNX import: 30 layers");
        Cli missing = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", V2);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("unk__1590");
        assertThat(Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", V2, "--dim", "unk__1590=1")
                .code()).isZero();
    }
}
