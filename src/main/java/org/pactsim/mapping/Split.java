package org.pactsim.mapping;

/**
 * How one layer's GEMM is divided among the cores (issue 18): not at all, by output channels
 * (N), by output pixels and batch (M), by groups, by the reduction (K), or as a grid of {@code p}
 * pixel groups by {@code q} channel groups. Reports name it as {@link #name()}: {@code none},
 * {@code n}, {@code m}, {@code groups}, {@code k}, {@code mPxnQ}.
 */
public record Split(Kind kind, long p, long q) {
    /** The dimension a split divides. */
    public enum Kind { NONE, N, M, GROUPS, K, GRID }

    public static final Split NONE = new Split(Kind.NONE, 0, 0);
    public static final Split N = new Split(Kind.N, 0, 0);
    public static final Split M = new Split(Kind.M, 0, 0);
    public static final Split GROUPS = new Split(Kind.GROUPS, 0, 0);
    public static final Split K = new Split(Kind.K, 0, 0);

    public Split {
        if (kind == null || (kind == Kind.GRID ? p < 2 || q < 2 : p != 0 || q != 0)) {
            throw new IllegalArgumentException("a split of a kind, a grid of at least 2 x 2: " + kind + " " + p + "x" + q);
        }
    }

    /** A grid of {@code p} pixel groups by {@code q} channel groups. */
    public static Split grid(long p, long q) {
        return new Split(Kind.GRID, p, q);
    }

    public boolean isGrid() {
        return kind == Kind.GRID;
    }

    /** Whether the cores divide the output channels (N, groups of channels, or K: the outputs reduce-scattered by channel). */
    public boolean byChannels() {
        return kind == Kind.N || kind == Kind.GROUPS || kind == Kind.K;
    }

    /** The name reports use: {@code none}, {@code n}, {@code m}, {@code groups}, {@code k}, {@code mPxnQ}. */
    public String name() {
        return switch (kind) {
            case NONE -> "none";
            case N -> "n";
            case M -> "m";
            case GROUPS -> "groups";
            case K -> "k";
            case GRID -> "m" + p + "xn" + q;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
