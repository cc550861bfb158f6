package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;
import org.pactsim.io.InputException;
import org.pactsim.io.out.OutputFolder;

/**
 * Report folders: written all at once after the run, never over someone's files, replaced only
 * with {@code --force}, and never by two runs at the same time.
 */
class OutputFolderTest {
    private static final Path GOOD = Path.of("src/test/resources/bad-inputs/good");

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(OutputFolder f, String name, String text) throws IOException {
        Files.writeString(f.staging().resolve(name), text);
    }

    @Test
    void aNewFolderGetsTheFilesOnlyAtCommit() throws IOException {
        Path dir = tmp.resolve("a/b/report");
        try (OutputFolder f = OutputFolder.claim(dir, "simulate", "--out", false)) {
            write(f, "result.json", "{}");
            write(f, "table.txt", "t");
            assertThat(names(dir)).as("staged, not yet in place").doesNotContain("result.json", "table.txt");
            f.commit();
        }
        // the lock file stays (a run never deletes it: two runs can then never lock two files)
        assertThat(names(dir)).containsExactly(OutputFolder.MARKER, OutputFolder.LOCK, "result.json", "table.txt");
        assertThat(Files.readString(dir.resolve(OutputFolder.MARKER))).contains("command=simulate")
                .contains("state=complete").contains("file=result.json").contains("file=table.txt");
    }

    @Test
    void aRunThatFailsLeavesNothingBehind() throws IOException {
        Path dir = tmp.resolve("new/deeper/report");
        try (OutputFolder f = OutputFolder.claim(dir, "simulate", "--out", false)) {
            write(f, "result.json", "{}");
            // no commit: the simulation failed
        }
        assertThat(tmp.resolve("new")).as("the folders this run created are gone").doesNotExist();

        Path existing = Files.createDirectories(tmp.resolve("existing"));
        try (OutputFolder f = OutputFolder.claim(existing, "simulate", "--out", false)) {
            write(f, "result.json", "{}");
        }
        // left as found but for the lock file, which a run never deletes from a folder it did not make
        assertThat(names(existing)).as("an existing folder is left as found").containsExactly(OutputFolder.LOCK);
    }

    @Test
    void someoneElsesFilesAreNeverWrittenOver() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        for (boolean force : List.of(false, true)) {
            assertThatThrownBy(() -> OutputFolder.claim(dir, "simulate", "--out", force))
                    .isInstanceOf(InputException.class)
                    .hasMessage("--out " + dir + ": expected a new or empty folder (pactsim writes only there), found 1"
                            + " entries it did not write, e.g. \"notes.txt\"");
        }
        assertThat(names(dir)).containsExactly("notes.txt");
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        assertThatThrownBy(() -> OutputFolder.claim(file, "simulate", "--out", true))
                .hasMessage("--out " + file + ": expected a folder for the reports, found a file");
    }

    @Test
    void aPreviousReportIsReplacedOnlyWithForceAndOnlyByTheSameCommand() throws IOException {
        Path dir = tmp.resolve("r");
        try (OutputFolder f = OutputFolder.claim(dir, "simulate", "--out", false)) {
            write(f, "result.json", "old");
            write(f, "roofline.png", "old");
            f.commit();
        }
        assertThatThrownBy(() -> OutputFolder.claim(dir, "simulate", "--out", false))
                .hasMessage("--out " + dir + ": expected a new or empty folder (or --force to replace the report in it),"
                        + " found a previous pactsim simulate report");
        assertThatThrownBy(() -> OutputFolder.claim(dir, "scalesim", "-p", true))
                .hasMessage("-p " + dir + ": expected a new or empty folder, or a previous scalesim report, found a report"
                        + " of pactsim simulate");
        try (OutputFolder f = OutputFolder.claim(dir, "simulate", "--out", true)) {
            write(f, "result.json", "new");
            f.commit();
        }
        assertThat(names(dir)).as("the old report's other files go with it").containsExactly(OutputFolder.MARKER,
                OutputFolder.LOCK, "result.json");
        assertThat(Files.readString(dir.resolve("result.json"))).isEqualTo("new");
    }

    @Test
    void aSecondRunIsKeptOutWhileTheFirstHoldsTheFolder() throws IOException {
        Path dir = tmp.resolve("busy");
        try (OutputFolder first = OutputFolder.claim(dir, "simulate", "--out", false)) {
            assertThatThrownBy(() -> OutputFolder.claim(dir, "simulate", "--out", true))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("expected a folder no other pactsim run is writing, found another run writing"
                            + " to it");
            write(first, "result.json", "first");
            first.commit();
        }
        try (OutputFolder second = OutputFolder.claim(dir, "simulate", "--out", true)) {
            write(second, "result.json", "second");
            second.commit();
        }
        assertThat(Files.readString(dir.resolve("result.json"))).isEqualTo("second");
        assertThat(dir.resolve(OutputFolder.LOCK)).isRegularFile();
    }

    // ---- through the CLI ------------------------------------------------------------------

    private static String[] simulate(Path out, int rows, String... more) {
        List<String> a = new ArrayList<>(List.of("simulate", "--arch", GOOD.resolve("arch.yaml").toString(), "--trace",
                GOOD.resolve("trace.csv").toString(), "--set", "array.rows=" + rows, "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void simulateRefusesToOverwriteWithoutForce() throws IOException {
        Path out = tmp.resolve("sim");
        assertThat(Cli.run(simulate(out, 8)).code()).isZero();
        Cli again = Cli.run(simulate(out, 16));
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("pactsim: --out " + out + ": expected a new or empty folder (or --force"
                + " to replace the report in it), found a previous pactsim simulate report");
        assertThat(rows(out)).isEqualTo(8);
        assertThat(Cli.run(simulate(out, 16, "--force")).code()).isZero();
        assertThat(rows(out)).isEqualTo(16);
    }

    @Test
    void scalesimRefusesToOverwriteWithoutForce() {
        Path out = tmp.resolve("ss");
        String[] args = {"scalesim", "-c", GOOD.resolve("scalesim.cfg").toString(), "-t",
            GOOD.resolve("topology.csv").toString(), "-p", out.toString()};
        assertThat(Cli.run(args).code()).isZero();
        Cli again = Cli.run(args);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("-p " + out.resolve("good_run") + ": expected a new or empty folder (or --force");
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(Cli.run(forced).code()).isZero();
        assertThat(out.resolve("good_run/COMPUTE_REPORT.csv")).exists();
    }

    /**
     * Runs racing into one folder never mix their files: each either writes its whole report or is
     * turned away; the folder ends up holding exactly one run's report.
     */
    @Test
    void concurrentRunsNeverInterleave() throws Exception {
        Path out = tmp.resolve("race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Cli>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int rows = 8 << i;
                runs.add(pool.submit(() -> {
                    start.await();
                    return Cli.run(simulate(out, rows, "--force"));
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Cli> f : runs) {
                Cli c = f.get();
                if (c.code() == 0) {
                    ok++;
                } else {
                    assertThat(c.code()).isEqualTo(2);
                    assertThat(c.err()).contains("expected a folder no other pactsim run is writing");
                }
            }
            assertThat(ok).isPositive();
        } finally {
            pool.shutdownNow();
        }
        // the result and the resolved accelerator come from the same run
        int rows = rows(out);
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.path("accelerator").path("array").path("rows").asInt()).isEqualTo(rows);
        assertThat(Files.readString(out.resolve(OutputFolder.MARKER))).contains("state=complete");
        assertThat(names(out)).noneMatch(n -> n.startsWith(".pactsim-staging") || n.endsWith(".tmp"));
    }

    private static int rows(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("accelerator.resolved.json").toFile()).path("array").path("rows")
                .asInt();
    }
}
