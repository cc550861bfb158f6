package org.pactsim.workload.zoo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.OutputRounding;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/**
 * Builds a network layer by layer, deriving every layer's input shape from its producer's
 * output. {@code from == null} means the last layer added (or the network input for the first
 * layer). A layer fed by the previous one gets no explicit {@code inputs}; others name them.
 * All layers are 8-bit: precision variants rewrite the bits afterwards.
 */
final class NetBuilder {
    static final String INPUT = null;
    private final String name;
    private final Shape input;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Shape> shapes = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    NetBuilder(String name, Shape input) {
        this.name = name;
        this.input = input;
    }

    String last() {
        return layers.isEmpty() ? null : layers.get(layers.size() - 1).name();
    }

    /** The output shape of layer {@code from} (the network input when there is no layer yet). */
    Shape shape(String from) {
        String f = from == null ? last() : from;
        return f == null ? input : shapes.get(f);
    }

    private List<String> ins(String from) {
        return from == null || from.equals(last()) ? List.of() : List.of(from);
    }

    /** Adds a layer built by the caller (its inputs named by it). */
    String addLayer(Layer l) {
        return add(l);
    }

    /** Element-wise product of two tensors of one shape (a gated MLP's gate and up). */
    String mul(String n, String a, String b) {
        return add(VectorLayer.of(n, VectorOp.MUL, shape(a), 0, Bits.INT8, List.of(a, b)));
    }

    private String add(Layer l) {
        layers.add(l);
        shapes.put(l.name(), l.outputShape());
        return l.name();
    }

    void note(String n) {
        notes.add(n);
    }

    String conv(String n, String from, long outC, long k, long stride, long pad, long groups, boolean bias) {
        Shape s = shape(from);
        return add(new ConvLayer(n, s.batch(), s.h(), s.w(), s.c(), outC, k, k, stride, stride, pad, pad, groups,
                Bits.INT8, ins(from), bias));
    }

    String pool(VectorOp op, String n, String from, long k, long stride, long pad) {
        Shape s = shape(from);
        return add(new VectorLayer(n, op, s.batch(), s.h(), s.w(), s.c(), k, k, stride, stride, pad, pad, 0,
                Bits.INT8, ins(from)));
    }

    /** Average over the whole plane, one value per channel. */
    String globalAvgPool(String n, String from) {
        Shape s = shape(from);
        return add(new VectorLayer(n, VectorOp.AVGPOOL, s.batch(), s.h(), s.w(), s.c(), s.h(), s.w(), 1, 1, 0, 0,
                0, Bits.INT8, ins(from)));
    }

    /** An element-wise op with one input: activation, softmax, layer norm. */
    String unary(VectorOp op, String n, String from) {
        return add(VectorLayer.of(n, op, shape(from), 0, Bits.INT8, ins(from)));
    }

    /** Residual add of two tensors. */
    String add(String n, String a, String b) {
        return add(VectorLayer.of(n, VectorOp.ADD, shape(a), 0, Bits.INT8, List.of(a, b)));
    }

    /** Adds a learned tensor of the input's shape (a position embedding). */
    String addLearned(String n, String from, Shape as) {
        return add(VectorLayer.of(n, VectorOp.ADD, as, as.h() * as.w() * as.c(), Bits.INT8, ins(from)));
    }

    /** Prepends {@code rows} learned rows to a token sequence viewed as {@code as}. */
    String prependLearned(String n, String from, Shape as, long rows) {
        return add(VectorLayer.of(n, VectorOp.CONCAT, as, rows * as.h() * as.c(), Bits.INT8, ins(from)));
    }

    /** A fully connected layer over {@code rows} rows of {@code in} features each. */
    String fc(String n, String from, long rows, long in, long out, boolean bias) {
        return add(new MatMulLayer(n, MatMulLayer.Kind.LINEAR, 1, rows, out, in, Bits.INT8, ins(from), bias));
    }

    /** A classifier fc on a flattened input: one row per sample. */
    String classifier(String n, String from, long out, boolean bias) {
        Shape s = shape(from);
        return fc(n, from, s.batch(), s.h() * s.w() * s.c(), out, bias);
    }

    /** {@code count} products of activations, A from {@code a} and B from {@code b}. */
    String matmul(String n, long count, long m, long nn, long k, String a, String b) {
        List<String> in = b == null ? List.of(a) : List.of(a, b);
        return add(new MatMulLayer(n, MatMulLayer.Kind.MATMUL, count, m, nn, k, Bits.INT8, in, false));
    }

    Network build() {
        Network net = new Network(name, layers, notes);
        net.checkInputs();
        return net;
    }

    static long out(long in, long k, long stride, long pad) {
        return OutputRounding.FLOOR.outputSize(in + 2 * pad, k, stride);
    }
}
