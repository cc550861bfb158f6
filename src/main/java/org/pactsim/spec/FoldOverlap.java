package org.pactsim.spec;

import java.util.Locale;

/**
 * Whether a fold may enter the array before the previous one has left it
 * ({@code array.foldOverlap}); the timing is {@code engine/FoldTiming}.
 */
public enum FoldOverlap {
    /**
     * Default. The next fold starts when the previous fold's last slot has passed the
     * bottom-right PE (one fold-wide switch): fold period {@code P = T + R + C - 2 + LM}.
     */
    NONE,
    /**
     * The fold switch travels with the data: each PE switches to the next fold's stationary
     * operand (WS/IS) or restarts its accumulator (OS) when that fold's first slot reaches it,
     * as TPU v1 sends the weight switch with the data. WS/IS period {@code max(T, R)} (the next
     * fold's operands take {@code R} cycles to shift in), OS {@code max(T, 2R - 1)} (each PE
     * captures its result as its own last MAC passes; a column's drain chain is busy
     * {@code 2R - 1} cycles).
     */
    PIPELINED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code s}, or null. */
    public static FoldOverlap parse(String s) {
        for (FoldOverlap d : values()) {
            if (d.key().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return d;
            }
        }
        return null;
    }
}
