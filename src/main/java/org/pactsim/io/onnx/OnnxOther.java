package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pactsim.io.onnx.OnnxGraph.Node;

/**
 * Output shapes of the ops that have no trace layer, so the shapes after them stay known:
 * element-wise ops (broadcast), reductions, Concat, Slice, Gather, Pad, Tile, Expand and
 * Resize; for any other op the model's own value_info, else unknown (an error only if a layer
 * later needs that shape).
 */
final class OnnxOther {
    private static final Set<String> ELEMENTWISE = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Min", "Max", "Sum",
            "Mean", "Where", "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor", "PRelu",
            "Mod", "BitShift");
    private static final Set<String> UNARY = Set.of("Sqrt", "Erf", "Neg", "Exp", "Log", "Abs", "Reciprocal", "Floor",
            "Ceil", "Round", "Not", "Sign", "Sin", "Cos", "Softsign", "IsNaN", "IsInf", "Mish", "ThresholdedRelu",
            "Shrink", "InstanceNormalization", "BatchNormalization", "LRN", "LpNormalization",
            "MeanVarianceNormalization", "CumSum", "Hardmax");

    private OnnxOther() {
    }

    static long[] shape(OnnxImporter imp, Node n) {
        long[] d = rule(imp, n);
        return d != null ? d : imp.valueInfoDims(n.outputs().isEmpty() ? "" : n.outputs().get(0));
    }

    private static long[] dims(OnnxImporter imp, String name) {
        Val v = imp.val(name);
        return v == null ? null : v.dims();
    }

    private static long[] rule(OnnxImporter imp, Node n) {
        String op = n.opType();
        long[] x = dims(imp, n.input(0));
        if (ELEMENTWISE.contains(op)) {
            long[] out = new long[0];
            for (String in : n.inputs()) {
                long[] d = dims(imp, in);
                if (d == null) {
                    return null;
                }
                out = OnnxShapes.broadcast(out, d);
            }
            return out;
        }
        if (x == null) {
            return null;
        }
        if (UNARY.contains(op)) {
            return x;
        }
        if (op.startsWith("Reduce")) {
            long[] axes = n.attrInts("axes") != null ? n.attrInts("axes")
                    : n.input(1).isEmpty() ? null : OnnxFolding.ints(imp, n, 1, "axes");
            return OnnxShapes.reduce(x, axes, n.attrInt("keepdims", 1) == 1);
        }
        switch (op) {
            case "ArgMax", "ArgMin" -> {
                return OnnxShapes.reduce(x, new long[] {n.attrInt("axis", 0)}, n.attrInt("keepdims", 1) == 1);
            }
            case "Concat" -> {
                List<long[]> ds = new ArrayList<>();
                for (String in : n.inputs()) {
                    long[] d = dims(imp, in);
                    if (d == null) {
                        return null;
                    }
                    ds.add(d);
                }
                return OnnxShapes.concat(ds, n.attrInt("axis", 0));
            }
            case "Slice" -> {
                long[] starts = n.attrInts("starts") != null ? n.attrInts("starts") : OnnxFolding.ints(imp, n, 1, "starts");
                long[] ends = n.attrInts("ends") != null ? n.attrInts("ends") : OnnxFolding.ints(imp, n, 2, "ends");
                long[] axes = n.attrInts("axes") != null ? n.attrInts("axes")
                        : n.input(3).isEmpty() ? null : OnnxFolding.ints(imp, n, 3, "axes");
                long[] steps = n.input(4).isEmpty() ? null : OnnxFolding.ints(imp, n, 4, "steps");
                return OnnxShapes.slice(x, starts, ends, axes, steps, null);
            }
            case "Gather" -> {
                long[] idx = dims(imp, n.input(1));
                return idx == null ? null : OnnxShapes.gather(x, idx, n.attrInt("axis", 0));
            }
            case "Pad" -> {
                long[] p = n.attrInts("pads") != null ? n.attrInts("pads") : OnnxFolding.ints(imp, n, 1, "pads");
                return OnnxShapes.pad(x, p);
            }
            case "Tile" -> {
                return OnnxShapes.tile(x, OnnxFolding.ints(imp, n, 1, "repeats"));
            }
            case "Expand" -> {
                return OnnxShapes.broadcast(x, OnnxFolding.ints(imp, n, 1, "shape"));
            }
            case "Resize", "Upsample" -> {
                return resize(imp, n, x);
            }
            // com.microsoft ops listed as unsupported keep their output shapes, so what follows imports
            case "RotaryEmbedding", "GroupQueryAttention", "MultiHeadAttention", "NhwcConv" -> {
                return n.opType().equals("NhwcConv") ? null : x;
            }
            case "MatMulNBits" -> {
                long cols = n.attrInt("N", 0);
                if (cols < 1) {
                    return null;
                }
                long[] d = x.clone();
                d[d.length - 1] = cols;
                return d;
            }
            case "Attention" -> {
                long[] sizes = n.attrInts("qkv_hidden_sizes");
                long[] w = dims(imp, n.input(1));
                long v = sizes != null && sizes.length == 3 ? sizes[2] : w != null && w.length == 2 ? w[1] / 3 : -1;
                return x.length == 3 && v > 0 ? new long[] {x[0], x[1], v} : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Resize: the sizes input, else floor(dim x scale) from a constant scales tensor. */
    private static long[] resize(OnnxImporter imp, Node n, long[] x) {
        Val sizes = imp.val(n.input(3));
        if (sizes != null && sizes.ints() != null && sizes.ints().length == x.length) {
            return sizes.ints();
        }
        float[] scales = imp.floats(n.opType().equals("Upsample") ? n.input(1) : n.input(2));
        if (scales == null || scales.length != x.length) {
            return null;
        }
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (long) Math.floor(x[i] * (double) scales[i]);
        }
        return out;
    }
}
