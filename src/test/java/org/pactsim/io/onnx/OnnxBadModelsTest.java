package org.pactsim.io.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;
import org.pactsim.io.onnx.OnnxWriter.Attr;

/** Models pactsim must refuse: one clear line naming the file and the place, exit code 2, no stack trace. */
class OnnxBadModelsTest {
    @TempDir
    Path tmp;

    private Cli refuse(String file, byte[] bytes, String... expected) throws IOException {
        Path p = tmp.resolve(file);
        Files.write(p, bytes);
        Cli c = Cli.run("import", "onnx", p.toString());
        assertThat(c.code()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).startsWith("pactsim: " + p).contains(expected).doesNotContain("\tat ", "Exception");
        assertThat(c.err().strip().lines()).hasSize(1);
        return c;
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] all = Files.readAllBytes(OnnxRealModelsTest.V1);
        refuse("cut.onnx", Arrays.copyOf(all, 100_000), "byte", "truncated");
    }

    @Test
    void notProtobuf() throws IOException {
        refuse("text.onnx", "name,type\nconv1,conv\n".getBytes(StandardCharsets.UTF_8), "expected an ONNX model");
        refuse("empty.onnx", new byte[0], "an empty file");
        refuse("noise.onnx", new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x7f}, "expected an ONNX model");
    }

    @Test
    void missingInitializer() throws IOException {
        byte[] m = new OnnxWriter(true).input("x", 1, 1, 4, 8, 8)
                .node("Conv", "c1", List.of("x", "w"), List.of("y")).output("y").bytes();
        refuse("noinit.onnx", m, "Conv node \"c1\"", "input \"w\"", "missing initializer");
    }

    /** An initializer whose raw_data is shorter than its dims say was imported (issue 24). */
    @Test
    void rawDataShorterThanTheShape() throws IOException {
        byte[] m = new OnnxWriter(true).input("x", 1, 1, 4, 8, 8).weightOfBytes("w", 1, 16, 8, 4, 3, 3)
                .node("Conv", "c1", List.of("x", "w"), List.of("y"), Attr.ints("pads", 1, 1, 1, 1))
                .output("y").bytes();
        refuse("short.onnx", m, "tensor \"w\" raw_data of 1152 bytes (dims 8x4x3x3 of float)", "found 16 bytes");
    }

    @Test
    void cycle() throws IOException {
        byte[] m = new OnnxWriter(true).input("x", 1, 1, 8)
                .node("Add", "a", List.of("x", "b"), List.of("a1"))
                .node("Relu", "b", List.of("a1"), List.of("b")).output("b").bytes();
        refuse("cycle.onnx", m, "a cycle");
    }

    @Test
    void impossibleShapes() throws IOException {
        byte[] conv = new OnnxWriter(true).input("x", 1, 1, 8, 8, 8).weight("w", 1, 16, 4, 3, 3)
                .node("Conv", "c1", List.of("x", "w"), List.of("y")).output("y").bytes();
        refuse("channels.onnx", conv, "Conv node \"c1\"", "input channels = weight channels x group",
                "8 input channels");
        byte[] mm = new OnnxWriter(true).input("x", 1, 4, 32).weight("w", 1, 16, 8)
                .node("MatMul", "fc", List.of("x", "w"), List.of("y")).output("y").bytes();
        refuse("inner.onnx", mm, "MatMul node \"fc\"", "inner dimensions that agree", "[4, 32] x [16, 8]");
        byte[] big = new OnnxWriter(true).input("x", 1, 1, 4, 2, 2).weight("w", 1, 4, 4, 5, 5)
                .node("Conv", "c2", List.of("x", "w"), List.of("y"), Attr.ints("pads", 0, 0, 0, 0)).output("y")
                .bytes();
        refuse("window.onnx", big, "Conv node \"c2\"", "a window of 5");
    }

    @Test
    void unsetSymbolicDimensionNamesIt() throws IOException {
        Path p = OnnxRealModelsTest.V2;
        Cli c = Cli.run("import", "onnx", p.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("symbolic dimension \"unk__1590\"", "--dim unk__1590=N");
    }
}
