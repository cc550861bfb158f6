package org.pactsim.io.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.pactsim.io.InputException;
import org.pactsim.io.onnx.OnnxWriter.Attr;

/**
 * Damaged models: a valid small model with bytes overwritten or cut short imports or is
 * refused with an {@link InputException}, never another exception (which the CLI would report
 * as an internal error, exit 1).
 */
class OnnxFuzzProperties {
    private static final byte[] MODEL = new OnnxWriter(true).input("x", 1, 1, 2, 3, 3)
            .weight("xs", 1).weight("xz", 2).weight("w", 3, 2, 2, 3, 3).weight("ws", 1, 2)
            .int64("shape", 1, -1).weight("fw", 1, 18, 2)
            .node("QuantizeLinear", "q", List.of("x", "xs", "xz"), List.of("xq"))
            .node("DequantizeLinear", "dq", List.of("xq", "xs", "xz"), List.of("xd"))
            .node("DequantizeLinear", "dw", List.of("w", "ws"), List.of("wd"), Attr.i("axis", 0))
            .node("Conv", "c", List.of("xd", "wd"), List.of("y"), Attr.ints("pads", 1, 1, 1, 1))
            .node("Relu", "r", List.of("y"), List.of("y1"))
            .node("Reshape", "flat", List.of("y1", "shape"), List.of("f"))
            .node("MatMul", "fc", List.of("f", "fw"), List.of("o"))
            .output("o").bytes();

    private static String importOrRefuse(byte[] bytes) {
        try {
            OnnxImport imp = OnnxImporter.convert(OnnxReader.parse(bytes, "fuzz.onnx"), "fuzz.onnx", "fuzz", Map.of());
            assertThat(imp.network().layers()).isNotEmpty();
            return "imported";
        } catch (InputException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return "refused";
        }
    }

    @Property(tries = 300)
    void overwrittenBytesImportOrAreRefused(@ForAll @IntRange(min = 0, max = 100_000) int seed,
                                            @ForAll @IntRange(min = 1, max = 4) int count) {
        byte[] b = MODEL.clone();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        Statistics.collect(importOrRefuse(b));
    }

    @Property(tries = 100)
    void truncatedModelsAreRefused(@ForAll @IntRange(min = 1, max = 10_000) int cut) {
        int n = Math.max(1, MODEL.length - cut % MODEL.length);
        Statistics.collect(importOrRefuse(Arrays.copyOf(MODEL, n)));
    }
}
