package org.pactsim.io.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a copy of an ONNX model whose large initializers hold zeros: the {@code raw_data} (or
 * packed {@code float_data}) of every {@code GraphProto.initializer}, and of every tensor a
 * node attribute holds (a {@code Constant}'s value: Paddle's exporter keeps its weights there),
 * in the main graph and in every subgraph (an If's branches),
 * longer than {@link #KEEP_BYTES} bytes becomes as many zero bytes. Every other byte of the file is copied as it is (field order, lengths and sizes
 * unchanged, so the file has the same length and every shape and {@code raw_data} length still
 * holds). pactsim reads a tensor's values only when it has at most {@link OnnxReader#SMALL}
 * elements (shape folding: at most 512 bytes), so the import of the copy equals the original's
 * ({@code ZeroWeightsTest}); git compresses the zeros. Used for the committed MiniLM test model
 * (src/test/resources/onnx/README.md says how to rerun it).
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.pactsim.io.onnx.ZeroWeights -Dexec.args="IN.onnx OUT.onnx"</pre>
 */
public final class ZeroWeights {
    /** Initializers of at most this many bytes keep their values: every tensor pactsim reads values of. */
    public static final int KEEP_BYTES = OnnxReader.SMALL * 8;

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int TENSOR_RAW_DATA = 9;
    /** Packed {@code float_data} (Paddle's exporter stores weights there): fixed 4-byte floats, so zeros keep the length. */
    private static final int TENSOR_FLOAT_DATA = 4;

    private static final int GRAPH_NODE = 1;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_TENSOR = 5;
    private static final int ATTRIBUTE_GRAPH = 6;

    private enum Level { MODEL, GRAPH, NODE, ATTRIBUTE, TENSOR }

    private ZeroWeights() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ZeroWeights IN.onnx OUT.onnx");
            System.exit(2);
        }
        byte[] in = Files.readAllBytes(Path.of(args[0]));
        byte[] out = zeroed(in);
        Files.write(Path.of(args[1]), out);
        System.out.printf("%s: %d bytes, %d of them zeroed%n", args[1], out.length, zeroBytes(out) - zeroBytes(in));
    }

    /** The model with its large initializers zeroed. */
    public static byte[] zeroed(byte[] model) throws IOException {
        return rewrite(model, Level.MODEL);
    }

    private static byte[] rewrite(byte[] message, Level level) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        in.setSizeLimit(Integer.MAX_VALUE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.length);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                copyField(in, tag, out);
                continue;
            }
            byte[] value = in.readByteArray();
            if (level == Level.MODEL && field == MODEL_GRAPH) {
                value = rewrite(value, Level.GRAPH);
            } else if (level == Level.GRAPH && field == GRAPH_INITIALIZER) {
                value = rewrite(value, Level.TENSOR);
            } else if (level == Level.GRAPH && field == GRAPH_NODE) {
                value = rewrite(value, Level.NODE); // Constant nodes hold Paddle's weights
            } else if (level == Level.NODE && field == NODE_ATTRIBUTE) {
                value = rewrite(value, Level.ATTRIBUTE);
            } else if (level == Level.ATTRIBUTE && field == ATTRIBUTE_TENSOR) {
                value = rewrite(value, Level.TENSOR);
            } else if (level == Level.ATTRIBUTE && field == ATTRIBUTE_GRAPH) {
                value = rewrite(value, Level.GRAPH); // an If's branch, with its own weights
            } else if (level == Level.TENSOR && (field == TENSOR_RAW_DATA || field == TENSOR_FLOAT_DATA)
                    && value.length > KEEP_BYTES) {
                value = new byte[value.length];
            }
            out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(value.length);
            out.writeRawBytes(value);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static long zeroBytes(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == 0) {
                n++;
            }
        }
        return n;
    }

    /** Copies one field that is not length-delimited (the test checks the copy is byte-exact). */
    @SuppressWarnings("deprecation") // skipField(int, CodedOutputStream) copies the field verbatim; no other call does
    private static void copyField(CodedInputStream in, int tag, CodedOutputStream out) throws IOException {
        in.skipField(tag, out);
    }
}
