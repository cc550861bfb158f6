package org.pactsim.workload;

import org.pactsim.spec.Violations;

/**
 * The shape of an activation tensor in NHWC order. Token sequences use {@code h = 1},
 * {@code w = tokens}, {@code c = features}; attention scores use {@code h = heads}.
 */
public record Shape(long batch, long h, long w, long c) {
    public Shape {
        new Violations()
                .between("batch", batch, 1, ConvLayer.MAX_DIM).between("h", h, 1, ConvLayer.MAX_DIM)
                .between("w", w, 1, ConvLayer.MAX_DIM).between("c", c, 1, ConvLayer.MAX_DIM)
                .throwIfAny();
    }

    /** Elements; throws {@link ArithmeticException} past a long. */
    public long elements() {
        return Math.multiplyExact(Math.multiplyExact(batch, h), Math.multiplyExact(w, c));
    }

    @Override
    public String toString() {
        return batch + "x" + h + "x" + w + "x" + c;
    }
}
