package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorOp;

/**
 * AlexNet as in torchvision (the single-tower variant of Krizhevsky's "One weird trick"
 * paper, arXiv 1404.5997): five convolutions (64, 192, 384, 256, 256 channels) with three
 * max pools, then three fully connected layers, on a 224x224 RGB image. torchvision's
 * adaptive average pool to 6x6 is the identity at 224x224 and is left out; dropout is not
 * an inference op.
 */
final class AlexNet {
    private AlexNet() {
    }

    static Network build() {
        NetBuilder b = new NetBuilder("alexnet", new Shape(1, 224, 224, 3));
        b.conv("conv1", null, 64, 11, 4, 2, 1, true);
        b.unary(VectorOp.RELU, "relu1", null);
        b.pool(VectorOp.MAXPOOL, "pool1", null, 3, 2, 0);
        b.conv("conv2", null, 192, 5, 1, 2, 1, true);
        b.unary(VectorOp.RELU, "relu2", null);
        b.pool(VectorOp.MAXPOOL, "pool2", null, 3, 2, 0);
        long[] channels = {384, 256, 256};
        for (int i = 0; i < channels.length; i++) {
            b.conv("conv" + (i + 3), null, channels[i], 3, 1, 1, 1, true);
            b.unary(VectorOp.RELU, "relu" + (i + 3), null);
        }
        b.pool(VectorOp.MAXPOOL, "pool5", null, 3, 2, 0);
        b.classifier("fc6", null, 4096, true);
        b.unary(VectorOp.RELU, "relu6", null);
        b.classifier("fc7", null, 4096, true);
        b.unary(VectorOp.RELU, "relu7", null);
        b.classifier("fc8", null, 1000, true);
        return b.build();
    }
}
