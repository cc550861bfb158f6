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
        Shape s = ls.elementShape(x, n);
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
        if (n.inputs().size() == 2 && broadcast(ls, imp, n)) {
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
        Shape s = ls.elementShape(first, n);
        String name = ls.add(n, VectorLayer.of(ls.name(n), op, s, 0, OnnxLayers.PROVISIONAL, in), "", first.storage(),
                first.storage(), first.elem(), false);
        imp.put(n, 0, new Val(first.dims(), first.elem(), null, name, null, false, false, null));
    }

    /**
     * Two activations, one broadcast over the other along H and/or W (squeeze-and-excitation's
     * {@code x * gate} with a {@code [N, C, 1, 1]} gate): a {@link VectorOp#BCAST} reading the
     * activation, then the smaller operand. False (nothing done) when the shapes are equal or
     * broadcast otherwise (along channels, or both ways).
     */
    private static boolean broadcast(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val a = imp.val(n.input(0));
        Val b = imp.val(n.input(1));
        if (a == null || b == null || a.constant() || b.constant() || a.layer() == null || b.layer() == null
                || a.dims() == null || b.dims() == null || java.util.Arrays.equals(a.dims(), b.dims())) {
            return false;
        }
        long[] out = OnnxShapes.broadcast(a.dims(), b.dims());
        boolean aIsX = java.util.Arrays.equals(out, a.dims());
        if (!aIsX && !java.util.Arrays.equals(out, b.dims())) {
            return false;
        }
        Val x = aIsX ? a : b;
        Val g = aIsX ? b : a;
        long[] gd = new long[out.length];
        java.util.Arrays.fill(gd, 1);
        System.arraycopy(g.dims(), 0, gd, out.length - g.rank(), g.rank());
        int channel = out.length == 4 ? 1 : out.length - 1;
        Shape xs = OnnxLayers.shape(out, channel);
        Shape gs = OnnxLayers.shape(gd, channel);
        if (gs.batch() != xs.batch() || gs.c() != xs.c() || (gs.h() != 1 && gs.h() != xs.h())
                || (gs.w() != 1 && gs.w() != xs.w())) {
            return false;
        }
        VectorLayer v = new VectorLayer(ls.name(n), VectorOp.BCAST, xs.batch(), xs.h(), xs.w(), xs.c(), 1, 1,
                xs.h() / gs.h(), xs.w() / gs.w(), 0, 0, 0, OnnxLayers.PROVISIONAL, List.of(x.layer(), g.layer()));
        String name = ls.add(n, v, "", x.storage(), x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(out, x.elem(), null, name, null, false, false, null));
        return true;
    }

    /**
     * Concat of two or more activations along their channel axis (an FPN's merged levels, a
     * U-Net's skip connection), or of tensors of another rank along any axis (an SSD head's
     * anchors): a {@link VectorOp#CONCAT} that reads each input and writes the joined
     * tensor. Along H or W of NCHW, or with a constant or unknown operand, it is listed.
     */
    static void concat(OnnxLayers ls, OnnxImporter imp, Node n) {
        List<Val> ins = new ArrayList<>();
        for (String s : n.inputs()) {
            Val v = imp.val(s);
            if (v == null || v.constant() || v.layer() == null || v.dims() == null) {
                ls.unsupported(n);
                return;
            }
            ins.add(v);
        }
        Val first = ins.isEmpty() ? null : ins.get(0);
        int rank = first == null ? 0 : first.rank();
        int axis = rank < 2 ? -1 : OnnxShapes.axis(n.attrInt("axis", 0), rank);
        // NCHW joins along C; other ranks (a token sequence, a detection head's [N, anchors, classes])
        // along any axis: their readers (fc, matmul, vector layers) take it by element count, so the
        // joined axis stands as the trace's channels
        int channel = rank == 4 ? 1 : axis;
        if (ins.size() < 2 || rank < 2 || axis != channel) {
            ls.unsupported(n);
            return;
        }
        List<Long> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Val v : ins) {
            long[] a = v.dims().clone();
            long[] b = first.dims().clone();
            if (v.rank() != rank) {
                ls.unsupported(n);
                return;
            }
            a[channel] = 0;
            b[channel] = 0;
            if (!java.util.Arrays.equals(a, b)) {
                ls.unsupported(n);
                return;
            }
            parts.add(v.dims()[channel]);
            names.add(v.layer());
        }
        Shape s = OnnxLayers.shape(first.dims(), channel);
        VectorLayer v = VectorLayer.concat(ls.name(n), s.batch(), s.h(), s.w(), parts, OnnxLayers.PROVISIONAL, names);
        String name = ls.add(n, v, "", first.storage(), first.storage(), first.elem(), false);
        long[] out = first.dims().clone();
        out[channel] = v.inC();
        imp.put(n, 0, new Val(out, first.elem(), null, name, null, false, false, null));
    }

    /**
     * Slice, Split and Gather of an activation along one axis: a {@link VectorOp#SLICE} per
     * output, keeping that axis's part (read and written once: data movement with its bytes). A
     * Slice that keeps everything is folded. The axis stands as the trace's channels, as for a
     * concat: NCHW only along C (its readers may be convolutions), other ranks along any axis.
     * Anything else (several axes at once, a Gather with activation indices: an embedding) is listed.
     */
    static void slices(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        if (x == null || x.constant() || x.layer() == null || x.dims() == null
                || (n.opType().equals("Gather") && (imp.val(n.input(1)) == null || !imp.val(n.input(1)).constant()))) {
            ls.unsupported(n);
            return;
        }
        List<long[]> outs = new ArrayList<>();
        if (n.opType().equals("Split")) {
            outs.addAll(OnnxShapes.split(x.dims(), n.attrInt("axis", 0), splitSizes(imp, n), n.outputs().size()));
        } else {
            long[] d = OnnxOther.shape(imp, n);
            if (d == null) {
                ls.unsupported(n);
                return;
            }
            outs.add(d);
        }
        int axis = -1;
        for (long[] d : outs) {
            if (d.length != x.rank() && !n.opType().equals("Gather")) {
                ls.unsupported(n);
                return;
            }
        }
        long[] in = x.dims();
        if (n.opType().equals("Gather")) {
            axis = OnnxShapes.axis(n.attrInt("axis", 0), x.rank());
        } else {
            for (long[] d : outs) {
                for (int i = 0; i < d.length; i++) {
                    if (d[i] != in[i]) {
                        if (axis >= 0 && axis != i) {
                            ls.unsupported(n); // more than one axis cut
                            return;
                        }
                        axis = i;
                    }
                }
            }
        }
        if (axis < 0) {
            imp.put(n, 0, x); // keeps everything: nothing moves
            OnnxImporter.count(imp.folded, n.opType() + " (of the whole tensor)");
            return;
        }
        int rank = x.rank();
        if ((rank == 4 && axis != 1) || rank < 2) {
            ls.unsupported(n);
            return;
        }
        Shape s = OnnxLayers.shape(in, axis);
        for (int o = 0; o < outs.size(); o++) {
            long[] d = outs.get(o);
            long[] idx = n.opType().equals("Gather") ? imp.val(n.input(1)).dims() : null;
            long kept = idx != null ? Math.max(1, OnnxShapes.product(idx, 0, idx.length))
                    : d[axis];
            VectorLayer v = VectorLayer.slice(ls.name(n), s, kept, OnnxLayers.PROVISIONAL, List.of(x.layer()));
            String name = o == 0 ? ls.add(n, v, "", x.storage(), x.storage(), x.elem(), false)
                    : ls.addMore(n, v, x.elem());
            imp.put(n, o, new Val(d, x.elem(), null, name, null, false, false, null));
        }
    }

    /** A Split's sizes: its {@code split} input (opset 13) or attribute, else null (equal parts). */
    private static long[] splitSizes(OnnxImporter imp, Node n) {
        if (n.attrInts("split") != null) {
            return n.attrInts("split");
        }
        return n.inputs().size() > 1 && !n.input(1).isEmpty() ? OnnxFolding.ints(imp, n, 1, "split") : null;
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
        Shape s = ls.elementShape(x, n);
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
    /**
     * ReduceMean/ReduceMax over H and W of NCHW (a global pool), or over one axis of a tensor of
     * another rank (a window over that axis): avgpool or maxpool layers. Others are listed.
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
        VectorOp op = n.opType().equals("ReduceMax") ? VectorOp.MAXPOOL : VectorOp.AVGPOOL;
        if (OnnxLayers.placeable(x) && !spatial && out != null && d != null && d.length >= 2 && d.length != 4
                && axes != null && axes.length == 1) {
            // one axis of a tensor whose readers take it by element count (a sequence's features, a
            // spectrogram's bins): the reduced axis as W, the one after it (or before) as channels
            int k = OnnxShapes.axis(axes[0], d.length);
            int c = k == d.length - 1 ? k - 1 : d.length - 1;
            long rows = 1;
            for (int i = 0; i < d.length; i++) {
                rows = i == k || i == c ? rows : Math.multiplyExact(rows, d[i]);
            }
            VectorLayer v = new VectorLayer(ls.name(n), op, rows, 1, d[k], d[c], 1, d[k], 1, 1, 0, 0, 0,
                    OnnxLayers.PROVISIONAL, ls.inputs(n, x));
            String name = ls.add(n, v, "", x.storage(), x.storage(), x.elem(), false);
            imp.put(n, 0, new Val(out, x.elem(), null, name, null, false, false, null));
            return;
        }
        if (!OnnxLayers.placeable(x) || !spatial || out == null) {
            ls.unsupported(n);
            return;
        }
        VectorLayer v = new VectorLayer(ls.name(n), op, d[0], d[2], d[3], d[1], d[2], d[3], 1, 1, 0, 0, 0, OnnxLayers.PROVISIONAL,
                ls.inputs(n, x));
        String name = ls.add(n, v, "", x.storage(), x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(out, x.elem(), null, name, null, false, false, null));
    }
}
