package org.pactsim.spec;

import java.util.Locale;

/**
 * How a PE of one precision runs a layer of another (see {@link PeThroughput}):
 * <ul>
 *   <li>{@link #FIXED}: a bit-parallel PE; operands wider than the PE's split into passes.
 *   <li>{@link #BIT_SERIAL}: Stripes-like (Judd et al., MICRO 2016); activations are consumed
 *       one bit per cycle, so time is proportional to activation bits.
 *   <li>{@link #FUSION}: Bit Fusion-like (Sharma et al., ISCA 2018); a p-bit PE fuses into
 *       several narrower MACs per cycle.
 * </ul>
 */
public enum PrecisionMode {
    FIXED("fixed"), BIT_SERIAL("bit-serial"), FUSION("fusion");

    private final String key;

    PrecisionMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Parses {@code fixed}, {@code bit-serial} or {@code fusion} (case-insensitive); null if none. */
    public static PrecisionMode parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (PrecisionMode m : values()) {
            if (m.key.equals(t)) {
                return m;
            }
        }
        return null;
    }
}
