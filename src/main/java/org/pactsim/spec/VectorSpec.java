package org.pactsim.spec;

/**
 * The vector unit of each core, which runs the non-GEMM layers (pooling, residual adds,
 * activations, softmax, layer norm): {@code lanes} element operations per cycle. Its default
 * is one lane per array column ({@link #defaultFor}), as TPU v1's activation pipeline takes
 * one result per column per cycle.
 */
public record VectorSpec(int lanes) {
    /** Most lanes accepted. */
    public static final int MAX_LANES = 1 << 20;

    public VectorSpec {
        new Violations().between("lanes", lanes, 1, MAX_LANES).throwIfAny();
    }

    /** The default vector unit of an array: {@code lanes = array.cols()} (64 without an array). */
    public static VectorSpec defaultFor(ArraySpec array) {
        return new VectorSpec(array == null ? 64 : array.cols());
    }
}
