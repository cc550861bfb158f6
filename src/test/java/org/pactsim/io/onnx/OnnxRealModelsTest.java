package org.pactsim.io.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pactsim.io.InputException;
import org.pactsim.spec.NumberType;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.ShapeChain;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;
import org.pactsim.workload.zoo.Zoo;

/**
 * The four real quantized models (src/test/resources/onnx/README.md; MiniLM's weights are
 * zeroed there, its graph and shapes are the original's). pactsim's MAC count is the trace's: Conv and MatMul/Gemm layers
 * only, with the exact (floor) output size; vector-unit ops (pools, activations, softmax, adds)
 * have none, as in the published figures, which count multiply-adds of the convolutions and
 * the classifier.
 */
class OnnxRealModelsTest {
    static final Path DIR = Path.of("src/test/resources/onnx");
    static final Path V1 = DIR.resolve("mobilenet_v1_0.5_128_quant.onnx");
    static final Path V2 = DIR.resolve("mobilenet_v2_1.0_224_int8_per_tensor.onnx");
    static final Path SSD = DIR.resolve("ssd_mobilenet_v2_fpnlite_10_256_int8.onnx");
    static final Path MINILM = DIR.resolve("all-minilm-l6-v2-q.onnx");
    static final Path OCR_DET = DIR.resolve("ch_PP-OCRv3_det_infer.onnx");
    static final Path OCR_REC = DIR.resolve("ch_PP-OCRv3_rec_infer.onnx");
    static final Path OCR_CLS = DIR.resolve("ch_ppocr_mobile_v2.0_cls_infer.onnx");
    static final Path SILERO = DIR.resolve("silero_vad_legacy.onnx");

    /** The network written as a CSV trace and read back: an imported trace must load as it is. */
    static Network roundTrip(Network net) {
        try {
            Path csv = java.nio.file.Files.createTempFile("imported", ".csv");
            try {
                java.nio.file.Files.writeString(csv, org.pactsim.io.format.TraceWriter.csv(net, List.of()));
                return org.pactsim.io.format.TraceReader.read(csv, null);
            } finally {
                java.nio.file.Files.delete(csv);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(OnnxGraph g, String op) {
        return g.nodes().stream().filter(n -> n.opType().equals(op)).count();
    }

    private static List<Layer> gemms(Network net) {
        return net.layers().stream().filter(Layer::isGemm).toList();
    }

    /**
     * MobileNet-V1 MACs derived from the paper's architecture (Howard et al. 2017, Table 1) at
     * width {@code alpha} and input {@code res}, TensorFlow SAME padding (output ceil(in/stride)):
     * a 3x3 stride-2 conv to 32a channels, 13 depthwise-separable blocks, the 1x1 classifier
     * (1001 classes) on the pooled 1x1 map.
     */
    static long mobilenetV1Macs(double alpha, long res) {
        long[][] blocks = {{64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2}, {512, 1}, {512, 1}, {512, 1},
            {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
        long h = (res + 1) / 2;
        long c = (long) (32 * alpha);
        long macs = h * h * 3 * 3 * 3 * c;
        for (long[] b : blocks) {
            h = (h + b[1] - 1) / b[1];
            long out = (long) (b[0] * alpha);
            macs += h * h * 9 * c + h * h * c * out;
            c = out;
        }
        return macs + c * 1001;
    }

    @Test
    void mobilenetV1MatchesItsArchitectureAndThePublished49MillionMacs() {
        OnnxImport imp = OnnxImporter.importFile(V1, Map.of());
        Network net = imp.network();
        assertThat(net.macs()).isEqualTo(mobilenetV1Macs(0.5, 128));
        // tensorflow/models research/slim/nets/mobilenet_v1.md: MobileNet_v1_0.50_128_quant, 49 Million MACs
        assertThat(net.macs() / 1e6).isCloseTo(49, within(0.5));
        assertThat(ShapeChain.problems(net)).isEmpty();
        OnnxGraph g = OnnxReader.read(V1);
        assertThat(gemms(net)).hasSize((int) count(g, "Conv")).hasSize(28)
                .allMatch(l -> l instanceof ConvLayer && l.bits().equals(new Bits(8, 8, 8, NumberType.INT)));
        assertThat(imp.quantization()).allMatch(q -> q.scheme().equals("QDQ") && q.weight().equals("uint8")
                && !q.perChannel());
        assertThat(net.layers().stream().filter(l -> l.type().equals("dwconv"))).hasSize(13);
        assertThat(imp.unsupported()).isEmpty();
    }

    @Test
    void mobilenetV2MatchesTheZooAndThePublished300MillionMacs() {
        assertThatThrownBy(() -> OnnxImporter.importFile(V2, Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("unk__1590");
        OnnxImport imp = OnnxImporter.importFile(V2, Map.of("unk__1590", 1L));
        Network net = imp.network();
        // the zoo builds MobileNet-V2 1.0-224 from its published hyperparameters, independently of ONNX
        assertThat(net.macs()).isEqualTo(Zoo.find("mobilenet-v2").build().macs());
        // tensorflow/models research/slim/nets/mobilenet/README.md: mobilenet_v2_1.0_224, 300 MACs (M); this
        // Keras export has 1000 classes, the count is 300,774,272 (0.26% above the rounded figure)
        assertThat(net.macs() / 1e6).isCloseTo(300, within(1.0));
        assertThat(ShapeChain.problems(net)).isEmpty();
        OnnxGraph g = OnnxReader.read(V2);
        List<Layer> gemm = gemms(net);
        assertThat(gemm.stream().filter(l -> l instanceof ConvLayer)).hasSize((int) count(g, "Conv")).hasSize(52);
        assertThat(gemm.stream().filter(l -> l instanceof MatMulLayer)).hasSize(1);
        assertThat(gemm).allMatch(l -> l.bits().weight() == 8 && l.bits().activation() == 8
                && l.bits().type() == NumberType.INT);
        assertThat(imp.quantization()).allMatch(q -> q.weight().equals("int8") && !q.perChannel());
        // Conv -> Relu/Relu6 -> QuantizeLinear: the activation is fused, so the 35 convolutions followed by
        // one write int8 like the others (the graph passes float between them); every layer is 8-bit integer
        assertThat(net.notes()).anyMatch(n -> n.contains("35 GEMM layers followed by a ReLU or clamp"));
        assertThat(net.layers()).allMatch(l -> l.bits().output() == 8 && l.bits().activation() == 8
                && l.bits().type() == NumberType.INT);
        assertThat(imp.folded()).containsEntry("Pad", 4);
        assertThat(net.layers().stream().filter(l -> l instanceof VectorLayer v && v.op() == VectorOp.ADD))
                .hasSize(10);
    }

    @Test
    void ssdMobilenetFpnKeepsEveryConvolutionPerChannelAndListsWhatItCannotMap() {
        OnnxImport imp = OnnxImporter.importFile(SSD, Map.of("unk__3298", 1L));
        OnnxGraph g = OnnxReader.read(SSD);
        List<Layer> gemm = gemms(imp.network());
        assertThat(gemm).hasSize((int) count(g, "Conv")).hasSize(123)
                .allMatch(l -> l.bits().equals(new Bits(8, 8, l.bits().output(), NumberType.INT)));
        assertThat(imp.quantization()).allMatch(q -> q.perChannel() && q.weight().equals("int8"));
        // the FPN's two 2x upsamplings are resize layers (issue 22), each read by the add that merges
        // it with the lateral 1x1 conv; the heads' boxes and classes are concatenated along the anchors
        List<VectorLayer> up = imp.network().layers().stream()
                .filter(l -> l instanceof VectorLayer v && v.op() == VectorOp.RESIZE).map(l -> (VectorLayer) l).toList();
        assertThat(up).hasSize(2).allMatch(v -> v.strideH() == 2 && v.strideW() == 2);
        assertThat(imp.mapped()).containsEntry("Resize", 2);
        assertThat(imp.mapped()).containsEntry("Concat", 2);
        List<VectorLayer> cat = imp.network().layers().stream()
                .filter(l -> l instanceof VectorLayer v && v.op() == VectorOp.CONCAT).map(l -> (VectorLayer) l).toList();
        // 5 levels of 32x32, 16x16, 8x8, 4x4 and 2x2 cells with 5 anchors each: 6,820 anchors, joined
        // along the anchor axis, of 4 box coordinates and of 81 class scores
        assertThat(cat).hasSize(2).allMatch(v -> v.parts().equals(List.of(5120L, 1280L, 320L, 80L, 20L)));
        assertThat(cat.stream().map(VectorLayer::inW)).containsExactly(4L, 81L);
        assertThat(imp.unsupported()).doesNotContainKeys("Resize", "Concat");
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
        assertThat(roundTrip(imp.network()).layers()).isEqualTo(imp.network().layers());
    }

    /**
     * PaddleOCR's text detector (issue 22: the model whose Resize stopped the import): its FPN's
     * four upsamplings, the concat of the four levels, the squeeze-and-excitation gates and the
     * head's two transposed convolutions are all layers; it imports whole and its trace loads.
     */
    @Test
    void ocrDetectorImportsWhole() {
        OnnxImport imp = OnnxImporter.importFile(OCR_DET, Map.of("x[0]", 1L, "x[2]", 640L, "x[3]", 640L));
        Network net = imp.network();
        assertThat(imp.unsupported()).isEmpty();
        assertThat(imp.mapped()).containsEntry("Resize", 6).containsEntry("Concat", 1).containsEntry("ConvTranspose", 2);
        assertThat(net.layers().stream().filter(l -> l.type().equals("bcast"))).hasSize(8);
        VectorLayer cat = (VectorLayer) net.layers().stream().filter(l -> l.type().equals("concat")).findFirst()
                .orElseThrow();
        assertThat(List.of(cat.inH(), cat.inW(), cat.inC(), cat.parts())).containsExactly(160L, 160L, 96L,
                List.of(24L, 24L, 24L, 24L));
        // a float model: every GEMM float32
        assertThat(gemms(net)).hasSize(74).allMatch(l -> l.bits().equals(Bits.uniform(32, NumberType.FLOAT)));
        assertThat(ShapeChain.problems(net)).isEmpty();
        assertThat(roundTrip(net).layers()).isEqualTo(net.layers());
    }

    /**
     * PaddleOCR's recogniser (SVTR-LCNet): a float CNN, then two transformer blocks whose
     * attention matmuls are batched over 8 heads of 15, then the CTC classifier over 6,625 classes.
     */
    @Test
    void ocrRecogniserHasItsTransformerBlocks() {
        OnnxImport imp = OnnxImporter.importFile(OCR_REC, Map.of("x[0]", 1L, "x[2]", 48L, "x[3]", 320L));
        Network net = imp.network();
        List<MatMulLayer> mm = net.layers().stream().filter(l -> l instanceof MatMulLayer).map(l -> (MatMulLayer) l)
                .toList();
        assertThat(mm.stream().filter(m -> m.kind() == MatMulLayer.Kind.MATMUL)).hasSize(4)
                .allMatch(m -> m.count() == 8 && m.m() == 40);
        assertThat(mm.stream().filter(m -> m.kind() == MatMulLayer.Kind.LINEAR)).hasSize(9);
        assertThat(mm.get(mm.size() - 1).n()).isEqualTo(6625);
        assertThat(net.layers().stream().filter(l -> l.type().equals("layernorm"))).hasSize(5);
        assertThat(net.layers().stream().filter(l -> l.type().equals("softmax"))).hasSize(3);
        // the qkv projection's output is cut into q, k and v by three Slices per block (issue 22):
        // slice layers, so every layer chains and the trace loads as written
        assertThat(net.layers().stream().filter(l -> l.type().equals("slice"))).hasSize(6);
        assertThat(imp.unsupported()).isEmpty();
        assertThat(ShapeChain.problems(net)).isEmpty();
        assertThat(roundTrip(net).layers()).isEqualTo(net.layers());
    }

    /**
     * Silero VAD v4, a speech model (issue 22): a conv STFT and encoder then two LSTMs, all inside
     * nested Ifs on the sample rate and on shapes. Given the sample rate (an integer scalar
     * input) the branches taken are imported in place; its LSTMs are their GEMMs per time step;
     * the trace loads as written. Without it, the error says what to give.
     */
    @Test
    void sileroVadImportsThroughItsIfs() {
        OnnxImport imp = OnnxImporter.importFile(SILERO, Map.of("batch", 1L, "sequence", 1536L, "sr", 16000L));
        Network net = imp.network();
        assertThat(imp.mapped()).containsEntry("LSTM", 2).containsEntry("Conv", 18);
        assertThat(imp.folded()).containsKeys("If (the then branch imported)", "If (the else branch imported)");
        // 1536 samples at 16 kHz: 24 STFT frames (hop 64), 3 after the encoder's strides; hidden 64
        List<MatMulLayer> rec = net.layers().stream().filter(l -> l.name().matches("LSTM_\\d+/t\\d+/h"))
                .map(l -> (MatMulLayer) l).toList();
        assertThat(rec).hasSize(2 * 2).allMatch(m -> m.n() == 256 && m.k() == 64);
        assertThat(net.notes()).anyMatch(n -> n.contains("its initial state is a network input"));
        // the reflection padding of the raw audio and the encoder's slices of it stay listed
        assertThat(imp.unsupported()).containsOnlyKeys("Add", "Pad", "Slice");
        assertThat(ShapeChain.problems(net)).isEmpty();
        assertThat(roundTrip(net).layers()).isEqualTo(net.layers());
        assertThatThrownBy(() -> OnnxImporter.importFile(SILERO, Map.of("batch", 1L, "sequence", 512L)))
                .isInstanceOf(InputException.class).hasMessageContaining("inside an If whose condition is not known")
                .hasMessageContaining("--dim NAME=V");
    }

    /** The direction classifier (MobileNetV3-small with squeeze-and-excitation) imports whole. */
    @Test
    void ocrClassifierImportsWhole() {
        OnnxImport imp = OnnxImporter.importFile(OCR_CLS, Map.of("x[0]", 1L, "x[2]", 48L, "x[3]", 192L));
        assertThat(imp.unsupported()).isEmpty();
        assertThat(imp.network().layers().stream().filter(l -> l.type().equals("bcast"))).hasSize(9);
        assertThat(ShapeChain.problems(imp.network())).isEmpty();
        assertThat(roundTrip(imp.network()).layers()).isEqualTo(imp.network().layers());
    }

    @Test
    void miniLmAtSequence128HasItsProjectionsAt8BitsAndAttentionInFloat() {
        OnnxImport imp = OnnxImporter.importFile(MINILM, Map.of("batch_size", 1L, "sequence_length", 128L));
        Network net = imp.network();
        List<MatMulLayer> mm = net.layers().stream().filter(l -> l instanceof MatMulLayer)
                .map(l -> (MatMulLayer) l).toList();
        List<MatMulLayer> proj = mm.stream().filter(m -> m.kind() == MatMulLayer.Kind.LINEAR).toList();
        List<MatMulLayer> att = mm.stream().filter(m -> m.kind() == MatMulLayer.Kind.MATMUL).toList();
        assertThat(proj).hasSize((int) count(OnnxReader.read(MINILM), "MatMulInteger")).hasSize(36)
                .allMatch(m -> m.bits().weight() == 8 && m.bits().activation() == 8
                        && m.bits().type() == NumberType.INT && m.m() == 128 && m.bias());
        assertThat(att).hasSize(12).allMatch(m -> m.bits().equals(Bits.uniform(32, NumberType.FLOAT))
                && m.count() == 12 && m.m() == 128);
        // per encoder layer (hidden 384, FFN 1536, 12 heads of 32, 128 tokens): Q, K, V and output
        // projections 4 x 128x384x384, FFN 2 x 128x384x1536, scores and context 2 x 12x128x128x32
        long perLayer = 4L * 128 * 384 * 384 + 2L * 128 * 384 * 1536 + 2L * 12 * 128 * 128 * 32;
        assertThat(net.macs()).isEqualTo(6 * perLayer);
        assertThat(net.layers().stream().filter(l -> l.type().equals("layernorm"))).hasSize(13);
        assertThat(net.layers().stream().filter(l -> l.type().equals("gelu"))).hasSize(6);
        assertThat(net.layers().stream().filter(l -> l.type().equals("softmax"))).hasSize(6);
        assertThat(ShapeChain.problems(net)).isEmpty();
    }
}
