package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.golden.Golden;
import org.pactsim.io.format.ArchReader;
import org.pactsim.memory.TilingMemo;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.DramSpec;
import org.pactsim.study.Llm;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;
import org.pactsim.workload.zoo.Decoder;

/**
 * The generated tables of {@code docs/llm.md}: the four models against their published counts,
 * the decode sweep over batch, context and precision (and its chart, {@code docs/img/}), the
 * comparison with published measurements, and the iso-area study of Llama-3.2-1B. Rewritten with
 * {@code -Dpactsim.updateGolden=true} (the chart is rewritten then too; its pixels are not
 * compared, since they depend on the fonts).
 */
class LlmDocsGoldenTest {
    static final Path DOC = Path.of("docs", "llm.md");
    static final Path CHART = Path.of("docs", "img", "llm-decode-batch.png");
    static final AcceleratorSpec CHIP = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of()).spec();

    @TempDir
    Path tmp;

    @Test
    void modelsTable() throws IOException {
        StringBuilder t = new StringBuilder("| model | layers | d_model | heads (KV) x head_dim | FFN | vocabulary | LM head"
                + " | parameters, pactsim | published | ratio | KV cache per token at 16 bits |\n"
                + "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (LlmConfig c : LlmConfig.ALL) {
            long params = Decoder.params(c, Decoder.build(c, LlmStep.decode(1, 16)));
            t.append(String.format(Locale.ROOT, "| %s | %d | %d | %d (%d) x %d | %d | %,d | %s | %,d | %,d | %.4f | %,d B |%n",
                    c.title(), c.layers(), c.hidden(), c.heads(), c.kvHeads(), c.headDim(), c.ffn(), c.vocab(),
                    c.tied() ? "tied" : "own", params, c.publishedParams(), (double) params / c.publishedParams(),
                    c.kvCacheBytes(1, 1, 16)));
        }
        Golden.checkRegion(DOC, "llm-models", t.toString());
    }

    @Test
    void decodeSweepTableAndChart() throws IOException {
        long[] batches = {1, 4, 16, 64, 256};
        long[] contexts = {512, 4096};
        LlmPrecision[] ps = {LlmPrecision.FP16, LlmPrecision.W8A8, LlmPrecision.W4A16, LlmPrecision.W4A4};
        Path out = tmp.resolve("sweep");
        List<String> args = new ArrayList<>(List.of("llm", "--network", "llama-3.2-1b", "--phase", "decode",
                "--match-pe", "--batch", "1,4,16,64,256", "--context", "512,4096", "--precision", "fp16,w8a8,w4a16,w4a4",
                "--format", "json", "--out", out.toString()));
        Cli c = Cli.run(args.toArray(new String[0]));
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(c.out()).get("runs");
        assertThat(runs).hasSize(ps.length * contexts.length * batches.length);
        StringBuilder t = new StringBuilder("| precision | context |");
        for (long b : batches) {
            t.append(" batch ").append(b).append(" |");
        }
        t.append(" x bound at batch 1 | x bound at batch 256 |\n|---|---:|").append("---:|".repeat(batches.length + 2))
                .append('\n');
        int i = 0;
        for (LlmPrecision p : ps) {
            for (long ctx : contexts) {
                t.append("| ").append(p.key()).append(" | ").append(ctx).append(" |");
                double first = 0;
                double last = 0;
                for (int b = 0; b < batches.length; b++) {
                    JsonNode r = runs.get(i++);
                    assertThat(r.get("precision").asText()).startsWith(p.key());
                    assertThat(r.get("context").asLong()).isEqualTo(ctx);
                    assertThat(r.get("batch").asLong()).isEqualTo(batches[b]);
                    assertThat(r.get("boundRatio").asDouble()).as("no step beats its bound").isGreaterThanOrEqualTo(1.0);
                    t.append(String.format(Locale.ROOT, " %,.0f |", r.get("tokensPerSecond").asDouble()));
                    if (b == 0) {
                        first = r.get("boundRatio").asDouble();
                    }
                    last = r.get("boundRatio").asDouble();
                }
                t.append(String.format(Locale.ROOT, " %.2f | %.2f |%n", first, last));
            }
        }
        Golden.checkRegion(DOC, "llm-decode-sweep", t.toString());
        assertThat(out.resolve("tokens-per-second.png")).isNotEmptyFile();
        if (Golden.updating()) {
            Files.createDirectories(CHART.getParent());
            Files.copy(out.resolve("tokens-per-second.png"), CHART, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(CHART).as("docs/llm.md's chart: rerun with -D" + Golden.UPDATE + "=true").isNotEmptyFile();
    }

    /**
     * Published decode measurements on machines whose DRAM bandwidth is known, against pactsim at that
     * bandwidth (the default chip otherwise), 4-bit weights with one 16-bit scale per 32 (llama.cpp's
     * Q4 blocks), batch 1, context 64 (the middle of a 128-token generation).
     */
    @Test
    void publishedComparison() throws IOException {
        record Case(LlmConfig c, String machine, double gbps, double measured, String source) {
        }
        List<Case> cases = List.of(
                new Case(LlmConfig.LLAMA_3_1_8B, "Mac mini M4 (120 GB/s), llama.cpp Metal, Q4_K_M", 120, 20.87,
                        "github.com/brand-o/normiebench issue 3 (tg128)"),
                new Case(LlmConfig.TINYLLAMA_1_1B, "Mac Studio M1 Ultra (800 GB/s), llama.cpp Metal, Q4_K_M", 800, 242.56,
                        "github.com/geerlingguy/ai-benchmarks issue 48 (tg128)"));
        StringBuilder t = new StringBuilder("| model | machine and software | measured tokens/s | pactsim tokens/s |"
                + " pactsim / measured | weight bytes / bandwidth bound, tokens/s | measured / bound | source |\n"
                + "|---|---|---:|---:|---:|---:|---:|---|\n");
        TilingMemo memo = TilingMemo.local();
        for (Case k : cases) {
            AcceleratorSpec acc = CHIP.withDram(new DramSpec(k.gbps()));
            LlmPrecision.Plan plan = new LlmPrecision.Plan(LlmPrecision.W4A16, LlmPrecision.W4A16, 16, 32, true);
            Llm.Step s = Llm.step(acc, k.c(), plan, LlmStep.decode(1, 64), memo);
            double sim = 1 / s.seconds();
            double bound = 1 / s.streamingBoundSeconds();
            assertThat(sim).isLessThanOrEqualTo(bound);
            t.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f | %.1f | %.2f | %s |%n", k.c().title(),
                    k.machine(), k.measured(), sim, sim / k.measured(), bound, k.measured() / bound, k.source()));
        }
        Golden.checkRegion(DOC, "llm-published", t.toString());
    }

    @Test
    void isoAreaStudy() throws IOException {
        Path out = tmp.resolve("iso");
        Cli c = Cli.run("iso-area", "--network", "llama-3.2-1b", "--bandwidths", "64,819", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode pts = new ObjectMapper().readTree(out.resolve("iso-area.json").toFile()).get("points");
        StringBuilder t = new StringBuilder("| precision | DRAM | design (cores x rows x cols) | peak TOPS | tokens/s |"
                + " speedup | peak ratio | super-linearity | weights / KV cache on chip | DRAM MB per token |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode p : pts) {
            t.append(String.format(Locale.ROOT, "| %s | %.0f GB/s | %dx%dx%d | %.0f | %,.1f | %.2fx | %.2fx | %.2f | %.0f%% / %.0f%% | %.0f |%n",
                    p.get("precision").asText(), p.get("bandwidthGBps").asDouble(), p.get("cores").asInt(),
                    p.get("rows").asInt(), p.get("cols").asInt(), p.get("peakTops").asDouble(),
                    p.get("imagesPerSecond").asDouble(), p.get("speedup").asDouble(), p.get("peakRatio").asDouble(),
                    p.get("superLinearity").asDouble(), 100 * p.get("weightsOnChipShare").asDouble(),
                    100 * p.get("kvCacheOnChipShare").asDouble(), p.get("dramBytesPerImage").asDouble() / 1e6));
        }
        Golden.checkRegion(DOC, "llm-iso-area", t.toString());
    }
}
