package org.pactsim.workload.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.ShapeChain;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/** Shapes chain from layer to layer in every zoo network, and the known landmarks hold. */
class ZooShapesTest {
    static List<String> names() {
        return Zoo.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void outputShapesChain(String name) {
        Network net = Zoo.find(name).build();
        net.checkInputs();
        assertThat(ShapeChain.problems(net)).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void layerNamesAreUniqueAndEveryLayerButTheLastIsRead(String name) {
        Network net = Zoo.find(name).build();
        assertThat(net.layers().stream().map(Layer::name).distinct().count()).isEqualTo(net.layers().size());
        List<List<Integer>> consumers = net.consumers();
        for (int i = 0; i < net.layers().size() - 1; i++) {
            assertThat(consumers.get(i)).as(name + " " + net.layers().get(i).name() + " is read").isNotEmpty();
        }
    }

    @Test
    void resnet50LandmarksFollowThePaper() {
        Network net = Zoo.find("resnet50").build();
        // Table 1 of He et al.: conv1 7x7/2 -> 112x112x64; pool -> 56x56; conv5_x ends 7x7x2048.
        assertThat(layer(net, "conv1").outputShape()).isEqualTo(new Shape(1, 112, 112, 64));
        assertThat(layer(net, "maxpool").outputShape()).isEqualTo(new Shape(1, 56, 56, 64));
        assertThat(layer(net, "layer4.2.relu").outputShape()).isEqualTo(new Shape(1, 7, 7, 2048));
        // 53 convolutions = 1 + 16 blocks x 3 + 4 projections; 16 residual adds.
        assertThat(net.layers().stream().filter(l -> l instanceof ConvLayer).count()).isEqualTo(53);
        assertThat(net.layers().stream().filter(l -> l.type().equals("add")).count()).isEqualTo(16);
        // v1.5: the stride sits on the 3x3 of the first block of stages 2-4.
        assertThat(((ConvLayer) layer(net, "layer2.0.conv2")).strideH()).isEqualTo(2);
        assertThat(((ConvLayer) layer(net, "layer2.0.conv1")).strideH()).isEqualTo(1);
    }

    @Test
    void mobilenetsUseDepthwiseConvolutions() {
        Network v1 = Zoo.find("mobilenet-v1").build();
        assertThat(v1.layers().stream().filter(l -> l.type().equals("dwconv")).count()).isEqualTo(13);
        Network v2 = Zoo.find("mobilenet-v2").build();
        // 17 bottlenecks, each with one depthwise convolution; 10 of them have a residual add.
        assertThat(v2.layers().stream().filter(l -> l.type().equals("dwconv")).count()).isEqualTo(17);
        assertThat(v2.layers().stream().filter(l -> l.type().equals("add")).count()).isEqualTo(10);
        assertThat(layer(v2, "conv_last").outputShape()).isEqualTo(new Shape(1, 7, 7, 1280));
    }

    @Test
    void bertAttentionIsPerHead() {
        Network net = Zoo.find("bert-base").build();
        MatMulLayer scores = (MatMulLayer) layer(net, "h0.attn.scores");
        // 12 heads of (128 x 64) x (64 x 128).
        assertThat(List.of(scores.count(), scores.m(), scores.n(), scores.k())).containsExactly(12L, 128L, 128L, 64L);
        MatMulLayer context = (MatMulLayer) layer(net, "h0.attn.context");
        assertThat(List.of(context.count(), context.m(), context.n(), context.k()))
                .containsExactly(12L, 128L, 64L, 128L);
        assertThat(((VectorLayer) layer(net, "h0.attn.softmax")).op()).isEqualTo(VectorOp.SOFTMAX);
        assertThat(net.layers().stream().filter(l -> l.type().equals("layernorm")).count()).isEqualTo(25);
    }

    @Test
    void gpt2DecodeReadsTheKvCache() {
        Network net = Zoo.find("gpt2-small-decode").build();
        MatMulLayer scores = (MatMulLayer) layer(net, "h5.attn.scores");
        // One query row against 128 cached keys plus its own.
        assertThat(List.of(scores.count(), scores.m(), scores.n(), scores.k())).containsExactly(12L, 1L, 129L, 64L);
        MatMulLayer head = (MatMulLayer) layer(net, "lm_head");
        assertThat(List.of(head.m(), head.n(), head.k())).containsExactly(1L, 50257L, 768L);
    }

    @Test
    void vitHas197TokensAndAClassTokenHead() {
        Network net = Zoo.find("vit-b16").build();
        assertThat(layer(net, "patch_embed").outputShape()).isEqualTo(new Shape(1, 14, 14, 768));
        assertThat(layer(net, "embed.cls").outputShape()).isEqualTo(new Shape(1, 1, 197, 768));
        assertThat(((MatMulLayer) layer(net, "head")).m()).isEqualTo(1);
    }

    private static Layer layer(Network net, String name) {
        return net.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }
}
