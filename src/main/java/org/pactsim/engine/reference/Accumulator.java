package org.pactsim.engine.reference;

/**
 * A PE's multiply-accumulate in two's complement: {@code acc + a * b} kept to {@code bits}
 * bits, wrapping (a plain adder) or saturating at the range limits. Products of operands up to
 * 32 bits are exact in a {@code long}; the sum is reduced to the accumulator after each MAC,
 * so the result is defined for any order-preserving schedule (every dataflow here accumulates
 * along {@code k} in increasing order, as the plain triple loop does).
 */
public record Accumulator(int bits, Mode mode) {
    /** What happens when a sum leaves the accumulator's range. */
    public enum Mode {
        /** Keep the low {@code bits} bits (modulo 2^bits), as a plain two's complement adder. */
        WRAP,
        /** Clamp to {@code [-2^(bits-1), 2^(bits-1) - 1]}. */
        SATURATE
    }

    public Accumulator {
        if (bits < 1 || bits > 64) {
            throw new IllegalArgumentException("accumulator bits must be 1..64, found " + bits);
        }
        if (mode == null) {
            throw new IllegalArgumentException("accumulator mode missing");
        }
    }

    /** {@code acc + a * b} reduced to the accumulator. */
    public long mac(long acc, long a, long b) {
        long p = a * b;
        if (mode == Mode.WRAP) {
            int sh = 64 - bits;
            return ((acc + p) << sh) >> sh;
        }
        long s = acc + p;
        if (((acc ^ s) & (p ^ s)) < 0) {
            return p < 0 ? min() : max();
        }
        return Math.max(min(), Math.min(max(), s));
    }

    public long min() {
        return bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
    }

    public long max() {
        return bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    }
}
