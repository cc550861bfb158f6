package org.pactsim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.ArchReader;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.testing.Seeds;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.zoo.Zoo;

/** The compulsory traffic of an inference, worked by hand, and the bound it is for the schedule. */
class CompulsoryTest {
    /**
     * Two int8 fully connected layers, 2 rows: f1 (K=4 -> N=3) reads the network input (2 x 4 =
     * 8 B) and its weights (4 x 3 = 12 B): 20 B; f2 (K=3 -> N=5) reads its weights (15 B) and
     * writes the network's output (2 x 5 = 10 B): 25 B. The 2 x 3 tensor between them is not
     * compulsory. Total 45 B.
     */
    @Test
    void twoLayersByHand() {
        Network net = new Network("two", List.of(
                new MatMulLayer("f1", MatMulLayer.Kind.LINEAR, 1, 2, 3, 4, Bits.INT8, List.of()),
                new MatMulLayer("f2", MatMulLayer.Kind.LINEAR, 1, 2, 5, 3, Bits.INT8, List.of())));
        assertThat(Compulsory.perLayer(net)).containsExactly(20, 25);
        assertThat(Compulsory.bytes(net)).isEqualTo(45);
    }

    /** ResNet-50 at int8, one image: its 25.5 M weights, a 224x224x3 image and 1000 logits. */
    @Test
    void resnet50IsItsWeightsPlusAnImageAndLogits() {
        Network net = Zoo.find("resnet50").build();
        long weights = 0;
        for (Layer l : net.layers()) {
            weights += Tensors.bytes(Tensors.weightBits(l));
        }
        assertThat(Compulsory.bytes(net)).isEqualTo(weights + 224 * 224 * 3 + 1000);
    }

    /** No schedule moves less than the compulsory traffic in a first inference. */
    @Test
    void aFirstInferenceMovesAtLeastTheCompulsoryBytes() {
        AcceleratorSpec base = ArchReader.read(Path.of("src/test/resources/bad-inputs/good/arch.yaml"), List.of()).spec();
        Seeds.repeat("CompulsoryTest.aFirstInferenceMovesAtLeastTheCompulsoryBytes", 200, r -> {
            List<Layer> ls = new ArrayList<>();
            int n = Seeds.between(r, 1, 4);
            long c = Seeds.between(r, 1L, 64L);
            long h = Seeds.between(r, 4L, 32L);
            for (int i = 0; i < n; i++) {
                long out = Seeds.between(r, 1L, 64L);
                ls.add(new ConvLayer("c" + i, Seeds.between(r, 1L, 4L), h, h, c, out, 3, 3, 1, 1, 1, 1, 1, Bits.INT8,
                        List.of()));
                c = out;
            }
            Network net = new Network("rnd", ls);
            long first = 0;
            for (LayerMemory m : MemoryModel.firstAndSteady(base, net).get(0)) {
                first += m.dramReadBytes() + m.dramWriteBytes();
            }
            assertThat(first).as("%s", ls).isGreaterThanOrEqualTo(Compulsory.bytes(net));
        });
    }
}
