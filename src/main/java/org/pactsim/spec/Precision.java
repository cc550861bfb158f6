package org.pactsim.spec;

import java.util.Locale;

/**
 * A number format for a MAC's two operands: integers of any width from 1 to 32 bits, chosen
 * independently for weights and activations ({@code int4}, {@code w4a8}), or one of the
 * floating-point formats fp32, fp16, bf16, fp8-e4m3 and fp8-e5m2 (both operands the same).
 *
 * <p>Used both for what a PE computes natively and for what a layer asks for. Keys, as
 * {@link #parse} reads them and {@link #key} writes them: {@code int8} (both 8 bits),
 * {@code w4a8} (4-bit weights, 8-bit activations), {@code fp16}, {@code bf16}, {@code fp32},
 * {@code fp8-e4m3}, {@code fp8-e5m2}. There are no synonyms.
 */
public record Precision(Format format, int weightBits, int activationBits) {
    /** Widest integer operand accepted (as {@link PeSpec}). */
    public static final int MAX_INT_BITS = 32;

    public static final Precision INT2 = integer(2, 2);
    public static final Precision INT4 = integer(4, 4);
    public static final Precision INT8 = integer(8, 8);
    public static final Precision INT16 = integer(16, 16);
    public static final Precision FP16 = new Precision(Format.FP16, 16, 16);
    public static final Precision BF16 = new Precision(Format.BF16, 16, 16);
    public static final Precision FP32 = new Precision(Format.FP32, 32, 32);
    public static final Precision FP8_E4M3 = new Precision(Format.FP8_E4M3, 8, 8);
    public static final Precision FP8_E5M2 = new Precision(Format.FP8_E5M2, 8, 8);

    /** The arithmetic: integer, or one floating-point format with its field widths. */
    public enum Format {
        INT("int", 0, 0, 0),
        FP32("fp32", 32, 8, 24),
        FP16("fp16", 16, 5, 11),
        BF16("bf16", 16, 8, 8),
        FP8_E4M3("fp8-e4m3", 8, 4, 4),
        FP8_E5M2("fp8-e5m2", 8, 5, 3);

        private final String key;
        private final int bits;
        private final int exponentBits;
        private final int significandBits;

        Format(String key, int bits, int exponentBits, int significandBits) {
            this.key = key;
            this.bits = bits;
            this.exponentBits = exponentBits;
            this.significandBits = significandBits;
        }

        public String key() {
            return key;
        }

        public boolean isFloat() {
            return this != INT;
        }

        /** Total width of a float format; 0 for {@link #INT}, whose width is per operand. */
        public int bits() {
            return bits;
        }

        /** Exponent field width of a float format; 0 for {@link #INT}. */
        public int exponentBits() {
            return exponentBits;
        }

        /** Significand width including the hidden bit (fp16: 11); 0 for {@link #INT}. */
        public int significandBits() {
            return significandBits;
        }
    }

    public Precision {
        Violations v = new Violations().check(format != null, "format", "int or a float format", "nothing");
        if (format == Format.INT) {
            v.between("weightBits", weightBits, 1, MAX_INT_BITS)
             .between("activationBits", activationBits, 1, MAX_INT_BITS);
        } else if (format != null) {
            v.check(weightBits == format.bits() && activationBits == format.bits(), "bits",
                    format.bits() + "-bit weights and activations for " + format.key(),
                    weightBits + "-bit weights and " + activationBits + "-bit activations");
        }
        v.throwIfAny();
    }

    /** An integer precision with independent weight and activation widths. */
    public static Precision integer(int weightBits, int activationBits) {
        return new Precision(Format.INT, weightBits, activationBits);
    }

    /** A float precision; both operands have the format's width. */
    public static Precision floating(Format f) {
        if (f == null || !f.isFloat()) {
            throw new SpecException("format", "a floating-point format", String.valueOf(f));
        }
        return new Precision(f, f.bits(), f.bits());
    }

    public boolean isFloat() {
        return format.isFloat();
    }

    /** {@code int8}, {@code w4a8}, {@code fp16}, ...: what {@link #parse} reads back. */
    public String key() {
        if (format.isFloat()) {
            return format.key();
        }
        return weightBits == activationBits ? "int" + weightBits : "w" + weightBits + "a" + activationBits;
    }

    @Override
    public String toString() {
        return key();
    }

    /** What {@link #parse} accepts, for error messages. */
    public static final String EXPECTED = "int1..int32, wNaM (e.g. w4a8), fp16, bf16, fp32, fp8-e4m3 or fp8-e5m2";

    /**
     * Reads a key (case-insensitive, surrounding blanks ignored).
     *
     * @throws SpecException naming {@link #EXPECTED} when {@code s} is not one
     */
    public static Precision parse(String s) {
        Precision p = tryParse(s);
        if (p == null) {
            throw new SpecException("precision", EXPECTED, s == null ? "nothing" : "\"" + s + "\"");
        }
        return p;
    }

    /** As {@link #parse}, but null when {@code s} is not a precision. */
    public static Precision tryParse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Format f : Format.values()) {
            if (f.isFloat() && f.key().equals(t)) {
                return floating(f);
            }
        }
        if (t.matches("int[1-9][0-9]?")) {
            int b = Integer.parseInt(t.substring(3));
            return b <= MAX_INT_BITS ? integer(b, b) : null;
        }
        if (t.matches("w[1-9][0-9]?a[1-9][0-9]?")) {
            int a = t.indexOf('a');
            int wb = Integer.parseInt(t.substring(1, a));
            int ab = Integer.parseInt(t.substring(a + 1));
            return wb <= MAX_INT_BITS && ab <= MAX_INT_BITS ? integer(wb, ab) : null;
        }
        return null;
    }

    /**
     * The precision a {@link PeSpec} describes. {@link PeSpec} cannot yet name bf16 or an fp8
     * variant: a 16-bit float PE is read as fp16 and a 32-bit one as fp32; other float
     * widths are refused.
     */
    public static Precision of(PeSpec pe) {
        if (pe.type() == NumberType.INT) {
            return integer(pe.weightBits(), pe.activationBits());
        }
        if (pe.floatFormat() != null) {
            for (Format f : Format.values()) {
                if (f.key().equals(pe.floatFormat())) {
                    return floating(f);
                }
            }
            throw new SpecException("pe.format", "fp16, bf16, fp32, fp8-e4m3 or fp8-e5m2", pe.floatFormat());
        }
        if (pe.weightBits() == 16 && pe.activationBits() == 16) {
            return FP16;
        }
        if (pe.weightBits() == 32 && pe.activationBits() == 32) {
            return FP32;
        }
        throw new SpecException("pe", "a float PE of 16 or 32 bits (fp16 or fp32)",
                pe.weightBits() + "-bit weights and " + pe.activationBits() + "-bit activations");
    }
}
