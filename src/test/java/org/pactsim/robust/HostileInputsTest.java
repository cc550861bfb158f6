package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;

/**
 * Findings of the hostile-input audit (issue 24) that are not a one-line refusal, so not in
 * the bad-input corpus: inputs that were accepted and gave a wrong answer.
 */
class HostileInputsTest {
    static final Path GOOD = Path.of("src/test/resources/bad-inputs/good").toAbsolutePath();

    @TempDir
    Path tmp;

    /** Weights of 1e308 overflowed the normalising sum: every mix metric was 0.0 and "best". */
    @Test
    void hugeSweepWeightsGiveTheMixNotZeros() throws IOException {
        Path spec = tmp.resolve("mix.yaml");
        Files.writeString(spec, "schema: pactsim/sweep/1\nname: mix\naccelerator: " + GOOD.resolve("arch.yaml") + "\n"
                + "networks:\n  - {trace: " + GOOD.resolve("trace.csv") + ", label: a, weight: 1e308}\n"
                + "  - {trace: " + GOOD.resolve("trace.csv") + ", label: b, weight: 1.7e308}\n"
                + "axes:\n  array.rows: [4, 8]\nobjectives:\n  cycles: min\n");
        Path out = tmp.resolve("out");
        Cli c = Cli.run("sweep", spec.toString(), "--out", out.toString(), "--progress", "none");
        assertThat(c.code()).as(c.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("points.csv"));
        List<String> head = Arrays.asList(csv.get(0).split(","));
        int mix = head.indexOf("cycles");
        int a = head.indexOf("a.cycles");
        assertThat(mix).isPositive();
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",");
            assertThat(Double.parseDouble(f[mix])).as(row).isPositive().isEqualTo(Double.parseDouble(f[a]));
        }
    }
}
