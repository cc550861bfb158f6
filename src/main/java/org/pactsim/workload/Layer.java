package org.pactsim.workload;

import java.util.List;

/**
 * A layer of a network. GEMM-type layers ({@link ConvLayer}, {@link MatMulLayer}) lower to
 * one {@link Gemm} and run on the array; a {@link VectorLayer} (pooling, residual add,
 * activation, softmax, layer norm) has no GEMM and runs on the vector unit.
 */
public sealed interface Layer permits ConvLayer, MatMulLayer, VectorLayer {
    String name();

    Bits bits();

    /** Names of the layers whose outputs feed this one; empty means the previous layer. */
    List<String> inputs();

    /**
     * The GEMM this layer runs, with the given output-size rule.
     *
     * @throws UnsupportedOperationException for a {@link VectorLayer}, which has none
     */
    Gemm lower(OutputRounding rounding);

    /** Multiply-accumulates with the exact (floor) output size; 0 for a vector layer. */
    default long macs() {
        return lower(OutputRounding.FLOOR).macs();
    }

    /** Trace type name: conv, dwconv, fc, matmul or a {@link VectorOp} key. */
    String type();

    /** Whether the layer is a GEMM (runs on the array) rather than a vector-unit op. */
    default boolean isGemm() {
        return !(this instanceof VectorLayer);
    }

    /** The output tensor with the exact (floor) output size. */
    Shape outputShape();

    /**
     * The activation operands, in the order of {@link #inputs()}: what each producer must
     * supply (a matmul's second operand may be longer than its producer: the rest is the
     * KV cache). Empty when the layer does not know its operands' sizes.
     */
    List<Shape> operandShapes();

    /** Learned parameters: weights, biases, norm scales and shifts, learned embeddings. */
    long params();

    /** Elements stored at {@code bits().weight()}: conv and fc weights; 0 otherwise. */
    long weightElements();

    /** The same layer with other bit widths. */
    Layer withBits(Bits bits);
}
