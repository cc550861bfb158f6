package org.pactsim.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model packages import no I/O, CLI or chart library (style.md). */
class ModelIsolationTest {
    private static final List<String> MODEL = List.of("spec", "workload", "mapping", "engine", "memory", "cost", "study");

    @Test
    void modelPackagesImportNoJacksonPicocliOrJFreeChart() throws IOException {
        Path root = Path.of("src/main/java/org/pactsim");
        int checked = 0;
        for (String pkg : MODEL) {
            Path dir = root.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    checked++;
                    assertThat(Files.readAllLines(f))
                            .as(f.toString())
                            .noneMatch(l -> l.matches("^import (static )?(com\\.fasterxml|picocli|org\\.jfree|org\\.pactsim\\.(io|cli|report))\\b.*"));
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(Path.of("src/main/java/org/pactsim"))) {
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
