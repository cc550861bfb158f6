package org.pactsim.io.format;

import org.pactsim.testing.Gens;
import org.pactsim.testing.Seeds;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    @Test
    void randomLayersRoundTrip() {
        Seeds.qt(60).forAll(layers()).checkAssert(layer -> {
            try {
                roundTrip(layer);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void roundTrip(Layer layer) throws java.io.IOException {
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

    static Gen<Layer> layers() {
        Gen<Bits> bits = in -> {
            int w = Gens.of(1, 2, 4, 8, 16).generate(in);
            int a = Gens.of(2, 4, 8, 16).generate(in);
            int o = Gens.of(4, 8, 32).generate(in);
            NumberType t = Gens.of(NumberType.INT, NumberType.FLOAT).generate(in);
            return t == NumberType.FLOAT ? Bits.uniform(16, t) : new Bits(w, a, o, t);
        };
        Gen<Long> dim = Gens.longs(1, 40);
        Gen<Boolean> bool = Gens.of(true, false);
        Gen<Layer> conv = in -> {
            long h = dim.generate(in);
            long c = dim.generate(in);
            long k = Gens.longs(1, 3).generate(in);
            return new ConvLayer("c", 2, h + 3, h + 2, c, c * 2, k, k, 1, 2, 1, 0, 1, bits.generate(in), List.of(),
                    bool.generate(in));
        };
        Gen<Layer> fc = in -> new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, dim.generate(in), dim.generate(in),
                dim.generate(in), bits.generate(in), List.of(), bool.generate(in));
        Gen<Layer> mm = in -> new MatMulLayer("mm", MatMulLayer.Kind.MATMUL, dim.generate(in), dim.generate(in),
                dim.generate(in), dim.generate(in), bits.generate(in), List.of());
        Gen<Layer> vec = in -> {
            VectorOp op = Gens.of(VectorOp.RELU, VectorOp.GELU, VectorOp.SOFTMAX, VectorOp.LAYERNORM, VectorOp.RELU6)
                    .generate(in);
            long h = dim.generate(in);
            long c = dim.generate(in);
            Bits b = bits.generate(in);
            return VectorLayer.of("v", op, new Shape(1, h, 3, c), 0, b.withOutput(b.activation()), List.of());
        };
        Gen<Layer> pool = in -> {
            long h = dim.generate(in);
            long k = Gens.longs(1, 3).generate(in);
            Bits b = bits.generate(in);
            return new VectorLayer("p", VectorOp.MAXPOOL, 1, h + 2, h + 2, 5, k, k, 2, 1, k - 1, 0,
                    0, new Bits(b.activation(), b.activation(), b.output(), b.type()), List.of());
        };
        // issue 22's scale by broadcast constants (its mul names earlier layers: OnnxSyntheticTest round-trips it)
        Gen<Layer> scale = in -> {
            long c = dim.generate(in);
            Bits b = bits.generate(in);
            return VectorLayer.of("s", VectorOp.SCALE, new Shape(2, 4, 3, c), Gens.longs(1, 2 * c).generate(in),
                    b.withOutput(b.activation()), List.of());
        };
        Gen<Layer> col2im = in -> {
            long h = dim.generate(in);
            long k = Gens.longs(1, 4).generate(in);
            Bits b = bits.generate(in);
            return new VectorLayer("t", VectorOp.COL2IM, 1, h, h + 1, k * k * 3, k, k, 2, 1, k - 1, 0, 0,
                    new Bits(b.activation(), b.activation(), b.output(), b.type()), List.of());
        };
        Gen<Layer> resize = in -> {
            long h = dim.generate(in);
            long taps = Gens.of(1L, 2L, 4L).generate(in);
            Bits b = bits.generate(in);
            return new VectorLayer("r", VectorOp.RESIZE, 1, h, h + 1, 3, taps, taps, 2, 3, 0, 0, 0,
                    new Bits(b.activation(), b.activation(), b.output(), b.type()), List.of());
        };
        return Generate.oneOf(conv, fc, mm, vec, pool, scale, col2im, resize);
    }
}
