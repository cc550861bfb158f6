package org.pactsim.spec;

import java.util.Locale;

/**
 * How an output-stationary array gets a fold's results out through its one drain port per
 * column ({@code array.osDrain}); see {@code docs/rtl.md} for the register-level designs.
 */
public enum OsDrain {
    /**
     * Default. When the fold's last multiply-accumulate is done, every accumulator moves at once
     * (one fold-wide switch) into its PE's shadow register; the shadow registers of a column form
     * a shift chain that drains while the next fold computes. Fold period {@code P}.
     */
    OVERLAPPED,
    /**
     * Each PE moves its result into its shadow register on its own last MAC, as the wavefront
     * passes; a column's chain can shift only once its bottom PE has its result and takes
     * {@code R} cycles, so the next fold's top PE may capture only {@code 2R - 1} cycles after
     * this one's. Fold period {@code max(P, 2R - 1)}.
     */
    WAVEFRONT,
    /** No shadow registers: the next fold starts when the drain is over. Fold period {@code P + R}. */
    SERIAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The drain style named {@code s}, or null. */
    public static OsDrain parse(String s) {
        for (OsDrain d : values()) {
            if (d.key().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return d;
            }
        }
        return null;
    }
}
