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
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.pactsim.io.ArchReader;
import org.pactsim.io.InputException;
import org.pactsim.robust.Harness.Reader;
import org.pactsim.robust.Mutations.Mutant;

/**
 * Fuzzes every reader with damaged copies of valid files ({@link Mutations}) and with inputs
 * built from the readers' own keys and pooled values ({@link Generated}): 1,500 inputs per
 * reader a run (1,000 mutated sweep specs), judged by {@link Harness}: nothing but an {@link InputException} may come out
 * of a reader, and what a reader accepts must go through simulation and pricing.
 *
 * <p>Time: about 20 s on two cores for the whole class. A failure prints the input; jqwik
 * shrinks mutated inputs to the fewest edits and records the seed in {@code .jqwik-database}.
 */
class ReaderFuzzProperties {
    private static final Path GOOD = Path.of("src/test/resources/bad-inputs/good");
    private static Path dir;
    private static Harness harness;

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("pactsim-fuzz");
        harness = new Harness(dir);
    }

    @AfterContainer
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

    private static void judge(Reader r, byte[] content) throws Exception {
        Statistics.collect(harness.judge(r, content) ? "accepted" : "refused");
    }

    // ---- accelerators -------------------------------------------------------------------

    @Provide
    Arbitrary<Mutant> archYaml() {
        return Mutations.of(seeds(GOOD + "/arch.yaml", "arch-configs/tpu-v1.yaml", "arch-configs/eyeriss.yaml",
                "arch-configs/scale-32x32.yaml"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedYamlAccelerators(@ForAll("archYaml") Mutant m) throws Exception {
        judge(Reader.ARCH_YAML, m.bytes());
    }

    @Provide
    Arbitrary<String> generatedYamlArch() {
        return Generated.arch(false);
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void generatedYamlAccelerators(@ForAll("generatedYamlArch") String text) throws Exception {
        judge(Reader.ARCH_YAML, text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Mutant> archJson() {
        return Mutations.of(seeds(GOOD + "/arch.json"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedJsonAccelerators(@ForAll("archJson") Mutant m) throws Exception {
        judge(Reader.ARCH_JSON, m.bytes());
    }

    @Provide
    Arbitrary<String> generatedJsonArch() {
        return Generated.arch(true);
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void generatedJsonAccelerators(@ForAll("generatedJsonArch") String text) throws Exception {
        judge(Reader.ARCH_JSON, text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Mutant> cfg() {
        return Mutations.of(seeds(GOOD + "/scalesim.cfg", "src/test/resources/bench/google.cfg"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedScaleSimConfigs(@ForAll("cfg") Mutant m) throws Exception {
        judge(Reader.ARCH_CFG, m.bytes());
    }

    @Provide
    Arbitrary<String> generatedCfg() {
        return Generated.cfg();
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void generatedScaleSimConfigs(@ForAll("generatedCfg") String text) throws Exception {
        judge(Reader.ARCH_CFG, text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<String>> sets() {
        return Generated.sets();
    }

    /** {@code --set} overrides reach the strict binder: only input errors naming the argument. */
    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void overrides(@ForAll("sets") List<String> sets) throws Exception {
        try {
            harness.pipelineBounded(Reader.ARCH_YAML, ArchReader.read(GOOD.resolve("arch.yaml"), sets).spec());
        } catch (InputException e) {
            Harness.assertOneLine(e.getMessage(), "");
            assertThat(e.getMessage()).matches("(--set |" + java.util.regex.Pattern.quote(GOOD.toString()) + ").*");
        }
    }

    // ---- traces and topologies ----------------------------------------------------------

    @Provide
    Arbitrary<Mutant> traceCsv() {
        return Mutations.of(seeds(GOOD + "/trace.csv", GOOD + "/trace-mixed.csv"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedCsvTraces(@ForAll("traceCsv") Mutant m) throws Exception {
        judge(Reader.TRACE_CSV, m.bytes());
    }

    @Provide
    Arbitrary<String> generatedTraceCsv() {
        return Generated.traceCsv();
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void generatedCsvTraces(@ForAll("generatedTraceCsv") String text) throws Exception {
        judge(Reader.TRACE_CSV, text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Mutant> traceYaml() {
        return Mutations.of(seeds(GOOD + "/trace.yaml"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedYamlTraces(@ForAll("traceYaml") Mutant m) throws Exception {
        judge(Reader.TRACE_YAML, m.bytes());
    }

    @Provide
    Arbitrary<String> generatedTraceYaml() {
        return Generated.traceYaml();
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void generatedYamlTraces(@ForAll("generatedTraceYaml") String text) throws Exception {
        judge(Reader.TRACE_YAML, text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Mutant> topology() {
        return Mutations.of(seeds(GOOD + "/topology.csv", GOOD + "/topology-dp.csv", GOOD + "/gemm.csv"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedTopologies(@ForAll("topology") Mutant m) throws Exception {
        judge(Reader.TOPOLOGY, m.bytes());
    }

    @Provide
    Arbitrary<String> generatedTopology() {
        return Generated.topology();
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void generatedTopologies(@ForAll("generatedTopology") String text) throws Exception {
        judge(Reader.TOPOLOGY, text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- cost tables --------------------------------------------------------------------

    @Provide
    Arbitrary<Mutant> costTables() {
        return Mutations.of(seeds(GOOD + "/cost-dram.csv", "src/main/resources/org/pactsim/cost/default-tables.csv"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedCostTables(@ForAll("costTables") Mutant m) throws Exception {
        judge(Reader.COST, m.bytes());
    }

    @Provide
    Arbitrary<String> generatedCostTables() {
        return Generated.costTables();
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void generatedCostTables(@ForAll("generatedCostTables") String text) throws Exception {
        judge(Reader.COST, text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- sweep specs --------------------------------------------------------------------

    @Provide
    Arbitrary<Mutant> sweepSpecs() {
        return Mutations.of(seeds(GOOD + "/sweep.yaml"));
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedSweepSpecs(@ForAll("sweepSpecs") Mutant m) throws Exception {
        judge(Reader.SWEEP, m.bytes());
    }
}
