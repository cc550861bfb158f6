package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format} takes table, csv and json wherever it exists, and each parses as what it says (issue 21). */
class FormatsTest {
    @TempDir
    Path dir;

    @Test
    void everyFormatOptionTakesTableCsvAndJson() throws Exception {
        Cli sim = Cli.run("simulate", "--arch", "tpu-v1", "--network", "resnet20", "--format", "json");
        assertThat(sim.code()).as(sim.err()).isZero();
        Path result = dir.resolve("r.json");
        Files.writeString(result, sim.out());
        List<List<String>> commands = List.of(
                List.of("tables"),
                List.of("calibrate"),
                List.of("traces", "list"),
                List.of("traces", "show", "resnet20"),
                List.of("recost", result.toString()),
                List.of("compare", result.toString(), result.toString()),
                List.of("simulate", "--arch", "tpu-v1", "--network", "resnet20"));
        for (List<String> cmd : commands) {
            for (String f : List.of("table", "csv", "json")) {
                List<String> args = new ArrayList<>(cmd);
                args.add("--format");
                args.add(f);
                Cli c = Cli.run(args.toArray(String[]::new));
                assertThat(c.code()).as(args + "\n" + c.err()).isZero();
                assertThat(c.out()).as(String.join(" ", args)).isNotBlank();
                if (f.equals("json")) {
                    new ObjectMapper().readTree(c.out());
                }
                if (f.equals("csv")) {
                    String first = c.out().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst()
                            .orElseThrow();
                    assertThat(first).as(String.join(" ", args)).contains(",");
                }
            }
        }
        assertThat(Cli.run("tables", "--format", "text").out()).isEqualTo(Cli.run("tables").out());
    }
}
