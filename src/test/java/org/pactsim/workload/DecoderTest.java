package org.pactsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pactsim.memory.MemoryModel;
import org.pactsim.workload.zoo.Decoder;

/**
 * The decoder builders against their published configs: parameters within 1% of the published
 * counts, prefill MACs against the 2 x params x tokens rule plus attention, and the KV cache's
 * bytes against {@code 2 x layers x kv_heads x head_dim x L x bits / 8}.
 */
class DecoderTest {
    static LlmConfig[] configs() {
        return LlmConfig.ALL.toArray(new LlmConfig[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void paramsWithinOnePercentOfPublished(LlmConfig c) {
        for (LlmStep s : new LlmStep[] {LlmStep.prefill(1, 128), LlmStep.decode(4, 1000)}) {
            Network net = Decoder.build(c, s);
            long params = Decoder.params(c, net);
            assertThat((double) params / c.publishedParams()).as("%s %s: %,d vs published %,d", c.name(), s, params,
                    c.publishedParams()).isCloseTo(1.0, within(0.01));
        }
        // the count in full: linear weights, Q/K/V biases, two RMS norms a block, the final norm, the table(s)
        long biases = c.qkvBias() ? Math.multiplyExact(c.layers(), c.qDim() + 2 * c.kvDim()) : 0;
        long exact = c.layers() * c.blockLinearWeights() + biases + (2 * c.layers() + 1) * c.hidden()
                + c.embeddingParams() * (c.tied() ? 1 : 2);
        assertThat(Decoder.params(c, Decoder.build(c, LlmStep.prefill(1, 16)))).isEqualTo(exact);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void prefillMacsAreTwoParamsPerTokenPlusAttention(LlmConfig c) {
        long p = 512;
        Network net = Decoder.build(c, LlmStep.prefill(1, p));
        // Kaplan et al. 2020 (arXiv 2001.08361) Table 1: forward FLOPs = 2 N + 2 n_layer n_ctx d_attn per token,
        // N the non-embedding parameters; here as MACs (FLOPs / 2), from the published count, with the
        // score and context products both counted over all P x P positions (no causal saving) and
        // the LM head run on the last token only
        double nonEmbedding = c.publishedParams() - (double) c.embeddingParams() * (c.tied() ? 1 : 2);
        double expected = p * nonEmbedding + 2.0 * c.layers() * p * p * c.qDim() + (double) c.vocab() * c.hidden();
        assertThat(net.macs() / expected).as("%s MACs %,d vs %,.0f", c.name(), net.macs(), expected)
                .isCloseTo(1.0, within(0.01));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void kvCacheBytesAreTwoLayersKvHeadsHeadDimContextBits(LlmConfig c) {
        for (int bits : new int[] {16, 8, 4}) {
            for (long context : new long[] {1, 511, 4096}) {
                LlmPrecision.Plan plan = new LlmPrecision.Plan(LlmPrecision.W4A16, LlmPrecision.W4A16, bits, 128, true);
                Network net = plan.apply(Decoder.build(c, LlmStep.decode(2, context)));
                long bits8 = Arrays.stream(MemoryModel.kvCacheBits(net)).sum();
                // the step reads the cache with its new token's row: context + 1 positions
                long formula = 2 * c.layers() * c.kvHeads() * c.headDim() * (context + 1) * 2 * bits;
                assertThat(bits8).as("%s kv%d L=%d", c.name(), bits, context).isEqualTo(formula);
                assertThat(c.kvCacheBytes(2, context + 1, bits)).isEqualTo(formula / 8);
            }
        }
        // a prefill reads no cache: its K and V come from its own projections
        Network pre = Decoder.build(c, LlmStep.prefill(1, 64));
        assertThat(Arrays.stream(MemoryModel.kvCacheBits(pre)).sum()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void groupScalesAddSixteenBitsPerGroup(LlmConfig c) {
        Network net = new LlmPrecision.Plan(LlmPrecision.W4A16, LlmPrecision.W4A16, 16, 128, true)
                .apply(Decoder.build(c, LlmStep.decode(1, 8)));
        for (Layer l : net.layers()) {
            if (l instanceof MatMulLayer m && m.kind() == MatMulLayer.Kind.LINEAR) {
                long groups = (m.k() + 127) / 128 * m.n();
                assertThat(m.storedWeightBits()).as(l.name()).isEqualTo(m.k() * m.n() * 4 + groups * 16);
            }
        }
    }
}
