package org.pactsim.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pactsim.io.onnx.OnnxImport;
import org.pactsim.io.onnx.OnnxImporter;

/**
 * {@code pactsim import onnx} of the four real models, file read included: protobuf walk
 * (weights skipped), shape inference, layers. MiniLM is the committed copy with zeroed weights
 * (src/test/resources/onnx/README.md): the same bytes to walk as the original.
 *
 * <p>Run: {@code mvn -q -B -Pbench test-compile exec:exec -Dbench.args="OnnxImportBench"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OnnxImportBench {
    @Param({"mobilenet-v1", "mobilenet-v2", "ssd-fpnlite", "minilm", "ocr-det", "ocr-rec", "silero"})
    public String model;

    @Benchmark
    public OnnxImport importModel() {
        return switch (model) {
            case "mobilenet-v1" -> OnnxImporter.importFile(
                    Path.of("src/test/resources/onnx/mobilenet_v1_0.5_128_quant.onnx"), Map.of());
            case "mobilenet-v2" -> OnnxImporter.importFile(
                    Path.of("src/test/resources/onnx/mobilenet_v2_1.0_224_int8_per_tensor.onnx"),
                    Map.of("unk__1590", 1L));
            case "ssd-fpnlite" -> OnnxImporter.importFile(
                    Path.of("src/test/resources/onnx/ssd_mobilenet_v2_fpnlite_10_256_int8.onnx"),
                    Map.of("unk__3298", 1L));
            case "ocr-det" -> OnnxImporter.importFile(Path.of("src/test/resources/onnx/ch_PP-OCRv3_det_infer.onnx"),
                    Map.of("x[0]", 1L, "x[2]", 640L, "x[3]", 640L));
            case "ocr-rec" -> OnnxImporter.importFile(Path.of("src/test/resources/onnx/ch_PP-OCRv3_rec_infer.onnx"),
                    Map.of("x[0]", 1L, "x[2]", 48L, "x[3]", 320L));
            case "silero" -> OnnxImporter.importFile(Path.of("src/test/resources/onnx/silero_vad_legacy.onnx"),
                    Map.of("batch", 1L, "sequence", 1536L, "sr", 16000L));
            default -> OnnxImporter.importFile(Path.of("src/test/resources/onnx/all-minilm-l6-v2-q.onnx"),
                    Map.of("batch_size", 1L, "sequence_length", 128L));
        };
    }
}
