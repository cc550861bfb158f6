package org.pactsim.spec;

import java.util.Locale;

/**
 * Which operand stays in the PEs. Fixes how the GEMM {@code O[MxN] = I[MxK] * W[KxN]} maps to
 * the array: spatial rows {@code Sr}, spatial columns {@code Sc}, temporal {@code T}.
 */
public enum Dataflow {
    /** Output stationary: Sr = M, Sc = N, T = K. */
    OS,
    /** Weight stationary: Sr = K, Sc = N, T = M. */
    WS,
    /** Input stationary: Sr = K, Sc = M, T = N. */
    IS;

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
