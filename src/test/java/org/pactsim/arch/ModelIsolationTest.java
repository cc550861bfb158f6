package org.pactsim.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of style.md, read from the source text (imports, fully qualified names and
 * class names in strings alike; comments excluded): the model packages use no I/O, CLI, chart
 * or Spark library and no pactsim I/O, report or CLI package; and the package graph has no
 * cycle (issue 25 broke the last two: cli <-> spark by a {@code run.SweepEngine} found by name,
 * io <-> io.onnx by an {@code io.NetworkImporter} found by name).
 */
class ModelIsolationTest {
    /** The model packages, with their sub-packages. */
    static final List<String> MODEL = List.of("spec", "workload", "mapping", "engine", "memory", "cost", "study", "sim");

    /** Libraries and pactsim packages the model must not name. */
    static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(com\\.fasterxml\\.|picocli\\.|org\\.jfree\\.|org\\.apache\\.spark\\.|scala\\.|org\\.pactsim\\.(io|cli|report|spark|rtl)\\.)");

    static boolean isModel(String pkg) {
        return MODEL.stream().anyMatch(m -> pkg.equals(m) || pkg.startsWith(m + "."));
    }

    @Test
    void modelPackagesNameNoJacksonPicocliJFreeChartSparkOrScala() throws IOException {
        List<String> found = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (SourceScan.Source s : SourceScan.mainSources()) {
            if (!isModel(s.pkg())) {
                continue;
            }
            seen.add(s.pkg().split("\\.")[0]);
            String[] lines = s.code().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = FORBIDDEN.matcher(lines[i]);
                if (m.find()) {
                    found.add(s.path() + ":" + (i + 1) + ": " + m.group(1) + " in " + lines[i].trim());
                }
            }
        }
        assertThat(seen).as("every model package was read").containsExactlyInAnyOrderElementsOf(MODEL);
        assertThat(found).isEmpty();
    }

    /** The scan sees what it must: a fully qualified use in code and a name in a string; not a comment. */
    @Test
    void theScanSeesQualifiedNamesAndStringsButNotComments() {
        String code = SourceScan.withoutComments("""
                package org.pactsim.sim;
                // org.pactsim.io.Gone is a comment
                /** {@link org.pactsim.report.Gone} */
                class X { Object a = new com.fasterxml.jackson.databind.ObjectMapper();
                  String b = "org.pactsim.spark.SparkSweep"; char c = '"'; /* org.pactsim.cli.Main */ }
                """);
        SourceScan.Source s = new SourceScan.Source(Path.of("X.java"), "sim", code);
        assertThat(s.pactsimPackages()).containsExactly("spark");
        assertThat(FORBIDDEN.matcher(code).results().map(r -> r.group(1)).toList())
                .containsExactly("com.fasterxml.", "org.pactsim.spark.");
        assertThat(code.lines().count()).isEqualTo(5);
    }

    @Test
    void thePackageGraphHasNoCycle() throws IOException {
        PackageGraph g = PackageGraph.of(SourceScan.mainSources());
        String text = g.render();
        System.out.print(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "package-graph.txt"), text);

        assertThat(g.edges()).containsKeys("spec", "engine", "sim", "cli", "io", "report");
        assertThat(g.cycleEdges()).as("edges on a cycle (graph in target/package-graph.txt):\n" + text).isEmpty();
    }

    /**
     * The Timeloop/Accelergy split: the engines count actions, {@code cost} prices them from the
     * spec and its tables alone, and the spec names no other pactsim package.
     */
    @Test
    void costKnowsOnlyTheSpecAndTheSpecNothing() throws IOException {
        PackageGraph g = PackageGraph.of(SourceScan.mainSources());
        assertThat(g.edges().get("cost")).containsExactly("spec");
        assertThat(g.edges().get("spec")).isEmpty();
    }

    @Test
    void theCycleFinderFindsACycleAndOnlyItsEdges() {
        List<SourceScan.Source> s = List.of(
                new SourceScan.Source(Path.of("A.java"), "a", "import org.pactsim.b.B;"),
                new SourceScan.Source(Path.of("B.java"), "b", "class B { org.pactsim.c.C c; }"),
                new SourceScan.Source(Path.of("C.java"), "c", "Class.forName(\"org.pactsim.b.B\"); org.pactsim.d.D d;"),
                new SourceScan.Source(Path.of("D.java"), "d", ""));
        PackageGraph g = PackageGraph.of(s);
        assertThat(g.cycleEdges()).containsExactly("b -> c", "c -> b");
        assertThat(g.edgeNames()).containsExactly("a -> b", "b -> c", "c -> b", "c -> d");
        assertThat(g.render()).contains("b <-> c").contains("c -> b*, d");
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        for (Path root : SourceScan.ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    boolean hasJava;
                    try (Stream<Path> f = Files.list(d)) {
                        hasJava = f.anyMatch(p -> p.toString().endsWith(".java"));
                    }
                    if (hasJava) {
                        assertThat(d.resolve("package-info.java")).as(d.toString()).exists();
                    }
                }
            }
        }
    }
}
