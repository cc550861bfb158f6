package org.pactsim.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that shapes chain: each operand a layer expects is what its producer outputs.
 * Element counts must agree (a flatten or a split into heads is only a reshape); a
 * convolution or pooling layer fed by a convolution or vector layer must see exactly the
 * producer's {@code batch x h x w x c}. Two documented exceptions: an fc layer may read
 * some whole rows of its producer (ViT's head reads the class token), and a matmul's second
 * operand may be a whole multiple of its producer's output (the newest rows of a KV cache).
 */
public final class ShapeChain {
    private ShapeChain() {
    }

    /**
     * One mismatch: operand {@code operand} of layer {@code layer} (indices into the network)
     * is fed by layer {@code producer}, which gives {@code have} where {@code want} was
     * declared; {@code why} says so in words.
     */
    public record Mismatch(int layer, int operand, int producer, Shape have, Shape want, String why) {
    }

    /** Every mismatch, one line each; empty when the network chains. */
    public static List<String> problems(Network net) {
        List<String> out = new ArrayList<>();
        for (Mismatch m : mismatches(net)) {
            out.add(net.layers().get(m.layer()).name() + " operand " + m.operand() + " from "
                    + net.layers().get(m.producer()).name() + ": " + m.why());
        }
        return out;
    }

    /** Every mismatch, in layer order. */
    public static List<Mismatch> mismatches(Network net) {
        List<Mismatch> out = new ArrayList<>();
        List<Layer> layers = net.layers();
        List<List<Integer>> all = net.allProducers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            List<Integer> prod = all.get(i);
            List<Shape> ops = l.operandShapes();
            for (int o = 0; o < Math.min(prod.size(), ops.size()); o++) {
                Layer p = layers.get(prod.get(o));
                String why = mismatch(p, l, o, p.outputShape(), ops.get(o));
                if (why != null) {
                    out.add(new Mismatch(i, o, prod.get(o), p.outputShape(), ops.get(o), why));
                }
            }
        }
        return out;
    }

    private static String mismatch(Layer producer, Layer consumer, int operand, Shape have, Shape want) {
        long h = have.elements();
        long w = want.elements();
        boolean spatial = consumer instanceof ConvLayer
                || (consumer instanceof VectorLayer && ((VectorLayer) consumer).op().isPool());
        // a concat's or slice's trace shape stands its joined or cut axis as channels, whatever the
        // tensor's layout (a 1-D conv's time axis): its readers take it by element count, as a GEMM's
        boolean byCount = producer instanceof MatMulLayer || (producer instanceof VectorLayer pv
                && ((pv.op() == VectorOp.CONCAT && !pv.parts().isEmpty()) || pv.op() == VectorOp.SLICE));
        // a pool over one whole axis is a reduction along it (ONNX's ReduceMean of a sequence or
        // spectrogram axis): it too reads by element count
        if (consumer instanceof VectorLayer cv && cv.op().isPool() && cv.kH() == 1 && cv.kW() == cv.inW()
                && cv.padH() == 0 && cv.padW() == 0 && cv.strideH() == 1 && cv.strideW() == 1 && cv.inH() == 1) {
            byCount = true;
        }
        if (spatial && !byCount) {
            return have.equals(want) ? null : "expected " + want + ", producer gives " + have;
        }
        if (h == w) {
            return null;
        }
        if (consumer instanceof MatMulLayer) {
            MatMulLayer mm = (MatMulLayer) consumer;
            if (mm.kind() == MatMulLayer.Kind.LINEAR && w < h && h % w == 0 && have.c() == mm.k()) {
                return null;
            }
            if (mm.kind() == MatMulLayer.Kind.MATMUL && operand == 1 && h < w && w % h == 0) {
                return null;
            }
        }
        return "expected " + w + " elements (" + want + "), producer gives " + h + " (" + have + ")";
    }
}
