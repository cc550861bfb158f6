package org.pactsim.spec;

/**
 * Precision of one processing element: operand widths, arithmetic and accumulator width.
 * How a layer of another precision runs on it is the precision issue's business; this
 * record only fixes the format.
 */
public record PeSpec(int weightBits, int activationBits, NumberType type, int accumulatorBits) {
    public static final PeSpec INT8 = new PeSpec(8, 8, NumberType.INT, 32);

    public PeSpec {
        Violations v = new Violations()
                .between("weightBits", weightBits, 1, 32)
                .between("activationBits", activationBits, 1, 32)
                .between("accumulatorBits", accumulatorBits, 1, 64)
                .check(type != null, "type", "int or float", "nothing");
        if (v.isEmpty()) {
            v.check(accumulatorBits >= Math.max(weightBits, activationBits), "accumulatorBits",
                    ">= the widest operand (" + Math.max(weightBits, activationBits) + ")",
                    Integer.toString(accumulatorBits));
        }
        v.throwIfAny();
    }
}
