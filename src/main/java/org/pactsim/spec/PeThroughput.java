package org.pactsim.spec;


/**
 * How many MACs of a layer's precision one PE completes per cycle, by {@link PrecisionMode}.
 * A pure function of (mode, PE precision, layer precision) giving an exact {@link MacRate}.
 * With weights of {@code wb} bits and activations of {@code ab} bits on a PE of {@code pw} x
 * {@code pa} bits:
 * <ul>
 *   <li>{@code fixed}: one MAC per cycle when {@code wb <= pw} and {@code ab <= pa}; wider
 *       operands are split into {@code ceil(wb/pw) * ceil(ab/pa)} passes of one cycle each.
 *   <li>{@code bit-serial} (Stripes-like): the PE has {@code pa} one-bit activation lanes and
 *       bit-parallel {@code pw}-bit weights; a MAC takes {@code ab} lane-cycles, so the PE does
 *       {@code pa / (ab * ceil(wb/pw))} MACs per cycle: time proportional to activation bits,
 *       and one MAC per cycle at {@code ab == pa} like a bit-parallel PE of the same width.
 *   <li>{@code fusion} (Bit Fusion-like): the PE is built of 2x2-bit bricks; each operand is
 *       rounded up to a power of two of at least 2 bits ({@code wb'}, {@code ab'}); the PE does
 *       {@code (pw/wb') * (pa/ab')} MACs per cycle, and an operand wider than the PE takes
 *       {@code ceil(wb/pw)} (or {@code ceil(ab/pa)}) temporal passes instead. Both PE widths
 *       must be powers of two of at least 2.
 * </ul>
 * Floating point runs only in {@code fixed} mode, on a PE whose format has at least the
 * layer's exponent and significand widths (fp8 on fp16: one MAC per cycle; fp16 on bf16:
 * refused); integers and floats do not mix.
 */
public final class PeThroughput {
    private PeThroughput() {
    }

    /**
     * The rate at which a PE of precision {@code pe} runs MACs of precision {@code layer}.
     *
     * @throws SpecException when the PE cannot run the layer in this mode
     */
    public static MacRate of(PrecisionMode mode, Precision pe, Precision layer) {
        if (pe.isFloat() || layer.isFloat()) {
            return floating(mode, pe, layer);
        }
        int pw = pe.weightBits();
        int pa = pe.activationBits();
        int wb = layer.weightBits();
        int ab = layer.activationBits();
        switch (mode) {
            case FIXED:
                return MacRate.passes((long) ceilDiv(wb, pw) * ceilDiv(ab, pa));
            case BIT_SERIAL:
                return new MacRate(pa, (long) ab * ceilDiv(wb, pw));
            case FUSION:
                if (!isFusible(pw) || !isFusible(pa)) {
                    throw new SpecException("pe", "power-of-two operand widths of at least 2 bits for fusion",
                            pe.key());
                }
                return fused(pw, wb).times(fused(pa, ab));
            default:
                throw new IllegalStateException(mode.toString());
        }
    }

    /** One operand's factor in fusion mode: spatial {@code p/b'} or temporal {@code 1/ceil(b/p)}. */
    private static MacRate fused(int p, int b) {
        int rounded = Math.max(2, Integer.highestOneBit(b) == b ? b : Integer.highestOneBit(b) << 1);
        if (rounded <= p) {
            return new MacRate(p / rounded, 1);
        }
        return MacRate.passes(ceilDiv(b, p));
    }

    private static MacRate floating(PrecisionMode mode, Precision pe, Precision layer) {
        if (pe.isFloat() != layer.isFloat()) {
            throw new SpecException("precision", "a layer of the PE's kind (integer or float) on a "
                    + pe.key() + " PE", layer.key());
        }
        if (mode != PrecisionMode.FIXED) {
            throw new SpecException("mode", "fixed for floating-point PEs", mode.key());
        }
        Precision.Format p = pe.format();
        Precision.Format l = layer.format();
        if (l.exponentBits() > p.exponentBits() || l.significandBits() > p.significandBits()) {
            throw new SpecException("precision", "a float format no wider than the PE's " + p.key()
                    + " in exponent and significand", l.key());
        }
        return MacRate.ONE;
    }

    /** True for widths a fusion PE can be built with: a power of two of at least 2. */
    public static boolean isFusible(int bits) {
        return bits >= 2 && Integer.bitCount(bits) == 1;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
