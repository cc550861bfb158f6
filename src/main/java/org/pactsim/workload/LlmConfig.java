package org.pactsim.workload;

import java.util.List;

/**
 * A decoder-only LLM as its published {@code config.json} gives it: {@code layers} blocks of
 * grouped-query attention ({@code heads} query heads sharing {@code kvHeads} key/value heads of
 * {@code headDim}) with rotary position embeddings, a SwiGLU MLP of {@code ffn}, RMS norms, a
 * vocabulary of {@code vocab} tokens, an LM head tied to the token embedding or not, and biases
 * on the Q, K and V projections or not. {@code publishedParams} is the count its authors give;
 * {@code source} where the figures are from.
 */
public record LlmConfig(String name, String title, long layers, long hidden, long heads, long kvHeads, long headDim,
                        long ffn, long vocab, boolean tied, boolean qkvBias, long publishedParams, String source) {

    /** Meta's Llama 3.2 1B (HF meta-llama/Llama-3.2-1B config.json; model card: 1.23B). */
    public static final LlmConfig LLAMA_3_2_1B = new LlmConfig("llama-3.2-1b", "Llama-3.2-1B", 16, 2048, 32, 8, 64,
            8192, 128_256, true, false, 1_235_814_400L,
            "huggingface.co/meta-llama/Llama-3.2-1B config.json; 1,235,814,400 parameters as transformers loads them (model card: 1.23B)");

    /** Meta's Llama 3.1 8B (HF meta-llama/Llama-3.1-8B config.json; model card: 8.03B). */
    public static final LlmConfig LLAMA_3_1_8B = new LlmConfig("llama-3.1-8b", "Llama-3.1-8B", 32, 4096, 32, 8, 128,
            14_336, 128_256, false, false, 8_030_261_248L,
            "huggingface.co/meta-llama/Llama-3.1-8B config.json; 8,030,261,248 parameters as transformers loads them (model card: 8B)");

    /** Alibaba's Qwen2.5 0.5B (HF Qwen/Qwen2.5-0.5B config.json; model card: 0.49B). */
    public static final LlmConfig QWEN_2_5_0_5B = new LlmConfig("qwen2.5-0.5b", "Qwen2.5-0.5B", 24, 896, 14, 2, 64,
            4864, 151_936, true, true, 494_032_768L,
            "huggingface.co/Qwen/Qwen2.5-0.5B config.json; 494,032,768 parameters as transformers loads them (model card: 0.49B)");

    /** TinyLlama 1.1B (HF TinyLlama/TinyLlama-1.1B-Chat-v1.0 config.json; Zhang et al., arXiv 2401.02385). */
    public static final LlmConfig TINYLLAMA_1_1B = new LlmConfig("tinyllama-1.1b", "TinyLlama-1.1B", 22, 2048, 32, 4,
            64, 5632, 32_000, false, false, 1_100_048_384L,
            "huggingface.co/TinyLlama/TinyLlama-1.1B-Chat-v1.0 config.json; 1,100,048,384 parameters as transformers loads them (model card: 1.1B)");

    public static final List<LlmConfig> ALL = List.of(LLAMA_3_2_1B, LLAMA_3_1_8B, QWEN_2_5_0_5B, TINYLLAMA_1_1B);

    /** The config of a short name, or null. */
    public static LlmConfig find(String name) {
        for (LlmConfig c : ALL) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    public static List<String> names() {
        return ALL.stream().map(LlmConfig::name).toList();
    }

    /** Query heads per key/value head. */
    public long group() {
        return heads / kvHeads;
    }

    /** Width of the query (and attention output) projection: {@code heads * headDim}. */
    public long qDim() {
        return Math.multiplyExact(heads, headDim);
    }

    /** Width of the key and of the value projection: {@code kvHeads * headDim}. */
    public long kvDim() {
        return Math.multiplyExact(kvHeads, headDim);
    }

    /** Weights of one block's linear layers (no biases). */
    public long blockLinearWeights() {
        long attention = Math.addExact(Math.multiplyExact(2, Math.multiplyExact(hidden, qDim())),
                Math.multiplyExact(2, Math.multiplyExact(hidden, kvDim())));
        return Math.addExact(attention, Math.multiplyExact(3, Math.multiplyExact(hidden, ffn)));
    }

    /** The token table (and, when tied, the LM head): {@code vocab * hidden}. */
    public long embeddingParams() {
        return Math.multiplyExact(vocab, hidden);
    }

    /**
     * Bytes of the KV cache of {@code batch} sequences of {@code tokens} tokens at {@code bits}:
     * {@code 2 * layers * kvHeads * headDim * tokens * bits / 8} per sequence (K and V).
     */
    public long kvCacheBytes(long batch, long tokens, int bits) {
        long bitsAll = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(2 * layers, kvDim()),
                Math.multiplyExact(batch, tokens)), (long) containerBits(bits));
        return Math.addExact(bitsAll, 7) / 8;
    }

    /** Bits one value takes in memory: the next power of two (as {@code memory.Packing} stores it). */
    private static int containerBits(int bits) {
        return Integer.highestOneBit(bits) == bits ? bits : Integer.highestOneBit(bits) << 1;
    }
}
