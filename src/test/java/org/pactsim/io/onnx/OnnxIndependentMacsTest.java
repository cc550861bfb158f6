package org.pactsim.io.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped real models' MACs against an independent count (issue 22):
 * {@code src/test/python/onnx_macs.py}, which takes every shape from the {@code onnx} Python
 * package's own shape inference (Debian's {@code python3-onnx}, which {@code .ci/run} installs)
 * and counts MACs by the ONNX operator definitions. Skipped, with a message, where that package
 * is absent. MiniLM is not among them: onnx 1.12's shape inference cannot propagate its
 * {@code Slice} of a {@code Shape}, so its MACs are checked by hand in {@link OnnxRealModelsTest}.
 */
class OnnxIndependentMacsTest {
    static Stream<Arguments> models() {
        return Stream.of(Arguments.of("mobilenet_v1_0.5_128_quant.onnx", Map.<String, Long>of()),
                Arguments.of("mobilenet_v2_1.0_224_int8_per_tensor.onnx", Map.of("unk__1590", 1L)),
                Arguments.of("ssd_mobilenet_v2_fpnlite_10_256_int8.onnx", Map.of("unk__3298", 1L)));
    }

    /** A Python 3 with the onnx package, or null. */
    static String python() {
        for (String p : List.of("/usr/bin/python3", "python3")) {
            try {
                Process pr = new ProcessBuilder(p, "-c", "import onnx").redirectErrorStream(true).start();
                if (pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0) {
                    return p;
                }
            } catch (IOException | InterruptedException e) {
                // try the next one
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void macsAgreeWithTheOnnxPackagesShapeInference(String file, Map<String, Long> dims) throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "no Python 3 with the onnx package (Debian: python3-onnx): the "
                + "independent MAC check is skipped");
        Path model = OnnxRealModelsTest.DIR.resolve(file);
        List<String> cmd = new ArrayList<>(List.of(python, "src/test/python/onnx_macs.py", model.toString()));
        dims.forEach((k, v) -> cmd.add(k + "=" + v));
        Path out = Files.createTempFile("macs", ".json");
        try {
            Process pr = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            assertThat(pr.waitFor(120, TimeUnit.SECONDS)).as("onnx_macs.py finishes").isTrue();
            assertThat(pr.exitValue()).isZero();
            JsonNode r = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
            assertThat(r.get("missing")).as("nodes whose shapes onnx could not infer").isEmpty();
            long independent = r.get("macs").asLong();
            long pactsim = OnnxImporter.importFile(model, dims).network().macs();
            assertThat(independent).isPositive();
            // within 1% (issue 22); in fact equal
            assertThat((double) pactsim).isCloseTo((double) independent, org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(pactsim).isEqualTo(independent);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
