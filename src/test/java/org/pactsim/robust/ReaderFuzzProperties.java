package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.ArchReader;
import org.pactsim.testing.Seeds;
import org.pactsim.io.InputException;
import org.pactsim.robust.Harness.Reader;

/**
 * Fuzzes every reader with damaged copies of valid files ({@link Mutations}) and with inputs
 * built from the readers' own keys and pooled values ({@link Generated}): 1,500 inputs per
 * reader a run (1,000 mutated sweep specs), judged by {@link Harness}: nothing but an {@link InputException} may come out
 * of a reader, and what a reader accepts must go through simulation and pricing.
 *
 * <p>Time: about 20 s on two cores for the whole class. A failure prints the case, the input
 * and the seed ({@code -Dpactsim.seed=N} reruns it).
 */
class ReaderFuzzProperties {
    private static final Path GOOD = Path.of("src/test/resources/bad-inputs/good");
    private static Path dir;
    private static Harness harness;

    @BeforeAll
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("pactsim-fuzz");
        harness = new Harness(dir);
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static List<String[]> seeds(String... files) {
        List<Path> p = new ArrayList<>();
        for (String f : files) {
            p.add(Path.of(f));
        }
        return Harness.seeds(p);
    }

    /** Runs {@code tries} inputs drawn by {@code input} through {@code reader}; each must be accepted or refused cleanly. */
    private static void fuzz(String name, int tries, Reader reader, Function<SplittableRandom, byte[]> input) {
        Seeds.repeat("ReaderFuzzProperties." + name, tries, r -> {
            byte[] content = input.apply(r);
            try {
                harness.judge(reader, content);
            } catch (Exception e) {
                throw new AssertionError("input:\n" + new String(content, StandardCharsets.UTF_8), e);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ninput:\n" + new String(content, StandardCharsets.UTF_8), e);
            }
        });
    }

    private static Function<SplittableRandom, byte[]> mutants(List<String[]> seeds) {
        return r -> Mutations.of(r, seeds).bytes();
    }

    private static Function<SplittableRandom, byte[]> text(Function<SplittableRandom, String> g) {
        return r -> g.apply(r).getBytes(StandardCharsets.UTF_8);
    }

    // ---- accelerators -------------------------------------------------------------------

    @Test
    void mutatedYamlAccelerators() {
        fuzz("mutatedYamlAccelerators", 1000, Reader.ARCH_YAML,
                mutants(seeds(GOOD + "/arch.yaml", "arch-configs/tpu-v1.yaml", "arch-configs/eyeriss.yaml",
                "arch-configs/scale-32x32.yaml")));
    }

    @Test
    void generatedYamlAccelerators() {
        fuzz("generatedYamlAccelerators", 500, Reader.ARCH_YAML,
                text(r -> Generated.arch(r, false)));
    }

    @Test
    void mutatedJsonAccelerators() {
        fuzz("mutatedJsonAccelerators", 1000, Reader.ARCH_JSON,
                mutants(seeds(GOOD + "/arch.json")));
    }

    @Test
    void generatedJsonAccelerators() {
        fuzz("generatedJsonAccelerators", 500, Reader.ARCH_JSON,
                text(r -> Generated.arch(r, true)));
    }

    @Test
    void mutatedScaleSimConfigs() {
        fuzz("mutatedScaleSimConfigs", 1000, Reader.ARCH_CFG,
                mutants(seeds(GOOD + "/scalesim.cfg", "src/test/resources/bench/google.cfg")));
    }

    @Test
    void generatedScaleSimConfigs() {
        fuzz("generatedScaleSimConfigs", 500, Reader.ARCH_CFG,
                text(Generated::cfg));
    }

    /** {@code --set} overrides reach the strict binder: only input errors naming the argument. */
    @Test
    void overrides() {
        Seeds.repeat("ReaderFuzzProperties.overrides", 1000, r -> {
            List<String> sets = Generated.sets(r);
            try {
                harness.pipelineBounded(Reader.ARCH_YAML, ArchReader.read(GOOD.resolve("arch.yaml"), sets).spec());
            } catch (InputException e) {
                Harness.assertOneLine(e.getMessage(), "");
                assertThat(e.getMessage()).as("%s", sets)
                        .matches("(--set |" + java.util.regex.Pattern.quote(GOOD.toString()) + ").*");
            } catch (Exception e) {
                throw new AssertionError("--set " + sets, e);
            }
        });
    }

    // ---- traces and topologies ----------------------------------------------------------

    @Test
    void mutatedCsvTraces() {
        fuzz("mutatedCsvTraces", 1000, Reader.TRACE_CSV,
                mutants(seeds(GOOD + "/trace.csv", GOOD + "/trace-mixed.csv")));
    }

    @Test
    void generatedCsvTraces() {
        fuzz("generatedCsvTraces", 500, Reader.TRACE_CSV,
                text(Generated::traceCsv));
    }

    @Test
    void mutatedYamlTraces() {
        fuzz("mutatedYamlTraces", 1000, Reader.TRACE_YAML,
                mutants(seeds(GOOD + "/trace.yaml")));
    }

    @Test
    void generatedYamlTraces() {
        fuzz("generatedYamlTraces", 500, Reader.TRACE_YAML,
                text(Generated::traceYaml));
    }

    @Test
    void mutatedTopologies() {
        fuzz("mutatedTopologies", 1000, Reader.TOPOLOGY,
                mutants(seeds(GOOD + "/topology.csv", GOOD + "/topology-dp.csv", GOOD + "/gemm.csv")));
    }

    @Test
    void generatedTopologies() {
        fuzz("generatedTopologies", 500, Reader.TOPOLOGY,
                text(Generated::topology));
    }

    // ---- cost tables --------------------------------------------------------------------

    @Test
    void mutatedCostTables() {
        fuzz("mutatedCostTables", 1000, Reader.COST,
                mutants(seeds(GOOD + "/cost-dram.csv",
                "src/main/resources/org/pactsim/cost/default-tables.csv")));
    }

    @Test
    void generatedCostTables() {
        fuzz("generatedCostTables", 500, Reader.COST,
                text(Generated::costTables));
    }

    // ---- sweep specs --------------------------------------------------------------------

    @Test
    void mutatedSweepSpecs() {
        fuzz("mutatedSweepSpecs", 1000, Reader.SWEEP,
                mutants(seeds(GOOD + "/sweep.yaml")));
    }
}
