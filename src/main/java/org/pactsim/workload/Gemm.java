package org.pactsim.workload;

import org.pactsim.spec.Violations;

/**
 * One GEMM {@code O[MxN] = I[MxK] * W[KxN]}, run {@code repeat} times on different data
 * (the groups of a grouped convolution, the heads of an attention matmul).
 */
public record Gemm(long m, long n, long k, long repeat) {
    public Gemm {
        new Violations()
                .atLeast("m", m, 1).atLeast("n", n, 1).atLeast("k", k, 1).atLeast("repeat", repeat, 1)
                .throwIfAny();
    }

    /** Multiply-accumulates of all repeats; throws {@link ArithmeticException} past a long. */
    public long macs() {
        return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(m, n), k), repeat);
    }
}
