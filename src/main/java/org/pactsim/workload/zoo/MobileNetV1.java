package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorOp;

/**
 * MobileNet-V1 1.0-224 (Howard et al., arXiv 1704.04861, Table 1): a 3x3/2 convolution of
 * 32 channels, thirteen depthwise-separable pairs (3x3 depthwise, 1x1 pointwise) doubling
 * the channels where the depthwise convolution has stride 2, global average pool, fc 1000.
 * ReLU6 after every convolution; batch norm folded (a bias per convolution).
 */
final class MobileNetV1 {
    private MobileNetV1() {
    }

    /** Pointwise output channels and depthwise stride of the thirteen separable pairs. */
    private static final long[][] PAIRS = {
        {64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2},
        {512, 1}, {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};

    static Network build() {
        NetBuilder b = new NetBuilder("mobilenet-v1", new Shape(1, 224, 224, 3));
        b.conv("conv1", null, 32, 3, 2, 1, 1, true);
        b.unary(VectorOp.RELU6, "conv1.relu", null);
        for (int i = 0; i < PAIRS.length; i++) {
            String p = "sep" + (i + 1) + ".";
            long c = b.shape(null).c();
            b.conv(p + "dw", null, c, 3, PAIRS[i][1], 1, c, true);
            b.unary(VectorOp.RELU6, p + "dw.relu", null);
            b.conv(p + "pw", null, PAIRS[i][0], 1, 1, 0, 1, true);
            b.unary(VectorOp.RELU6, p + "pw.relu", null);
        }
        b.globalAvgPool("avgpool", null);
        b.classifier("fc", null, 1000, true);
        return b.build();
    }
}
