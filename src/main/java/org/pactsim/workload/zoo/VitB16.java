package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;

/**
 * ViT-B/16 (Dosovitskiy et al., arXiv 2010.11929: 12 layers, hidden 768, MLP 3072, 12 heads,
 * 16x16 patches) at 224x224: the patch embedding (a 16x16/16 convolution to 196 tokens), the
 * learned class token prepended, the learned position embedding added, twelve pre-norm
 * blocks on 197 tokens, the final layer norm and the fc 1000 head on the class token.
 */
final class VitB16 {
    private VitB16() {
    }

    static Network build() {
        Transformer.Dims d = new Transformer.Dims(197, 0, 768, 12, 3072);
        NetBuilder b = new NetBuilder("vit-b16", new Shape(1, 224, 224, 3));
        String patches = b.conv("patch_embed", NetBuilder.INPUT, d.hidden(), 16, 16, 0, 1, true);
        Shape grid = b.shape(patches);
        Shape seq = new Shape(1, 1, grid.h() * grid.w(), d.hidden());
        String cls = b.prependLearned("embed.cls", patches, seq, 1);
        String x = b.addLearned("embed.pos", cls, b.shape(cls));
        for (int l = 0; l < 12; l++) {
            x = Transformer.preNorm(b, "h" + l + ".", x, d);
        }
        b.unary(org.pactsim.workload.VectorOp.LAYERNORM, "ln", x);
        b.fc("head", null, 1, d.hidden(), 1000, true);
        return b.build();
    }
}
