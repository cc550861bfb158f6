package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code schedule.policy: legacy} with {@code array.foldOverlap: none} reproduces pactsim before
 * issues 17 and 18 byte for byte: the iso-area CSVs that commit 79c4650 wrote
 * ({@code src/test/resources/legacy-schedule/README.md}) against today's run, column by column.
 */
class LegacyScheduleTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {8, 1})
    void theLegacyScheduleIsTheOldOneByteForByte(int batch) throws IOException {
        Path out = tmp.resolve("out");
        Cli c = Cli.run("iso-area", "--scale", "cores", "--batch", Integer.toString(batch), "--set", "schedule.policy=legacy",
                "--set", "array.foldOverlap=none", "--tables", "arch-configs/cost/v1-tables.csv", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        List<String> old = Files.readAllLines(Path.of("src/test/resources/legacy-schedule/iso-area-resnet50-b" + batch
                + ".csv"));
        List<String> now = Files.readAllLines(out.resolve("iso-area.csv"));
        assertThat(now).hasSameSizeAs(old);
        int columns = old.get(0).split(",", -1).length;
        List<String> cut = new ArrayList<>();
        for (String line : now) {
            String[] cells = line.split(",", -1);
            assertThat(cells.length).as(line).isGreaterThanOrEqualTo(columns);
            cut.add(String.join(",", java.util.Arrays.copyOf(cells, columns)));
        }
        assertThat(cut).containsExactlyElementsOf(old);
    }
}
