package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;
import org.pactsim.io.InputException;
import org.pactsim.io.out.OutputFolder;

/**
 * Report folders that cannot be turned against their user (issue 24): planted links to or
 * instead of pactsim's own files, forged markers, files changed since pactsim wrote them, run
 * names that poison a folder, and a second process writing while the first holds the lock.
 * Every case ends in a one-line refusal and leaves the victim file as it was.
 */
class OutputFolderSafetyTest {
    private static final Path GOOD = Path.of("src/test/resources/bad-inputs/good");

    @TempDir
    Path tmp;

    private Path victim() throws IOException {
        Path v = tmp.resolve("victim.txt");
        Files.writeString(v, "precious\n");
        return v;
    }

    private static String[] simulate(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("simulate", "--arch", GOOD.resolve("arch.yaml").toString(), "--trace",
                GOOD.resolve("trace.csv").toString(), "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static void refusedInOneLine(Cli c) {
        assertThat(c.code()).as(c.err()).isEqualTo(2);
        assertThat(c.err().strip().lines()).hasSize(1);
    }

    @Test
    void aLockLinkToAnOutsideFileIsRefusedNotWrittenThrough() throws IOException {
        Path v = victim();
        Path dir = Files.createDirectories(tmp.resolve("shared"));
        Files.createSymbolicLink(dir.resolve(OutputFolder.LOCK), v);
        Cli c = Cli.run(simulate(dir));
        refusedInOneLine(c);
        assertThat(c.err()).contains(OutputFolder.LOCK).contains("symbolic link");
        assertThat(Files.readString(v)).isEqualTo("precious\n");
    }

    @Test
    void aDanglingLockLinkCreatesNothingOutside() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shared"));
        Path target = tmp.resolve("created-by-pactsim");
        Files.createSymbolicLink(dir.resolve(OutputFolder.LOCK), target);
        refusedInOneLine(Cli.run(simulate(dir)));
        assertThat(target).doesNotExist();
    }

    @Test
    void aMarkerLinkIsRefused() throws IOException {
        Path v = victim();
        Path dir = Files.createDirectories(tmp.resolve("shared"));
        Files.createSymbolicLink(dir.resolve(OutputFolder.MARKER), v);
        Cli c = Cli.run(simulate(dir, "--force"));
        refusedInOneLine(c);
        assertThat(c.err()).contains(OutputFolder.MARKER);
        assertThat(Files.readString(v)).isEqualTo("precious\n");
    }

    @Test
    void aForgedMarkerCannotMakeForceDeleteSomeonesFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(dir.resolve("thesis.tex"), "years of work\n");
        // a marker without digests (anyone can write one), and one with a wrong digest
        Files.writeString(dir.resolve(OutputFolder.MARKER), "command=simulate\nstate=complete\nfile=thesis.tex\n");
        Cli c = Cli.run(simulate(dir, "--force"));
        refusedInOneLine(c);
        assertThat(c.err()).contains("digest");
        Files.writeString(dir.resolve(OutputFolder.MARKER),
                "command=simulate\nstate=complete\nfile=thesis.tex sha256=" + "0".repeat(64) + "\n");
        Cli d = Cli.run(simulate(dir, "--force"));
        refusedInOneLine(d);
        assertThat(d.err()).contains("thesis.tex").contains("changed since");
        assertThat(Files.readString(dir.resolve("thesis.tex"))).isEqualTo("years of work\n");
    }

    @Test
    void forceReplacesOnlyFilesStillAsPactsimWroteThem() throws IOException {
        Path dir = tmp.resolve("report");
        assertThat(Cli.run(simulate(dir)).code()).isZero();
        assertThat(Files.readString(dir.resolve(OutputFolder.MARKER))).containsPattern("file=result.json sha256=[0-9a-f]{64}");
        assertThat(Cli.run(simulate(dir, "--force")).code()).as("unchanged: replaced").isZero();
        Files.writeString(dir.resolve("table.txt"), "my notes on this run\n");
        Cli c = Cli.run(simulate(dir, "--force"));
        refusedInOneLine(c);
        assertThat(c.err()).contains("table.txt").contains("changed since");
        assertThat(Files.readString(dir.resolve("table.txt"))).isEqualTo("my notes on this run\n");
        // a link put in place of a report file is not followed either
        Files.delete(dir.resolve("table.txt"));
        Path v = victim();
        Files.createSymbolicLink(dir.resolve("table.txt"), v);
        refusedInOneLine(Cli.run(simulate(dir, "--force")));
        assertThat(Files.readString(v)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(dir.resolve("table.txt"))).isTrue();
    }

    @Test
    void aRunNameStartingWithADotIsRefused() throws IOException {
        String cfg = Files.readString(GOOD.resolve("scalesim.cfg"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^run_name\\s*[:=].*$", "run_name = .pactsim.lock");
        Path c = tmp.resolve("dot.cfg");
        Files.writeString(c, cfg);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Cli r = Cli.run(new String[] {"scalesim", "-c", c.toString(), "-t", GOOD.resolve("topology.csv").toString(),
            "-p", out.toString()});
        refusedInOneLine(r);
        assertThat(r.err()).contains("run_name").contains("not starting with .");
        assertThat(out.resolve(".pactsim.lock")).doesNotExist();
    }

    /**
     * The lock holds across processes: while this JVM holds the folder, a second pactsim
     * process with --force is turned away (before issue 24 the holder dropped its own lock by
     * re-reading the lock file through a second descriptor).
     */
    @Test
    void aSecondProcessIsKeptOutWhileTheFirstHoldsTheFolder() throws Exception {
        Path dir = tmp.resolve("busy");
        try (OutputFolder first = OutputFolder.claim(dir, "simulate", "--out", false)) {
            Files.writeString(first.staging().resolve("result.json"), "first");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.pactsim.cli.Main"));
            cmd.addAll(List.of(simulate(dir, "--force")));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isEqualTo(2);
            assertThat(err).contains("another run writing to it");
            first.commit();
        }
        assertThat(Files.readString(dir.resolve("result.json"))).isEqualTo("first");
        assertThat(Files.isRegularFile(dir.resolve(OutputFolder.LOCK), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aSweepFolderWithAPlantedLinkIsRefused() throws IOException {
        Path v = victim();
        Path dir = Files.createDirectories(tmp.resolve("sweep"));
        Files.createSymbolicLink(dir.resolve("points.csv"), v);
        Cli c = Cli.run(new String[] {"sweep", GOOD.resolve("sweep.yaml").toString(), "--out", dir.toString()});
        refusedInOneLine(c);
        assertThat(Files.readString(v)).isEqualTo("precious\n");
        assertThatThrownBy(() -> OutputFolder.claim(v, "simulate", "--out", false)).isInstanceOf(InputException.class);
    }

    /**
     * kill -9 in the middle of a commit (a deterministic crash point right after the first file
     * is moved into place): the next run finishes that commit, removes the dead run's staging
     * folder, and the folder ends with one whole report and nothing hidden left over.
     */
    @Test
    void aCommitKilledHalfwayIsCompletedByTheNextRun() throws Exception {
        Path dir = tmp.resolve("killed");
        assertThat(Cli.run(simulate(dir)).code()).isZero();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpactsim.test.haltAt=moved", "-cp", System.getProperty("java.class.path"), "org.pactsim.cli.Main"));
        cmd.addAll(List.of(simulate(dir, "--force", "--set", "array.rows=16")));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
        assertThat(Files.readString(dir.resolve(OutputFolder.MARKER))).contains("state=writing").contains("staging=");
        try (var s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).anyMatch(n -> n.startsWith(".pactsim-staging-"));
        }
        // a stale staging folder of some other dead run too
        Files.createDirectories(dir.resolve(".pactsim-staging-999-dead")).resolve("half.json").toFile().createNewFile();

        Cli again = Cli.run(simulate(dir, "--force"));
        assertThat(again.code()).as(again.err()).isZero();
        try (var s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).noneMatch(n -> n.startsWith(".pactsim-staging-"));
        }
        String marker = Files.readString(dir.resolve(OutputFolder.MARKER));
        assertThat(marker).contains("state=complete").doesNotContain("staging=");
        assertThat(marker).containsPattern("file=result.json sha256=[0-9a-f]{64}");
    }
}
