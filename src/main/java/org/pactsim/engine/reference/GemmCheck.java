package org.pactsim.engine.reference;

/**
 * The outcome of comparing the array's output matrices with the plain triple-loop GEMM.
 *
 * @param outputs    outputs compared (all repeats)
 * @param mismatches outputs that differ, or were not written exactly once per row fold
 * @param first      the first mismatch, readable, or null when there is none
 */
public record GemmCheck(long outputs, long mismatches, String first) {
    public boolean matches() {
        return mismatches == 0;
    }

    GemmCheck plus(GemmCheck o) {
        return new GemmCheck(outputs + o.outputs, mismatches + o.mismatches, first != null ? first : o.first);
    }
}
