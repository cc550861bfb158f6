package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pactsim llm}, in-process: its runs, its report files and its one-line errors. */
class LlmCommandTest {
    @Test
    void decodeRowsPerBatchAndPrecision() throws Exception {
        Cli c = Cli.run("llm", "--network", "qwen2.5-0.5b", "--phase", "decode", "--context", "256,1024",
                "--batch", "1,8", "--precision", "w4a16,w8a8", "--format", "json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(c.out());
        assertThat(root.get("schema").asText()).isEqualTo("pactsim/llm/1");
        JsonNode runs = root.get("runs");
        assertThat(runs).hasSize(8);
        for (JsonNode r : runs) {
            assertThat(r.get("phase").asText()).isEqualTo("decode");
            // the step takes at least its larger bound (the bound is exact: a ratio below 1 is a bug)
            assertThat(r.get("boundRatio").asDouble()).isGreaterThanOrEqualTo(1.0);
            assertThat(r.get("kvCacheBytes").asLong()).isPositive();
        }
        // batch 8 decodes more tokens per second than batch 1, at the same precision and context
        assertThat(runs.get(1).get("tokensPerSecond").asDouble())
                .isGreaterThan(runs.get(0).get("tokensPerSecond").asDouble());
        // 4-bit weights stream half the bytes of 8-bit ones: the w4a16 step is faster at batch 1
        assertThat(runs.get(0).get("stepMs").asDouble()).isLessThan(runs.get(4).get("stepMs").asDouble());
    }

    @Test
    void serveReportsTimeToFirstTokenAndPerOutputToken(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        Cli c = Cli.run("llm", "--network", "qwen2.5-0.5b", "--prompt", "64", "--generate", "8", "--batch", "1,2",
                "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("serve").contains("TTFT ms").contains("qwen2.5-0.5b");
        for (String f : new String[] {"llm.txt", "llm.csv", "llm.json", "tokens-per-second.png",
            "tokens-per-second.svg", "accelerator.resolved.json"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        JsonNode r = new ObjectMapper().readTree(Files.readString(out.resolve("llm.json"))).get("runs").get(0);
        double ttft = r.get("ttftMs").asDouble();
        double tpot = r.get("tpotMs").asDouble();
        // 8 tokens: the first after the prefill, then 7 decode steps
        assertThat(r.get("tokensPerSecond").asDouble() * (ttft + 7 * tpot) / 1e3).isCloseTo(8.0,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(Files.readString(out.resolve("llm.csv"))).startsWith("network,phase,precision,batch");
    }

    @Test
    void eachLayerKindTakesItsOwnPrecision() throws Exception {
        Cli c = Cli.run("llm", "--network", "qwen2.5-0.5b", "--phase", "decode", "--precision", "w4a8", "--attention",
                "w8a8", "--lm-head", "w8a16", "--kv-bits", "4", "--format", "json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(c.out()).get("runs").get(0);
        assertThat(r.get("precision").asText()).isEqualTo("attn-w8a8-mlp-w4a8-head-w8a16-kv4");
        assertThat(r.get("describe").asText()).contains("w8a8 attention projections, w4a8 MLP, w8a16 LM head, KV cache at 4 bits");
        // the cache at 4 bits: 2 x 24 layers x 2 KV heads x 64 x (512 + 1) positions x 4 bits / 8
        assertThat(r.get("kvCacheBytes").asLong()).isEqualTo(2L * 24 * 2 * 64 * 513 * 4 / 8);
        Cli m = Cli.run("llm", "--network", "qwen2.5-0.5b", "--phase", "decode", "--precision", "w4a8", "--matmul-bits",
                "16", "--format", "json");
        assertThat(m.code()).as(m.err()).isZero();
        JsonNode mr = new ObjectMapper().readTree(m.out()).get("runs").get(0);
        assertThat(mr.get("precision").asText()).isEqualTo("w4a8-mm16");
        assertThat(mr.get("describe").asText()).contains("attention matmuls' Q and softmax at 16");
    }

    @Test
    void simulateTakesAnLlmStepByName() throws Exception {
        Cli c = Cli.run("simulate", "--arch", "pact-14nm", "--network", "qwen2.5-0.5b-decode256-b2", "--precision", "w4a16",
                "--format", "json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(c.out());
        assertThat(r.toString()).contains("decode step: 2 x 1 new token, K and V of 256 earlier tokens")
                .contains("l23.attn.scores").contains("KV cache at 16 bits");
        Cli plain = Cli.run("simulate", "--arch", "pact-14nm", "--network", "qwen2.5-0.5b-prefill64");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("prefill: 1 x 64 prompt tokens");
        Cli bad = Cli.run("simulate", "--arch", "pact-14nm", "--network", "qwen2.5-0.5b-decode");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--network: expected qwen2.5-0.5b[-prefillP|-decodeL][-bB]");
        Cli cnn = Cli.run("simulate", "--arch", "pact-14nm", "--network", "qwen2.5-0.5b", "--precision", "int4");
        assertThat(cnn.code()).isEqualTo(2);
        assertThat(cnn.err()).contains("--precision: expected an LLM precision");
        Cli iso = Cli.run("iso-area", "--network", "qwen2.5-0.5b-decode64", "--out", "target/never");
        assertThat(iso.code()).isEqualTo(2);
        assertThat(iso.err()).contains("the model's name alone (qwen2.5-0.5b) with --phase");
    }

    @Test
    void matchPeRunsFloatPrecisionsOnFloatPes() {
        Cli c = Cli.run("llm", "--network", "qwen2.5-0.5b", "--phase", "decode", "--precision", "fp8,fp16,w4a4",
                "--match-pe");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("fp8").contains("fp16").contains("w4a4");
    }

    @Test
    void badInputsEndInOneLineAndExit2() {
        String[][] cases = {
            {"--network", "llama-9b"},
            {"--network", "qwen2.5-0.5b", "--precision", "w3a16"},
            {"--network", "qwen2.5-0.5b", "--context", "128"},
            {"--network", "qwen2.5-0.5b", "--phase", "decode", "--batch", "0"},
            {"--network", "qwen2.5-0.5b", "--phase", "decode", "--precision", "fp8"},
            {"--network", "qwen2.5-0.5b", "--phase", "decode", "--precision", "fp16", "--kv-bits", "4"},
            {"--network", "qwen2.5-0.5b", "--phase", "decode", "--precision", "fp16", "--lm-head", "w8a8"},
            {"--network", "qwen2.5-0.5b", "--phase", "decode", "--precision", "w4a8", "--attention", "fp8"},
        };
        String[] expect = {"--network: expected one of llama-3.2-1b", "--precision: expected one of w4a16",
            "--context: expected --phase decode", "--batch: expected an integer from 1", "--match-pe",
            "--kv-bits: expected 8 or 16 with a float variant", "--lm-head: expected a variant of the attention's kind",
            "--mlp: expected a variant of the attention's kind"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "llm";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            Cli c = Cli.run(args);
            assertThat(c.code()).as(String.join(" ", args) + ": " + c.err()).isEqualTo(2);
            assertThat(c.err().strip().lines().count()).as(c.err()).isEqualTo(1);
            assertThat(c.err()).contains(expect[i]).doesNotContain("Exception");
        }
    }
}
