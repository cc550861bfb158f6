package org.pactsim.io.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pactsim.io.InputException;
import org.pactsim.io.onnx.OnnxGraph.Attribute;
import org.pactsim.io.onnx.OnnxGraph.Dim;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.io.onnx.OnnxGraph.Tensor;
import org.pactsim.io.onnx.OnnxGraph.ValueInfo;

/**
 * Reads an ONNX model file with protobuf-java's {@link CodedInputStream}, field by field: no
 * classes generated from onnx.proto, no protoc at build time. Only the fields pactsim needs
 * are kept (field numbers of the public onnx.proto); every other field is skipped by its wire
 * type, weight bytes included, so a 50 MB model reads in milliseconds. Repeated scalar fields
 * are accepted packed and unpacked. Errors name the file and the byte offset.
 */
public final class OnnxReader extends OnnxWire {
    /** Integer and float tensors of at most this many elements keep their values (shape folding). */
    public static final int SMALL = 64;

    private OnnxReader(byte[] bytes, String origin) {
        super(bytes, origin);
    }

    /** Reads {@code file}. */
    public static OnnxGraph read(Path file) {
        String origin = file.toString();
        if (!Files.isRegularFile(file)) {
            throw InputException.at(origin, null, "an existing ONNX model file",
                    Files.exists(file) ? "something that is not a regular file" : org.pactsim.io.InputFiles.missing(file));
        }
        byte[] b;
        try {
            if (Files.size(file) > Integer.MAX_VALUE - 8) {
                throw InputException.at(origin, null, "an ONNX model under 2 GB (protobuf's limit)",
                        Files.size(file) + " bytes");
            }
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputException.at(origin, null, "a readable file", "an I/O error (" + e.getMessage() + ")");
        }
        return parse(b, origin);
    }

    /** Parses the bytes of a model; {@code origin} names it in errors. */
    public static OnnxGraph parse(byte[] bytes, String origin) {
        if (bytes.length == 0) {
            throw InputException.at(origin, null, "an ONNX model (a protobuf ModelProto)", "an empty file");
        }
        OnnxReader r = new OnnxReader(bytes, origin);
        try {
            return r.model();
        } catch (InvalidProtocolBufferException e) {
            throw r.error("an ONNX model (a protobuf ModelProto)", "bytes that are not protobuf ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw r.error("a readable ONNX model", "an I/O error (" + e.getMessage() + ")");
        }
    }

    private OnnxGraph model() throws IOException {
        long ir = -1;
        Map<String, Long> opsets = new LinkedHashMap<>();
        OnnxGraph graph = null;
        int graphAt = -1;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (tag >>> 3) {
                case 1 -> ir = varint(tag, "ModelProto.ir_version");
                case 7 -> {
                    graphAt = in.getTotalBytesRead();
                    graph = message(tag, "ModelProto.graph", this::graph);
                }
                case 8 -> message(tag, "ModelProto.opset_import", () -> {
                    opset(opsets);
                    return null;
                });
                default -> in.skipField(tag);
            }
        }
        if (ir <= 0 || graph == null) {
            throw InputException.at(origin, null, "an ONNX model (a ModelProto with ir_version and a graph)",
                    "a protobuf message without " + (ir <= 0 ? "ir_version" : "graph"));
        }
        if (graph.nodes().isEmpty()) {
            throw InputException.at(origin + ": byte " + graphAt, "graph", "at least one node", "none");
        }
        return new OnnxGraph(graph.name(), ir, opsets, graph.nodes(), graph.initializers(), graph.inputs(),
                graph.outputs(), graph.valueInfo());
    }

    private void opset(Map<String, Long> opsets) throws IOException {
        String domain = "";
        long version = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag >>> 3) {
                case 1 -> domain = string(tag, "OperatorSetIdProto.domain");
                case 2 -> version = varint(tag, "OperatorSetIdProto.version");
                default -> in.skipField(tag);
            }
        }
        opsets.put(domain.equals("ai.onnx") ? "" : domain, version);
    }

    private OnnxGraph graph() throws IOException {
        String name = "";
        List<Node> nodes = new ArrayList<>();
        Map<String, Tensor> inits = new LinkedHashMap<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        Map<String, ValueInfo> info = new LinkedHashMap<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag >>> 3) {
                case 1 -> nodes.add(message(tag, "GraphProto.node", this::node));
                case 2 -> name = string(tag, "GraphProto.name");
                case 5 -> {
                    Tensor t = message(tag, "GraphProto.initializer", this::tensor);
                    inits.put(t.name(), t);
                }
                case 11 -> inputs.add(message(tag, "GraphProto.input", this::valueInfo));
                case 12 -> outputs.add(message(tag, "GraphProto.output", this::valueInfo));
                case 13 -> {
                    ValueInfo v = message(tag, "GraphProto.value_info", this::valueInfo);
                    info.put(v.name(), v);
                }
                default -> in.skipField(tag);
            }
        }
        return new OnnxGraph(name, 0, Map.of(), nodes, inits, inputs, outputs, info);
    }

    private Node node() throws IOException {
        long at = in.getTotalBytesRead();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String op = "";
        String domain = "";
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag >>> 3) {
                case 1 -> inputs.add(string(tag, "NodeProto.input"));
                case 2 -> outputs.add(string(tag, "NodeProto.output"));
                case 3 -> name = string(tag, "NodeProto.name");
                case 4 -> op = string(tag, "NodeProto.op_type");
                case 5 -> {
                    Attribute a = message(tag, "NodeProto.attribute", this::attribute);
                    attrs.put(a.name(), a);
                }
                case 7 -> domain = string(tag, "NodeProto.domain");
                default -> in.skipField(tag);
            }
        }
        if (op.isEmpty()) {
            throw InputException.at(origin + ": byte " + at, "node " + InputException.quote(name),
                    "an op_type", "none");
        }
        return new Node(name, op, domain.equals("ai.onnx") ? "" : domain, inputs, outputs, attrs, at);
    }

    private Attribute attribute() throws IOException {
        String name = "";
        long i = 0;
        float f = 0;
        String s = null;
        Tensor t = null;
        LongList ints = new LongList();
        OnnxGraph g = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag >>> 3) {
                case 1 -> name = string(tag, "AttributeProto.name");
                case 6 -> g = message(tag, "AttributeProto.g", this::graph); // an If's branch
                case 2 -> f = fixed32(tag, "AttributeProto.f");
                case 3 -> i = varint(tag, "AttributeProto.i");
                case 4 -> s = string(tag, "AttributeProto.s");
                case 5 -> t = message(tag, "AttributeProto.t", this::tensor);
                case 8 -> ints(tag, "AttributeProto.ints", ints, Integer.MAX_VALUE);
                default -> in.skipField(tag);
            }
        }
        return new Attribute(name, i, f, s, t, ints.size() == 0 ? null : ints.toArray(), g);
    }

    private Tensor tensor() throws IOException {
        LongList dims = new LongList();
        int type = 0;
        String name = "";
        LongList ints = new LongList();
        List<Float> floats = new ArrayList<>();
        int rawAt = -1;
        int rawLen = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag >>> 3) {
                case 1 -> ints(tag, "TensorProto.dims", dims, Integer.MAX_VALUE);
                case 2 -> type = (int) varint(tag, "TensorProto.data_type");
                case 4 -> floats(tag, floats);
                case 5, 7 -> ints(tag, "TensorProto.int_data", ints, SMALL);
                case 8 -> name = string(tag, "TensorProto.name");
                case 9 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "TensorProto.raw_data");
                    rawLen = in.readRawVarint32();
                    rawAt = in.getTotalBytesRead();
                    in.skipRawBytes(rawLen);
                }
                default -> in.skipField(tag);
            }
        }
        long[] d = dims.toArray();
        for (long x : d) {
            if (x < 0) {
                throw error("tensor " + InputException.quote(name) + " dims >= 0", Long.toString(x));
            }
        }
        long[] iv = null;
        float[] fv = null;
        ElemType et = ElemType.of(type);
        if (rawAt >= 0 && et != null && et.bits() > 0) {
            // raw_data holds exactly the tensor: a shorter one (a truncated or forged initializer) was imported
            long need = rawBytes(d, et.bits());
            if (need != rawLen) {
                throw error("tensor " + InputException.quote(name) + " raw_data of "
                        + (need < 0 ? "its dims' size" : need + " bytes") + " (dims " + dimsText(d) + " of "
                        + et.name().toLowerCase(java.util.Locale.ROOT) + ")", rawLen + " bytes");
            }
        }
        if (rawAt >= 0 && (et == ElemType.INT64 || et == ElemType.INT32) && rawLen <= SMALL * 8) {
            ByteBuffer bb = ByteBuffer.wrap(bytes, rawAt, rawLen).order(ByteOrder.LITTLE_ENDIAN);
            int w = et == ElemType.INT64 ? 8 : 4;
            iv = new long[rawLen / w];
            for (int k = 0; k < iv.length; k++) {
                iv[k] = w == 8 ? bb.getLong() : bb.getInt();
            }
        } else if (rawAt >= 0 && et == ElemType.FLOAT && rawLen <= SMALL * 4) {
            ByteBuffer bb = ByteBuffer.wrap(bytes, rawAt, rawLen).order(ByteOrder.LITTLE_ENDIAN);
            fv = new float[rawLen / 4];
            for (int k = 0; k < fv.length; k++) {
                fv[k] = bb.getFloat();
            }
        } else if (rawAt < 0 && ints.size() > 0 && ints.size() <= SMALL) {
            iv = ints.toArray();
        } else if (rawAt < 0 && !floats.isEmpty() && floats.size() <= SMALL) {
            fv = new float[floats.size()];
            for (int k = 0; k < fv.length; k++) {
                fv[k] = floats.get(k);
            }
        }
        return new Tensor(name, type, d, iv, fv);
    }

    /** Bytes of a tensor of {@code dims} at {@code bits} per element, rounded up; -1 past a long. */
    private static long rawBytes(long[] dims, int bits) {
        try {
            long n = 1;
            for (long x : dims) {
                n = Math.multiplyExact(n, x);
            }
            return Math.addExact(Math.multiplyExact(n, (long) bits), 7) / 8;
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static String dimsText(long[] dims) {
        if (dims.length == 0) {
            return "[] (a scalar)";
        }
        StringBuilder sb = new StringBuilder();
        for (long x : dims) {
            sb.append(sb.length() == 0 ? "" : "x").append(x);
        }
        return sb.toString();
    }

    private ValueInfo valueInfo() throws IOException {
        String name = "";
        int[] elem = {0};
        List<List<Dim>> dims = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag >>> 3) {
                case 1 -> name = string(tag, "ValueInfoProto.name");
                case 2 -> message(tag, "ValueInfoProto.type", () -> {
                    typeProto(elem, dims);
                    return null;
                });
                default -> in.skipField(tag);
            }
        }
        return new ValueInfo(name, elem[0], dims.isEmpty() ? null : dims.get(0));
    }

    /** TypeProto: only tensor_type (1) with elem_type (1) and shape (2) of dims (1). */
    private void typeProto(int[] elem, List<List<Dim>> dims) throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag >>> 3 != 1) {
                in.skipField(tag);
                continue;
            }
            message(tag, "TypeProto.tensor_type", () -> {
                int t;
                while ((t = in.readTag()) != 0) {
                    switch (t >>> 3) {
                        case 1 -> elem[0] = (int) varint(t, "TypeProto.Tensor.elem_type");
                        case 2 -> dims.add(message(t, "TypeProto.Tensor.shape", this::shape));
                        default -> in.skipField(t);
                    }
                }
                return null;
            });
        }
    }

    private List<Dim> shape() throws IOException {
        List<Dim> dims = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag >>> 3 != 1) {
                in.skipField(tag);
                continue;
            }
            dims.add(message(tag, "TensorShapeProto.dim", () -> {
                long v = -1;
                String p = null;
                int t;
                while ((t = in.readTag()) != 0) {
                    switch (t >>> 3) {
                        case 1 -> v = varint(t, "Dimension.dim_value");
                        case 2 -> p = string(t, "Dimension.dim_param");
                        default -> in.skipField(t);
                    }
                }
                return new Dim(p != null ? -1 : v, p);
            }));
        }
        return dims;
    }
}
