package org.pactsim.workload;

import org.pactsim.spec.Violations;

/**
 * How an fc layer's low-bit weights are stored and fed to the array (LLM weight quantization,
 * GPTQ/AWQ style). {@code groupSize}: weights along K that share one scale of {@code scaleBits}
 * (0: no group scales, per-channel scales folded into the output path as in a CNN). The scales
 * are stored and moved with the weights: {@code ceil(K / groupSize) * N} of them.
 * {@code dequantize}: the weights are widened to the activation width before the array (its
 * MACs run at {@code activation x activation}, one vector-unit multiply per weight element fed);
 * otherwise the PE multiplies the stored width directly (a mixed-width PE).
 */
public record WeightQuant(long groupSize, int scaleBits, boolean dequantize) {
    /** No group scales, no dequantization: what every CNN layer has. */
    public static final WeightQuant NONE = new WeightQuant(0, 0, false);

    public WeightQuant {
        new Violations().between("groupSize", groupSize, 0, ConvLayer.MAX_DIM)
                .between("scaleBits", scaleBits, groupSize == 0 ? 0 : 1, 32)
                .check(groupSize > 0 || scaleBits == 0, "scaleBits", "0 without groups", Integer.toString(scaleBits))
                .throwIfAny();
    }

    public boolean isNone() {
        return groupSize == 0 && !dequantize;
    }

    /** Bits of the group scales of a {@code k x n} weight matrix. */
    public long scaleBits(long k, long n) {
        if (groupSize == 0) {
            return 0;
        }
        long groups = Math.multiplyExact((k + groupSize - 1) / groupSize, n);
        return Math.multiplyExact(groups, (long) scaleBits);
    }
}
