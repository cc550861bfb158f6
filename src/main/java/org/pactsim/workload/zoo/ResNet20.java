package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorOp;

/**
 * ResNet-20 for CIFAR-10 (He et al., arXiv 1512.03385, Section 4.2): a 3x3 convolution of 16
 * channels on the 32x32 image, three stages of three basic blocks (16, 32, 64 channels, the
 * last two starting with stride 2), global average pool and fc 10. The paper's shortcuts
 * are parameter-free (option A: subsample and zero-pad channels), which a trace cannot
 * express; the two downsampling shortcuts are strided 1x1 projections here (option B, as
 * most public re-implementations), adding 2,560 weights and 262,144 MACs.
 */
final class ResNet20 {
    private ResNet20() {
    }

    static Network build() {
        NetBuilder b = new NetBuilder("resnet20", new Shape(1, 32, 32, 3));
        b.note("option-B (1x1 projection) shortcuts where the shape changes; the paper uses option A");
        b.conv("conv1", null, 16, 3, 1, 1, 1, true);
        String x = b.unary(VectorOp.RELU, "relu", null);
        for (int stage = 0; stage < 3; stage++) {
            long width = 16L << stage;
            for (int i = 0; i < 3; i++) {
                long stride = stage > 0 && i == 0 ? 2 : 1;
                String p = "layer" + (stage + 1) + "." + i + ".";
                b.conv(p + "conv1", x, width, 3, stride, 1, 1, true);
                b.unary(VectorOp.RELU, p + "relu1", null);
                String y = b.conv(p + "conv2", null, width, 3, 1, 1, 1, true);
                String shortcut = x;
                if (stride != 1 || b.shape(x).c() != width) {
                    shortcut = b.conv(p + "downsample", x, width, 1, stride, 0, 1, true);
                }
                b.add(p + "add", y, shortcut);
                x = b.unary(VectorOp.RELU, p + "relu", null);
            }
        }
        b.globalAvgPool("avgpool", null);
        b.classifier("fc", null, 10, true);
        return b.build();
    }
}
