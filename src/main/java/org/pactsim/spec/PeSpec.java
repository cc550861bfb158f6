package org.pactsim.spec;

/**
 * Precision of one processing element: operand widths, arithmetic, accumulator width, and
 * how it runs layers of other widths ({@link PrecisionMode}: fixed passes, bit-serial or
 * Bit-Fusion-like; see {@code engine.PeThroughput}).
 */
public record PeSpec(int weightBits, int activationBits, NumberType type, int accumulatorBits, PrecisionMode mode) {
    public static final PeSpec INT8 = new PeSpec(8, 8, NumberType.INT, 32);

    /** A PE in {@link PrecisionMode#FIXED} mode. */
    public PeSpec(int weightBits, int activationBits, NumberType type, int accumulatorBits) {
        this(weightBits, activationBits, type, accumulatorBits, PrecisionMode.FIXED);
    }

    public PeSpec {
        Violations v = new Violations()
                .between("weightBits", weightBits, 1, 32)
                .between("activationBits", activationBits, 1, 32)
                .between("accumulatorBits", accumulatorBits, 1, 64)
                .check(type != null, "type", "int or float", "nothing")
                .check(mode != null, "mode", "fixed, bit-serial or fusion", "nothing");
        if (v.isEmpty()) {
            v.check(accumulatorBits >= Math.max(weightBits, activationBits), "accumulatorBits",
                    ">= the widest operand (" + Math.max(weightBits, activationBits) + ")",
                    Integer.toString(accumulatorBits));
        }
        v.throwIfAny();
    }
}
