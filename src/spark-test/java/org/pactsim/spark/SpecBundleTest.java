package org.pactsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.run.SweepJob;

/**
 * What an executor that cannot see the driver's files reads: the bundle's copies, under a
 * folder of its own, with the same fingerprint, the same points and the driver's file names.
 */
class SpecBundleTest {
    @TempDir
    Path driver;
    @TempDir
    Path executor;

    /** A spec in a/b/ reading its accelerator and a trace by paths that climb out of its folder. */
    Path spec() throws IOException {
        Files.createDirectories(driver.resolve("a/b"));
        Files.createDirectories(driver.resolve("acc"));
        Files.createDirectories(driver.resolve("traces"));
        Files.copy(Path.of("arch-configs/sweeps/edge-base.yaml"), driver.resolve("acc/edge-base.yaml"));
        Files.copy(Path.of("traces/resnet20-int8.csv"), driver.resolve("traces/resnet20-int8.csv"));
        Path s = driver.resolve("a/b/spec.yaml");
        Files.writeString(s, "schema: pactsim/sweep/1\nname: bundle\naccelerator: ../../acc/edge-base.yaml\n"
                + "networks:\n  - trace: ../../traces/resnet20-int8.csv\n  - zoo: resnet20\n    weight: 2\n"
                + "axes:\n  array.rows: [8, 32]\n  sram.unifiedKiB: [64, 256]\n"
                + "objectives:\n  inferencesPerSecond: max\n  areaMm2: min\n");
        return s;
    }

    @Test
    void anExecutorReadsTheSameSweepFromTheCopies() throws IOException {
        Path s = spec();
        SweepJob there = SweepJob.load(s, UnaryOperator.identity());
        SpecBundle b = SpecBundle.of(s, there.loaded().fingerprint());
        // the spec, the accelerator and the trace; not the zoo network
        assertThat(b.paths()).hasSize(3).allMatch(p -> p.startsWith(driver.toAbsolutePath().toString()));
        Path copy = b.materialize(executor);
        assertThat(copy.toString()).startsWith(executor.toString());
        SweepJob here = SweepJob.load(copy, b.origins(executor));
        assertThat(here.loaded().fingerprint()).isEqualTo(b.fingerprint());
        assertThat(here.manifest()).isEqualTo(there.manifest());
        for (long i = 0; i < 4; i++) {
            assertThat(here.evaluator().evaluate(i)).isEqualTo(there.evaluator().evaluate(i));
        }
    }

    @Test
    void fileNamesInReasonsAreTheDrivers() throws IOException {
        // the spec named relative to the working folder, through "..": the reader's names are not normalised
        Path given = Path.of("").toAbsolutePath().relativize(spec());
        SweepJob there = SweepJob.load(given, UnaryOperator.identity());
        SpecBundle b = SpecBundle.of(given, there.loaded().fingerprint());
        Path copy = b.materialize(executor);
        assertThat(SweepJob.load(copy, b.origins(executor)).loaded().fingerprint()).isEqualTo(b.fingerprint());
        UnaryOperator<String> o = b.origins(executor);
        // the spec by the name the user gave, every other file by its absolute path as on the driver
        assertThat(o.apply(copy + ":7: array.rows: expected ...")).isEqualTo(given + ":7: array.rows: expected ...");
        assertThat(o.apply("layer 3 of " + executor + "/x/acc.yaml:2")).isEqualTo("layer 3 of /x/acc.yaml:2");
        assertThat(o.apply("no file names")).isEqualTo("no file names");
    }
}
