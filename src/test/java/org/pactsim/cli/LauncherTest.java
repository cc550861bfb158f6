package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/pactsim} runs from any folder and through a symlink (one on the PATH), and the
 * main job finds its default chip there (issue 21). Needs {@code target/pactsim.jar}, which the
 * README's first command (and so CI) builds before the tests; without it the test is skipped,
 * saying so.
 */
class LauncherTest {
    @TempDir
    Path tmp;

    @Test
    void theLauncherRunsTheMainJobFromAnyFolderThroughASymlink() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        Assumptions.assumeTrue(Files.exists(root.resolve("target/pactsim.jar")),
                "target/pactsim.jar is not built: run the README's first command to test the launcher");
        Path bin = Files.createDirectories(tmp.resolve("elsewhere/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("pactsim"), root.resolve("bin/pactsim"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Process p = new ProcessBuilder(List.of(link.toString(), "iso-area", "--network", "resnet20", "--bandwidths",
                "unlimited", "--out", "out")).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("on pact-14nm").contains("report: out/index.html");
        assertThat(work.resolve("out/iso-area.csv")).exists();
    }

    /**
     * The README's commands, as a user who put the launcher on the PATH runs them from another
     * folder: every input path in them is the installation's, every output stays where the user
     * is. The Spark ones are left to {@code SweepCommandTest} (they need Spark's jars).
     */
    @Test
    void theReadmesCommandsRunFromAnotherFolderThroughASymlink() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        Assumptions.assumeTrue(Files.exists(root.resolve("target/pactsim.jar")),
                "target/pactsim.jar is not built: run the README's first command to test the launcher");
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("path/bin")).resolve("pactsim"),
                root.resolve("bin/pactsim"));
        Path work = Files.createDirectories(tmp.resolve("somewhere-else"));
        int ran = 0;
        for (String cmd : ReadmeCommandsTest.commands()) {
            if (cmd.contains("--engine spark")) {
                continue;
            }
            List<String> args = new java.util.ArrayList<>(List.of(link.toString()));
            args.addAll(List.of(ReadmeCommandsTest.words(cmd)));
            Process p = new ProcessBuilder(args).directory(work.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(cmd).isTrue();
            assertThat(p.exitValue()).as(cmd + "\n" + out).isZero();
            ran++;
        }
        assertThat(ran).isGreaterThanOrEqualTo(10);
        // the reports were written where the user is, not in the installation
        assertThat(work.resolve("reports/iso-area-resnet20/index.html")).exists();
        assertThat(work.resolve("reports/simulate/example/report.html")).exists();
    }

    @Test
    void shippedFilesAreFoundAtHomeByPathOrName() {
        String before = System.getProperty("pactsim.home");
        try {
            Path home = Path.of("").toAbsolutePath();
            System.setProperty("pactsim.home", home.toString());
            assertThat(Home.find(Path.of("arch-configs/pact-14nm.yaml"), "--arch", Home.Kind.ARCH)).exists();
            assertThat(Home.find(Path.of("tpu-v1"), "--arch", Home.Kind.ARCH))
                    .isEqualTo(home.resolve("arch-configs/tpu-v1.yaml"));
            assertThat(Home.find(Path.of("resnet50-int8"), "--trace", Home.Kind.TRACE))
                    .isEqualTo(home.resolve("traces/resnet50-int8.csv"));
            assertThat(Home.find(Path.of("bits-vs-array"), "SPEC", Home.Kind.SWEEP))
                    .isEqualTo(home.resolve("arch-configs/sweeps/bits-vs-array.yaml"));
            assertThatThrownBy(() -> Home.find(Path.of("tpu-v2"), "--arch", Home.Kind.ARCH))
                    .hasMessage("--arch: expected an accelerator file or a shipped accelerator (did you mean tpu-v1?"
                            + " diannao, eyeriss, pact-14nm, pact-paper, scale-32x32, tpu-v1), found \"tpu-v2\"");
            System.setProperty("pactsim.home", "/nonexistent-pactsim-home");
            assertThat(Home.find(Path.of("no-such-dir/x.yaml"), "--arch", Home.Kind.ARCH))
                    .isEqualTo(Path.of("no-such-dir/x.yaml"));
        } finally {
            if (before == null) {
                System.clearProperty("pactsim.home");
            } else {
                System.setProperty("pactsim.home", before);
            }
        }
    }

    /**
     * {@code --engine spark} without SPARK_HOME or PACTSIM_CLASSPATH: the launcher has Maven
     * resolve Spark's jars into {@code target/spark.classpath} and runs with them. The jar CI
     * builds has no Spark engine (no {@code -Pspark}), so the run then stops with the one-line
     * message that says how to build it; a jar with the engine runs the sweep.
     */
    @Test
    void theLauncherFindsSparkWithMaven() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        Assumptions.assumeTrue(Files.exists(root.resolve("target/pactsim.jar")),
                "target/pactsim.jar is not built: run the README's first command to test the launcher");
        ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("bin/pactsim").toString(), "sweep",
                "arch-configs/sweeps/bits-vs-array.yaml", "--engine", "spark", "--master", "local[1]", "--out",
                tmp.resolve("out").toString())).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().remove("SPARK_HOME");
        pb.environment().remove("PACTSIM_CLASSPATH");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(root.resolve("target/spark.classpath")).isNotEmptyFile();
        assertThat(Files.readString(root.resolve("target/spark.classpath"))).contains("spark-core");
        if (p.exitValue() != 0) {
            assertThat(p.exitValue()).as(out).isEqualTo(2);
            assertThat(out).as(out).contains("expected a pactsim built with its Spark engine");
        } else {
            assertThat(tmp.resolve("out/points.csv")).exists();
        }
    }
}
