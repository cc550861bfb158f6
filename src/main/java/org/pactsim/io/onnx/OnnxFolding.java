package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pactsim.io.onnx.OnnxGraph.Attribute;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.io.onnx.OnnxGraph.Tensor;

/**
 * The nodes that become no trace layer: quantize/dequantize (their element types are kept on
 * the values, for the bit widths of the layers around them), casts, layout ops (Reshape,
 * Transpose, Squeeze, Unsqueeze, Flatten, Identity, Dropout: the data moves, nothing is
 * computed), explicit spatial zero padding (folded into the next convolution or pool), and
 * nodes computing on constants only (Shape, Gather, Concat, Slice, arithmetic on small int64
 * tensors), whose values are folded for later shape arguments.
 */
final class OnnxFolding {
    private OnnxFolding() {
    }

    /** Folds {@code n} when it is one of the above; false when it needs a layer or is unsupported. */
    static boolean fold(OnnxImporter imp, OnnxLayers layers, Node n) {
        Val x = imp.val(n.input(0));
        switch (n.opType()) {
            case "Constant" -> {
                imp.put(n, 0, constant(n));
                return done(imp, "Constant");
            }
            case "DequantizeLinear" -> {
                Val scale = imp.val(n.input(1));
                ElemType from = x.elem().numberType() == org.pactsim.spec.NumberType.INT ? x.elem() : null;
                boolean perChannel = scale != null && scale.dims() != null && scale.dims().length > 0
                        && scale.elements() > 1;
                imp.put(n, 0, new Val(x.dims(), ElemType.FLOAT, null, x.layer(), from, perChannel, x.constant(),
                        x.pad()));
                return done(imp, "DequantizeLinear");
            }
            case "QuantizeLinear" -> {
                Val zp = imp.val(n.input(2));
                ElemType to = zp != null ? zp.elem() : ElemType.of((int) n.attrInt("output_dtype", 2));
                if (to == null) {
                    throw imp.error(n, "output_dtype", "a known element type", Long.toString(n.attrInt("output_dtype", 0)));
                }
                if (x.layer() != null && x.quant() == null) {
                    layers.quantizedOutput(x.layer(), to);
                }
                imp.put(n, 0, new Val(x.dims(), to, null, x.layer(), null, false, x.constant(), x.pad()));
                return done(imp, "QuantizeLinear");
            }
            case "DynamicQuantizeLinear" -> {
                imp.put(n, 0, new Val(x.dims(), ElemType.UINT8, null, x.layer(), null, false, x.constant(), null));
                imp.put(n, 1, new Val(new long[0], ElemType.FLOAT, null, null, null, false, x.constant(), null));
                imp.put(n, 2, new Val(new long[0], ElemType.UINT8, null, null, null, false, x.constant(), null));
                return done(imp, "DynamicQuantizeLinear");
            }
            case "Cast" -> {
                ElemType to = ElemType.of((int) n.attrInt("to", 0));
                if (to == null) {
                    throw imp.error(n, "to", "a known element type", Long.toString(n.attrInt("to", 0)));
                }
                imp.put(n, 0, new Val(x.dims(), to, x.ints(), x.layer(), null, false, x.constant(), x.pad()));
                return done(imp, "Cast");
            }
            case "Identity", "Dropout" -> {
                imp.put(n, 0, x);
                return done(imp, n.opType());
            }
            case "Shape" -> {
                need(n, x);
                int r = x.rank();
                int s = OnnxShapes.axisClamp(n.attrInt("start", 0), r);
                int e = OnnxShapes.axisClamp(n.attrInt("end", r), r);
                long[] v = Arrays.copyOfRange(x.dims(), s, Math.max(s, e));
                imp.put(n, 0, Val.constant(new long[] {v.length}, ElemType.INT64, v));
                return done(imp, "Shape");
            }
            case "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Flatten" -> {
                need(n, x);
                imp.put(n, 0, layout(imp, n, x));
                return done(imp, n.opType());
            }
            case "Pad" -> {
                return pad(imp, n, x);
            }
            default -> {
                if (allConstant(imp, n)) {
                    imp.put(n, 0, evaluate(imp, n));
                    return done(imp, n.opType() + " (on constants)");
                }
                return false;
            }
        }
    }

    private static boolean done(OnnxImporter imp, String key) {
        OnnxImporter.count(imp.folded, key);
        return true;
    }

    static void need(Node n, Val x) {
        if (x == null || x.dims() == null) {
            throw new OnnxShapes.Bad("an input of known shape", "a shape pactsim could not infer");
        }
    }

    private static boolean allConstant(OnnxImporter imp, Node n) {
        for (String in : n.inputs()) {
            Val v = imp.val(in);
            if (!in.isEmpty() && (v == null || !v.constant())) {
                return false;
            }
        }
        return !n.inputs().isEmpty();
    }

    private static Val constant(Node n) {
        Attribute a = n.attr("value");
        if (a != null && a.t() != null) {
            Tensor t = a.t();
            ElemType e = ElemType.of(t.dataType());
            return Val.constant(t.dims(), e == null ? ElemType.FLOAT : e, t.ints());
        }
        if (n.attr("value_ints") != null) {
            long[] v = n.attrInts("value_ints");
            return Val.constant(new long[] {v.length}, ElemType.INT64, v);
        }
        if (n.attr("value_int") != null) {
            return Val.constant(new long[0], ElemType.INT64, new long[] {n.attrInt("value_int", 0)});
        }
        return Val.constant(n.attr("value_float") != null ? new long[0] : null, ElemType.FLOAT, null);
    }

    /** The int64 values of input {@code i}, which must be a folded constant. */
    static long[] ints(OnnxImporter imp, Node n, int i, String what) {
        Val v = imp.val(n.input(i));
        if (v == null || v.ints() == null) {
            throw new OnnxShapes.Bad("a constant " + what + " (a small int64 tensor, folded)",
                    v == null ? "none" : "a computed value");
        }
        return v.ints();
    }

    /** Axes from the attribute (older opsets) or the second input (newer). */
    static long[] axes(OnnxImporter imp, Node n) {
        if (n.attrInts("axes") != null) {
            return n.attrInts("axes");
        }
        return n.input(1).isEmpty() ? null : ints(imp, n, 1, "axes");
    }

    static Val layout(OnnxImporter imp, Node n, Val x) {
        long[] d = switch (n.opType()) {
            case "Reshape" -> OnnxShapes.reshape(x.dims(), ints(imp, n, 1, "shape"), n.attrInt("allowzero", 0) == 1);
            case "Transpose" -> OnnxShapes.transpose(x.dims(), n.attrInts("perm"));
            case "Squeeze" -> OnnxShapes.squeeze(x.dims(), axes(imp, n));
            case "Unsqueeze" -> OnnxShapes.unsqueeze(x.dims(), axes(imp, n));
            default -> OnnxShapes.flatten(x.dims(), n.attrInt("axis", 1));
        };
        long[] v = n.opType().equals("Transpose") && x.rank() > 1 ? null : x.ints();
        return new Val(d, x.elem(), v, x.layer(), x.quant(), x.perChannel(), x.constant(), null);
    }

    /** Zero padding of the two spatial axes of an NCHW tensor is kept for the next convolution or pool. */
    private static boolean pad(OnnxImporter imp, Node n, Val x) {
        need(n, x);
        long[] p = n.attrInts("pads") != null ? n.attrInts("pads") : ints(imp, n, 1, "pads");
        long[] d = OnnxShapes.pad(x.dims(), p);
        boolean spatial = x.rank() == 4 && p[0] == 0 && p[1] == 0 && p[4] == 0 && p[5] == 0
                && n.attrString("mode", "constant").equals("constant") && n.input(3).isEmpty();
        for (long q : p) {
            spatial &= q >= 0;
        }
        if (!spatial) {
            return false;
        }
        long[] before = x.pad() == null ? new long[4] : x.pad();
        long[] pad = {before[0] + p[2], before[1] + p[3], before[2] + p[6], before[3] + p[7]};
        imp.put(n, 0, new Val(d, x.elem(), null, x.layer(), x.quant(), x.perChannel(), x.constant(), pad));
        return done(imp, "Pad");
    }

    /** Evaluates a node on constants: shapes always known where a rule exists, small int64 values folded. */
    private static Val evaluate(OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        long[] xv = x == null ? null : x.ints();
        switch (n.opType()) {
            case "Gather" -> {
                Val idx = imp.val(n.input(1));
                if (x.dims() == null || idx.dims() == null) {
                    return Val.constant(null, x.elem(), null);
                }
                long[] d = OnnxShapes.gather(x.dims(), idx.dims(), n.attrInt("axis", 0));
                long[] v = null;
                if (xv != null && idx.ints() != null && x.rank() == 1) {
                    v = new long[idx.ints().length];
                    for (int i = 0; i < v.length; i++) {
                        int k = OnnxShapes.axis(idx.ints()[i], xv.length);
                        v[i] = xv[k];
                    }
                }
                return Val.constant(d, x.elem(), v);
            }
            case "Concat" -> {
                List<long[]> ds = new ArrayList<>();
                List<Long> v = new ArrayList<>();
                boolean known = true;
                for (String in : n.inputs()) {
                    Val y = imp.val(in);
                    if (y.dims() == null) {
                        return Val.constant(null, x.elem(), null);
                    }
                    ds.add(y.dims());
                    if (y.ints() == null || y.rank() != 1) {
                        known = false;
                    } else {
                        for (long q : y.ints()) {
                            v.add(q);
                        }
                    }
                }
                long[] d = OnnxShapes.concat(ds, n.attrInt("axis", 0));
                return Val.constant(d, x.elem(), known ? v.stream().mapToLong(Long::longValue).toArray() : null);
            }
            case "Slice" -> {
                if (x.dims() == null) {
                    return Val.constant(null, x.elem(), null);
                }
                long[] starts = n.attrInts("starts") != null ? n.attrInts("starts") : ints(imp, n, 1, "starts");
                long[] ends = n.attrInts("ends") != null ? n.attrInts("ends") : ints(imp, n, 2, "ends");
                long[] ax = n.attrInts("axes") != null ? n.attrInts("axes")
                        : n.input(3).isEmpty() ? null : ints(imp, n, 3, "axes");
                long[] st = n.input(4).isEmpty() ? null : ints(imp, n, 4, "steps");
                List<Long> take = new ArrayList<>();
                long[] d = OnnxShapes.slice(x.dims(), starts, ends, ax, st, take);
                long[] v = null;
                if (xv != null && x.rank() == 1) {
                    v = take.stream().mapToLong(k -> xv[(int) (long) k]).toArray();
                }
                return Val.constant(d, x.elem(), v);
            }
            case "Add", "Sub", "Mul", "Div" -> {
                Val y = imp.val(n.input(1));
                if (x.dims() == null || y.dims() == null) {
                    return Val.constant(null, x.elem(), null);
                }
                long[] d = OnnxShapes.broadcast(x.dims(), y.dims());
                return Val.constant(d, x.elem(), arithmetic(n.opType(), xv, y.ints()));
            }
            case "Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual" -> {
                Val y = imp.val(n.input(1));
                if (x.dims() == null || y == null || y.dims() == null) {
                    return Val.constant(null, ElemType.BOOL, null);
                }
                return Val.constant(OnnxShapes.broadcast(x.dims(), y.dims()), ElemType.BOOL,
                        compare(n.opType(), xv, y.ints()));
            }
            case "Not" -> {
                long[] v = xv == null ? null : java.util.Arrays.stream(xv).map(q -> q == 0 ? 1 : 0).toArray();
                return Val.constant(x.dims(), ElemType.BOOL, v);
            }
            case "ConstantOfShape" -> {
                return Val.constant(ints(imp, n, 0, "shape"), ElemType.FLOAT, null);
            }
            default -> {
                if (x != null && x.dims() != null && (n.opType().equals("Squeeze") || n.opType().equals("Unsqueeze")
                        || n.opType().equals("Reshape") || n.opType().equals("Flatten"))) {
                    return layout(imp, n, x);
                }
                return Val.constant(OnnxOther.shape(imp, n), x == null ? ElemType.FLOAT : x.elem(), null);
            }
        }
    }

    /** An integer comparison's truth values, 1 or 0 (an If's condition on shapes or a sample rate). */
    private static long[] compare(String op, long[] a, long[] b) {
        return elementwise(a, b, (x, y) -> switch (op) {
            case "Equal" -> x == y;
            case "Greater" -> x > y;
            case "Less" -> x < y;
            case "GreaterOrEqual" -> x >= y;
            default -> x <= y;
        } ? 1 : 0);
    }

    private static long[] arithmetic(String op, long[] a, long[] b) {
        return elementwise(a, b, (x, y) -> switch (op) {
            case "Add" -> Math.addExact(x, y);
            case "Sub" -> Math.subtractExact(x, y);
            case "Mul" -> Math.multiplyExact(x, y);
            default -> {
                if (y == 0) {
                    throw new OnnxShapes.Bad("a non-zero divisor", "0");
                }
                yield Math.floorDiv(x, y);
            }
        });
    }

    /** {@code f} of small int64 tensors of one length or a scalar and a tensor (broadcast), or null. */
    private static long[] elementwise(long[] a, long[] b, java.util.function.LongBinaryOperator f) {
        if (a == null || b == null || (a.length != b.length && a.length != 1 && b.length != 1)) {
            return null;
        }
        long[] out = new long[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsLong(a[a.length == 1 ? 0 : i], b[b.length == 1 ? 0 : i]);
        }
        return out;
    }
}
