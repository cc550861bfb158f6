package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;

/**
 * Findings of the hostile-input audit (issue 24) that are not a one-line refusal, so not in
 * the bad-input corpus: inputs that were accepted and gave a wrong answer.
 */
class HostileInputsTest {
    static final Path GOOD = Path.of("src/test/resources/bad-inputs/good").toAbsolutePath();

    @TempDir
    Path tmp;

    /** Weights of 1e308 overflowed the normalising sum: every mix metric was 0.0 and "best". */
    @Test
    void hugeSweepWeightsGiveTheMixNotZeros() throws IOException {
        Path spec = tmp.resolve("mix.yaml");
        Files.writeString(spec, "schema: pactsim/sweep/1\nname: mix\naccelerator: " + GOOD.resolve("arch.yaml") + "\n"
                + "networks:\n  - {trace: " + GOOD.resolve("trace.csv") + ", label: a, weight: 1e308}\n"
                + "  - {trace: " + GOOD.resolve("trace.csv") + ", label: b, weight: 1.7e308}\n"
                + "axes:\n  array.rows: [4, 8]\nobjectives:\n  cycles: min\n");
        Path out = tmp.resolve("out");
        Cli c = Cli.run("sweep", spec.toString(), "--out", out.toString(), "--progress", "none");
        assertThat(c.code()).as(c.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("points.csv"));
        List<String> head = Arrays.asList(csv.get(0).split(","));
        int mix = head.indexOf("cycles");
        int a = head.indexOf("a.cycles");
        assertThat(mix).isPositive();
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",");
            assertThat(Double.parseDouble(f[mix])).as(row).isPositive().isEqualTo(Double.parseDouble(f[a]));
        }
    }

    /** A chain of {@code n} conv and relu layers (8x8x16), each fed by the one before. */
    static String chain(int n) {
        StringBuilder sb = new StringBuilder("name,type,batch,inH,inW,inC,outC,kH,kW,padH,bias,weightBits,activationBits,"
                + "outputBits,numberType\n");
        for (int i = 0; i < n; i++) {
            sb.append(i % 2 == 0 ? "c" + i + ",conv,1,8,8,16,16,3,3,1,false,8,8,8,int\n"
                    : "r" + i + ",relu,1,8,8,16,,,,,,,8,8,int\n");
        }
        return sb.toString();
    }

    /**
     * A run that needs more heap than the JVM has ends in the documented one-line internal
     * error with a hint, exit code 1 (it printed an OutOfMemoryError's stack trace). A child
     * JVM with a 24 MB heap, so the test's own heap is not at stake.
     */
    @Test
    void outOfMemoryIsOneLineWithAHint() throws Exception {
        Path trace = tmp.resolve("chain.csv");
        Files.writeString(trace, chain(60_000));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.pactsim.cli.Main", "simulate", "--arch", GOOD.resolve("arch.yaml").toString(),
                "--trace", trace.toString(), "--format", "json"));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err.strip()).startsWith("pactsim: internal error: out of memory (")
                .contains("PACTSIM_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
        assertThat(err.strip().lines()).hasSize(1);
    }
}
