package org.pactsim.cost;

import java.util.Locale;

/** How a table value was obtained; every row states one. */
public enum Basis {
    /** Copied from a publication. */
    PUBLISHED,
    /** A tool's output in a public repository (synthesis, CACTI), used as is or divided per unit. */
    MEASURED,
    /** A least-squares fit through measured rows. */
    FITTED,
    /** Computed from published or measured values by a stated rule (ratios, scaling). */
    DERIVED,
    /** Interpolated between published values. */
    INTERPOLATED,
    /** An assumption without a primary source; the derivation says why it was chosen. */
    ASSUMED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a key such as {@code measured}; null if none. */
    public static Basis parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Basis b : values()) {
            if (b.key().equals(t)) {
                return b;
            }
        }
        return null;
    }
}
