package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.workload.VectorOp;

/**
 * The {@code com.microsoft} contrib ops that ONNX Runtime's quantizer and optimizer write
 * (QOperator-format models, fused graphs): each is imported as the standard op (or ops) it
 * stands for, through a view of the node holding only the inputs that op takes; the report
 * counts it under its own name ({@code QLinearAdd (com.microsoft)}). Ops not here
 * ({@code MatMulNBits}, {@code GroupQueryAttention}, {@code RotaryEmbedding}, {@code NhwcConv}...)
 * are listed as unsupported.
 */
final class OnnxContrib {
    private OnnxContrib() {
    }

    /** Imports {@code n}; false when it is not one of the contrib ops handled here. */
    static boolean convert(OnnxLayers ls, OnnxImporter imp, Node n) {
        switch (n.opType()) {
            case "QLinearAdd" -> as(ls, imp, n, "Add", ins(n, 0, 3), Map.of(), outType(imp, n, 7));
            case "QLinearMul" -> as(ls, imp, n, "Mul", ins(n, 0, 3), Map.of(), outType(imp, n, 7));
            case "QLinearSigmoid" -> as(ls, imp, n, "Sigmoid", ins(n, 0), Map.of(), outType(imp, n, 4));
            case "QLinearLeakyRelu" -> as(ls, imp, n, "LeakyRelu", ins(n, 0), Map.of(), outType(imp, n, 4));
            case "QLinearSoftmax" -> as(ls, imp, n, "Softmax", ins(n, 0), n.attributes(), outType(imp, n, 4));
            case "QLinearGlobalAveragePool", "QLinearAveragePool" -> {
                if (n.attrInt("channels_last", 0) != 0) {
                    return false; // NHWC input: listed
                }
                as(ls, imp, n, n.opType().substring("QLinear".length()), ins(n, 0), n.attributes(), outType(imp, n, 4));
            }
            case "QLinearConcat" -> {
                List<String> xs = new ArrayList<>();
                for (int i = 2; i < n.inputs().size(); i += 3) {
                    xs.add(n.input(i));
                }
                as(ls, imp, n, "Concat", xs, n.attributes(), outType(imp, n, 1));
            }
            case "QGemm" -> {
                // A, a_scale, a_zp, B, b_scale, b_zp, C, y_scale, y_zp: a Gemm of the quantized operands
                List<String> g = new ArrayList<>(ins(n, 0, 3));
                if (n.inputs().size() > 6 && !n.input(6).isEmpty()) {
                    g.add(n.input(6));
                }
                String l = as(ls, imp, n, "Gemm", g, n.attributes(), null);
                ElemType out = n.inputs().size() > 8 && imp.val(n.input(8)) != null ? imp.val(n.input(8)).elem()
                        : ElemType.FLOAT;
                relabel(ls, imp, n, l, "QGemm", elem(imp, n, 3), elem(imp, n, 0), out);
            }
            case "DynamicQuantizeMatMul" -> {
                // A float, quantized to uint8 inside the op; B int8 or uint8
                String l = as(ls, imp, n, "MatMul", ins(n, 0, 1), Map.of(), null);
                relabel(ls, imp, n, l, "dynamic (DynamicQuantizeMatMul)", elem(imp, n, 1), ElemType.UINT8, ElemType.FLOAT);
            }
            case "MatMulIntegerToFloat" -> {
                String l = as(ls, imp, n, "MatMul", ins(n, 0, 1), Map.of(), null);
                relabel(ls, imp, n, l, "MatMulIntegerToFloat", elem(imp, n, 1), elem(imp, n, 0), ElemType.FLOAT);
            }
            case "FusedConv", "FusedGemm" -> fused(ls, imp, n);
            case "Attention" -> {
                return attention(ls, imp, n);
            }
            case "FastGelu", "BiasGelu", "QuickGelu" -> as(ls, imp, n, "Gelu", ins(n, 0), Map.of(), null);
            case "BiasAdd" -> as(ls, imp, n, "Add", ins(n, 0, 2), Map.of(), null);
            case "SkipLayerNormalization", "SkipSimplifiedLayerNormalization" -> skipNorm(ls, imp, n);
            case "SimplifiedLayerNormalization" -> norm(ls, imp, n, n.input(0), n.outputs().get(0), VectorOp.RMSNORM);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static List<String> ins(Node n, int... at) {
        List<String> out = new ArrayList<>();
        for (int i : at) {
            out.add(n.input(i));
        }
        return out;
    }

    private static ElemType elem(OnnxImporter imp, Node n, int i) {
        Val v = imp.val(n.input(i));
        return v == null ? null : v.elem();
    }

    /** The element type of the zero point at input {@code i} (the quantized output's), or null. */
    private static ElemType outType(OnnxImporter imp, Node n, int i) {
        return i < n.inputs().size() ? elem(imp, n, i) : null;
    }

    /**
     * Converts a view of {@code n} as {@code op} with {@code inputs}; moves its count to the
     * contrib name and, when {@code out} is set, makes the layer write that type. Returns the
     * layer made, or null when the view was listed or folded.
     */
    private static String as(OnnxLayers ls, OnnxImporter imp, Node n, String op, List<String> inputs,
                             Map<String, OnnxGraph.Attribute> attrs, ElemType out) {
        String made = view(ls, imp, n, n.name(), op, inputs, n.outputs(), attrs, n.opType() + " (com.microsoft)");
        if (out != null) {
            relabel(ls, imp, n, made, null, null, null, out);
        }
        return made;
    }

    /**
     * Converts a node {@code name} of op {@code op} on {@code inputs} into {@code outputs}, and
     * counts it as {@code key}; returns the layer it made, or null (listed or folded).
     */
    private static String view(OnnxLayers ls, OnnxImporter imp, Node n, String name, String op, List<String> inputs,
                               List<String> outputs, Map<String, OnnxGraph.Attribute> attrs, String key) {
        String before = ls.lastLayer();
        Node view = new Node(name, op, "", inputs, outputs, attrs, n.offset());
        int mapped = imp.mapped.getOrDefault(op, 0);
        int unsupported = imp.unsupported.getOrDefault(op, 0);
        ls.convert(view);
        String made = java.util.Objects.equals(before, ls.lastLayer()) ? null : ls.lastLayer();
        if (imp.mapped.getOrDefault(op, 0) > mapped) {
            move(imp.mapped, op, key);
        } else if (imp.unsupported.getOrDefault(op, 0) > unsupported) {
            move(imp.unsupported, op, key);
        }
        return made;
    }

    private static void move(Map<String, Integer> m, String from, String to) {
        int k = m.get(from) - 1;
        if (k == 0) {
            m.remove(from);
        } else {
            m.put(from, k);
        }
        OnnxImporter.count(m, to);
    }

    private static void relabel(OnnxLayers ls, OnnxImporter imp, Node n, String layer, String scheme, ElemType w,
                                ElemType a, ElemType out) {
        if (layer == null) {
            return;
        }
        ls.relabel(layer, n.opType(), scheme, w, a, out);
        Val v = imp.val(n.outputs().get(0));
        if (v != null) {
            imp.put(n, 0, new Val(v.dims(), out, null, v.layer(), null, false, false, null));
        }
    }

    /**
     * Attention (BERT-style, packed): {@code input [B, S, D_in] x weights [D_in, 3D]} (+ bias) is
     * the qkv projection, an {@code fc}; {@code q}, {@code k}, {@code v} are slices of its output;
     * then per head ({@code num_heads} of {@code D / heads}) the scores matmul, a softmax and the
     * context matmul. The mask is not placed (its add is one element op per score). Returns
     * false (listed) for forms it does not take: past state, unequal q/k/v sizes, unknown shapes.
     */
    private static boolean attention(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        Val w = imp.val(n.input(1));
        long heads = n.attrInt("num_heads", 0);
        if (x == null || w == null || x.dims() == null || w.dims() == null || x.rank() != 3 || w.rank() != 2
                || !w.constant() || heads < 1 || w.dims()[1] % 3 != 0
                || n.attrInts("qkv_hidden_sizes") != null || (n.inputs().size() > 4 && !n.input(4).isEmpty())) {
            return false;
        }
        long b = x.dims()[0];
        long seq = x.dims()[1];
        long d = w.dims()[1] / 3;
        if (w.dims()[0] != x.dims()[2] || d % heads != 0) {
            throw new OnnxShapes.Bad("weights [input hidden, 3 x hidden] with hidden divisible by num_heads",
                    OnnxShapes.str(w.dims()) + " for input " + OnnxShapes.str(x.dims()) + ", " + heads + " heads");
        }
        long hd = d / heads;
        long rows = Math.multiplyExact(b, seq);
        boolean bias = n.inputs().size() > 2 && !n.input(2).isEmpty();
        ElemType e = x.storage();
        org.pactsim.workload.Bits p = OnnxLayers.PROVISIONAL;
        org.pactsim.workload.MatMulLayer qkv = new org.pactsim.workload.MatMulLayer(ls.name(n),
                org.pactsim.workload.MatMulLayer.Kind.LINEAR, 1, rows, 3 * d, x.dims()[2], p, ls.inputs(n, x), bias);
        String qkvName = ls.add(n, qkv, "", w.storage(), e, e, false);
        move(imp.mapped, n.opType(), n.opType() + " (com.microsoft)");
        org.pactsim.workload.Shape packed = new org.pactsim.workload.Shape(1, 1, rows, 3 * d);
        String[] qkvParts = new String[3];
        for (int i = 0; i < 3; i++) {
            qkvParts[i] = ls.addMore(n, org.pactsim.workload.VectorLayer.slice(ls.name(n), packed, d, p,
                    List.of(qkvName)), e);
        }
        long count = Math.multiplyExact(b, heads);
        String scores = ls.addMore(n, new org.pactsim.workload.MatMulLayer(ls.name(n),
                org.pactsim.workload.MatMulLayer.Kind.MATMUL, count, seq, seq, hd, p, List.of(qkvParts[0], qkvParts[1])), e);
        String soft = ls.addMore(n, org.pactsim.workload.VectorLayer.of(ls.name(n), VectorOp.SOFTMAX,
                new org.pactsim.workload.Shape(b, heads, seq, seq), 0, p, List.of(scores)), e);
        String context = ls.addMore(n, new org.pactsim.workload.MatMulLayer(ls.name(n),
                org.pactsim.workload.MatMulLayer.Kind.MATMUL, count, seq, hd, seq, p, List.of(soft, qkvParts[2])), e);
        imp.put(n, 0, new Val(new long[] {b, seq, d}, e, null, context, null, false, false, null));
        return true;
    }

    /** FusedConv / FusedGemm: the GEMM, then its {@code activation} on the GEMM's output. */
    private static void fused(OnnxLayers ls, OnnxImporter imp, Node n) {
        String base = n.opType().substring("Fused".length());
        List<String> in = new ArrayList<>(n.inputs());
        while (in.size() > 3) {
            in.remove(in.size() - 1); // FusedConv's Z (a residual summed in) is not placed
        }
        as(ls, imp, n, base, in, n.attributes(), null);
        String act = n.attrString("activation", "");
        String op = switch (act) {
            case "Relu", "LeakyRelu" -> "Relu";
            case "Clip" -> "Clip";
            case "Sigmoid", "Tanh", "HardSigmoid" -> "Sigmoid";
            default -> null;
        };
        if (!act.isEmpty() && op == null) {
            ls.note(n.label() + ": its activation " + act + " is not placed");
        }
        if (op != null) {
            String y = n.outputs().get(0);
            view(ls, imp, n, n.name() + "/" + act, op, List.of(y), List.of(y), Map.of(),
                    n.opType() + " activation (com.microsoft)");
        }
    }

    /** (Simplified)SkipLayerNormalization: input + skip (+ bias), then the norm. */
    private static void skipNorm(OnnxLayers ls, OnnxImporter imp, Node n) {
        String sum = n.outputs().size() > 3 && !n.outputs().get(3).isEmpty() ? n.outputs().get(3) : n.name() + "/sum";
        view(ls, imp, n, n.name() + "/add", "Add", ins(n, 0, 1), List.of(sum), Map.of(), n.opType() + " add (com.microsoft)");
        norm(ls, imp, n, sum, n.outputs().get(0),
                n.opType().startsWith("SkipSimplified") ? VectorOp.RMSNORM : VectorOp.LAYERNORM);
    }

    /** A layer norm or RMS norm along the last axis of {@code x}, written to {@code y}. */
    private static void norm(OnnxLayers ls, OnnxImporter imp, Node n, String x, String y, VectorOp op) {
        String made = view(ls, imp, n, n.name(), "LayerNormalization", List.of(x), List.of(y), Map.of(),
                n.opType() + " (com.microsoft)");
        if (made != null && op == VectorOp.RMSNORM) {
            ls.rmsNorm(made);
        }
    }
}
