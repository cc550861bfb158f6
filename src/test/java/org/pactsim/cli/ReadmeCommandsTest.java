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
 * redirected to a temporary folder. The numbers the README quotes are generated regions checked
 * by {@code IsoAreaGoldenTest} and {@code cost.ReferenceChipsTest}; the quick start is what CI
 * runs ({@link #ciRunsTheQuickStartLines}).
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

    /** A command's words as the shell passes them: split at spaces, single-quoted words unquoted (--dim 'x[0]=1'). */
    static String[] words(String cmd) {
        return java.util.Arrays.stream(cmd.split("\\s+"))
                .map(a -> a.length() > 1 && a.startsWith("'") && a.endsWith("'") ? a.substring(1, a.length() - 1) : a)
                .toArray(String[]::new);
    }

    /** The README's first code block: the quick start, the lines a new user runs. */
    static List<String> quickStart() throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("```")) {
                if (in) {
                    break;
                }
                in = true;
                continue;
            }
            if (in && !line.isBlank()) {
                out.add(line.trim());
            }
        }
        return out;
    }

    /** CI runs the README's quick start, line for line: what passes for a user passes in CI, and the reverse. */
    @org.junit.jupiter.api.Test
    void ciRunsTheQuickStartLines() throws IOException {
        List<String> ci = Files.readAllLines(Path.of(".ci", "run")).stream().map(String::trim)
                .filter(l -> l.startsWith("mvn ") || l.startsWith("bin/pactsim ")).toList();
        assertThat(quickStart()).hasSize(2).allMatch(l -> l.startsWith("mvn "));
        assertThat(ci).isEqualTo(quickStart());
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRuns() throws IOException {
        List<String> cmds = commands();
        assertThat(cmds).hasSizeGreaterThanOrEqualTo(3);
        return java.util.stream.IntStream.range(0, cmds.size()).mapToObj(n -> DynamicTest.dynamicTest(cmds.get(n), () -> {
            String cmd = cmds.get(n);
            String[] args = words(cmd);
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
