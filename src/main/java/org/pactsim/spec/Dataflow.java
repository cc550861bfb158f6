package org.pactsim.spec;

import java.util.Locale;

/**
 * Which operand stays in the PEs. Fixes how the GEMM {@code O[MxN] = I[MxK] * W[KxN]} maps to
 * the array: spatial rows {@code Sr}, spatial columns {@code Sc}, temporal {@code T}.
 */
public enum Dataflow {
    /** Output stationary: Sr = M, Sc = N, T = K. */
    OS('m', 'n', 'k'),
    /** Weight stationary: Sr = K, Sc = N, T = M. */
    WS('k', 'n', 'm'),
    /** Input stationary: Sr = K, Sc = M, T = N. */
    IS('k', 'm', 'n');

    private final char rows;
    private final char cols;
    private final char temporal;

    Dataflow(char rows, char cols, char temporal) {
        this.rows = rows;
        this.cols = cols;
        this.temporal = temporal;
    }

    /** The GEMM dimension ({@code m}, {@code n} or {@code k}) spread over the array's rows. */
    public char rowDim() {
        return rows;
    }

    /** The GEMM dimension spread over the array's columns. */
    public char colDim() {
        return cols;
    }

    /** The GEMM dimension streamed through the array in time. */
    public char temporalDim() {
        return temporal;
    }

    /** Of {@code m}, {@code n} and {@code k}, the one named by {@code dim}. */
    public static long pick(char dim, long m, long n, long k) {
        return dim == 'm' ? m : dim == 'n' ? n : k;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code os}, {@code ws} or {@code is} (case-insensitive); null if none. */
    public static Dataflow parse(String s) {
        if (s == null) {
            return null;
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "os": return OS;
            case "ws": return WS;
            case "is": return IS;
            default: return null;
        }
    }
}
