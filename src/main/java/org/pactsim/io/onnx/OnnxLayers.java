package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.spec.NumberType;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/**
 * Builds the trace layers of an ONNX import: convolutions and matrix products (every
 * quantized form) become {@link ConvLayer} and {@link MatMulLayer}, activations, pools,
 * softmax, layer norm and two-operand adds become {@link VectorLayer}s, anything else is
 * counted as unsupported and its data passed on. Bit widths are settled at the end, when
 * every QuantizeLinear has said at which type each layer's output is stored.
 */
final class OnnxLayers {
    /** A layer with the element types its bits come from, settled in {@link #finish}. */
    private static final class Pending {
        Layer layer;
        String op;
        String scheme;
        ElemType w;
        ElemType a;
        ElemType out;
        final boolean perChannel;

        Pending(Layer layer, String op, String scheme, ElemType w, ElemType a, ElemType out, boolean perChannel) {
            this.layer = layer;
            this.op = op;
            this.scheme = scheme;
            this.w = w;
            this.a = a;
            this.out = out;
            this.perChannel = perChannel;
        }
    }

    /** Bits every layer is built with; the real ones are settled in {@link #finish}. */
    static final Bits PROVISIONAL = Bits.INT8;
    private final OnnxImporter imp;
    private final String origin;
    private final Map<String, Pending> layers = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private int fusedActivations;

    OnnxLayers(OnnxImporter imp, String origin) {
        this.imp = imp;
        this.origin = origin;
    }

    /**
     * A QuantizeLinear stores {@code layer}'s output as {@code type}. When that layer is a ReLU or
     * clamp whose only input is a GEMM that no other layer reads, the activation is fused into
     * the GEMM, as integer accelerators (and TFLite's fused activations) do: the GEMM writes
     * {@code type} too, and the activation reads it, not the float the graph passes between them.
     */
    void quantizedOutput(String layer, ElemType type) {
        Pending p = layers.get(layer);
        if (p == null) {
            return;
        }
        p.out = type;
        if (p.layer instanceof VectorLayer v && (v.op() == VectorOp.RELU || v.op() == VectorOp.RELU6)
                && v.inputs().size() == 1) {
            String from = v.inputs().get(0);
            Pending g = layers.get(from);
            long readers = layers.values().stream().filter(q -> q.layer.inputs().contains(from)).count();
            if (g != null && g.layer.isGemm() && !isInt(g.out) && readers == 1) {
                g.out = type;
                p.a = type;
                fusedActivations++;
            }
        }
    }

    void convert(Node n) {
        if (n.domain().equals("com.microsoft") && OnnxContrib.convert(this, imp, n)) {
            return;
        }
        switch (n.opType()) {
            case "Conv", "ConvInteger", "QLinearConv" -> OnnxGemm.conv(this, imp, n);
            case "ConvTranspose" -> OnnxGemm.convTranspose(this, imp, n);
            case "MatMul", "MatMulInteger", "QLinearMatMul", "Gemm" -> OnnxGemm.matmul(this, imp, n);
            case "Einsum" -> OnnxEinsum.convert(this, imp, n);
            case "LSTM", "GRU", "RNN" -> OnnxRecurrent.convert(this, imp, n);
            case "Relu", "LeakyRelu" -> OnnxVector.unary(this, imp, n, VectorOp.RELU);
            case "Clip" -> OnnxVector.unary(this, imp, n, VectorOp.RELU6);
            case "Gelu", "Erf", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "Elu", "Selu", "Softplus" ->
                    OnnxVector.unary(this, imp, n, VectorOp.GELU);
            case "Softmax", "LogSoftmax" -> OnnxVector.axisOp(this, imp, n, VectorOp.SOFTMAX, n.attrInt("axis",
                    imp.opset() < 13 ? 1 : -1), imp.opset() < 13);
            case "LayerNormalization" -> OnnxVector.axisOp(this, imp, n, VectorOp.LAYERNORM, n.attrInt("axis", -1), true);
            case "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool" -> OnnxGemm.pool(this, imp, n);
            case "Min", "Max" -> {
                if (n.inputs().size() == 2 && activations(n) == 1) {
                    OnnxVector.unary(this, imp, n, VectorOp.RELU6);
                } else {
                    unsupported(n);
                }
            }
            case "Add", "Sum" -> OnnxAbsorb.add(this, imp, n);
            case "Mul" -> {
                if (!OnnxAbsorb.dequantScale(imp, n)) {
                    OnnxVector.binary(this, imp, n, VectorOp.MUL);
                }
            }
            case "Sub" -> OnnxVector.binary(this, imp, n, VectorOp.ADD);
            case "Div" -> OnnxVector.binary(this, imp, n, VectorOp.MUL);
            case "Sqrt", "Pow", "Exp", "Log", "Reciprocal", "Neg", "Abs" -> {
                if (activations(n) == 1 && placeable(firstActivation(n))) {
                    OnnxVector.unary(this, imp, n, VectorOp.GELU);
                } else {
                    unsupported(n);
                }
            }
            case "BatchNormalization" -> OnnxAbsorb.batchNorm(this, imp, n);
            case "Resize", "Upsample" -> OnnxVector.resize(this, imp, n);
            case "ReduceMean", "ReduceMax" -> OnnxVector.reduce(this, imp, n);
            case "Concat" -> OnnxVector.concat(this, imp, n);
            case "Slice", "Gather", "Split" -> OnnxVector.slices(this, imp, n);
            default -> unsupported(n);
        }
    }

    int activations(Node n) {
        int k = 0;
        for (String in : n.inputs()) {
            Val v = imp.val(in);
            k += v != null && !v.constant() ? 1 : 0;
        }
        return k;
    }

    Val firstActivation(Node n) {
        for (String in : n.inputs()) {
            Val v = imp.val(in);
            if (v != null && !v.constant()) {
                return v;
            }
        }
        return imp.val(n.input(0));
    }
    /** A recognised decomposition (layer norm, GELU) as one vector layer on its input. */
    void fused(Node last, OnnxFusion.Group g) {
        Val x = imp.val(g.input());
        OnnxFolding.need(last, x);
        Shape s = shape(x.dims(), x.rank() - 1);
        String key = (g.op() == VectorOp.LAYERNORM ? "LayerNorm" : "Gelu") + " (decomposed: "
                + String.join(" ", g.nodes().stream().map(Node::opType).toList()) + ")";
        Layer l = VectorLayer.of(name(last), g.op(), s, 0, PROVISIONAL, inputs(last, x));
        layers.put(l.name(), new Pending(l, key, "", x.storage(), x.storage(), x.elem(), false));
        OnnxImporter.count(imp.mapped, key);
        imp.put(last, 0, new Val(x.dims(), x.elem(), null, l.name(), null, false, false, null));
    }

    /**
     * Whether an element-wise op on {@code x} can be a trace layer: {@code x} comes from a layer.
     * Arithmetic on graph inputs (an attention mask, a position index, an image's normalisation)
     * is listed, not placed: a trace layer with no producer reads the previous layer's output.
     */
    static boolean placeable(Val x) {
        return x != null && x.layer() != null;
    }

    /**
     * An op with no trace layer: counted, its output shape inferred where a rule exists, its data
     * passed on (attributed to the layer that produced its first activation operand) as a plain
     * value of its first input's element type.
     */
    void unsupported(Node n) {
        OnnxImporter.count(imp.unsupported, n.domain().isEmpty() ? n.opType() : n.domain() + "." + n.opType());
        Val x = firstActivation(n);
        long[] d = OnnxOther.shape(imp, n);
        for (int i = 0; i < n.outputs().size(); i++) {
            long[] di = i == 0 ? d : imp.valueInfoDims(n.outputs().get(i));
            Val first = imp.val(n.input(0));
            ElemType e = first != null ? first.elem() : x == null ? ElemType.FLOAT : x.elem();
            imp.put(n, i, new Val(di, e, null, x == null ? null : x.layer(),
                    null, false, false, null));
        }
    }

    /**
     * Re-labels the layer {@code name} a contrib op became through its standard equivalent:
     * its op and scheme as the report shows them, its element types where the contrib op sets
     * them (null keeps one).
     */
    void relabel(String name, String op, String scheme, ElemType w, ElemType a, ElemType out) {
        Pending p = layers.get(name);
        if (p == null) {
            return;
        }
        p.op = op;
        p.scheme = scheme == null ? p.scheme : scheme;
        p.w = w == null ? p.w : w;
        p.a = a == null ? p.a : a;
        p.out = out == null ? p.out : out;
    }

    /** Makes the layer norm {@code name} an RMS norm (no mean, scales only), as the contrib op defines it. */
    void rmsNorm(String name) {
        Pending p = layers.get(name);
        if (p != null && p.layer instanceof VectorLayer v && v.op() == VectorOp.LAYERNORM) {
            p.layer = VectorLayer.of(v.name(), VectorOp.RMSNORM, v.inputShape(), 0, v.bits(), v.inputs());
        }
    }

    /**
     * The trace shape of an element-wise op's operand {@code x}: its producer layer's output
     * shape when that holds all of {@code x} (an op keeps its input's layout: a 1-D conv's NCW
     * tensor stays so for the ReLU after it), else {@code x} mapped with the rank's convention.
     */
    Shape elementShape(Val x, Node n) {
        Pending p = x.layer() == null ? null : layers.get(x.layer());
        boolean arbitrary = p != null && p.layer instanceof VectorLayer v
                && (v.op() == VectorOp.CONCAT || v.op() == VectorOp.SLICE); // their trace layout is not the tensor's
        if (p != null && !arbitrary && x.dims() != null
                && p.layer.outputShape().elements() == OnnxShapes.product(x.dims(), 0, x.rank())) {
            return p.layer.outputShape();
        }
        // NC(H)W when a convolution reads the result (a 1-D conv's [N, C, W]), else the rank's convention
        boolean conv = !n.outputs().isEmpty() && imp.readByConvolution(n.outputs().get(0));
        return shape(x.dims(), x.rank() == 4 || (conv && x.rank() == 3) ? 1 : x.rank() - 1);
    }

    /** The name of the layer registered last, or null. */
    String lastLayer() {
        String last = null;
        for (String k : layers.keySet()) {
            last = k;
        }
        return last;
    }

    /** The layer registered as {@code name}, or null. */
    Layer layerOf(String name) {
        Pending p = name == null ? null : layers.get(name);
        return p == null ? null : p.layer;
    }

    /** Replaces the layer registered as {@code l.name()} (a GEMM gaining a bias). */
    void replace(Layer l) {
        layers.get(l.name()).layer = l;
    }

    /** Registers one more layer of a node already counted (a Split's second output...); returns its name. */
    String addMore(Node n, Layer l, ElemType a) {
        layers.put(l.name(), new Pending(l, n.opType(), "", a, a, a, false));
        return l.name();
    }

    /** Registers a layer; returns its name. */
    String add(Node n, Layer l, String scheme, ElemType w, ElemType a, ElemType out, boolean perChannel) {
        layers.put(l.name(), new Pending(l, n.opType(), scheme, w, a, out, perChannel));
        OnnxImporter.count(imp.mapped, n.opType());
        return l.name();
    }

    /** Registers a second layer of one node (a transposed convolution's scatter-add), not counted again. */
    void addPart(Node n, Layer l, ElemType type) {
        layers.put(l.name(), new Pending(l, n.opType(), "", type, type, type, false));
    }

    void note(String s) {
        notes.add(s);
    }

    /** The trace layer names feeding a layer: the producers of its activation operands. */
    List<String> inputs(Node n, Val... operands) {
        List<String> in = new ArrayList<>();
        for (Val v : operands) {
            if (v.layer() != null) {
                in.add(v.layer());
            } else if (!layers.isEmpty()) {
                note(n.label() + " reads the network input; the trace reads it as the previous layer's output");
            }
        }
        return in;
    }

    /**
     * The trace's NHWC shape of an ONNX tensor whose channels are on {@code channelAxis}: batch
     * is the first axis, the axes between become h (all but the last of them) and w.
     */
    static Shape shape(long[] d, int channelAxis) {
        for (long x : d) {
            if (x < 1) {
                throw new OnnxShapes.Bad("a tensor with no empty axis", OnnxShapes.str(d));
            }
        }
        if (d.length <= 1) {
            return new Shape(1, 1, 1, d.length == 0 ? 1 : d[0]);
        }
        List<Long> rest = new ArrayList<>();
        for (int i = 1; i < d.length; i++) {
            if (i != channelAxis) {
                rest.add(d[i]);
            }
        }
        long h = 1;
        for (int i = 0; i < rest.size() - 1; i++) {
            h = Math.multiplyExact(h, rest.get(i));
        }
        long w = rest.isEmpty() ? 1 : rest.get(rest.size() - 1);
        return new Shape(channelAxis == 0 ? 1 : d[0], h, w, d[channelAxis]);
    }

    /** A unique trace layer name from the node's: no , ; | " \ # (the trace's separators). */
    String name(Node n) {
        String base = n.name().isEmpty() ? n.opType() + "_" + (layers.size() + 1) : n.name();
        int semi = base.indexOf(';');
        if (semi > 0) {
            base = base.substring(0, semi);
        }
        base = base.replaceAll("[,;|\"\\\\#\\s]", "_");
        String name = base;
        for (int k = 2; !names.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    static int width(ElemType t, boolean asFloat) {
        int b = Math.min(32, Math.max(1, t.bits()));
        if (!asFloat) {
            return b;
        }
        return b <= 8 ? 8 : b <= 16 ? 16 : 32;
    }

    static boolean isInt(ElemType t) {
        return t.numberType() == NumberType.INT;
    }

    OnnxImport finish(String name, Map<String, Integer> mapped, Map<String, Integer> folded,
                      Map<String, Integer> unsupported, int pruned) {
        if (layers.isEmpty()) {
            throw org.pactsim.io.InputException.at(origin, null, "at least one node that becomes a trace layer"
                    + " (Conv, MatMul, Gemm, pooling, activation, softmax, add)", unsupported.containsKey("If")
                    ? "none: the model is inside an If whose condition is not known (give its integer scalar inputs "
                    + "values with --dim NAME=V)" : "none");
        }
        List<Layer> out = new ArrayList<>();
        List<OnnxImport.Quantization> quant = new ArrayList<>();
        for (Pending p : layers.values()) {
            boolean gemm = p.layer.isGemm();
            boolean integer = gemm ? isInt(p.w) && isInt(p.a) : isInt(p.a) || isInt(p.out);
            Bits b = integer ? new Bits(width(p.w, false), width(p.a, false), width(p.out, false), NumberType.INT)
                    : new Bits(width(p.w, true), width(p.a, true), width(p.out, true), NumberType.FLOAT);
            Layer l = p.layer.withBits(b);
            out.add(l);
            if (gemm) {
                String scheme = integer ? p.scheme : isInt(p.w) ? "float (weights dequantized from " + p.w.key() + ")"
                        : "float";
                quant.add(new OnnxImport.Quantization(l.name(), p.op, scheme, p.w.key(), p.a.key(), p.out.key(),
                        p.perChannel));
            }
        }
        Network net = new Network(name, out);
        OnnxImport result = new OnnxImport(net, quant, mapped, folded, unsupported, pruned);
        List<String> all = new ArrayList<>(result.summary());
        if (fusedActivations > 0) {
            all.add("ONNX import: " + fusedActivations + " GEMM layers followed by a ReLU or clamp before their"
                    + " QuantizeLinear write the quantized type (the activation fused, as on integer accelerators)");
        }
        notes.stream().distinct().limit(20).forEach(all::add);
        return new OnnxImport(new Network(name, out, all), quant, mapped, folded, unsupported, pruned);
    }
}
