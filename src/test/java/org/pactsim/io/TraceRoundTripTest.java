package org.pactsim.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pactsim.spec.NumberType;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;
import org.pactsim.workload.zoo.Zoo;

/** What TraceWriter writes, TraceReader reads back as the same layers, in CSV and in YAML. */
class TraceRoundTripTest {
    @TempDir
    Path dir;

    static List<String> names() {
        return Zoo.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyZooNetworkAtEveryVariantRoundTrips(String name) throws Exception {
        Network base = Zoo.find(name).build();
        for (PrecisionVariant v : PrecisionVariant.ALL) {
            Network net = v.apply(base, true);
            assertThat(roundTrip(net, "csv").layers()).as(net.name() + " csv").isEqualTo(net.layers());
            assertThat(roundTrip(net, "yaml").layers()).as(net.name() + " yaml").isEqualTo(net.layers());
            assertThat(roundTrip(net, "csv").name()).isEqualTo(net.name());
        }
    }

    Network roundTrip(Network net, String ext) throws Exception {
        Path f = dir.resolve(net.name() + "." + ext);
        Files.writeString(f, ext.equals("csv") ? TraceWriter.csv(net, List.of("a comment"))
                : TraceWriter.yaml(net, List.of("a comment")));
        return TraceReader.read(f, null);
    }

    @Property(tries = 60)
    void randomLayersRoundTrip(@ForAll("layers") Layer layer) throws Exception {
        Network net = new Network("random", List.of(layer));
        Path d = Files.createTempDirectory("trace");
        try {
            Path csv = d.resolve("random.csv");
            Files.writeString(csv, TraceWriter.csv(net, List.of()));
            assertThat(TraceReader.read(csv, null).layers()).containsExactly(layer);
            Path yaml = d.resolve("random.yaml");
            Files.writeString(yaml, TraceWriter.yaml(net, List.of()));
            assertThat(TraceReader.read(yaml, null).layers()).containsExactly(layer);
        } finally {
            try (var s = Files.list(d)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(d);
        }
    }

    @Provide
    Arbitrary<Layer> layers() {
        Arbitrary<Bits> bits = Combinators.combine(Arbitraries.of(1, 2, 4, 8, 16), Arbitraries.of(2, 4, 8, 16),
                Arbitraries.of(4, 8, 32), Arbitraries.of(NumberType.INT, NumberType.FLOAT))
                .as((w, a, o, t) -> t == NumberType.FLOAT ? Bits.uniform(16, t) : new Bits(w, a, o, t));
        Arbitrary<Long> dim = Arbitraries.longs().between(1, 40);
        Arbitrary<Layer> conv = Combinators.combine(dim, dim, Arbitraries.longs().between(1, 3), bits,
                        Arbitraries.of(true, false))
                .as((h, c, k, b, bias) -> new ConvLayer("c", 2, h + 3, h + 2, c, c * 2, k, k, 1, 2, 1, 0, 1, b,
                        List.of(), bias));
        Arbitrary<Layer> fc = Combinators.combine(dim, dim, dim, bits, Arbitraries.of(true, false))
                .as((m, n, k, b, bias) -> new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, m, n, k, b, List.of(),
                        bias));
        Arbitrary<Layer> mm = Combinators.combine(dim, dim, dim, dim, bits)
                .as((c, m, n, k, b) -> new MatMulLayer("mm", MatMulLayer.Kind.MATMUL, c, m, n, k, b, List.of()));
        Arbitrary<Layer> vec = Combinators.combine(Arbitraries.of(VectorOp.RELU, VectorOp.GELU, VectorOp.SOFTMAX,
                        VectorOp.LAYERNORM, VectorOp.RELU6), dim, dim, bits)
                .as((op, h, c, b) -> VectorLayer.of("v", op, new Shape(1, h, 3, c), 0, b.withOutput(b.activation()),
                        List.of()));
        Arbitrary<Layer> pool = Combinators.combine(dim, Arbitraries.longs().between(1, 3), bits)
                .as((h, k, b) -> new VectorLayer("p", VectorOp.MAXPOOL, 1, h + 2, h + 2, 5, k, k, 2, 1, k - 1, 0,
                        0, new Bits(b.activation(), b.activation(), b.output(), b.type()), List.of()));
        return Arbitraries.oneOf(conv, fc, mm, vec, pool);
    }
}
