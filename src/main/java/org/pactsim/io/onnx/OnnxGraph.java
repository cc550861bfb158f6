package org.pactsim.io.onnx;

import java.util.List;
import java.util.Map;

/**
 * The part of an ONNX {@code ModelProto} pactsim reads: the main graph's nodes, initializers
 * (element type and dims; the values only of small integer tensors, for shape folding),
 * inputs, outputs and value infos, and the operator-set versions.
 */
public record OnnxGraph(String name, long irVersion, Map<String, Long> opsets, List<Node> nodes,
                        Map<String, Tensor> initializers, List<ValueInfo> inputs, List<ValueInfo> outputs,
                        Map<String, ValueInfo> valueInfo) {

    /** A node: op type, domain ("" for the default ONNX domain), value names, attributes. */
    public record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                       Map<String, Attribute> attributes, long offset) {
        public Attribute attr(String key) {
            return attributes.get(key);
        }

        public long attrInt(String key, long dflt) {
            Attribute a = attributes.get(key);
            return a == null ? dflt : a.i();
        }

        public long[] attrInts(String key) {
            Attribute a = attributes.get(key);
            return a == null ? null : a.ints();
        }

        public String attrString(String key, String dflt) {
            Attribute a = attributes.get(key);
            return a == null || a.s() == null ? dflt : a.s();
        }

        /** The i-th input name, or "" when absent (ONNX's omitted optional input). */
        public String input(int i) {
            return i < inputs.size() ? inputs.get(i) : "";
        }

        /** How the node is named in messages: its name, else its first output. */
        public String label() {
            String n = name.isEmpty() ? (outputs.isEmpty() ? "?" : outputs.get(0)) : name;
            return opType + " node \"" + n + "\"";
        }
    }

    /**
     * A tensor: its element type, dims and, for a small integer tensor (at most
     * {@link OnnxReader#SMALL} elements of int32 or int64), its values; null values otherwise.
     * {@code floats}: the values of a small float tensor, or null.
     */
    public record Tensor(String name, int dataType, long[] dims, long[] ints, float[] floats) {
        public long elements() {
            long n = 1;
            for (long d : dims) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    /** An attribute: the fields set among i, f, s, t, ints and g, a subgraph (the others zero or null). */
    public record Attribute(String name, long i, float f, String s, Tensor t, long[] ints, OnnxGraph g) {
    }

    /** A dimension: a value, or a symbolic name (value -1). */
    public record Dim(long value, String param) {
    }

    /** A graph input, output or value info: element type and dims (null dims: no shape given). */
    public record ValueInfo(String name, int elemType, List<Dim> dims) {
    }
}
