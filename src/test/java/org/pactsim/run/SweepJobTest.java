package org.pactsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJobTest {
    @TempDir
    Path dir;

    /** A swept clock and the clockMhz metric are two columns with two names (issue 21). */
    @Test
    void anAxisNamedLikeAMetricIsPrefixedAndNoColumnNameRepeats() throws Exception {
        Path spec = dir.resolve("clock.yaml");
        Files.writeString(spec, String.join("\n",
                "schema: pactsim/sweep/1",
                "name: clock-axis",
                "accelerator: " + Path.of("arch-configs/sweeps/edge-base.yaml").toAbsolutePath(),
                "networks:",
                "  - zoo: resnet20",
                "axes:",
                "  clockMhz: [400, 800]",
                "  array.rows: [16, 32]",
                "objectives:",
                "  latencySeconds: min",
                ""));
        SweepJob job = SweepJob.load(spec, s -> s);
        assertThat(job.manifest().valueColumns()).containsExactly("axis.clockMhz", "array.rows");
        assertThat(job.manifest().metricColumns()).contains("clockMhz");
        List<String> all = new ArrayList<>(job.manifest().valueColumns());
        all.addAll(job.manifest().metricColumns());
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
    }

    /** A sweep spec may name an ONNX network, with its symbolic dimensions (issue 21). */
    @Test
    void aSweepRunsAnOnnxNetworkWithItsDimensions() throws Exception {
        Path spec = dir.resolve("onnx.yaml");
        String model = Path.of("src/test/resources/onnx/mobilenet_v2_1.0_224_int8_per_tensor.onnx").toAbsolutePath()
                .toString();
        Files.writeString(spec, String.join("\n",
                "schema: pactsim/sweep/1",
                "name: onnx-net",
                "accelerator: " + Path.of("arch-configs/sweeps/edge-base.yaml").toAbsolutePath(),
                "networks:",
                "  - trace: " + model,
                "    dims: {unk__1590: 1}",
                "axes:",
                "  array.rows: [16, 32]",
                "objectives:",
                "  latencySeconds: min",
                ""));
        org.pactsim.cli.Cli c = org.pactsim.cli.Cli.run("sweep", spec.toString(), "--out", dir.resolve("out").toString(),
                "--progress", "none");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("2 ok, 0 infeasible, 0 error");
        Files.writeString(spec, Files.readString(spec).replace("    dims: {unk__1590: 1}\n", ""));
        org.pactsim.cli.Cli none = org.pactsim.cli.Cli.run("sweep", spec.toString(), "--out",
                dir.resolve("out2").toString(), "--progress", "none");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("symbolic dimension \"unk__1590\"");
    }
}
