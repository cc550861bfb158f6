package org.pactsim.io.onnx;

import java.util.List;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.OutputRounding;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/**
 * The layers with a window or a matrix product: Conv, ConvInteger, QLinearConv (NCHW, groups,
 * depthwise, pads/auto_pad/strides/dilations) as {@link ConvLayer}; MatMul, MatMulInteger,
 * QLinearMatMul, Gemm as {@link MatMulLayer} (a constant second operand: a fully connected
 * layer; two activations: batched products such as attention); and the pools as
 * {@link VectorLayer}. The trace pads symmetrically: an asymmetric ONNX padding (TensorFlow's
 * SAME) becomes the symmetric padding giving the same output size, so MACs are exact.
 */
final class OnnxGemm {
    private OnnxGemm() {
    }

    private static boolean qlinear(Node n) {
        return n.opType().startsWith("QLinear");
    }

    /** The quantization scheme of a GEMM node, from its op and its operands' producers. */
    private static String scheme(OnnxImporter imp, Node n, Val a, Val b) {
        if (qlinear(n)) {
            return "QLinear";
        }
        if (n.opType().endsWith("Integer")) {
            Node p = imp.producerOf(n.input(0));
            return p != null && p.opType().equals("DynamicQuantizeLinear") ? "dynamic (DynamicQuantizeLinear, "
                    + n.opType() + ")" : "integer (" + n.opType() + ")";
        }
        return a.quant() != null || b.quant() != null ? "QDQ" : "float";
    }

    /** Per-channel weights: more than one weight scale (QLinear, QDQ) or weight zero point (integer ops). */
    private static boolean perChannel(OnnxImporter imp, Node n, Val w) {
        int i = qlinear(n) ? 4 : n.opType().endsWith("Integer") ? 3 : -1;
        if (i < 0) {
            return w.perChannel();
        }
        Val s = imp.val(n.input(i));
        return s != null && s.dims() != null && s.elements() > 1;
    }

    /** What the node writes: QLinear ops their output zero point's type, integer ops int32, others their input's float type. */
    private static ElemType outType(OnnxImporter imp, Node n) {
        if (qlinear(n)) {
            return imp.val(n.input(7)) != null ? imp.val(n.input(7)).elem() : ElemType.UINT8;
        }
        if (n.opType().endsWith("Integer")) {
            return ElemType.INT32;
        }
        ElemType a = imp.val(n.input(0)).elem();
        return a.numberType() == org.pactsim.spec.NumberType.FLOAT ? a : ElemType.FLOAT;
    }

    /** Symmetric padding giving output {@code out}; -1 when none does. */
    static long symmetricPad(long in, long k, long s, long out) {
        long need = (out - 1) * s + k - in;
        long p = Math.max(0, Math.floorDiv(need + 1, 2));
        for (long q = Math.max(0, p - 1); q <= p + 1; q++) {
            if (k <= in + 2 * q && OutputRounding.FLOOR.outputSize(in + 2 * q, k, s) == out) {
                return q;
            }
        }
        return -1;
    }

    private static long[] ints(Node n, String key, int len, long dflt) {
        long[] v = n.attrInts(key);
        if (v == null) {
            v = new long[len];
            java.util.Arrays.fill(v, dflt);
        }
        if (v.length != len) {
            throw new OnnxShapes.Bad(key + " of " + len + " values", OnnxShapes.str(v));
        }
        return v;
    }

    /** The spatial geometry shared by convolutions and pools: output sizes and symmetric pads. */
    private record Window(long inH, long inW, long kH, long kW, long sH, long sW, long pH, long pW, long outH,
                          long outW, boolean exact) {
    }

    private static Window window(OnnxLayers ls, Node n, Val x, long kH, long kW, boolean ceil) {
        int r = x.rank();
        boolean twoD = r == 4;
        long h = twoD ? x.dims()[2] : 1;
        long w = x.dims()[r - 1];
        long[] extra = x.pad() == null ? new long[4] : x.pad();
        h -= extra[0] + extra[2];
        w -= extra[1] + extra[3];
        int sp = twoD ? 2 : 1;
        long[] st = ints(n, "strides", sp, 1);
        long[] dil = ints(n, "dilations", sp, 1);
        long[] pads = ints(n, "pads", 2 * sp, 0);
        String auto = n.attrString("auto_pad", "NOTSET");
        long[] oh = twoD ? OnnxShapes.window(auto, h, kH, st[0], dil[0], pads[0] + extra[0], pads[2] + extra[2], ceil)
                : new long[] {1, 0, 0};
        long[] ow = OnnxShapes.window(auto, w, kW, st[sp - 1], dil[sp - 1], pads[sp - 1] + extra[1],
                pads[2 * sp - 1] + extra[3], ceil);
        long pH = symmetricPad(h, kH, twoD ? st[0] : 1, oh[0]);
        long pW = symmetricPad(w, kW, st[sp - 1], ow[0]);
        boolean exact = pH >= 0 && pW >= 0;
        if (!exact) {
            ls.note(n.label() + ": no symmetric padding gives ONNX's output " + oh[0] + "x" + ow[0]
                    + " (dilation or uneven padding); the trace's output size differs");
            pH = Math.max(0, (oh[1] + oh[2]) / 2);
            pW = Math.max(0, (ow[1] + ow[2]) / 2);
        }
        return new Window(h, w, kH, kW, twoD ? st[0] : 1, st[sp - 1], pH, pW, oh[0], ow[0], exact);
    }

    static void conv(OnnxLayers ls, OnnxImporter imp, Node n) {
        boolean q = qlinear(n);
        Val x = imp.val(n.input(0));
        Val wt = imp.val(n.input(q ? 3 : 1));
        OnnxFolding.need(n, x);
        OnnxFolding.need(n, wt);
        if ((x.rank() != 3 && x.rank() != 4) || wt.rank() != x.rank()) {
            throw new OnnxShapes.Bad("a 1-D or 2-D convolution (input and weight of rank 3 or 4)",
                    OnnxShapes.str(x.dims()) + " and weights " + OnnxShapes.str(wt.dims()));
        }
        long[] xd = x.dims();
        long[] wd = wt.dims();
        long group = n.attrInt("group", 1);
        long m = wd[0];
        long kH = x.rank() == 4 ? wd[2] : 1;
        long kW = wd[wd.length - 1];
        if (group < 1 || xd[1] != wd[1] * group || m % group != 0) {
            throw new OnnxShapes.Bad("input channels = weight channels x group, output channels divisible by group",
                    xd[1] + " input channels, weights " + OnnxShapes.str(wd) + ", group " + group);
        }
        Window win = window(ls, n, x, kH, kW, false);
        boolean bias = !n.input(q ? 8 : 2).isEmpty() && !n.opType().equals("ConvInteger");
        ConvLayer c = new ConvLayer(ls.name(n), xd[0], win.inH(), win.inW(), xd[1], m, kH, kW, win.sH(), win.sW(),
                win.pH(), win.pW(), group, OnnxLayers.PROVISIONAL, ls.inputs(n, x), bias);
        ElemType a = q ? x.elem() : x.storage();
        ElemType w = q ? wt.elem() : wt.storage();
        boolean perChannel = perChannel(imp, n, wt);
        String name = ls.add(n, c, scheme(imp, n, x, wt), w, a, outType(imp, n), perChannel);
        long[] od = x.rank() == 4 ? new long[] {xd[0], m, win.outH(), win.outW()} : new long[] {xd[0], m, win.outW()};
        imp.put(n, 0, new Val(od, outType(imp, n), null, name, null, false, false, null));
    }

    /**
     * ConvTranspose as its GEMM and its scatter-add (issue 22): a 1x1 convolution over the input
     * pixels giving {@code kH*kW} rows of output channels per pixel ({@code M = N*H*W},
     * {@code K = C_in/group}, {@code N = kH*kW*C_out/group}, {@code group} times: ONNX's MACs,
     * input elements x kernel x output channels per group), then a {@link VectorOp#COL2IM} that
     * adds them into the output. ONNX's output size comes from {@code strides}, {@code pads},
     * {@code output_padding}, {@code output_shape} and {@code auto_pad}; the trace pads
     * symmetrically, and where no symmetric padding gives that size a note says the trace's
     * output differs. Dilation is not placed (the op is listed). The bias is not counted
     * (C_out adds per output pixel).
     */
    static void convTranspose(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        Val wt = imp.val(n.input(1));
        OnnxFolding.need(n, x);
        OnnxFolding.need(n, wt);
        if ((x.rank() != 3 && x.rank() != 4) || wt.rank() != x.rank()) {
            throw new OnnxShapes.Bad("a 1-D or 2-D transposed convolution (input and weight of rank 3 or 4)",
                    OnnxShapes.str(x.dims()) + " and weights " + OnnxShapes.str(wt.dims()));
        }
        boolean twoD = x.rank() == 4;
        int sp = twoD ? 2 : 1;
        long[] xd = x.dims();
        long[] wd = wt.dims();
        long group = n.attrInt("group", 1);
        if (group < 1 || xd[1] != wd[0] || wd[0] % group != 0) {
            throw new OnnxShapes.Bad("input channels = weight rows, divisible by group",
                    xd[1] + " input channels, weights " + OnnxShapes.str(wd) + ", group " + group);
        }
        for (long d : ints(n, "dilations", sp, 1)) {
            if (d != 1) {
                ls.note(n.label() + ": a dilated transposed convolution is not placed (listed)");
                ls.unsupported(n);
                return;
            }
        }
        long cOut = wd[1] * group;
        long[] k = twoD ? new long[] {wd[2], wd[3]} : new long[] {1, wd[2]};
        long[] in = twoD ? new long[] {xd[2], xd[3]} : new long[] {1, xd[2]};
        long[] st = ints(n, "strides", sp, 1);
        long[] outPad = ints(n, "output_padding", sp, 0);
        long[] pads = ints(n, "pads", 2 * sp, 0);
        long[] shape = n.attrInts("output_shape");
        String auto = n.attrString("auto_pad", "NOTSET");
        long[] out = new long[2];
        long[] pad = new long[2];
        boolean exact = true;
        for (int i = 0; i < 2; i++) {
            int a = twoD ? i : 0; // attribute index
            if (!twoD && i == 0) {
                out[0] = 1;
                continue;
            }
            long s = st[a];
            long full = Math.addExact(Math.multiplyExact(s, in[i] - 1), outPad[a] + k[i]); // before padding
            long total;
            if (shape != null && shape.length >= sp) {
                total = full - shape[shape.length - sp + a];
            } else if (auto.startsWith("SAME")) {
                total = full - Math.multiplyExact(in[i], s);
            } else if (auto.equals("VALID")) {
                total = 0;
            } else {
                total = pads[a] + pads[a + sp];
            }
            out[i] = full - total;
            if (out[i] < 1) {
                throw new OnnxShapes.Bad("an output of at least 1 along each axis", "output " + out[i]);
            }
            // the trace's col2im: (in-1)*s + k - 2p, without output padding
            long twoP = Math.multiplyExact(s, in[i] - 1) + k[i] - out[i];
            if (twoP >= 0 && twoP % 2 == 0 && twoP / 2 < k[i]) {
                pad[i] = twoP / 2;
            } else {
                exact = false;
                pad[i] = Math.min(k[i] - 1, Math.max(0, Math.floorDiv(twoP + 1, 2))); // one short, never longer
            }
        }
        if (!exact) {
            ls.note(n.label() + ": no symmetric padding gives ONNX's output " + out[0] + "x" + out[1]
                    + " (output padding or uneven pads); the trace's output size differs");
        }
        String name = ls.name(n);
        long taps = k[0] * k[1];
        ConvLayer gemm = new ConvLayer(name, xd[0], in[0], in[1], xd[1], Math.multiplyExact(taps, cOut), 1, 1, 1, 1, 0, 0,
                group, OnnxLayers.PROVISIONAL, ls.inputs(n, x), false);
        ls.add(n, gemm, scheme(imp, n, x, wt), wt.storage(), x.storage(), x.storage(), perChannel(imp, n, wt));
        VectorLayer scatter = new VectorLayer(name + "/col2im", VectorOp.COL2IM, xd[0], in[0], in[1],
                Math.multiplyExact(taps, cOut), k[0], k[1], twoD ? st[0] : 1, st[sp - 1], pad[0], pad[1], 0,
                OnnxLayers.PROVISIONAL, List.of(name));
        ls.addPart(n, scatter, x.storage());
        long[] od = twoD ? new long[] {xd[0], cOut, out[0], out[1]} : new long[] {xd[0], cOut, out[1]};
        imp.put(n, 0, new Val(od, x.storage(), null, scatter.name(), null, false, false, null));
    }

    static void pool(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        OnnxFolding.need(n, x);
        if (x.rank() != 4) {
            throw new OnnxShapes.Bad("a 2-D pool (an NCHW input of rank 4)", OnnxShapes.str(x.dims()));
        }
        boolean global = n.opType().startsWith("Global");
        VectorOp op = n.opType().contains("Max") ? VectorOp.MAXPOOL : VectorOp.AVGPOOL;
        long[] d = x.dims();
        Window win;
        if (global) {
            win = new Window(d[2], d[3], d[2], d[3], 1, 1, 0, 0, 1, 1, true);
        } else {
            long[] k = n.attrInts("kernel_shape");
            if (k == null || k.length != 2) {
                throw new OnnxShapes.Bad("kernel_shape of 2 values", OnnxShapes.str(k));
            }
            win = window(ls, n, x, k[0], k[1], n.attrInt("ceil_mode", 0) == 1);
        }
        VectorLayer v = new VectorLayer(ls.name(n), op, d[0], win.inH(), win.inW(), d[1], win.kH(), win.kW(),
                win.sH(), win.sW(), win.pH(), win.pW(), 0, OnnxLayers.PROVISIONAL, ls.inputs(n, x));
        String name = ls.add(n, v, "", x.storage(), x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(new long[] {d[0], d[1], win.outH(), win.outW()}, x.elem(), null, name, null,
                false, false, null));
    }

    static void matmul(OnnxLayers ls, OnnxImporter imp, Node n) {
        boolean q = qlinear(n);
        boolean gemm = n.opType().equals("Gemm");
        Val a = imp.val(n.input(0));
        Val b = imp.val(n.input(q ? 3 : 1));
        OnnxFolding.need(n, a);
        OnnxFolding.need(n, b);
        long[] ad = a.dims();
        long[] bd = b.dims();
        long[] out;
        if (gemm) {
            if (ad.length != 2 || bd.length != 2) {
                throw new OnnxShapes.Bad("Gemm operands of rank 2", OnnxShapes.str(ad) + " and " + OnnxShapes.str(bd));
            }
            if (n.attrInt("transA", 0) == 1) {
                ad = new long[] {ad[1], ad[0]};
            }
            if (n.attrInt("transB", 0) == 1) {
                bd = new long[] {bd[1], bd[0]};
            }
        }
        out = OnnxShapes.matmul(ad, bd);
        long k = ad[ad.length - 1];
        long nn = bd.length == 1 ? 1 : bd[bd.length - 1];
        MatMulLayer l;
        String name0 = ls.name(n);
        if (b.constant() && bd.length <= 2) {
            long m = OnnxShapes.product(ad, 0, ad.length - 1);
            boolean bias = gemm && !n.input(2).isEmpty();
            l = new MatMulLayer(name0, MatMulLayer.Kind.LINEAR, 1, m, nn, k, OnnxLayers.PROVISIONAL, ls.inputs(n, a), bias);
        } else {
            long m = ad.length == 1 ? 1 : ad[ad.length - 2];
            long count = OnnxShapes.product(out, 0, Math.max(0, out.length - 2));
            l = new MatMulLayer(name0, MatMulLayer.Kind.MATMUL, count, m, nn, k, OnnxLayers.PROVISIONAL,
                    b.constant() ? ls.inputs(n, a) : ls.inputs(n, a, b), false);
        }
        ElemType at = q ? a.elem() : a.storage();
        ElemType bt = q ? b.elem() : b.storage();
        boolean perChannel = perChannel(imp, n, b);
        String name = ls.add(n, l, scheme(imp, n, a, b), bt, at, outType(imp, n), perChannel);
        imp.put(n, 0, new Val(out, outType(imp, n), null, name, null, false, false, null));
    }
}
