package org.pactsim.workload.zoo;

import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorOp;

/**
 * MobileNet-V2 1.0-224 (Sandler et al., arXiv 1801.04381, Table 2): a 3x3/2 convolution of
 * 32 channels, seventeen inverted-residual bottlenecks (1x1 expansion by t, 3x3 depthwise
 * with the stride, linear 1x1 projection; a residual add when stride 1 and the channels
 * match), a 1x1 convolution to 1280, global average pool, fc 1000. ReLU6 after the
 * expansion and depthwise convolutions; batch norm folded.
 */
final class MobileNetV2 {
    private MobileNetV2() {
    }

    /** The paper's (t, c, n, s) rows: expansion, output channels, repeats, first stride. */
    private static final long[][] ROWS = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    static Network build() {
        NetBuilder b = new NetBuilder("mobilenet-v2", new Shape(1, 224, 224, 3));
        b.conv("conv1", null, 32, 3, 2, 1, 1, true);
        String x = b.unary(VectorOp.RELU6, "conv1.relu", null);
        int block = 0;
        for (long[] row : ROWS) {
            for (int i = 0; i < row[2]; i++) {
                block++;
                String p = "block" + block + ".";
                long stride = i == 0 ? row[3] : 1;
                long in = b.shape(x).c();
                long hidden = in * row[0];
                String from = x;
                if (row[0] != 1) {
                    b.conv(p + "expand", x, hidden, 1, 1, 0, 1, true);
                    from = b.unary(VectorOp.RELU6, p + "expand.relu", null);
                }
                b.conv(p + "dw", from, hidden, 3, stride, 1, hidden, true);
                b.unary(VectorOp.RELU6, p + "dw.relu", null);
                String y = b.conv(p + "project", null, row[1], 1, 1, 0, 1, true);
                x = stride == 1 && in == row[1] ? b.add(p + "add", y, x) : y;
            }
        }
        b.conv("conv_last", x, 1280, 1, 1, 0, 1, true);
        b.unary(VectorOp.RELU6, "conv_last.relu", null);
        b.globalAvgPool("avgpool", null);
        b.classifier("fc", null, 1000, true);
        return b.build();
    }
}
