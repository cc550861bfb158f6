package org.pactsim.io.onnx;

import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/**
 * What a GEMM absorbs, as compilers fold it: a bias added after a fully connected layer, a batch
 * norm after a convolution or fc (when nothing else reads that layer), the scales that
 * dequantize an integer GEMM's result. What cannot fold becomes a vector layer.
 */
final class OnnxAbsorb {
    private OnnxAbsorb() {
    }

    /** A residual add of activations; a bias added to a fully connected layer is folded into it. */
    @SuppressWarnings("ReferenceEquality") // one value object per tensor: identity is meant
    static void add(OnnxLayers ls, OnnxImporter imp, Node n) {
        if (n.inputs().size() == 2 && ls.activations(n) == 1) {
            Val x = ls.firstActivation(n);
            Val c = imp.val(n.input(0)) == x ? imp.val(n.input(1)) : imp.val(n.input(0));
            if (ls.layerOf(x.layer()) instanceof MatMulLayer m && m.kind() == MatMulLayer.Kind.LINEAR && !m.bias()
                    && c.dims() != null && x.dims() != null && c.elements() == m.n()
                    && x.dims()[x.rank() - 1] == m.n()) {
                ls.replace(new MatMulLayer(m.name(), m.kind(), m.count(), m.m(), m.n(), m.k(), m.bits(), m.inputs(), true));
                imp.put(n, 0, x.withDims(OnnxShapes.broadcast(x.dims(), c.dims())));
                OnnxImporter.count(imp.folded, "Add (bias of a fully connected layer)");
                return;
            }
            OnnxVector.scale(ls, imp, n);
            return;
        }
        OnnxVector.binary(ls, imp, n, VectorOp.ADD);
    }

    /**
     * BatchNormalization (inference: {@code y = (x - mean) / sqrt(var + eps) * scale + bias}, per
     * channel): folded into the convolution or fully connected layer that produced its input, as
     * compilers do, when nothing else reads that layer's output (the layer gains a bias); else a
     * {@link VectorOp#SCALE} with a scale and a shift per channel.
     */
    static void batchNorm(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        OnnxFolding.need(n, x);
        Node producer = imp.producerOf(n.input(0));
        Layer p = ls.layerOf(x.layer());
        boolean gemm = producer != null && (producer.opType().equals("Conv") || producer.opType().equals("Gemm")
                || producer.opType().equals("MatMul"));
        if (p != null && gemm && imp.readers(n.input(0)) == 1 && p.isGemm()) {
            if (p instanceof ConvLayer c) {
                ls.replace(new ConvLayer(c.name(), c.batch(), c.inH(), c.inW(), c.inC(), c.outC(), c.kH(), c.kW(),
                        c.strideH(), c.strideW(), c.padH(), c.padW(), c.groups(), c.bits(), c.inputs(), true));
            } else if (p instanceof MatMulLayer m && m.kind() == MatMulLayer.Kind.LINEAR) {
                ls.replace(new MatMulLayer(m.name(), m.kind(), m.count(), m.m(), m.n(), m.k(), m.bits(), m.inputs(), true));
            }
            imp.put(n, 0, x);
            OnnxImporter.count(imp.folded, "BatchNormalization (into the GEMM before it)");
            return;
        }
        if (!OnnxLayers.placeable(x)) {
            ls.unsupported(n);
            return;
        }
        int c = x.rank() >= 2 ? 1 : 0;
        Shape s = OnnxLayers.shape(x.dims(), x.rank() == 4 ? 1 : x.rank() - 1);
        String name = ls.add(n, VectorLayer.of(ls.name(n), VectorOp.SCALE, s, Math.multiplyExact(2, x.dims()[c]),
                OnnxLayers.PROVISIONAL, ls.inputs(n, x)), "", x.storage(), x.storage(), x.elem(), false);
        imp.put(n, 0, new Val(x.dims(), x.elem(), null, name, null, false, false, null));
    }

    /**
     * The dequantization of an integer GEMM's int32 result (after its Cast): a Mul by the product
     * of the activation and weight scales (a scalar or one per output column), and that product
     * itself, computed from DynamicQuantizeLinear's scale and the weight scales.
     */
    static boolean dequantScale(OnnxImporter imp, Node n) {
        if (n.inputs().size() != 2) {
            return false;
        }
        boolean scales = true;
        for (String in : n.inputs()) {
            Node p = imp.producerOf(in);
            Val v = imp.val(in);
            scales &= p == null ? v != null && v.constant()
                    : p.opType().equals("DynamicQuantizeLinear") && !p.outputs().get(0).equals(in);
        }
        if (scales) {
            Val a = imp.val(n.input(0));
            Val b = imp.val(n.input(1));
            long[] d = a.dims() == null || b.dims() == null ? null : OnnxShapes.broadcast(a.dims(), b.dims());
            imp.put(n, 0, new Val(d, ElemType.FLOAT, null, null, null, false, false, null));
            OnnxImporter.count(imp.folded, "Mul (of quantization scales)");
            return true;
        }
        for (int i = 0; i < 2; i++) {
            Val x = imp.val(n.input(i));
            Val s = imp.val(n.input(1 - i));
            Node cast = imp.producerOf(n.input(i));
            Node gemm = cast != null && cast.opType().equals("Cast") ? imp.producerOf(cast.input(0)) : null;
            if (gemm != null && gemm.opType().endsWith("Integer") && s != null && s.dims() != null
                    && x.dims() != null && (s.elements() == 1 || s.elements() == x.dims()[x.rank() - 1])) {
                imp.put(n, 0, x.withDims(OnnxShapes.broadcast(x.dims(), s.dims())));
                OnnxImporter.count(imp.folded, "Mul (dequantization scale of an integer GEMM)");
                return true;
            }
        }
        return false;
    }
}
