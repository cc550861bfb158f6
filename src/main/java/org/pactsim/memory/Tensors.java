package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.util.List;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;

/** Sizes of a layer's tensors as the memory model counts them. */
final class Tensors {
    private Tensors() {
    }

    /** Bits of the layer's stored weights (and a vector layer's learned operands). */
    static long weightBits(Layer l) {
        if (l instanceof ConvLayer) {
            return Packing.bits(((ConvLayer) l).weightCount(), l.bits().weight());
        }
        if (l instanceof MatMulLayer && ((MatMulLayer) l).kind() == MatMulLayer.Kind.LINEAR) {
            MatMulLayer mm = (MatMulLayer) l;
            return addExact(Packing.bits(multiplyExact(mm.k(), mm.n()), l.bits().weight()),
                    mm.quant().scaleBits(mm.k(), mm.n()));
        }
        if (l instanceof VectorLayer) {
            return Packing.bits(((VectorLayer) l).learnedReads(), l.bits().weight());
        }
        return 0;
    }

    /**
     * Per layer, the bits of the KV cache it reads: a matmul whose second operand is longer than
     * its producer's output (a decode step's keys or values: the producer gives the new tokens'
     * rows, the rest were cached by earlier steps) reads all of that operand from the cache, at
     * {@code bits().weight()}; every other layer 0. The cache persists between steps: the memory
     * model keeps it on chip, like weights, while it fits.
     */
    static long[] cacheBits(Network net) {
        List<List<Integer>> prod = net.allProducers();
        long[] out = new long[net.layers().size()];
        for (int i = 0; i < out.length; i++) {
            if (net.layers().get(i) instanceof MatMulLayer mm && mm.kind() == MatMulLayer.Kind.MATMUL
                    && prod.get(i).size() > 1) {
                Layer producer = net.layers().get(prod.get(i).get(1));
                long operand = multiplyExact(multiplyExact(mm.count(), mm.k()), mm.n());
                if (operand > producer.outputShape().elements()) {
                    out[i] = Packing.bits(operand, mm.bits().weight());
                }
            }
        }
        return out;
    }

    /** Elements of the layer's first operand: a convolution's real input, else the GEMM's A. */
    static long inputElements(Layer l, Gemm g) {
        if (l instanceof ConvLayer) {
            ConvLayer c = (ConvLayer) l;
            return multiplyExact(multiplyExact(c.batch(), multiplyExact(c.inH(), c.inW())), c.inC());
        }
        return multiplyExact(multiplyExact(g.m(), g.k()), g.repeat());
    }

    /** Whole bytes of {@code bits}, rounded up. */
    static long bytes(long bits) {
        return addExact(bits, 7) / 8;
    }

    /** {@code bits} as KiB with one decimal, without a Formatter (this is on the hot path). */
    static String kib(long bits) {
        long tenths = Math.round(bits * 10 / 8192.0);
        return tenths / 10 + "." + tenths % 10 + " KiB";
    }
}
