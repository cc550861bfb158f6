package org.pactsim.workload;

import java.util.List;

/** A layer of a network. Every GEMM-type layer lowers to one {@link Gemm}. */
public sealed interface Layer permits ConvLayer, MatMulLayer {
    String name();

    Bits bits();

    /** Names of the layers whose outputs feed this one; empty means the previous layer. */
    List<String> inputs();

    /** The GEMM this layer runs, with the given output-size rule. */
    Gemm lower(OutputRounding rounding);

    /** Multiply-accumulates with the exact (floor) output size. */
    default long macs() {
        return lower(OutputRounding.FLOOR).macs();
    }

    /** Trace type name: conv, dwconv, fc or matmul. */
    String type();
}
