package org.pactsim.workload.zoo;

import org.pactsim.workload.Bits;
import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmStep;

/**
 * A Llama-family decoder ({@link LlmConfig}) for one {@link LlmStep}, at 8 bits (an
 * {@link org.pactsim.workload.LlmPrecision} re-types it). The token tensor is
 * {@code 1 x 1 x (batch*tokens) x hidden}; per block:
 * <ol>
 *   <li>RMS norm; Q, K and V projections (with biases where the config has them); rotary
 *       embedding of Q and of K;</li>
 *   <li>grouped-query attention: per sequence and key/value head, one score matmul of
 *       {@code (tokens*group) x keys x headDim} and one context matmul of
 *       {@code (tokens*group) x headDim x keys}: the {@code group} query heads that share a
 *       key/value head are rows of one GEMM, as GQA kernels run them (the cached K and V are
 *       read once per group, not once per query head); softmax between them;</li>
 *   <li>output projection and residual add; RMS norm; SwiGLU MLP: gate and up projections,
 *       SiLU of the gate times the up, down projection; residual add.</li>
 * </ol>
 * Then the final RMS norm and the LM head. A prefill computes the logits of each sequence's
 * last token only (what a serving engine samples from; GPT-2's builder, a plain forward pass,
 * computes every position's). The score and context matmuls of a prefill span every key: the
 * causal mask does not shrink them (a kernel that skips masked blocks does about half the
 * work; pactsim does not model that). In a decode step the second operands of both matmuls are
 * longer than the new token's K and V: the rest is the KV cache ({@code docs/llm.md}).
 */
public final class Decoder {
    private Decoder() {
    }

    /** The network name of a config at a step: {@code llama-3.2-1b-prefill512}, {@code ...-decode512-b8}. */
    public static String name(LlmConfig c, LlmStep s) {
        String phase = s.isDecode() ? "-decode" + s.past() : "-prefill" + s.tokens();
        return c.name() + phase + (s.batch() > 1 ? "-b" + s.batch() : "");
    }

    /** A config and step named as {@link #name} writes them (a bare model name: decode at 512), or null. */
    public record Named(LlmConfig config, LlmStep step) {
    }

    /**
     * Reads {@code llama-3.2-1b}, {@code llama-3.2-1b-decode4096}, {@code qwen2.5-0.5b-prefill128-b8}:
     * the model, then optionally the phase and its tokens, then optionally the batch. Null when the
     * name starts with no model's name; a {@link org.pactsim.spec.SpecException} when the rest is
     * not a phase and batch.
     */
    public static Named parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        for (LlmConfig c : LlmConfig.ALL) {
            if (!n.equals(c.name()) && !n.startsWith(c.name() + "-")) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:-(prefill|decode)(\\d{1,7}))?(?:-b(\\d{1,5}))?")
                    .matcher(n.substring(c.name().length()));
            if (!m.matches()) {
                throw new org.pactsim.spec.SpecException("--network", c.name() + "[-prefillP|-decodeL][-bB], e.g. "
                        + c.name() + "-decode4096-b8", name);
            }
            long tokens = m.group(2) == null ? 512 : Long.parseLong(m.group(2));
            long batch = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
            LlmStep s = "prefill".equals(m.group(1)) ? LlmStep.prefill(batch, tokens) : LlmStep.decode(batch, tokens);
            return new Named(c, s);
        }
        return null;
    }

    public static Network build(LlmConfig c, LlmStep s) {
        long rows = s.rows();
        Shape tokens = new Shape(1, 1, rows, c.hidden());
        NetBuilder b = new NetBuilder(name(c, s), tokens);
        b.note(c.title() + " (" + c.source() + ")");
        if (s.isDecode()) {
            b.note("decode step: " + s.batch() + " x 1 new token, K and V of " + s.past()
                    + " earlier tokens read from the KV cache");
        } else {
            b.note("prefill: " + s.batch() + " x " + s.tokens() + " prompt tokens; logits of the last token only");
        }
        if (c.tied()) {
            b.note("LM head tied to the token embedding: one table, counted once in the parameters");
        }
        String x = b.addLayer(new VectorLayer("embed", VectorOp.EMBED, 1, 1, rows, c.hidden(), 1, 1, 1, 1, 0, 0,
                c.embeddingParams(), Bits.INT8, java.util.List.of()));
        for (int l = 0; l < c.layers(); l++) {
            x = block(b, "l" + l + ".", x, c, s);
        }
        b.unary(VectorOp.RMSNORM, "norm", x);
        b.fc("lm_head", null, s.batch(), c.hidden(), c.vocab(), false);
        return b.build();
    }

    private static String block(NetBuilder b, String p, String x, LlmConfig c, LlmStep s) {
        long rows = s.rows();
        long count = Math.multiplyExact(s.batch(), c.kvHeads());
        long m = Math.multiplyExact(s.tokens(), c.group());
        String n1 = b.unary(VectorOp.RMSNORM, p + "attn_norm", x);
        b.fc(p + "attn.q", n1, rows, c.hidden(), c.qDim(), c.qkvBias());
        String q = b.unary(VectorOp.ROPE, p + "attn.q_rope", null);
        b.fc(p + "attn.k", n1, rows, c.hidden(), c.kvDim(), c.qkvBias());
        String k = b.unary(VectorOp.ROPE, p + "attn.k_rope", null);
        String v = b.fc(p + "attn.v", n1, rows, c.hidden(), c.kvDim(), c.qkvBias());
        String sc = b.matmul(p + "attn.scores", count, m, s.keys(), c.headDim(), q, k);
        String sm = b.unary(VectorOp.SOFTMAX, p + "attn.softmax", sc);
        String ctx = b.matmul(p + "attn.context", count, m, c.headDim(), s.keys(), sm, v);
        String o = b.fc(p + "attn.o", ctx, rows, c.qDim(), c.hidden(), false);
        String a = b.add(p + "attn.add", o, x);
        String n2 = b.unary(VectorOp.RMSNORM, p + "mlp_norm", a);
        b.fc(p + "mlp.gate", n2, rows, c.hidden(), c.ffn(), false);
        String g = b.unary(VectorOp.SILU, p + "mlp.silu", null);
        String up = b.fc(p + "mlp.up", n2, rows, c.hidden(), c.ffn(), false);
        b.mul(p + "mlp.mul", up, g);
        String down = b.fc(p + "mlp.down", null, rows, c.ffn(), c.hidden(), false);
        return b.add(p + "mlp.add", down, a);
    }

    /** Parameters of a built decoder, the tied table counted once. */
    public static long params(LlmConfig c, Network net) {
        return c.tied() ? Math.subtractExact(net.params(), c.embeddingParams()) : net.params();
    }
}
