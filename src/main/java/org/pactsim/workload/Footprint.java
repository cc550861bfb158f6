package org.pactsim.workload;

/**
 * What a network's tensors weigh at its bit widths. Bytes of a tensor are
 * {@code ceil(elements * bits / 8)}.
 *
 * @param weightBytes            conv and fc weights at their weight widths (biases and learned
 *                               embeddings not included)
 * @param activationBytes        every layer's output tensor at its output width, summed: what
 *                               one inference writes
 * @param inputBytes             the network input (the first layer's first operand)
 * @param largestActivationBytes the largest single tensor, input included
 * @param largestActivationLayer the layer writing it ("input" for the network input)
 */
public record Footprint(long weightBytes, long activationBytes, long inputBytes,
                        long largestActivationBytes, String largestActivationLayer) {

    public static Footprint of(Network net) {
        long weights = 0;
        long acts = 0;
        Layer first = net.layers().get(0);
        long input = bytes(first.operandShapes().isEmpty() ? 0 : first.operandShapes().get(0).elements(),
                first.bits().activation());
        long largest = input;
        String where = "input";
        for (Layer l : net.layers()) {
            weights = Math.addExact(weights, bytes(l.weightElements(), l.bits().weight()));
            long out = bytes(l.outputShape().elements(), l.bits().output());
            acts = Math.addExact(acts, out);
            if (out > largest) {
                largest = out;
                where = l.name();
            }
        }
        return new Footprint(weights, acts, input, largest, where);
    }

    /** {@code ceil(elements * bits / 8)}, overflow-checked. */
    public static long bytes(long elements, int bits) {
        long b = Math.multiplyExact(elements, (long) bits);
        return b / 8 + (b % 8 == 0 ? 0 : 1);
    }
}
