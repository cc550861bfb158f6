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
}
