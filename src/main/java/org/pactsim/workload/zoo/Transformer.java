package org.pactsim.workload.zoo;

import org.pactsim.workload.VectorOp;

/**
 * Transformer encoder and decoder blocks (Vaswani et al., arXiv 1706.03762) on a token
 * tensor {@code 1 x 1 x tokens x hidden}: Q, K and V projections, per-head score and context
 * matmuls ({@code heads} products of {@code tokens x (past+tokens) x hidden/heads}), softmax,
 * output projection, residual adds, layer norms and a two-layer MLP with GELU. Every fc
 * has a bias. {@code past}: tokens already in the KV cache (0 except in a decode step).
 */
final class Transformer {
    private Transformer() {
    }

    /** Sizes of one model at one sequence length. */
    record Dims(long tokens, long past, long hidden, long heads, long ffn) {
        long headDim() {
            return hidden / heads;
        }

        long keys() {
            return past + tokens;
        }
    }

    /** Multi-head self-attention on {@code x}; returns the output projection's name. */
    static String attention(NetBuilder b, String p, String x, Dims d) {
        long t = d.tokens();
        String q = b.fc(p + "attn.q", x, t, d.hidden(), d.hidden(), true);
        String k = b.fc(p + "attn.k", x, t, d.hidden(), d.hidden(), true);
        String v = b.fc(p + "attn.v", x, t, d.hidden(), d.hidden(), true);
        String s = b.matmul(p + "attn.scores", d.heads(), t, d.keys(), d.headDim(), q, k);
        String sm = b.unary(VectorOp.SOFTMAX, p + "attn.softmax", s);
        String c = b.matmul(p + "attn.context", d.heads(), t, d.headDim(), d.keys(), sm, v);
        return b.fc(p + "attn.proj", c, t, d.hidden(), d.hidden(), true);
    }

    /** fc to {@code ffn}, GELU, fc back to {@code hidden}; returns the second fc's name. */
    static String mlp(NetBuilder b, String p, String x, Dims d) {
        b.fc(p + "mlp.fc1", x, d.tokens(), d.hidden(), d.ffn(), true);
        b.unary(VectorOp.GELU, p + "mlp.gelu", null);
        return b.fc(p + "mlp.fc2", null, d.tokens(), d.ffn(), d.hidden(), true);
    }

    /** BERT's post-norm block: x + attn, norm, + mlp, norm. */
    static String postNorm(NetBuilder b, String p, String x, Dims d) {
        String a = b.add(p + "attn.add", attention(b, p, x, d), x);
        String n1 = b.unary(VectorOp.LAYERNORM, p + "attn.ln", a);
        String m = b.add(p + "mlp.add", mlp(b, p, n1, d), n1);
        return b.unary(VectorOp.LAYERNORM, p + "mlp.ln", m);
    }

    /** GPT-2's and ViT's pre-norm block: x + attn(norm(x)), then + mlp(norm(.)). */
    static String preNorm(NetBuilder b, String p, String x, Dims d) {
        String n1 = b.unary(VectorOp.LAYERNORM, p + "ln1", x);
        String a = b.add(p + "attn.add", attention(b, p, n1, d), x);
        String n2 = b.unary(VectorOp.LAYERNORM, p + "ln2", a);
        return b.add(p + "mlp.add", mlp(b, p, n2, d), a);
    }
}
