package org.pactsim.io.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pactsim.io.InputException;
import org.pactsim.io.onnx.OnnxWriter.Attr;
import org.pactsim.spec.NumberType;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.ShapeChain;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/** Small hand-written ONNX graphs: every quantized form, shape rules and folding, one at a time. */
class OnnxSyntheticTest {
    private static final int FLOAT = 1;
    private static final int UINT8 = 2;
    private static final int INT8 = 3;
    private static final int INT32 = 6;
    private static final int FLOAT16 = 10;
    private static final int BFLOAT16 = 16;
    private static final int INT4 = 22;

    private static Layer only(OnnxImport imp, Class<? extends Layer> type) {
        List<Layer> l = imp.network().layers().stream().filter(type::isInstance).toList();
        assertThat(l).hasSize(1);
        return l.get(0);
    }

    /** QDQ convolution: uint8 activations, int4 weights with one scale per output channel, int8 output. */
    private static OnnxWriter qdqConv(boolean packed) {
        return new OnnxWriter(packed)
                .input("x", FLOAT, 1, 8, 16, 16)
                .weight("xs", FLOAT).weight("xz", UINT8).weight("w", INT4, 16, 8, 3, 3)
                .weight("ws", FLOAT, 16).weight("wz", INT4, 16).weight("b", INT32, 16).weight("bs", FLOAT, 16)
                .weight("ys", FLOAT).weight("yz", INT8)
                .node("QuantizeLinear", "qx", List.of("x", "xs", "xz"), List.of("xq"))
                .node("DequantizeLinear", "dqx", List.of("xq", "xs", "xz"), List.of("xd"))
                .node("DequantizeLinear", "dqw", List.of("w", "ws", "wz"), List.of("wd"), Attr.i("axis", 0))
                .node("DequantizeLinear", "dqb", List.of("b", "bs"), List.of("bd"), Attr.i("axis", 0))
                .node("Conv", "conv", List.of("xd", "wd", "bd"), List.of("y"), Attr.ints("kernel_shape", 3, 3),
                        Attr.ints("pads", 1, 1, 1, 1), Attr.ints("strides", 1, 1))
                .node("QuantizeLinear", "qy", List.of("y", "ys", "yz"), List.of("yq"))
                .output("yq");
    }

    @Test
    void qdqConvolutionTakesItsWidthsFromTheElementTypes() {
        OnnxImport imp = qdqConv(true).importAs("qdq", Map.of());
        ConvLayer c = (ConvLayer) only(imp, ConvLayer.class);
        // 16x16 output (pad 1, stride 1), K = 3*3*8, N = 16: 256 * 72 * 16
        assertThat(c.macs()).isEqualTo(256L * 72 * 16);
        assertThat(c.bits()).isEqualTo(new Bits(4, 8, 8, NumberType.INT));
        assertThat(c.bias()).isTrue();
        assertThat(imp.quantization().get(0).perChannel()).isTrue();
        assertThat(imp.quantization().get(0).scheme()).isEqualTo("QDQ");
        assertThat(imp.quantization().get(0).describe()).contains("weights int4 per channel", "activations uint8",
                "output int8");
        assertThat(imp.folded()).containsEntry("QuantizeLinear", 2).containsEntry("DequantizeLinear", 3);
    }

    @Test
    void packedAndUnpackedRepeatedFieldsReadAlike() {
        assertThat(qdqConv(false).importAs("qdq", Map.of()).network().layers())
                .isEqualTo(qdqConv(true).importAs("qdq", Map.of()).network().layers());
    }

    @Test
    void qlinearConvReadsItsTypesFromItsOperands() {
        OnnxImport imp = new OnnxWriter(true).input("x", UINT8, 1, 4, 8, 8)
                .weight("xs", FLOAT).weight("xz", UINT8).weight("w", INT8, 8, 4, 1, 1).weight("ws", FLOAT)
                .weight("wz", INT8).weight("ys", FLOAT).weight("yz", UINT8)
                .node("QLinearConv", "qc", List.of("x", "xs", "xz", "w", "ws", "wz", "ys", "yz"), List.of("y"))
                .node("MaxPool", "mp", List.of("y"), List.of("p"), Attr.ints("kernel_shape", 2, 2),
                        Attr.ints("strides", 2, 2))
                .output("p").importAs("ql", Map.of());
        // the pool works on the uint8 tensor QLinearConv writes
        assertThat(only(imp, VectorLayer.class).bits()).isEqualTo(new Bits(8, 8, 8, NumberType.INT));
        ConvLayer c = (ConvLayer) only(imp, ConvLayer.class);
        assertThat(c.bits()).isEqualTo(new Bits(8, 8, 8, NumberType.INT));
        assertThat(c.bias()).isFalse();
        assertThat(imp.quantization().get(0).scheme()).isEqualTo("QLinear");
        assertThat(imp.quantization().get(0).perChannel()).isFalse();
    }

    @Test
    void convIntegerWritesInt32() {
        OnnxImport imp = new OnnxWriter(true).input("x", UINT8, 1, 4, 8, 8).weight("w", INT8, 8, 4, 3, 3)
                .node("ConvInteger", "ci", List.of("x", "w"), List.of("y")).output("y").importAs("ci", Map.of());
        assertThat(only(imp, ConvLayer.class).bits()).isEqualTo(new Bits(8, 8, 32, NumberType.INT));
        // no padding: 6x6 output
        assertThat(imp.network().macs()).isEqualTo(36L * 36 * 8);
    }

    @Test
    void dynamicQuantizationFeedsMatMulInteger() {
        OnnxImport imp = new OnnxWriter(false).input("x", FLOAT, 1, 4, 32).weight("w", INT8, 32, 64)
                .weight("wz", INT8)
                .node("DynamicQuantizeLinear", "dq", List.of("x"), List.of("xq", "xs", "xz"))
                .node("MatMulInteger", "mm", List.of("xq", "w", "xz", "wz"), List.of("y"))
                .output("y").importAs("dyn", Map.of());
        MatMulLayer m = (MatMulLayer) only(imp, MatMulLayer.class);
        assertThat(m.kind()).isEqualTo(MatMulLayer.Kind.LINEAR);
        assertThat(List.of(m.m(), m.k(), m.n())).containsExactly(4L, 32L, 64L);
        assertThat(m.bits()).isEqualTo(new Bits(8, 8, 32, NumberType.INT));
        assertThat(imp.quantization().get(0).scheme()).startsWith("dynamic");
    }

    @Test
    void qlinearMatMulAndGemmWithTransposedWeights() {
        OnnxImport q = new OnnxWriter(true).input("a", UINT8, 1, 4, 32)
                .weight("as", FLOAT).weight("az", UINT8).weight("b", INT8, 32, 16).weight("bs", FLOAT)
                .weight("bz", INT8).weight("ys", FLOAT).weight("yz", INT8)
                .node("QLinearMatMul", "qm", List.of("a", "as", "az", "b", "bs", "bz", "ys", "yz"), List.of("y"))
                .output("y").importAs("qm", Map.of());
        assertThat(only(q, MatMulLayer.class).bits()).isEqualTo(new Bits(8, 8, 8, NumberType.INT));
        OnnxImport g = new OnnxWriter(true).input("a", FLOAT, 2, 32).weight("b", FLOAT, 64, 32).weight("c", FLOAT, 64)
                .node("Gemm", "fc", List.of("a", "b", "c"), List.of("y"), Attr.i("transB", 1))
                .output("y").importAs("gemm", Map.of());
        MatMulLayer m = (MatMulLayer) only(g, MatMulLayer.class);
        assertThat(List.of(m.m(), m.k(), m.n())).containsExactly(2L, 32L, 64L);
        assertThat(m.bias()).isTrue();
        assertThat(m.bits()).isEqualTo(Bits.uniform(32, NumberType.FLOAT));
        assertThat(g.quantization().get(0).quantized()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {FLOAT16, BFLOAT16})
    void halfPrecisionLayersStayFloatAt16Bits(int type) {
        OnnxImport imp = new OnnxWriter(true).input("x", type, 1, 4, 8, 8).weight("w", type, 4, 4, 1, 1)
                .node("Conv", "c", List.of("x", "w"), List.of("y"))
                .node("Relu", "r", List.of("y"), List.of("z")).output("z").importAs("h", Map.of());
        assertThat(only(imp, ConvLayer.class).bits()).isEqualTo(Bits.uniform(16, NumberType.FLOAT));
        assertThat(only(imp, VectorLayer.class).bits()).isEqualTo(Bits.uniform(16, NumberType.FLOAT));
    }

    @Test
    void attentionMatMulOfTwoActivationsIsBatched() {
        OnnxImport imp = new OnnxWriter(true).input("q", FLOAT, 1, 4, 8, 16).input("k", FLOAT, 1, 4, 16, 8)
                .node("Relu", "rq", List.of("q"), List.of("q1")).node("Relu", "rk", List.of("k"), List.of("k1"))
                .node("MatMul", "scores", List.of("q1", "k1"), List.of("s"))
                .node("Softmax", "sm", List.of("s"), List.of("p"), Attr.i("axis", -1)).output("p")
                .importAs("att", Map.of());
        MatMulLayer m = (MatMulLayer) only(imp, MatMulLayer.class);
        assertThat(m.kind()).isEqualTo(MatMulLayer.Kind.MATMUL);
        assertThat(List.of(m.count(), m.m(), m.k(), m.n())).containsExactly(4L, 8L, 16L, 8L);
        assertThat(m.inputs()).containsExactly("rq", "rk");
        VectorLayer sm = (VectorLayer) imp.network().layers().get(3);
        assertThat(sm.op()).isEqualTo(VectorOp.SOFTMAX);
        // softmax along the last axis: 8 channels, 4 heads x 8 rows
        assertThat(sm.inputShape().c()).isEqualTo(8);
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
    }

    @Test
    void samePaddingDepthwiseAndExplicitPadFoldExactly() {
        // 15x15, 3x3, stride 2, SAME_UPPER: output ceil(15/2) = 8; total padding (8-1)*2+3-15 = 2 -> 1 each side
        OnnxImport same = new OnnxWriter(true).input("x", FLOAT, 1, 8, 15, 15).weight("w", FLOAT, 8, 1, 3, 3)
                .node("Conv", "dw", List.of("x", "w"), List.of("y"), Attr.s("auto_pad", "SAME_UPPER"),
                        Attr.ints("strides", 2, 2), Attr.i("group", 8))
                .output("y").importAs("same", Map.of());
        ConvLayer c = (ConvLayer) only(same, ConvLayer.class);
        assertThat(c.type()).isEqualTo("dwconv");
        assertThat(List.of(c.padH(), c.outH(org.pactsim.workload.OutputRounding.FLOOR))).containsExactly(1L, 8L);
        // TensorFlow's explicit Pad (0 before, 1 after) then a valid 3x3 stride-2 conv on 16x16: ONNX gives
        // floor((17-3)/2)+1 = 8; the trace's symmetric pad 1 gives floor((18-3)/2)+1 = 8 too
        OnnxImport pad = new OnnxWriter(true).input("x", FLOAT, 1, 8, 16, 16).weight("w", FLOAT, 8, 8, 3, 3)
                .int64("p", 0, 0, 0, 0, 0, 0, 1, 1)
                .node("Pad", "pad", List.of("x", "p"), List.of("xp"))
                .node("Conv", "c", List.of("xp", "w"), List.of("y"), Attr.ints("strides", 2, 2))
                .output("y").importAs("pad", Map.of());
        ConvLayer p = (ConvLayer) only(pad, ConvLayer.class);
        assertThat(List.of(p.inH(), p.padH(), p.outH(org.pactsim.workload.OutputRounding.FLOOR)))
                .containsExactly(16L, 1L, 8L);
        assertThat(pad.folded()).containsEntry("Pad", 1);
    }

    @Test
    void constantShapeArithmeticIsFoldedForReshape() {
        // Shape -> Gather(0) -> Unsqueeze -> Concat with [-1] -> Reshape: [1, 8, 4, 4] becomes [1, 128]
        OnnxImport imp = new OnnxWriter(false).opset(13).input("x", FLOAT, 1, 8, 4, 4).scalar("zero", 0)
                .int64("minus1", -1).int64("ax", 0).weight("w", FLOAT, 128, 10)
                .node("Relu", "r", List.of("x"), List.of("x1"))
                .node("Shape", "s", List.of("x1"), List.of("sh"))
                .node("Gather", "g", List.of("sh", "zero"), List.of("n"))
                .node("Unsqueeze", "u", List.of("n", "ax"), List.of("n1"))
                .node("Concat", "cat", List.of("n1", "minus1"), List.of("shape"), Attr.i("axis", 0))
                .node("Reshape", "flat", List.of("x1", "shape"), List.of("f"))
                .node("MatMul", "fc", List.of("f", "w"), List.of("y")).output("y").importAs("fold", Map.of());
        MatMulLayer m = (MatMulLayer) only(imp, MatMulLayer.class);
        assertThat(List.of(m.m(), m.k(), m.n())).containsExactly(1L, 128L, 10L);
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
    }

    @Test
    void poolsAndUnsupportedOpsAreListed() {
        OnnxImport imp = new OnnxWriter(true).input("x", FLOAT, 1, 8, 8, 8)
                .node("MaxPool", "mp", List.of("x"), List.of("a"), Attr.ints("kernel_shape", 2, 2),
                        Attr.ints("strides", 2, 2))
                .node("Sin", "odd", List.of("a"), List.of("b"))
                .node("GlobalAveragePool", "gap", List.of("b"), List.of("y")).output("y").importAs("pool", Map.of());
        assertThat(imp.unsupported()).containsEntry("Sin", 1);
        assertThat(imp.summary()).anyMatch(l -> l.contains("unsupported") && l.contains("Sin 1"));
        VectorLayer gap = (VectorLayer) imp.network().layers().get(1);
        assertThat(List.of(gap.kH(), gap.inputs())).containsExactly(4L, List.of("mp"));
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
    }

    @Test
    void symbolicDimensionsComeFromTheCommandLine() {
        OnnxWriter w = new OnnxWriter(true).input("x", FLOAT, "batch", 16).weight("w", FLOAT, 16, 4)
                .node("MatMul", "fc", List.of("x", "w"), List.of("y")).output("y");
        assertThatThrownBy(() -> w.importAs("sym", Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("symbolic dimension \"batch\"").hasMessageContaining("--dim batch=N");
        assertThat(((MatMulLayer) only(w.importAs("sym", Map.of("batch", 3L)), MatMulLayer.class)).m()).isEqualTo(3);
        assertThatThrownBy(() -> w.importAs("sym", Map.of("batch", 3L, "seq", 4L)))
                .hasMessageContaining("--dim seq");
        assertThatThrownBy(() -> OnnxImporter.dims(List.of("batch=0"))).hasMessageContaining("NAME=N");
    }

    /**
     * Paddle's exports leave the batch axis unnamed (-1) and call both H and W "?": any unknown
     * axis is set as INPUT[AXIS]=N, which wins over the name; a fixed axis cannot be set.
     */
    @Test
    void unnamedDimensionsAreSetByInputAndAxis() {
        OnnxWriter w = new OnnxWriter(true).input("x", FLOAT, -1L, 4, "?", "?").weight("w", FLOAT, 8, 4, 3, 3)
                .node("Conv", "c", List.of("x", "w"), List.of("y"), Attr.ints("kernel_shape", 3, 3)).output("y");
        assertThatThrownBy(() -> w.importAs("paddle", Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("\"x[0]\", \"?\"").hasMessageContaining("--dim 'x[0]'=N --dim '?'=N")
                .hasMessageContaining("dims: {\"x[0]\": N, \"?\": N}");
        assertThatThrownBy(() -> w.importAs("paddle", Map.of("?", 32L))).isInstanceOf(InputException.class)
                .hasMessageContaining("unnamed dimension 0 (--dim 'x[0]'=N");
        ConvLayer c = (ConvLayer) w.importAs("paddle", Map.of("x[0]", 2L, "x[2]", 48L, "?", 320L)).network().layers().get(0);
        assertThat(List.of(c.batch(), c.inH(), c.inW())).containsExactly(2L, 48L, 320L);
        assertThatThrownBy(() -> w.importAs("paddle", Map.of("x[0]", 1L, "x[1]", 3L, "?", 8L)))
                .hasMessageContaining("--dim x[1]").hasMessageContaining("axis 1 of fixed size 4");
        assertThatThrownBy(() -> w.importAs("paddle", Map.of("x[0]", 1L, "?", 8L, "x[7]", 3L)))
                .hasMessageContaining("--dim x[7]").hasMessageContaining("INPUT[AXIS]");
    }

    /**
     * Float graphs' element-wise ops (issue 22): a batch norm folds into the convolution before
     * it when nothing else reads the convolution's output, else it is a per-channel scale; Mul,
     * Div, Sub and Add of one activation and constants are scales reading the constants once; of
     * two activations of one shape, mul and add layers; Sqrt a one-pass function; of an activation
     * and a second broadcast over it along H and W (squeeze-and-excitation's gate), a bcast layer.
     */
    @Test
    void batchNormsFoldAndElementwiseOpsBecomeVectorLayers() {
        OnnxWriter w = new OnnxWriter(true).input("x", FLOAT, 1, 8, 16, 16)
                .weight("w1", FLOAT, 8, 8, 3, 3).weight("w2", FLOAT, 8, 8, 1, 1)
                .weight("g", FLOAT, 8).weight("b", FLOAT, 8).weight("m", FLOAT, 8).weight("v", FLOAT, 8)
                .weight("cs", FLOAT, 1, 8, 1, 1).weight("two", FLOAT)
                .node("Conv", "conv1", List.of("x", "w1"), List.of("c1"), Attr.ints("kernel_shape", 3, 3),
                        Attr.ints("pads", 1, 1, 1, 1))
                .node("BatchNormalization", "bn1", List.of("c1", "g", "b", "m", "v"), List.of("n1"))
                .node("Relu", "relu1", List.of("n1"), List.of("r1"))
                .node("Conv", "conv2", List.of("r1", "w2"), List.of("c2"), Attr.ints("kernel_shape", 1, 1))
                // conv2's output is read twice: its batch norm cannot fold
                .node("BatchNormalization", "bn2", List.of("c2", "g", "b", "m", "v"), List.of("n2"))
                .node("Sub", "sub", List.of("n2", "c2"), List.of("d"))
                .node("Mul", "mulc", List.of("d", "cs"), List.of("e"))
                .node("Div", "divc", List.of("e", "two"), List.of("f"))
                .node("Mul", "mul2", List.of("f", "r1"), List.of("h"))
                .node("Sqrt", "sqrt", List.of("h"), List.of("q"))
                .node("GlobalAveragePool", "gap", List.of("q"), List.of("s"))
                .node("Mul", "se", List.of("q", "s"), List.of("y"))
                .output("y");
        OnnxImport imp = w.importAs("elementwise", Map.of());
        Map<String, Layer> by = new java.util.LinkedHashMap<>();
        imp.network().layers().forEach(l -> by.put(l.name(), l));
        assertThat(((ConvLayer) by.get("conv1")).bias()).isTrue();
        assertThat(((ConvLayer) by.get("conv2")).bias()).isFalse();
        assertThat(imp.folded()).containsEntry("BatchNormalization (into the GEMM before it)", 1);
        VectorLayer bn2 = (VectorLayer) by.get("bn2");
        assertThat(List.of(bn2.op(), bn2.learned(), bn2.inputs())).containsExactly(VectorOp.SCALE, 16L, List.of("conv2"));
        VectorLayer sub = (VectorLayer) by.get("sub");
        assertThat(List.of(sub.op(), sub.inputs())).containsExactly(VectorOp.ADD, List.of("bn2", "conv2"));
        assertThat(((VectorLayer) by.get("mulc")).learned()).isEqualTo(8);
        assertThat(((VectorLayer) by.get("divc")).op()).isEqualTo(VectorOp.SCALE);
        assertThat(((VectorLayer) by.get("divc")).learned()).isEqualTo(1);
        assertThat(((VectorLayer) by.get("divc")).learnedReads()).isEqualTo(1);
        VectorLayer mul2 = (VectorLayer) by.get("mul2");
        assertThat(List.of(mul2.op(), mul2.inputs(), mul2.work())).containsExactly(VectorOp.MUL, List.of("divc", "relu1"),
                8L * 16 * 16);
        assertThat(((VectorLayer) by.get("sqrt")).op()).isEqualTo(VectorOp.GELU);
        // the squeeze-and-excitation product broadcasts the pooled gate over the activation: a bcast
        VectorLayer se = (VectorLayer) by.get("se");
        assertThat(List.of(se.op(), se.inputs(), se.strideH(), se.strideW())).containsExactly(VectorOp.BCAST,
                List.of("sqrt", "gap"), 16L, 16L);
        assertThat(se.operandShapes()).containsExactly(new org.pactsim.workload.Shape(1, 16, 16, 8),
                new org.pactsim.workload.Shape(1, 1, 1, 8));
        assertThat(se.activationReads()).isEqualTo(8L * 16 * 16 + 8);
        assertThat(imp.unsupported()).isEmpty();
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
        // the trace keeps every new layer: written and read back, the same layers
        assertThat(OnnxRealModelsTest.roundTrip(imp.network()).layers()).isEqualTo(imp.network().layers());
    }

    /**
     * ConvTranspose (issue 22) is its GEMM, a 1x1 convolution giving kH*kW rows of output channels
     * per input pixel (ONNX's MACs: input elements x kernel x output channels per group), and a
     * col2im scatter-add to the output ONNX defines; the conv after it chains to that output.
     */
    @Test
    void transposedConvolutionsAreAGemmAndAScatterAdd() {
        OnnxImport imp = new OnnxWriter(true).input("x", FLOAT, 1, 8, 8, 8)
                .weight("wt", FLOAT, 8, 4, 4, 4).weight("wg", FLOAT, 4, 1, 2, 2).weight("wp", FLOAT, 4, 4, 3, 3)
                .weight("wc", FLOAT, 4, 4, 3, 3)
                // stride 2, kernel 4, pads 1: 2*7 + 4 - 2 = 16
                .node("ConvTranspose", "up", List.of("x", "wt"), List.of("u"), Attr.ints("strides", 2, 2),
                        Attr.ints("pads", 1, 1, 1, 1))
                // U-Net's kernel 2, stride 2, grouped (4 groups of 1 channel): 32
                .node("ConvTranspose", "upg", List.of("u", "wg"), List.of("g"), Attr.ints("strides", 2, 2), Attr.i("group", 4))
                .node("Conv", "conv", List.of("g", "wc"), List.of("c"), Attr.ints("kernel_shape", 3, 3),
                        Attr.ints("pads", 1, 1, 1, 1))
                // kernel 3, stride 2, pads 1 and output_padding 1: 64, which no symmetric padding gives
                .node("ConvTranspose", "odd", List.of("c", "wp"), List.of("y"), Attr.ints("strides", 2, 2),
                        Attr.ints("pads", 1, 1, 1, 1), Attr.ints("output_padding", 1, 1))
                .output("y").importAs("deconv", Map.of());
        Map<String, Layer> by = new java.util.LinkedHashMap<>();
        imp.network().layers().forEach(l -> by.put(l.name(), l));
        assertThat(by.keySet()).containsExactly("up", "up/col2im", "upg", "upg/col2im", "conv", "odd", "odd/col2im");
        // 8x8 input pixels x 8 input channels x 4x4 kernel x 4 output channels
        assertThat(by.get("up").macs()).isEqualTo(64L * 8 * 16 * 4);
        assertThat(by.get("upg").macs()).isEqualTo(256L * 4 * 4 * 1); // 16x16 pixels x 4 channels x 2x2 x 1 per group
        VectorLayer up = (VectorLayer) by.get("up/col2im");
        assertThat(up.outputShape()).isEqualTo(new org.pactsim.workload.Shape(1, 16, 16, 4));
        assertThat(up.work()).isEqualTo(64L * 16 * 4);
        assertThat(by.get("upg/col2im").outputShape()).isEqualTo(new org.pactsim.workload.Shape(1, 32, 32, 4));
        assertThat(((ConvLayer) by.get("conv")).inputs()).containsExactly("upg/col2im");
        assertThat(((ConvLayer) by.get("conv")).inH()).isEqualTo(32);
        assertThat(imp.mapped()).containsEntry("ConvTranspose", 3);
        // output padding: the trace's 63 is one short of ONNX's 64, and a note says so
        assertThat(by.get("odd/col2im").outputShape().h()).isEqualTo(63);
        assertThat(imp.network().notes()).anyMatch(s -> s.contains("odd") && s.contains("output 64x64"));
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
        // it simulates: the scatter-adds run on the vector unit, their outputs go on to the next layer
        var acc = org.pactsim.io.format.ArchReader.read(java.nio.file.Path.of("arch-configs/pact-14nm.yaml"), List.of())
                .spec();
        var int8 = new org.pactsim.workload.PrecisionVariant(org.pactsim.workload.TracePrecision.INT8, false)
                .apply(imp.network(), true);
        var run = org.pactsim.sim.Simulation.run(acc, int8, org.pactsim.engine.TimingModel.PACTSIM);
        assertThat(run.layers()).hasSize(7);
        assertThat(run.steadyStateCycles()).isPositive();
    }

    /**
     * Resize by whole factors (an FPN's or U-Net's upsampling, issue 22) is a resize layer whose
     * output the next conv reads; a fractional factor is listed, not placed.
     */
    @Test
    void upsamplingIsAResizeLayer() {
        OnnxImport imp = new OnnxWriter(true).input("x", FLOAT, 1, 4, 8, 8).weight("w", FLOAT, 4, 4, 3, 3)
                .int64("size2", 1, 4, 16, 16).int64("size3", 1, 4, 24, 24)
                .node("Conv", "c1", List.of("x", "w"), List.of("a"), Attr.ints("kernel_shape", 3, 3),
                        Attr.ints("pads", 1, 1, 1, 1))
                .node("Resize", "up", List.of("a", "", "", "size2"), List.of("b"), Attr.s("mode", "linear"))
                .node("Conv", "c2", List.of("b", "w"), List.of("c"), Attr.ints("kernel_shape", 3, 3),
                        Attr.ints("pads", 1, 1, 1, 1))
                .node("Resize", "frac", List.of("c", "", "", "size3"), List.of("y"))
                .output("y").importAs("resize", Map.of());
        VectorLayer up = (VectorLayer) imp.network().layers().get(1);
        assertThat(List.of(up.op(), up.strideH(), up.strideW(), up.kH())).containsExactly(VectorOp.RESIZE, 2L, 2L, 2L);
        assertThat(up.outputShape()).isEqualTo(new org.pactsim.workload.Shape(1, 16, 16, 4));
        assertThat(up.work()).isEqualTo(16L * 16 * 4 * 4); // 2x2 taps per output
        ConvLayer c2 = (ConvLayer) imp.network().layers().get(2);
        assertThat(List.of(c2.inH(), c2.inputs())).containsExactly(16L, List.of("up"));
        assertThat(imp.unsupported()).containsOnlyKeys("Resize").containsEntry("Resize", 1);
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
    }

    /**
     * Concat of activations along channels (an FPN's merged levels, issue 22) is a concat layer
     * reading each input, of any channel counts; along another axis it is listed.
     */
    @Test
    void channelConcatIsALayer() {
        OnnxImport imp = new OnnxWriter(true).input("x", FLOAT, 1, 4, 8, 8).weight("w", FLOAT, 8, 4, 1, 1)
                .weight("w2", FLOAT, 4, 8, 1, 1)
                .node("Conv", "c1", List.of("x", "w"), List.of("a"), Attr.ints("kernel_shape", 1, 1))
                .node("Relu", "r", List.of("a"), List.of("b"))
                .node("Conv", "c2", List.of("b", "w2"), List.of("c"), Attr.ints("kernel_shape", 1, 1))
                .node("Concat", "cat", List.of("a", "c", "b"), List.of("y"), Attr.i("axis", 1))
                .node("Concat", "rows", List.of("a", "a"), List.of("z"), Attr.i("axis", 2))
                .output("y").output("z").importAs("concat", Map.of());
        VectorLayer cat = (VectorLayer) imp.network().layers().get(3);
        assertThat(List.of(cat.op(), cat.inputs(), cat.parts())).containsExactly(VectorOp.CONCAT,
                List.of("c1", "c2", "r"), List.of(8L, 4L, 8L));
        assertThat(cat.outputShape()).isEqualTo(new org.pactsim.workload.Shape(1, 8, 8, 20));
        assertThat(imp.unsupported()).containsOnlyKeys("Concat").containsEntry("Concat", 1);
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
        // the trace keeps it: its parts come back from the producers
        assertThat(OnnxRealModelsTest.roundTrip(imp.network()).layers()).isEqualTo(imp.network().layers());
    }

    /**
     * Slice, Split and Gather of activations along one axis (issue 22) are slice layers that
     * read and write what they keep; a Slice of the whole tensor is folded; a cut along H of
     * NCHW (its readers may be convolutions) is listed.
     */
    @Test
    void slicesSplitsAndGathersAreSliceLayers() {
        OnnxImport imp = new OnnxWriter(true).opset(13).input("x", FLOAT, 1, 4, 8, 8).weight("w", FLOAT, 12, 4, 1, 1)
                .int64("s0", 0).int64("s4", 4).int64("big", 100).int64("ax1", 1).int64("ax2", 2)
                .int64("sizes", 4, 8).scalar("i2", 2)
                .node("Conv", "c", List.of("x", "w"), List.of("a"), Attr.ints("kernel_shape", 1, 1))
                .node("Slice", "first4", List.of("a", "s0", "s4", "ax1"), List.of("b"))
                .node("Slice", "all", List.of("a", "s0", "big", "ax1"), List.of("e"))
                .node("Split", "halves", List.of("e", "sizes"), List.of("f", "g"), Attr.i("axis", 1))
                .node("Gather", "one", List.of("g", "i2"), List.of("h"), Attr.i("axis", 1))
                .node("Slice", "rows", List.of("a", "s0", "s4", "ax2"), List.of("y"))
                .output("b").output("f").output("h").output("y").importAs("slices", Map.of());
        Map<String, Layer> by = new java.util.LinkedHashMap<>();
        imp.network().layers().forEach(l -> by.put(l.name(), l));
        VectorLayer first = (VectorLayer) by.get("first4");
        assertThat(List.of(first.op(), first.inC(), first.outputShape().c(), first.inputs())).containsExactly(
                VectorOp.SLICE, 12L, 4L, List.of("c"));
        assertThat(by).doesNotContainKey("all");
        assertThat(imp.folded()).containsEntry("Slice (of the whole tensor)", 1);
        VectorLayer h1 = (VectorLayer) by.get("halves");
        VectorLayer h2 = (VectorLayer) by.get("halves_2");
        assertThat(List.of(h1.outputShape().c(), h2.outputShape().c(), h2.inputs())).containsExactly(4L, 8L,
                List.of("c"));
        VectorLayer one = (VectorLayer) by.get("one");
        assertThat(List.of(one.inC(), one.outputShape().c(), one.inputs())).containsExactly(8L, 1L, List.of("halves_2"));
        assertThat(imp.mapped()).containsEntry("Split", 1).containsEntry("Slice", 1).containsEntry("Gather", 1);
        assertThat(imp.unsupported()).containsOnlyKeys("Slice").containsEntry("Slice", 1);
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
    }

    /**
     * Einsum in matmul forms (issue 22): a projection by a constant is an fc, attention's scores
     * with batch indices b and h a matmul of b*h products; MACs the product of every index's
     * size. A one-operand Einsum (a diagonal) is listed.
     */
    @Test
    void einsumMatmulFormsAreGemms() {
        OnnxImport imp = new OnnxWriter(true).input("x", FLOAT, 1, 16, 32).weight("w", FLOAT, 32, 64)
                .int64("shp", 1, 16, 4, 16)
                .node("Einsum", "proj", List.of("x", "w"), List.of("a"), Attr.s("equation", "bsd,df->bsf"))
                .node("Reshape", "heads", List.of("a", "shp"), List.of("r"))
                .node("Einsum", "scores", List.of("r", "r"), List.of("s"), Attr.s("equation", "bqhd, bkhd -> bhqk"))
                .node("Einsum", "batched", List.of("s", "s"), List.of("t"), Attr.s("equation", "...qk,...kj->...qj"))
                .node("Einsum", "diag", List.of("s"), List.of("y"), Attr.s("equation", "bhii->bhi"))
                .output("t").output("y").importAs("einsum", Map.of());
        MatMulLayer proj = (MatMulLayer) imp.network().layers().get(0);
        assertThat(List.of(proj.kind(), proj.m(), proj.n(), proj.k())).containsExactly(MatMulLayer.Kind.LINEAR, 16L, 64L,
                32L);
        MatMulLayer scores = (MatMulLayer) imp.network().layers().get(1);
        assertThat(List.of(scores.kind(), scores.count(), scores.m(), scores.n(), scores.k(), scores.inputs()))
                .containsExactly(MatMulLayer.Kind.MATMUL, 4L, 16L, 16L, 16L, List.of("proj", "proj"));
        MatMulLayer batched = (MatMulLayer) imp.network().layers().get(2);
        assertThat(List.of(batched.count(), batched.m(), batched.n(), batched.k())).containsExactly(4L, 16L, 16L, 16L);
        assertThat(imp.network().macs()).isEqualTo(16L * 64 * 32 + 2 * 4L * 16 * 16 * 16);
        assertThat(imp.unsupported()).containsOnlyKeys("Einsum").containsEntry("Einsum", 1);
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
    }

    /**
     * ONNX Runtime's contrib ops (issue 22), as its QOperator quantizer and its optimizer write
     * them: QLinearAdd, QLinearGlobalAveragePool, QLinearConcat, QGemm, FusedConv with its
     * activation, SkipLayerNormalization and SimplifiedLayerNormalization become the layers of
     * the standard ops they stand for, at their quantized widths, counted under their own names;
     * Attention its projection, slices, matmuls and softmax; an op not handled (MatMulNBits) is
     * listed with its domain.
     */
    @Test
    void contribOpsBecomeTheirStandardLayers() {
        OnnxWriter w = new OnnxWriter(true).input("x", UINT8, 1, 8, 4, 4).weight("w", INT8, 8, 8, 1, 1)
                .weight("g", INT8, 16, 10).weight("nb", UINT8, 10, 4)
                .weight("s", FLOAT).weight("zu", UINT8).weight("zi", INT8)
                .node("QLinearConv", "conv", List.of("x", "s", "zu", "w", "s", "zi", "s", "zu"), List.of("a"),
                        Attr.ints("kernel_shape", 1, 1))
                .node("com.microsoft", "QLinearAdd", "qadd", List.of("a", "s", "zu", "a", "s", "zu", "s", "zu"),
                        List.of("b"))
                .node("com.microsoft", "QLinearConcat", "qcat", List.of("s", "zu", "a", "s", "zu", "b", "s", "zu"),
                        List.of("c"), Attr.i("axis", 1))
                .node("com.microsoft", "QLinearGlobalAveragePool", "qgap", List.of("c", "s", "zu", "s", "zu"),
                        List.of("p"), Attr.i("channels_last", 0))
                .node("Flatten", "flat", List.of("p"), List.of("f"))
                .node("com.microsoft", "QGemm", "qgemm", List.of("f", "s", "zu", "g", "s", "zi", "", "s", "zu"),
                        List.of("q"))
                .node("com.microsoft", "MatMulNBits", "nbits", List.of("q", "nb"), List.of("y"))
                .output("y");
        OnnxImport imp = w.importAs("contrib", Map.of());
        Map<String, Layer> by = new java.util.LinkedHashMap<>();
        imp.network().layers().forEach(l -> by.put(l.name(), l));
        assertThat(by.get("qadd").type()).isEqualTo("add");
        assertThat(by.get("qadd").bits().output()).isEqualTo(8);
        assertThat(((VectorLayer) by.get("qcat")).parts()).containsExactly(8L, 8L);
        assertThat(by.get("qgap").type()).isEqualTo("avgpool");
        MatMulLayer fc = (MatMulLayer) by.get("qgemm");
        assertThat(List.of(fc.kind(), fc.m(), fc.n(), fc.k())).containsExactly(MatMulLayer.Kind.LINEAR, 1L, 10L, 16L);
        assertThat(fc.bits()).isEqualTo(new Bits(8, 8, 8, NumberType.INT));
        assertThat(imp.mapped()).containsEntry("QLinearAdd (com.microsoft)", 1).containsEntry("QGemm (com.microsoft)", 1)
                .containsEntry("QLinearConcat (com.microsoft)", 1).doesNotContainKeys("Add", "Gemm", "Concat");
        assertThat(imp.unsupported()).containsOnlyKeys("com.microsoft.MatMulNBits");
        assertThat(ShapeChain.problems(imp.network())).isEmpty();

        OnnxImport fused = new OnnxWriter(true).input("x", FLOAT, 1, 8, 4, 4).weight("fw", FLOAT, 8, 8, 1, 1)
                .weight("gamma", FLOAT, 8).weight("beta", FLOAT, 8).int64("shp", 1, 8, 16)
                .node("com.microsoft", "FusedConv", "fconv", List.of("x", "fw"), List.of("a"),
                        Attr.ints("kernel_shape", 1, 1), Attr.s("activation", "Relu"))
                .node("Reshape", "seq", List.of("a", "shp"), List.of("t"))
                .node("Transpose", "tok", List.of("t"), List.of("u"), Attr.ints("perm", 0, 2, 1))
                .node("com.microsoft", "SkipLayerNormalization", "sln", List.of("u", "u", "gamma", "beta"), List.of("v"))
                .node("com.microsoft", "SimplifiedLayerNormalization", "rms", List.of("v", "gamma"), List.of("y"))
                .output("y").importAs("fused", Map.of());
        assertThat(fused.network().layers().stream().map(Layer::type)).containsExactly("conv", "relu", "add",
                "layernorm", "rmsnorm");
        assertThat(fused.unsupported()).isEmpty();
        assertThat(ShapeChain.problems(fused.network())).isEmpty();

        // BERT-style packed attention: the qkv fc, three slices, scores, softmax, context
        OnnxImport att = new OnnxWriter(true).input("x", FLOAT, 2, 16, 32).weight("qkvw", FLOAT, 32, 96)
                .weight("qkvb", FLOAT, 96)
                .node("com.microsoft", "Attention", "attn", List.of("x", "qkvw", "qkvb"), List.of("a"), Attr.i("num_heads", 4))
                .node("Relu", "after", List.of("a"), List.of("y"))
                .output("y").importAs("attention", Map.of());
        List<Layer> ls = att.network().layers();
        assertThat(ls.stream().map(Layer::type)).containsExactly("fc", "slice", "slice", "slice", "matmul", "softmax",
                "matmul", "relu");
        MatMulLayer scores = (MatMulLayer) ls.get(4);
        assertThat(List.of(scores.count(), scores.m(), scores.n(), scores.k())).containsExactly(8L, 16L, 16L, 8L);
        assertThat(att.network().macs()).isEqualTo(2L * 16 * 32 * 96 + 2 * (8L * 16 * 16 * 8));
        assertThat(att.mapped()).containsOnlyKeys("Attention (com.microsoft)", "Relu");
        assertThat(ShapeChain.problems(att.network())).isEmpty();
    }

    /**
     * An LSTM (issue 22) is its GEMMs per time step: the input projection of every step at once,
     * then per step its rows, the recurrent product of the previous state, their sum and the cell
     * update; Y is the concat of every step's state. Its trace loads as written.
     */
    @Test
    void anLstmIsItsGemmsPerTimeStep() {
        OnnxImport imp = new OnnxWriter(true).input("x", FLOAT, 3, 2, 8).weight("W", FLOAT, 1, 16, 8)
                .weight("R", FLOAT, 1, 16, 4)
                .node("LSTM", "lstm", List.of("x", "W", "R"), List.of("y", "y_h"), Attr.i("hidden_size", 4))
                .node("Relu", "after", List.of("y"), List.of("z"))
                .output("z").output("y_h").importAs("lstm", Map.of());
        List<Layer> ls = imp.network().layers();
        assertThat(ls.stream().map(Layer::name)).containsExactly("lstm/x", "lstm/t0/x", "lstm/t0", "lstm/t1/x",
                "lstm/t1/h", "lstm/t1/gates", "lstm/t1", "lstm/t2/x", "lstm/t2/h", "lstm/t2/gates", "lstm/t2", "lstm/Y",
                "after");
        MatMulLayer proj = (MatMulLayer) ls.get(0);
        assertThat(List.of(proj.m(), proj.n(), proj.k())).containsExactly(6L, 16L, 8L);
        MatMulLayer rec = (MatMulLayer) ls.get(4);
        assertThat(List.of(rec.m(), rec.n(), rec.k(), rec.inputs())).containsExactly(2L, 16L, 4L, List.of("lstm/t0"));
        VectorLayer cell = (VectorLayer) ls.get(6);
        assertThat(List.of(cell.op(), cell.inC(), cell.outputShape().c(), cell.work())).containsExactly(VectorOp.CELL,
                16L, 4L, 2L * 16 + 3 * 2 * 4);
        assertThat(((VectorLayer) ls.get(11)).parts()).containsExactly(4L, 4L, 4L);
        assertThat(imp.network().macs()).isEqualTo(6L * 16 * 8 + 2 * (2L * 16 * 4));
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
        assertThat(OnnxRealModelsTest.roundTrip(imp.network()).layers()).isEqualTo(ls);
    }

    /** ReduceMean over H and W is a global average pool (squeeze-and-excitation); over channels it is listed. */
    @Test
    void spatialReductionsAreGlobalPools() {
        OnnxImport imp = new OnnxWriter(true).input("x", FLOAT, 1, 8, 7, 7).weight("w", FLOAT, 8, 8, 1, 1)
                .node("Conv", "c", List.of("x", "w"), List.of("a"), Attr.ints("kernel_shape", 1, 1))
                .node("ReduceMean", "gap", List.of("a"), List.of("m"), Attr.ints("axes", 2, 3))
                .node("ReduceMax", "chan", List.of("a"), List.of("y"), Attr.ints("axes", 1), Attr.i("keepdims", 0))
                .output("m").output("y").importAs("reduce", Map.of());
        VectorLayer gap = (VectorLayer) imp.network().layers().get(1);
        assertThat(List.of(gap.op(), gap.kH(), gap.kW(), gap.inputs())).containsExactly(VectorOp.AVGPOOL, 7L, 7L,
                List.of("c"));
        assertThat(gap.outputShape()).isEqualTo(new org.pactsim.workload.Shape(1, 1, 1, 8));
        assertThat(imp.unsupported()).containsOnlyKeys("ReduceMax");
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
    }
}
