package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pactsim sweep}: files, kept failures, resume after SIGKILL, changed specs, --report. */
class SweepCommandTest {
    static final String BASE = Path.of("arch-configs/sweeps/edge-base.yaml").toAbsolutePath().toString();

    @TempDir
    Path tmp;

    /**
     * A small sweep of 8 points: fusion PEs need power-of-two widths, so 3-bit fusion points cannot
     * run (kept as errors, though each value alone is valid); 5 mm^2 is a limit 256x256 arrays break.
     */
    Path smallSpec(String extraAxis) throws IOException {
        Path p = tmp.resolve("small.yaml");
        Files.writeString(p, "schema: pactsim/sweep/1\nname: small\naccelerator: " + BASE + "\n"
                + "networks:\n  - zoo: resnet20\naxes:\n  array.rows: [8, 256]\n  array.cols: [8, 256]\n"
                + "  pe.weightBits: [3, 8]\n  pe.mode: [fixed, fusion]\n" + extraAxis
                + "constraints:\n  areaMm2: {max: 5}\n"
                + "objectives:\n  inferencesPerSecond: max\n  areaMm2: min\n  energyPj: min\n");
        return p;
    }

    /** 4 x 5 x 4 x 3 = 240 points of ResNet-20. */
    Path resumeSpec() throws IOException {
        Path p = tmp.resolve("resume.yaml");
        Files.writeString(p, "schema: pactsim/sweep/1\nname: resume\naccelerator: " + BASE + "\n"
                + "networks:\n  - zoo: resnet20\naxes:\n  array.rows: {from: 8, to: 64, times: 2}\n"
                + "  array.cols: [8, 16, 32, 64, 128]\n  sram.unifiedKiB: [8, 32, 128, 1024]\n"
                + "  dram.bandwidthGBps: [3.2, 12.8, unlimited]\n"
                + "objectives:\n  inferencesPerSecond: max\n  areaMm2: min\n");
        return p;
    }

    @Test
    void writesEveryPointWithItsReasonAndTheReport() throws IOException {
        Path out = tmp.resolve("out");
        Cli c = Cli.run("sweep", smallSpec("").toString(), "--out", out.toString(), "--threads", "2", "--jsonl");
        assertThat(c.code()).as(c.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("points.csv"));
        assertThat(csv).hasSize(1 + 16);
        assertThat(csv.get(0)).startsWith("index,pointId,array.rows,array.cols,pe.weightBits,pe.mode,status,reason,cycles,")
                .contains(",energyPj,").contains(",areaMm2,").contains(",inferencesPerSecond,");
        assertThat(Files.readAllLines(out.resolve("points.jsonl"))).hasSize(16);
        // 3-bit fusion PEs: the point cannot run, and is kept with the reason.
        assertThat(csv.stream().filter(l -> l.contains(",3,fusion,"))).hasSize(4)
                .allMatch(l -> l.contains(",error,") && l.contains("power-of-two"));
        assertThat(csv.stream().filter(l -> l.contains(",infeasible,"))).isNotEmpty()
                .allMatch(l -> l.contains("areaMm2") && l.contains("> max 5.0"));
        assertThat(csv.stream().filter(l -> l.contains(",ok,"))).isNotEmpty();
        assertThat(c.out()).contains("16 points").contains("Best point per objective");
        for (String f : List.of("best.csv", "report.md", "pareto-inferencesPerSecond-vs-areaMm2.csv",
                "pareto-inferencesPerSecond-vs-areaMm2.png", "pareto-inferencesPerSecond-vs-energyPj.svg")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        // --report re-draws from the files alone.
        Files.delete(out.resolve("pareto-inferencesPerSecond-vs-areaMm2.png"));
        String best = Files.readString(out.resolve("best.csv"));
        Cli r = Cli.run("sweep", "--report", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("pareto-inferencesPerSecond-vs-areaMm2.png")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("best.csv"))).isEqualTo(best);
    }

    @Test
    void aChangedSpecIsRefusedUnlessForced() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(Cli.run("sweep", smallSpec("").toString(), "--out", out.toString()).code()).isZero();
        Path changed = smallSpec("  cores: [1, 2]\n");
        Cli c = Cli.run("sweep", changed.toString(), "--out", out.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("changed spec").contains("--force").doesNotContain("Exception");
        Cli f = Cli.run("sweep", changed.toString(), "--out", out.toString(), "--force");
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("points.csv"))).hasSize(1 + 32);
        // Someone else's folder is never written into.
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        Cli o = Cli.run("sweep", changed.toString(), "--out", other.toString(), "--force");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("notes.txt");
    }

    @Test
    void killedMidRunTheSameCommandFinishesWithExactlyTheUninterruptedRows() throws Exception {
        Path spec = resumeSpec();
        Path whole = tmp.resolve("whole");
        Cli ref = Cli.run("sweep", spec.toString(), "--out", whole.toString(), "--threads", "1", "--jsonl");
        assertThat(ref.code()).as(ref.err()).isZero();
        long total = Files.readAllLines(whole.resolve("points.jsonl")).size();
        assertThat(total).isEqualTo(240);

        // A child JVM halted (as by SIGKILL: no shutdown hooks, no finally) right after point 99 reached the files.
        Path cut = tmp.resolve("cut");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "-D" + SweepCommand.HALT_AFTER + "=99", "org.pactsim.cli.Main", "sweep", spec.toString(),
                "--out", cut.toString(), "--threads", "2", "--progress", "none", "--jsonl")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child halts").isTrue();
        assertThat(p.exitValue()).as("halted at the crash point (see child.log)").isEqualTo(137);
        long atKill = lines(cut.resolve("points.jsonl"));
        assertThat(atKill).isEqualTo(100);
        assertThat(lines(cut.resolve("points.csv"))).isEqualTo(1 + 100);
        // A write torn by the kill: a partial line at the end of one file.
        Files.writeString(cut.resolve("points.jsonl"), "{\"index\":" + atKill + ",\"pointId\":\"0",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Cli again = Cli.run("sweep", spec.toString(), "--out", cut.toString(), "--threads", "2");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("resuming").contains("at point 100 of 240");
        assertThat(Files.readString(cut.resolve("points.csv"))).isEqualTo(Files.readString(whole.resolve("points.csv")));
        assertThat(Files.readString(cut.resolve("points.jsonl")))
                .isEqualTo(Files.readString(whole.resolve("points.jsonl")));
        // A finished sweep run again runs nothing and changes nothing.
        Cli done = Cli.run("sweep", spec.toString(), "--out", cut.toString());
        assertThat(done.code()).isZero();
        assertThat(done.out()).contains("ran 0 now");
        assertThat(Files.readString(cut.resolve("points.csv"))).isEqualTo(Files.readString(whole.resolve("points.csv")));
    }

    /**
     * A pactsim built without the profile {@code spark} has no {@code org.pactsim.spark}: the
     * command says how to build it, in one line (a child JVM on a copy of the classes without
     * that package, so this holds in either build).
     */
    @Test
    void theSparkEngineMissingFromTheBuildIsOneLine() throws Exception {
        Path classes = null;
        List<String> cp = new java.util.ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (Path.of(e).endsWith(Path.of("target", "classes"))) {
                classes = Path.of(e);
            } else {
                cp.add(e);
            }
        }
        assertThat(classes).as("target/classes on the test classpath").isNotNull();
        Path copy = tmp.resolve("classes");
        try (var files = Files.walk(classes)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(classes.relativize(f).toString());
                Path rel = classes.relativize(f);
                if (rel.startsWith(Path.of("org", "pactsim", "spark"))
                        || rel.equals(Path.of("META-INF", "services", "org.pactsim.run.SweepEngine"))) {
                    continue;
                }
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        cp.add(0, copy.toString());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", String.join(java.io.File.pathSeparator, cp), "org.pactsim.cli.Main",
                "sweep", resumeSpec().toString(), "--out", tmp.resolve("s").toString(), "--engine", "spark")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(2);
        assertThat(err.lines()).hasSize(1);
        assertThat(err).startsWith("pactsim: --engine spark: expected a pactsim built with its Spark engine: mvn -q -B"
                + " -Pspark clean package -DskipTests (docs/sweeps.md), found a build without it (no sweep engine named spark)");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    static long lines(Path f) throws IOException {
        if (!Files.exists(f)) {
            return 0;
        }
        long n = 0;
        for (byte b : Files.readAllBytes(f)) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /** points.jsonl only when asked for; asked for on a folder already run without it, refused (issue 21). */
    @Test
    void theJsonlIsWrittenOnlyWhenAskedFor() throws IOException {
        Path out = tmp.resolve("nojsonl");
        Cli c = Cli.run("sweep", smallSpec("").toString(), "--out", out.toString(), "--threads", "2");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(out.resolve("points.jsonl")).doesNotExist();
        assertThat(Files.readAllLines(out.resolve("points.csv"))).hasSize(1 + 16);
        Cli late = Cli.run("sweep", smallSpec("").toString(), "--out", out.toString(), "--jsonl");
        assertThat(late.code()).isEqualTo(2);
        assertThat(late.err()).contains("16 points written without it");
        Cli again = Cli.run("sweep", smallSpec("").toString(), "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(out.resolve("points.jsonl")).doesNotExist();
    }
}
