package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorOp;

/**
 * The BERT-base encoder (Devlin et al., arXiv 1810.04805: L=12, H=768, A=12, feed-forward
 * 4H) on a 128-token sequence: the embedding layer norm, then twelve post-norm blocks. The
 * input is the sum of the token, position and segment embeddings (table lookups, not layers);
 * the pooler and task heads are not part of the encoder.
 */
final class Bert {
    private Bert() {
    }

    static final long TOKENS = 128;

    static Network build() {
        Transformer.Dims d = new Transformer.Dims(TOKENS, 0, 768, 12, 3072);
        NetBuilder b = new NetBuilder("bert-base", new Shape(1, 1, TOKENS, d.hidden()));
        String x = b.unary(VectorOp.LAYERNORM, "embed.ln", NetBuilder.INPUT);
        for (int l = 0; l < 12; l++) {
            x = Transformer.postNorm(b, "h" + l + ".", x, d);
        }
        return b.build();
    }
}
