package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pactsim iso-area} on a decoder: the same study in tokens, with the weights' and KV cache's residency. */
class IsoAreaLlmTest {
    @TempDir
    Path dir;

    @Test
    void decodeStudyInTokensPerSecond() throws Exception {
        Path out = dir.resolve("llm");
        Cli c = Cli.run("iso-area", "--network", "qwen2.5-0.5b", "--precisions", "fp16,w4a16,w4a8",
                "--bandwidths", "64", "--batch", "4", "--context", "256", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("tokens/s").contains("weights/KV on chip").contains("4 tokens per batch")
                .contains("w4a16");
        JsonNode pts = new ObjectMapper().readTree(out.resolve("iso-area.json").toFile()).get("points");
        assertThat(pts).hasSize(3);
        for (JsonNode p : pts) {
            assertThat(p.get("unit").asText()).isEqualTo("token");
            assertThat(p.get("batch").asLong()).isEqualTo(4);
            assertThat(p.get("weightsOnChipShare").asDouble()).isBetween(0.0, 1.0);
            assertThat(p.get("kvCacheOnChipShare").asDouble()).isBetween(0.0, 1.0);
            // every design moves at least the weights and cache it cannot keep, and no more than a few times them
            assertThat(p.get("dramToCompulsory").asDouble()).isGreaterThan(0.5).isLessThan(3.0);
        }
        // at 64 GB/s a decode step is bound by its weight bytes: 4-bit weights beat fp16 by about their bytes
        double w4 = pts.get(1).get("speedup").asDouble();
        assertThat(w4).isGreaterThan(2.5).isLessThan(4.5);
    }

    @Test
    void prefillCountsPromptTokens() throws Exception {
        Cli c = Cli.run("iso-area", "--network", "qwen2.5-0.5b", "--phase", "prefill", "--prompt", "64",
                "--precisions", "w8a8,w4a4", "--bandwidths", "unlimited", "--format", "json", "--out",
                dir.resolve("p").toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode pts = new ObjectMapper().readTree(c.out()).get("points");
        assertThat(pts.get(0).get("batch").asLong()).isEqualTo(64);
        assertThat(pts.get(0).get("kvCacheOnChipShare").isNull()).as("a prefill reads no cache").isTrue();
    }

    @Test
    void serveStudyRanksDesignsByTheWholeScenario() throws Exception {
        Path out = dir.resolve("serve");
        Cli c = Cli.run("iso-area", "--network", "qwen2.5-0.5b", "--phase", "serve", "--prompt", "64", "--generate", "16",
                "--precisions", "w8a8,w4a8", "--bandwidths", "64", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("serving study").contains("TTFT ms").contains("TPOT ms");
        for (String f : new String[] {"iso-area.txt", "iso-area.csv", "iso-area.json", "speedup.png", "speedup.svg",
            "index.html", "accelerator.resolved.json"}) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        JsonNode root = new ObjectMapper().readTree(out.resolve("iso-area.json").toFile());
        assertThat(root.get("schema").asText()).isEqualTo("pactsim/iso-area-serve/1");
        JsonNode pts = root.get("points");
        assertThat(pts).hasSize(2);
        // 4-bit weights against 8-bit at a DDR bandwidth: close to the byte ratio, never above 2.2x
        assertThat(pts.get(1).get("speedup").asDouble()).isGreaterThan(1.5).isLessThan(2.2);
        assertThat(pts.get(0).get("designsSearched").asInt()).isGreaterThan(5);
        Cli bad = Cli.run("iso-area", "--network", "qwen2.5-0.5b", "--generate", "16", "--out", dir.resolve("x").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--generate: expected --phase serve");
    }

    @Test
    void llmOptionsAreRefusedOnOtherNetworksAndViceVersa() {
        Cli a = Cli.run("iso-area", "--network", "resnet20", "--phase", "decode", "--out", dir.resolve("a").toString());
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("--phase: expected an LLM --network");
        Cli b = Cli.run("iso-area", "--network", "qwen2.5-0.5b", "--sensitivity", "--out", dir.resolve("b").toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains("--sensitivity");
        Cli d = Cli.run("iso-area", "--network", "qwen2.5-0.5b", "--precisions", "int4", "--out",
                dir.resolve("d").toString());
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("--precisions: expected LLM precisions");
        Cli e = Cli.run("iso-area", "--network", "qwen2.5-0.5b", "--phase", "prefill", "--context", "9",
                "--out", dir.resolve("e").toString());
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("--context: expected --phase decode");
    }
}
