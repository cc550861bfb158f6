package org.pactsim.spec;

/**
 * Precision of one processing element: operand widths, arithmetic, accumulator width, and
 * how it runs layers of other widths ({@link PrecisionMode}: fixed passes, bit-serial or
 * Bit-Fusion-like; see {@link PeThroughput}).
 */
public record PeSpec(int weightBits, int activationBits, NumberType type, int accumulatorBits, PrecisionMode mode,
                     String floatFormat) {
    public static final PeSpec INT8 = new PeSpec(8, 8, NumberType.INT, 32);

    /** A PE in {@link PrecisionMode#FIXED} mode. */
    public PeSpec(int weightBits, int activationBits, NumberType type, int accumulatorBits) {
        this(weightBits, activationBits, type, accumulatorBits, PrecisionMode.FIXED);
    }

    /** A PE whose float format, if any, follows from its width (16 bits: fp16, 32: fp32). */
    public PeSpec(int weightBits, int activationBits, NumberType type, int accumulatorBits, PrecisionMode mode) {
        this(weightBits, activationBits, type, accumulatorBits, mode, null);
    }

    /** A floating-point PE of a named format ({@code fp16}, {@code bf16}, {@code fp32}, {@code fp8-e4m3}, {@code fp8-e5m2}). */
    public static PeSpec floating(Precision.Format f, int accumulatorBits, PrecisionMode mode) {
        return new PeSpec(f.bits(), f.bits(), NumberType.FLOAT, Math.max(accumulatorBits, f.bits()), mode, f.key());
    }

    public PeSpec {
        Violations v = new Violations()
                .between("weightBits", weightBits, 1, 32)
                .between("activationBits", activationBits, 1, 32)
                .between("accumulatorBits", accumulatorBits, 1, 64)
                .check(type != null, "type", "int or float", "nothing")
                .check(mode != null, "mode", "fixed, bit-serial or fusion", "nothing")
                .check(floatFormat == null || type == NumberType.FLOAT, "format", "a float format only on a float PE",
                        String.valueOf(floatFormat));
        if (v.isEmpty()) {
            v.check(accumulatorBits >= Math.max(weightBits, activationBits), "accumulatorBits",
                    ">= the widest operand (" + Math.max(weightBits, activationBits) + ")",
                    Integer.toString(accumulatorBits));
        }
        v.throwIfAny();
    }
}
