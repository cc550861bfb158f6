package org.pactsim.memory;

/**
 * The order of the three tile loops of a GEMM, outermost first. Only three comparisons matter
 * for DRAM traffic: whether N is outside A's innermost loop (A is re-read per N tile), whether
 * M is outside B's (B re-read per M tile), and whether K is outside C's (partial sums spill).
 */
public enum LoopOrder {
    MNK(0, 1, 2), MKN(0, 2, 1), NMK(1, 0, 2), NKM(2, 0, 1), KMN(1, 2, 0), KNM(2, 1, 0);

    private final int m;
    private final int n;
    private final int k;

    LoopOrder(int m, int n, int k) {
        this.m = m;
        this.n = n;
        this.k = k;
    }

    /** A[M x K] is fetched again for every N tile. */
    public boolean refetchA() {
        return n < Math.max(m, k);
    }

    /** B[K x N] is fetched again for every M tile. */
    public boolean refetchB() {
        return m < Math.max(k, n);
    }

    /** The innermost tile loop: {@code 'm'}, {@code 'n'} or {@code 'k'}. */
    public char innermost() {
        return m == 2 ? 'm' : n == 2 ? 'n' : 'k';
    }

    /** Each output tile is left and revisited across K tiles: partial sums go to DRAM and back. */
    public boolean spillsPartialSums() {
        return k < Math.max(m, n);
    }
}
