package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/**
 * The ONNX ops that become vector-unit layers of one or more activations: element-wise
 * functions, softmax and layer norm along an axis, element-wise arithmetic of activations and
 * constants, upsampling and spatial reductions. {@link OnnxLayers} dispatches to them.
 */
final class OnnxVector {
    private OnnxVector() {
    }

    /** Element-wise op of one activation operand (the others constants or broadcast scalars). */
    static void unary(OnnxLayers ls, OnnxImporter imp, Node n, VectorOp op) {
        Val x = ls.firstActivation(n);
        OnnxFolding.need(n, x);
        Shape s = OnnxLayers.shape(x.dims(), x.rank() == 4 ? 1 : x.rank() - 1);
        String name = ls.add(n, VectorLayer.of(ls.name(n), op, s, 0, OnnxLayers.PROVISIONAL, ls.inputs(n, x)), "", x.storage(),
                x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(x.dims(), x.elem(), null, name, null, false, false, null));
    }

    /** Softmax or layer norm along {@code axis}; {@code coerce}: everything from the axis on. */
    static void axisOp(OnnxLayers ls, OnnxImporter imp, Node n, VectorOp op, long axis, boolean coerce) {
        Val x = imp.val(n.input(0));
        OnnxFolding.need(n, x);
        int a = OnnxShapes.axis(axis, x.rank());
        long[] d = x.dims();
        Shape s;
        if (coerce && a < x.rank() - 1) {
            s = OnnxLayers.shape(new long[] {OnnxShapes.product(d, 0, a), OnnxShapes.product(d, a, d.length)}, 1);
        } else {
            s = OnnxLayers.shape(d, a);
        }
        String name = ls.add(n, VectorLayer.of(ls.name(n), op, s, 0, OnnxLayers.PROVISIONAL, ls.inputs(n, x)), "", x.storage(),
                x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(d, x.elem(), null, name, null, false, false, null));
    }

    /**
     * An element-wise op of activations ({@code op}: ADD for Add, Sum and Sub, MUL for Mul and
     * Div): of one activation and constants, a {@link VectorOp#SCALE}; of two or more activations
     * of one shape, {@code op} over them. Broadcasting between activations is not placed yet.
     */
    static void binary(OnnxLayers ls, OnnxImporter imp, Node n, VectorOp op) {
        if (n.inputs().size() == 2 && ls.activations(n) == 1) {
            scale(ls, imp, n);
            return;
        }
        List<String> in = new ArrayList<>();
        Val first = imp.val(n.input(0));
        for (String s : n.inputs()) {
            Val v = imp.val(s);
            if (v == null || v.constant() || v.layer() == null || v.dims() == null
                    || !java.util.Arrays.equals(v.dims(), first.dims())) {
                ls.unsupported(n);
                return;
            }
            in.add(v.layer());
        }
        if (in.size() < 2) {
            ls.unsupported(n);
            return;
        }
        Shape s = OnnxLayers.shape(first.dims(), first.rank() == 4 ? 1 : first.rank() - 1);
        String name = ls.add(n, VectorLayer.of(ls.name(n), op, s, 0, OnnxLayers.PROVISIONAL, in), "", first.storage(),
                first.storage(), first.elem(), false);
        imp.put(n, 0, new Val(first.dims(), first.elem(), null, name, null, false, false, null));
    }

    /**
     * One activation and constants broadcast over it (a per-channel scale or shift, a scalar):
     * a {@link VectorOp#SCALE} that reads the constants once. Constants that broadcast the
     * activation to a larger shape are not placed.
     */
    @SuppressWarnings("ReferenceEquality") // one value object per tensor: identity is meant
    static void scale(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = ls.firstActivation(n);
        if (!OnnxLayers.placeable(x)) {
            ls.unsupported(n);
            return;
        }
        OnnxFolding.need(n, x);
        long constants = 0;
        for (String in : n.inputs()) {
            Val v = imp.val(in);
            if (v != x && v != null && v.constant()) {
                if (v.dims() == null || !java.util.Arrays.equals(OnnxShapes.broadcast(x.dims(), v.dims()), x.dims())) {
                    ls.unsupported(n);
                    return;
                }
                constants = Math.addExact(constants, v.elements());
            }
        }
        Shape s = OnnxLayers.shape(x.dims(), x.rank() == 4 ? 1 : x.rank() - 1);
        String name = ls.add(n, VectorLayer.of(ls.name(n), VectorOp.SCALE, s, Math.max(1, constants), OnnxLayers.PROVISIONAL,
                ls.inputs(n, x)), "", x.storage(), x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(x.dims(), x.elem(), null, name, null, false, false, null));
    }

    /**
     * Resize or Upsample of an NCHW activation by whole factors along H and W (FPN and U-Net
     * upsampling): a {@link VectorOp#RESIZE} reading 1 (nearest), 2 x 2 (linear) or 4 x 4 (cubic)
     * inputs per output. Downsampling, fractional factors and other axes are listed, not placed.
     */
    static void resize(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        long[] out = OnnxOther.shape(imp, n);
        long[] d = x == null ? null : x.dims();
        if (!OnnxLayers.placeable(x) || d == null || out == null || d.length != 4 || out.length != 4 || out[0] != d[0]
                || out[1] != d[1] || out[2] < d[2] || out[3] < d[3] || out[2] % d[2] != 0 || out[3] % d[3] != 0) {
            ls.unsupported(n);
            return;
        }
        String mode = n.attrString("mode", "nearest");
        long taps = mode.equals("linear") || mode.equals("bilinear") ? 2 : mode.equals("cubic") ? 4 : 1;
        VectorLayer v = new VectorLayer(ls.name(n), VectorOp.RESIZE, d[0], d[2], d[3], d[1], taps, taps, out[2] / d[2],
                out[3] / d[3], 0, 0, 0, OnnxLayers.PROVISIONAL, ls.inputs(n, x));
        String name = ls.add(n, v, "", x.storage(), x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(out, x.elem(), null, name, null, false, false, null));
    }

    /**
     * ReduceMean or ReduceMax of an NCHW activation over its two spatial axes (a squeeze-and-
     * excitation's or a classifier's global pool written as a reduction): a global average or max
     * pool. Other reductions are listed, not placed (a layer norm's are fused before this).
     */
    static void reduce(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        long[] out = OnnxOther.shape(imp, n);
        long[] axes;
        try {
            axes = OnnxFolding.axes(imp, n);
        } catch (OnnxShapes.Bad e) {
            axes = null;
        }
        long[] d = x == null ? null : x.dims();
        boolean spatial = axes != null && axes.length == 2 && d != null && d.length == 4
                && java.util.Arrays.equals(java.util.Arrays.stream(axes).map(a -> a < 0 ? a + 4 : a).sorted().toArray(),
                        new long[] {2, 3});
        if (!OnnxLayers.placeable(x) || !spatial || out == null) {
            ls.unsupported(n);
            return;
        }
        VectorOp op = n.opType().equals("ReduceMax") ? VectorOp.MAXPOOL : VectorOp.AVGPOOL;
        VectorLayer v = new VectorLayer(ls.name(n), op, d[0], d[2], d[3], d[1], d[2], d[3], 1, 1, 0, 0, 0, OnnxLayers.PROVISIONAL,
                ls.inputs(n, x));
        String name = ls.add(n, v, "", x.storage(), x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(out, x.elem(), null, name, null, false, false, null));
    }
}
