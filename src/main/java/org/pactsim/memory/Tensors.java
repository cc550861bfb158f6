package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
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
            return Packing.bits(multiplyExact(mm.k(), mm.n()), l.bits().weight());
        }
        if (l instanceof VectorLayer) {
            return Packing.bits(((VectorLayer) l).learnedReads(), l.bits().weight());
        }
        return 0;
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
