package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorOp;

/**
 * ImageNet ResNets (He et al., arXiv 1512.03385, Table 1) as torchvision builds them: a 7x7/2
 * stem and a 3x3/2 max pool, four stages of 64, 128, 256, 512 base channels, global average
 * pool and fc 1000. ResNet-18/34 use basic blocks (two 3x3), ResNet-50 bottlenecks (1x1, 3x3,
 * 1x1 with 4x expansion) with the stride on the 3x3 ("v1.5", torchvision's). A stage's first
 * block projects its shortcut with a strided 1x1 convolution when the shape changes. Batch
 * norm is folded into the convolutions (each has a bias).
 */
final class ResNet {
    private ResNet() {
    }

    static Network resnet18() {
        return build("resnet18", new int[] {2, 2, 2, 2}, false);
    }

    static Network resnet34() {
        return build("resnet34", new int[] {3, 4, 6, 3}, false);
    }

    static Network resnet50() {
        return build("resnet50", new int[] {3, 4, 6, 3}, true);
    }

    private static Network build(String name, int[] blocks, boolean bottleneck) {
        NetBuilder b = new NetBuilder(name, new Shape(1, 224, 224, 3));
        b.conv("conv1", null, 64, 7, 2, 3, 1, true);
        b.unary(VectorOp.RELU, "relu", null);
        String x = b.pool(VectorOp.MAXPOOL, "maxpool", null, 3, 2, 1);
        long expansion = bottleneck ? 4 : 1;
        for (int stage = 0; stage < 4; stage++) {
            long width = 64L << stage;
            for (int i = 0; i < blocks[stage]; i++) {
                long stride = stage > 0 && i == 0 ? 2 : 1;
                String p = "layer" + (stage + 1) + "." + i + ".";
                String y;
                if (bottleneck) {
                    b.conv(p + "conv1", x, width, 1, 1, 0, 1, true);
                    b.unary(VectorOp.RELU, p + "relu1", null);
                    b.conv(p + "conv2", null, width, 3, stride, 1, 1, true);
                    b.unary(VectorOp.RELU, p + "relu2", null);
                    y = b.conv(p + "conv3", null, width * expansion, 1, 1, 0, 1, true);
                } else {
                    b.conv(p + "conv1", x, width, 3, stride, 1, 1, true);
                    b.unary(VectorOp.RELU, p + "relu1", null);
                    y = b.conv(p + "conv2", null, width, 3, 1, 1, 1, true);
                }
                String shortcut = x;
                if (stride != 1 || b.shape(x).c() != width * expansion) {
                    shortcut = b.conv(p + "downsample", x, width * expansion, 1, stride, 0, 1, true);
                }
                b.add(p + "add", y, shortcut);
                x = b.unary(VectorOp.RELU, p + "relu", null);
            }
        }
        b.globalAvgPool("avgpool", null);
        b.classifier("fc", null, 1000, true);
        return b.build();
    }
}
