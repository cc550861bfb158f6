package org.pactsim.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.io.InputException;
import org.pactsim.report.SweepFolder;
import org.pactsim.report.SweepManifest;

/** The row files' repair on reopening: whole rows only, both files cut to the shorter, in order. */
class SweepFolderTest {
    @TempDir
    Path dir;

    static final SweepManifest M = new SweepManifest("t", "f1", 10, List.of("array.rows"), List.of("cycles", "energyPj"),
            List.of(new Objective("cycles", false)), List.of());

    static PointRow row(long i) {
        return new PointRow(i, "id" + i, List.of(Long.toString(8 * (i + 1))), PointRow.Status.OK, null,
                new Object[] {100L + i, 1.5 * i});
    }

    void write(long from, long to) {
        try (SweepFolder f = SweepFolder.open(dir, M, false, true)) {
            assertThat(f.done()).isEqualTo(from);
            for (long i = from; i < to; i++) {
                f.append(row(i));
            }
            f.complete();
        }
    }

    @Test
    void cutsPartialLinesAndTheLongerFileBackToWholeCommonRows() throws IOException {
        write(0, 10);
        String csvWhole = Files.readString(dir.resolve("points.csv"));
        String jsonWhole = Files.readString(dir.resolve("points.jsonl"));
        // The CSV lost its last 3 rows and half of row 6; the JSONL has all 10 and a torn 11th.
        List<String> lines = Files.readAllLines(dir.resolve("points.csv"));
        String cut = String.join("\n", lines.subList(0, 7)) + "\n" + lines.get(7).substring(0, 5);
        Files.writeString(dir.resolve("points.csv"), cut);
        Files.writeString(dir.resolve("points.jsonl"), "{\"index\":10,\"po", StandardOpenOption.APPEND);
        // header + rows 0..5 complete: the run continues at 6 and ends with the same files.
        write(6, 10);
        assertThat(Files.readString(dir.resolve("points.csv"))).isEqualTo(csvWhole);
        assertThat(Files.readString(dir.resolve("points.jsonl"))).isEqualTo(jsonWhole);
    }

    @Test
    void anEmptiedJsonlRestartsBothFiles() throws IOException {
        write(0, 4);
        try (FileChannel c = FileChannel.open(dir.resolve("points.jsonl"), StandardOpenOption.WRITE)) {
            c.truncate(0);
        }
        write(0, 4);
        assertThat(Files.readAllLines(dir.resolve("points.csv"))).hasSize(5);
        assertThat(Files.readAllLines(dir.resolve("points.jsonl"))).hasSize(4);
    }

    @Test
    void anotherFingerprintIsRefusedUnlessForcedAndASecondRunIsLockedOut() {
        write(0, 3);
        SweepManifest other = new SweepManifest("t", "f2", 10, M.valueColumns(), M.metricColumns(), M.objectives(),
                M.pareto());
        assertThatThrownBy(() -> SweepFolder.open(dir, other, false)).isInstanceOf(InputException.class)
                .hasMessageContaining("--force").hasMessageContaining("3 points written");
        try (SweepFolder f = SweepFolder.open(dir, other, true)) {
            assertThat(f.done()).isZero();
            assertThatThrownBy(() -> SweepFolder.open(dir, other, false)).isInstanceOf(InputException.class)
                    .hasMessageContaining("another run");
        }
    }
}
