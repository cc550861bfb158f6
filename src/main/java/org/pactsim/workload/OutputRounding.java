package org.pactsim.workload;

/**
 * How a convolution's output size is computed from its (padded) input size {@code H},
 * filter {@code F} and stride {@code S}.
 */
public enum OutputRounding {
    /** The usual {@code floor((H - F) / S) + 1}. */
    FLOOR,
    /**
     * SCALE-Sim's {@code ceil((H - F + S) / S)}: one more than FLOOR whenever {@code H - F} is
     * not a multiple of {@code S} (ResNet's 224 input, 7x7, stride 2 gives 110, not 109).
     */
    SCALESIM_CEIL;

    public long outputSize(long paddedInput, long filter, long stride) {
        long span = paddedInput - filter;
        if (this == FLOOR) {
            return span / stride + 1;
        }
        return Math.floorDiv(span + stride + stride - 1, stride);
    }
}
