package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorOp;

/**
 * GPT-2 small (Radford et al. 2019: 12 layers, d_model 768, 12 heads, vocabulary 50,257):
 * the position-embedding add, twelve pre-norm decoder blocks, the final layer norm and the LM
 * head (tied to the token embedding, no bias). Two phases: the prefill of a 128-token prompt
 * (logits for every position, as a plain forward pass computes them; the causal mask does not
 * shrink the score matmuls) and one decode step of one token against a KV cache of 128.
 */
final class Gpt2 {
    private Gpt2() {
    }

    static final long PROMPT = 128;
    static final long VOCAB = 50257;

    static Network prefill() {
        return build("gpt2-small", new Transformer.Dims(PROMPT, 0, 768, 12, 3072));
    }

    static Network decode() {
        return build("gpt2-small-decode", new Transformer.Dims(1, PROMPT, 768, 12, 3072));
    }

    private static Network build(String name, Transformer.Dims d) {
        Shape tokens = new Shape(1, 1, d.tokens(), d.hidden());
        NetBuilder b = new NetBuilder(name, tokens);
        if (d.past() > 0) {
            b.note("decode step: 1 new token, K and V of " + d.past() + " earlier tokens read from the KV cache");
        }
        String x = b.addLearned("embed.pos", NetBuilder.INPUT, tokens);
        for (int l = 0; l < 12; l++) {
            x = Transformer.preNorm(b, "h" + l + ".", x, d);
        }
        b.unary(VectorOp.LAYERNORM, "ln_f", x);
        b.fc("lm_head", null, d.tokens(), d.hidden(), VOCAB, false);
        return b.build();
    }
}
