package org.pactsim.spec;


/**
 * An exact rate of {@code macs} multiply-accumulates per {@code peCycles} PE-cycles, kept as a
 * reduced fraction of two longs (1/4: one MAC every four cycles; 16/1: sixteen MACs a cycle).
 */
public record MacRate(long macs, long peCycles) {
    public static final MacRate ONE = new MacRate(1, 1);

    public MacRate {
        if (macs < 1 || peCycles < 1) {
            throw new SpecException("rate", "a positive number of MACs per positive PE-cycles",
                    macs + "/" + peCycles);
        }
        long g = gcd(macs, peCycles);
        macs /= g;
        peCycles /= g;
    }

    /** A rate of one MAC every {@code passes} PE-cycles. */
    public static MacRate passes(long passes) {
        return new MacRate(1, passes);
    }

    /** {@code this * other}, exact; throws {@link ArithmeticException} past a long. */
    public MacRate times(MacRate other) {
        long g1 = gcd(macs, other.peCycles);
        long g2 = gcd(other.macs, peCycles);
        return new MacRate(Math.multiplyExact(macs / g1, other.macs / g2),
                Math.multiplyExact(peCycles / g2, other.peCycles / g1));
    }

    /** PE-cycles per MAC (1 for one MAC per cycle; 4 for four passes; 1/16 for sixteen fused MACs). */
    public double passesPerMac() {
        return (double) peCycles / macs;
    }

    public double macsPerPeCycle() {
        return (double) macs / peCycles;
    }

    /**
     * PE-cycles needed for {@code n} MACs at this rate, rounded up: {@code ceil(n * peCycles / macs)}.
     * Throws {@link ArithmeticException} past a long.
     */
    public long peCyclesFor(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative MAC count " + n);
        }
        long q = n / macs;
        long r = n % macs;
        long whole = Math.multiplyExact(q, peCycles);
        long part = Math.multiplyExact(r, peCycles);
        return Math.addExact(whole, part / macs + (part % macs == 0 ? 0 : 1));
    }

    @Override
    public String toString() {
        return macs + "/" + peCycles;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
