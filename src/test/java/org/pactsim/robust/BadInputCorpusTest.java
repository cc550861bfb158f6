package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;

/**
 * The bad-input corpus ({@code src/test/resources/bad-inputs/}): every file is fed to the
 * command that reads its kind, with valid partners from {@code good/}, and must end in exit
 * code 2 with exactly the one-line message listed for it in {@code expected.tsv}, no stack
 * trace, nothing on standard output and no output folder left behind; {@code pactsim validate}
 * must list the same message (or the one the manifest gives for it). Entries starting with
 * {@code @} are made by the test: a directory or a missing path given as a file, 1 MB
 * single-line files, a symbolic link loop and a dangling link. Cases of the role {@code args}
 * are command lines ({@code args/NAME.args}, one argument a line, {@code {good}} for the
 * folder of partners, {@code {out}} for an output folder): options, not files, are wrong. Each case has 30 s (alias bombs, deep nesting and long lines must be
 * refused in bounded time, not hang).
 */
class BadInputCorpusTest {
    static final Path ROOT = Path.of("src/test/resources/bad-inputs");
    private static final Path GOOD = ROOT.resolve("good");
    private static final int ONE_MIB = 1 << 20;

    /** One manifest line: the case, the expected message, and what validate lists. */
    record Case(String name, String message, String validate) {
        String role() {
            return name.substring(0, name.indexOf('/'));
        }

        boolean generated() {
            return name.substring(name.indexOf('/') + 1).startsWith("@");
        }
    }

    static List<Case> manifest() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertThat(f).as("manifest line %s", line).hasSize(3);
            cases.add(new Case(f[0], f[1], f[2]));
        }
        return cases;
    }

    /** Every file of the corpus has an entry, every entry a file, and there are enough of them. */
    @Test
    void theManifestCoversTheCorpus() throws IOException {
        Set<String> files = new TreeSet<>();
        for (String role : List.of("arch", "cfg", "topology", "trace", "cost", "sweep", "args")) {
            try (Stream<Path> s = Files.list(ROOT.resolve(role))) {
                s.forEach(p -> files.add(role + "/" + p.getFileName()));
            }
        }
        Set<String> listed = new TreeSet<>();
        Map<String, Integer> perRole = new LinkedHashMap<>();
        for (Case c : manifest()) {
            assertThat(listed.add(c.name())).as("listed once: %s", c.name()).isTrue();
            perRole.merge(c.role(), 1, Integer::sum);
            if (!c.generated()) {
                assertThat(files).as("corpus file for %s", c.name()).contains(c.name());
            }
        }
        assertThat(listed).containsAll(files);
        assertThat(listed).hasSizeGreaterThanOrEqualTo(218);
        assertThat(perRole.keySet()).containsExactlyInAnyOrder("arch", "cfg", "topology", "trace", "cost", "sweep",
                "args");
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputEndsInExit2WithItsMessage(@TempDir Path tmp) throws IOException {
        List<Case> cases = manifest();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () ->
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(c, tmp, cases.indexOf(c)))));
    }

    private static void check(Case c, Path tmp, int index) throws IOException {
        Path file = input(c, tmp.resolve("in" + index));
        Path out = tmp.resolve("out" + index).resolve("report");
        Cli r = Cli.run(c.role().equals("args") ? arguments(file, out) : command(c.role(), file.toString(), out.toString()));
        String expected = "pactsim: " + c.message().replace("{file}", file.toString());
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(expected);
        assertThat(r.err().lines().count()).as("one line, no stack trace").isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(out.getParent()).as("nothing written").doesNotExist();

        if (c.validate().equals("-")) {
            return; // a command line: nothing for validate
        }
        Cli v = Cli.run("validate", file.toString());
        if (c.validate().equals("ok")) {
            // validate reads each file alone: a network too large for one accelerator is found by simulate
            assertThat(v.code()).isZero();
            return;
        }
        String listed = c.validate().equals("same") ? c.message() : c.validate();
        assertThat(v.code()).as(v.out()).isEqualTo(2);
        assertThat(v.out()).contains("\n  " + listed.replace("{file}", file.toString()) + "\n");
        assertThat(v.err().strip()).isEqualTo("pactsim: 1 of 1 file has problems");
    }

    /** The file of a case: from the corpus, or made here for {@code @} entries. */
    private static Path input(Case c, Path dir) throws IOException {
        String leaf = c.name().substring(c.name().indexOf('/') + 1);
        if (!c.generated()) {
            return ROOT.resolve(c.name());
        }
        Files.createDirectories(dir);
        Path p = dir.resolve(leaf.substring(1));
        String base = leaf.substring(1, leaf.contains(".") ? leaf.indexOf('.') : leaf.length());
        switch (base) {
            case "directory":
                Files.createDirectories(p);
                return p;
            case "missing":
                return p;
            case "symlink-loop":
                Files.createSymbolicLink(p, p.resolveSibling("loop-" + leaf.substring(1)));
                Files.createSymbolicLink(p.resolveSibling("loop-" + leaf.substring(1)), p.getFileName());
                return p;
            case "dangling-link":
                Files.createSymbolicLink(p, Path.of("gone-" + leaf.substring(1)));
                return p;
            case "long-line":
                Files.writeString(p, longLine(c.role()), StandardCharsets.UTF_8);
                assertThat(Files.size(p)).isGreaterThan(ONE_MIB);
                return p;
            default:
                throw new AssertionError("unknown generated case " + c.name());
        }
    }

    /** The command line of an {@code args} case. */
    private static String[] arguments(Path file, Path out) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#"))
                .map(l -> l.replace("{good}", GOOD.toString()).replace("{out}", out.toString()))
                .toArray(String[]::new);
    }

    /** A file of one line over 1 MiB, in the syntax of the role's format. */
    private static String longLine(String role) {
        switch (role) {
            case "arch":
                return "name: " + "a".repeat(ONE_MIB) + "\n";
            case "cfg":
                return "run_name = " + "a".repeat(ONE_MIB) + "\n";
            case "topology":
                return "Layer name," + "1,".repeat(ONE_MIB / 2) + "\n";
            case "trace":
                return "name,type," + "x".repeat(ONE_MIB) + "\n";
            case "sweep":
                return "schema: pactsim/sweep/1\nname: " + "s".repeat(ONE_MIB) + "\n";
            default:
                return "# schema: " + "x".repeat(ONE_MIB) + "\n";
        }
    }

    /** The command that reads a file of {@code role}, with valid partners and an output folder. */
    static String[] command(String role, String file, String out) {
        String arch = GOOD.resolve("arch.yaml").toString();
        String trace = GOOD.resolve("trace.csv").toString();
        switch (role) {
            case "arch":
                return new String[] {"simulate", "--arch", file, "--trace", trace, "--out", out};
            case "trace":
                return new String[] {"simulate", "--arch", arch, "--trace", file, "--out", out};
            case "cfg":
                return new String[] {"scalesim", "-c", file, "-t", GOOD.resolve("topology.csv").toString(), "-p", out};
            case "topology":
                return new String[] {"scalesim", "-c", GOOD.resolve("scalesim.cfg").toString(), "-t", file, "-p", out};
            case "sweep":
                return new String[] {"sweep", file, "--out", out, "--progress", "none"};
            default:
                return new String[] {"simulate", "--arch", arch, "--trace", trace, "--tables", file, "--out", out};
        }
    }

    /** With --debug the same refusal carries its stack trace, for a bug report. */
    @Test
    void debugAddsTheStackTrace(@TempDir Path tmp) {
        Cli r = Cli.run("simulate", "--debug", "--arch", ROOT.resolve("arch/rows-zero.yaml").toString(), "--trace",
                GOOD.resolve("trace.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pactsim: " + ROOT.resolve("arch/rows-zero.yaml") + ":4: array.rows")
                .contains("org.pactsim.io.InputException").contains("\tat org.pactsim.");
    }
}
