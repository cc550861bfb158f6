package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorOp;

/**
 * VGG-16 (configuration D of Simonyan and Zisserman, arXiv 1409.1556): thirteen 3x3
 * convolutions in five blocks of 64, 128, 256, 512, 512 channels, each block closed by a
 * 2x2 max pool, then fc 4096, 4096, 1000; 224x224 input.
 */
final class Vgg16 {
    private Vgg16() {
    }

    static Network build() {
        NetBuilder b = new NetBuilder("vgg16", new Shape(1, 224, 224, 3));
        long[] width = {64, 128, 256, 512, 512};
        int[] convs = {2, 2, 3, 3, 3};
        for (int blk = 0; blk < width.length; blk++) {
            for (int i = 0; i < convs[blk]; i++) {
                String n = "conv" + (blk + 1) + "_" + (i + 1);
                b.conv(n, null, width[blk], 3, 1, 1, 1, true);
                b.unary(VectorOp.RELU, n + ".relu", null);
            }
            b.pool(VectorOp.MAXPOOL, "pool" + (blk + 1), null, 2, 2, 0);
        }
        b.classifier("fc6", null, 4096, true);
        b.unary(VectorOp.RELU, "fc6.relu", null);
        b.classifier("fc7", null, 4096, true);
        b.unary(VectorOp.RELU, "fc7.relu", null);
        b.classifier("fc8", null, 1000, true);
        return b.build();
    }
}
