package org.pactsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.spec.SpecException;

/** Vector layers: shapes, work, parameters and validation; shape-chain mismatches. */
class VectorLayerTest {
    private static final Bits B = Bits.INT8;

    @Test
    void maxPoolShapeAndWork() {
        // ResNet's 3x3/2 pad 1 pool on 112x112x64: floor((112 + 2 - 3) / 2) + 1 = 56.
        VectorLayer p = new VectorLayer("p", VectorOp.MAXPOOL, 1, 112, 112, 64, 3, 3, 2, 2, 1, 1, 0, B, List.of());
        assertThat(p.outputShape()).isEqualTo(new Shape(1, 56, 56, 64));
        assertThat(p.work()).isEqualTo(56L * 56 * 64 * 9);
        assertThat(p.macs()).isZero();
        assertThat(p.params()).isZero();
        assertThat(p.isGemm()).isFalse();
        assertThatThrownBy(() -> p.lower(OutputRounding.FLOOR)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void softmaxAndLayerNormTakeSeveralPasses() {
        Shape s = new Shape(1, 12, 128, 128);
        assertThat(VectorLayer.of("s", VectorOp.SOFTMAX, s, 0, B, List.of()).work()).isEqualTo(3 * s.elements());
        VectorLayer ln = VectorLayer.of("n", VectorOp.LAYERNORM, new Shape(1, 1, 128, 768), 0, B, List.of());
        assertThat(ln.work()).isEqualTo(2 * 128 * 768);
        assertThat(ln.params()).isEqualTo(2 * 768);
    }

    @Test
    void addOfTwoInputsOrOfALearnedTensor() {
        Shape s = new Shape(2, 1, 197, 768);
        VectorLayer two = VectorLayer.of("a", VectorOp.ADD, s, 0, B, List.of("x", "y"));
        assertThat(two.operandShapes()).hasSize(2);
        assertThat(two.work()).isEqualTo(s.elements());
        assertThat(two.activationReads()).isEqualTo(2 * s.elements());
        VectorLayer pos = VectorLayer.of("p", VectorOp.ADD, s, 197 * 768, B, List.of());
        assertThat(pos.params()).isEqualTo(197 * 768);
        assertThat(pos.learnedReads()).isEqualTo(2 * 197 * 768);
        assertThatThrownBy(() -> VectorLayer.of("a", VectorOp.ADD, s, 0, B, List.of("x")))
                .isInstanceOf(SpecException.class).hasMessageContaining("learned");
    }

    /** Squeeze-and-excitation's gate: a 1x1xC activation broadcast over HxW (issue 22). */
    @Test
    void bcastReadsTheActivationAndTheSmallerOperand() {
        VectorLayer se = new VectorLayer("se", VectorOp.BCAST, 2, 14, 14, 96, 1, 1, 14, 14, 0, 0, 0, B,
                List.of("x", "gate"));
        assertThat(se.operandShapes()).containsExactly(new Shape(2, 14, 14, 96), new Shape(2, 1, 1, 96));
        assertThat(se.outputShape()).isEqualTo(new Shape(2, 14, 14, 96));
        assertThat(se.activationReads()).isEqualTo(2L * 14 * 14 * 96 + 2 * 96);
        assertThat(se.work()).isEqualTo(2L * 14 * 14 * 96);
        // a row mask broadcast over H only
        VectorLayer mask = new VectorLayer("m", VectorOp.BCAST, 1, 12, 128, 128, 1, 1, 12, 1, 0, 0, 0, B,
                List.of("s", "mask"));
        assertThat(mask.operandShapes().get(1)).isEqualTo(new Shape(1, 1, 128, 128));
        assertThatThrownBy(() -> new VectorLayer("b", VectorOp.BCAST, 1, 14, 14, 8, 1, 1, 7, 14, 0, 0, 0, B,
                List.of("x", "g"))).isInstanceOf(SpecException.class).hasMessageContaining("strideH");
        assertThatThrownBy(() -> new VectorLayer("b", VectorOp.BCAST, 1, 14, 14, 8, 1, 1, 1, 1, 0, 0, 0, B,
                List.of("x", "g"))).isInstanceOf(SpecException.class).hasMessageContaining("a mul or an add");
        assertThatThrownBy(() -> new VectorLayer("b", VectorOp.BCAST, 1, 14, 14, 8, 1, 1, 14, 14, 0, 0, 0, B,
                List.of("x"))).isInstanceOf(SpecException.class).hasMessageContaining("two inputs");
    }

    /** An FPN's merged levels or a U-Net's skip: inputs of any channel counts joined along channels. */
    @Test
    void concatOfNamedInputsJoinsChannels() {
        VectorLayer c = VectorLayer.concat("c", 1, 160, 160, List.of(24L, 24L, 48L), B, List.of("a", "b", "d"));
        assertThat(c.outputShape()).isEqualTo(new Shape(1, 160, 160, 96));
        assertThat(c.operandShapes()).containsExactly(new Shape(1, 160, 160, 24), new Shape(1, 160, 160, 24),
                new Shape(1, 160, 160, 48));
        assertThat(c.activationReads()).isEqualTo(160L * 160 * 96);
        assertThat(c.work()).isEqualTo(160L * 160 * 96);
        assertThat(c.params()).isZero();
        assertThatThrownBy(() -> new VectorLayer("c", VectorOp.CONCAT, 1, 4, 4, 50, 1, 1, 1, 1, 0, 0, 0, B,
                List.of("a", "b"), List.of(24L, 24L))).isInstanceOf(SpecException.class)
                .hasMessageContaining("inC").hasMessageContaining("= 48");
        assertThatThrownBy(() -> new VectorLayer("c", VectorOp.CONCAT, 1, 4, 4, 48, 1, 1, 1, 1, 0, 0, 0, B,
                List.of("a", "b"), List.of(48L))).isInstanceOf(SpecException.class).hasMessageContaining("parts");
        assertThatThrownBy(() -> new VectorLayer("r", VectorOp.RELU, 1, 4, 4, 48, 1, 1, 1, 1, 0, 0, 0, B,
                List.of("a"), List.of(48L))).isInstanceOf(SpecException.class).hasMessageContaining("parts");
    }

    /** A Slice, a Split's output or a Gather of activations: reads and writes only what it keeps. */
    @Test
    void sliceKeepsPartOfItsChannels() {
        VectorLayer q = VectorLayer.slice("q", new Shape(1, 320, 15, 3), 1, B, List.of("qkv"));
        assertThat(q.outputShape()).isEqualTo(new Shape(1, 320, 15, 1));
        assertThat(q.operandShapes()).containsExactly(new Shape(1, 320, 15, 3));
        assertThat(q.activationReads()).isEqualTo(320L * 15);
        assertThat(q.work()).isEqualTo(320L * 15);
        assertThatThrownBy(() -> VectorLayer.slice("q", new Shape(1, 4, 4, 3), 4, B, List.of()))
                .isInstanceOf(SpecException.class).hasMessageContaining("outC");
    }

    @Test
    void concatPrependsLearnedRows() {
        VectorLayer c = VectorLayer.of("c", VectorOp.CONCAT, new Shape(1, 1, 196, 768), 768, B, List.of());
        assertThat(c.outputShape()).isEqualTo(new Shape(1, 1, 197, 768));
        assertThatThrownBy(() -> VectorLayer.of("c", VectorOp.CONCAT, new Shape(1, 1, 196, 768), 100, B, List.of()))
                .isInstanceOf(SpecException.class);
    }

    @Test
    void windowsOnlyOnPools() {
        assertThatThrownBy(() -> new VectorLayer("r", VectorOp.RELU, 1, 8, 8, 8, 3, 3, 1, 1, 0, 0, 0, B, List.of()))
                .isInstanceOf(SpecException.class).hasMessageContaining("kH");
    }

    /** Every combination (64 x 7 x 4 x 4 = 7,168 cases; 200 were sampled before). */
    @Test
    void poolOutputMatchesTheConvolutionRule() {
        for (int in = 1; in <= 64; in++) {
            for (int k = 1; k <= 7; k++) {
                for (int s = 1; s <= 4; s++) {
                    for (int pad = 0; pad <= 3; pad++) {
                        poolLikeConv(in, k, s, pad);
                    }
                }
            }
        }
    }

    private static void poolLikeConv(int in, int k, int s, int pad) {
        if (pad >= k || k > in + 2 * pad) {
            return;
        }
        VectorLayer p = new VectorLayer("p", VectorOp.AVGPOOL, 1, in, in, 3, k, k, s, s, pad, pad, 0, B, List.of());
        ConvLayer c = new ConvLayer("c", 1, in, in, 3, 3, k, k, s, s, pad, pad, 3, B, List.of());
        assertThat(p.outputShape()).isEqualTo(c.outputShape());
        assertThat(p.work()).isEqualTo(c.macs());
    }

    @Test
    void shapeChainReportsAMismatch() {
        ConvLayer c1 = new ConvLayer("c1", 1, 32, 32, 3, 16, 3, 3, 1, 1, 1, 1, 1, B, List.of());
        // Expects 30x30 but c1 gives 32x32x16 (padding 1 keeps the size).
        ConvLayer c2 = new ConvLayer("c2", 1, 30, 30, 16, 16, 3, 3, 1, 1, 0, 0, 1, B, List.of());
        List<String> p = ShapeChain.problems(new Network("n", List.of(c1, c2)));
        assertThat(p).singleElement().asString().contains("c2 operand 0 from c1").contains("1x32x32x16");
        VectorLayer add = VectorLayer.of("a", VectorOp.ADD, new Shape(1, 32, 32, 16), 0, B, List.of("c1", "c1"));
        assertThat(ShapeChain.problems(new Network("n", List.of(c1, add)))).isEmpty();
    }
}
