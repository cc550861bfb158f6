package org.pactsim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pactsim.spec.NumberType;
import org.pactsim.workload.zoo.Zoo;

/** The precision variants: uniform widths, PACT's 8-bit first and last layers, fp16. */
class PrecisionVariantTest {
    static List<String> names() {
        return Zoo.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void uniformVariantsPutEveryLayerAtTheirWidth(String name) {
        Network base = Zoo.find(name).build();
        for (TracePrecision p : TracePrecision.values()) {
            Network net = new PrecisionVariant(p, false).apply(base, true);
            assertThat(net.name()).isEqualTo(name + "-" + p.key());
            for (Layer l : net.layers()) {
                Bits b = l.bits();
                assertThat(List.of(b.weight(), b.activation(), b.output())).as(l.name()).containsOnly(p.bits());
                assertThat(b.type()).isEqualTo(p.type());
            }
            assertThat(net.macs()).isEqualTo(base.macs());
            assertThat(net.params()).isEqualTo(base.params());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void pactKeepsExactlyTheFirstAndLastGemmLayersAt8Bits(String name) {
        Network base = Zoo.find(name).build();
        Network net = PrecisionVariant.parse("int4-pact").apply(base, false);
        List<String> eight = net.layers().stream().filter(Layer::isGemm).filter(l -> l.bits().weight() == 8)
                .map(Layer::name).toList();
        List<Layer> gemms = net.layers().stream().filter(Layer::isGemm).toList();
        assertThat(eight).contains(gemms.get(0).name(), gemms.get(gemms.size() - 1).name());
        assertThat(net.layers().stream().filter(Layer::isGemm).filter(l -> l.bits().weight() == 4).count())
                .isEqualTo(gemms.size() - eight.size());
        // Every tensor is written at least as wide as its GEMM consumers read it.
        List<List<Integer>> prod = net.allProducers();
        for (int i = 0; i < net.layers().size(); i++) {
            Layer l = net.layers().get(i);
            for (int p : prod.get(i)) {
                if (l.isGemm()) {
                    assertThat(net.layers().get(p).bits().output()).as(l.name()).isGreaterThanOrEqualTo(
                            l.bits().activation());
                } else {
                    assertThat(l.bits().activation()).as(l.name()).isGreaterThanOrEqualTo(
                            net.layers().get(p).bits().output());
                }
            }
        }
    }

    @Test
    void pactOnResnet50MeansConv1AndFcAt8Bits() {
        Network net = PrecisionVariant.parse("int2-pact").apply(Zoo.find("resnet50").build(), true);
        assertThat(net.name()).isEqualTo("resnet50-int2-pact");
        List<String> eight = net.layers().stream().filter(Layer::isGemm).filter(l -> l.bits().weight() == 8)
                .map(Layer::name).toList();
        assertThat(eight).containsExactly("conv1", "fc");
        Layer relu = net.layers().get(1);
        // conv1 writes 8 bits; the ReLU after it quantizes to 2 (PACT's clipping activation).
        assertThat(List.of(relu.bits().activation(), relu.bits().output())).containsExactly(8, 2);
    }

    @Test
    void pactOnBertMeansTheFirstQkvAndTheLastFfnAt8Bits() {
        Network net = PrecisionVariant.parse("int4-pact").apply(Zoo.find("bert-base").build(), false);
        List<String> eight = net.layers().stream().filter(Layer::isGemm).filter(l -> l.bits().weight() == 8)
                .map(Layer::name).toList();
        assertThat(eight).containsExactly("h0.attn.q", "h0.attn.k", "h0.attn.v", "h11.mlp.fc2");
    }

    @Test
    void pactAtOrAbove8BitsChangesNothing() {
        Network base = Zoo.find("mobilenet-v2").build();
        for (TracePrecision p : List.of(TracePrecision.INT8, TracePrecision.INT16, TracePrecision.FP16)) {
            assertThat(new PrecisionVariant(p, true).apply(base, false).layers())
                    .isEqualTo(new PrecisionVariant(p, false).apply(base, false).layers());
        }
    }

    @Test
    void fp16IsFloat() {
        Network net = PrecisionVariant.parse("fp16").apply(Zoo.find("alexnet").build(), false);
        assertThat(net.layers()).allSatisfy(l -> assertThat(l.bits().type()).isEqualTo(NumberType.FLOAT));
    }

    @Test
    void keysParseBack() {
        for (PrecisionVariant v : PrecisionVariant.ALL) {
            assertThat(PrecisionVariant.parse(v.key())).isEqualTo(v);
        }
        assertThat(PrecisionVariant.parse("int3")).isNull();
        assertThat(PrecisionVariant.ALL).extracting(PrecisionVariant::key)
                .containsExactly("fp16", "int16", "int8", "int4", "int4-pact", "int2", "int2-pact");
    }

    @Test
    void footprintScalesWithBits() {
        Network base = Zoo.find("resnet18").build();
        Footprint f8 = Footprint.of(PrecisionVariant.parse("int8").apply(base, false));
        Footprint f2 = Footprint.of(PrecisionVariant.parse("int2").apply(base, false));
        // 8-bit weights: one byte each, so weight bytes = weight elements.
        long weights = base.layers().stream().mapToLong(Layer::weightElements).sum();
        assertThat(f8.weightBytes()).isEqualTo(weights);
        assertThat(f2.weightBytes()).isEqualTo((weights * 2 + 7) / 8);
        // Largest tensor: the 112x112x64 output of conv1 (and of its ReLU), 802,816 bytes at 8 bits.
        assertThat(f8.largestActivationBytes()).isEqualTo(112L * 112 * 64);
        assertThat(Footprint.bytes(3, 3)).isEqualTo(2);
    }
}
