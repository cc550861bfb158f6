package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code bin/pactsim ...} command of the README's {@code sh} code blocks in-process,
 * so the README cannot drift from the tool. Output folders ({@code --out}, {@code -p}) are
 * redirected to a temporary folder.
 */
class ReadmeCommandsTest {
    @TempDir
    Path tmp;

    static List<String> commands() throws IOException {
        List<String> cmds = new ArrayList<>();
        boolean inSh = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("```")) {
                inSh = !inSh && line.trim().equals("```sh");
                continue;
            }
            if (!inSh) {
                continue;
            }
            int at = line.indexOf("bin/pactsim ");
            if (at >= 0) {
                cmds.add(line.substring(at + "bin/pactsim ".length()).trim());
            }
        }
        return cmds;
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRuns() throws IOException {
        List<String> cmds = commands();
        assertThat(cmds).hasSizeGreaterThanOrEqualTo(3);
        return java.util.stream.IntStream.range(0, cmds.size()).mapToObj(n -> DynamicTest.dynamicTest(cmds.get(n), () -> {
            String cmd = cmds.get(n);
            String[] args = cmd.split("\\s+");
            boolean redirected = false;
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals("--out") || args[i].equals("-p")) {
                    args[i + 1] = tmp.resolve("cmd" + n + "-out" + i).toString();
                    redirected = true;
                }
            }
            if (!redirected && args[0].equals("iso-area")) {
                // The main job writes to reports/iso-area by default: keep the test out of the tree.
                args = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                        java.util.stream.Stream.of("--out", tmp.resolve("cmd" + n + "-default").toString())).toArray(String[]::new);
            }
            Cli c = Cli.run(args);
            assertThat(c.code()).as(cmd + "\n" + c.err()).isZero();
            assertThat(c.out()).isNotBlank();
        }));
    }
}
