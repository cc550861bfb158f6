package org.pactsim.io.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pactsim.io.InputException;
import org.pactsim.testing.Seeds;
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

    @Test
    void overwrittenBytesImportOrAreRefused() {
        Map<String, Integer> seen = new java.util.HashMap<>();
        Seeds.repeat("OnnxFuzzProperties.overwrittenBytesImportOrAreRefused", 300, r -> {
            byte[] b = MODEL.clone();
            int count = Seeds.between(r, 1, 4);
            for (int i = 0; i < count; i++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            seen.merge(importOrRefuse(b), 1, Integer::sum);
        });
        assertThat(seen).as("both outcomes occur").containsKeys("imported", "refused");
    }

    /** Every length short of the whole model (100 cuts were sampled before). */
    @Test
    void truncatedModelsAreRefused() {
        for (int n = 1; n < MODEL.length; n++) {
            importOrRefuse(Arrays.copyOf(MODEL, n));
        }
    }
}
