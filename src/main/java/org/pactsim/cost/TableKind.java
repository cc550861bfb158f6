package org.pactsim.cost;

import java.util.Locale;

/** The tables a cost-table file may hold, each under a {@code # table: KEY} line. */
public enum TableKind {
    /** Per-PE area and energy by mode and precision ({@link MacTable}). */
    MAC("mac"),
    /** The circuits a PE is built from ({@link PartTable}). */
    PART("part"),
    /** Integer MAC fit coefficients ({@link IntMacFit}). */
    MAC_FIT("mac-fit"),
    /** SRAM energy and area per bit by capacity ({@link SramTable}). */
    SRAM("sram"),
    /** DRAM energy per bit by type ({@link DramTable}). */
    DRAM("dram"),
    /** Leakage power density of logic and SRAM ({@link LeakageTable}). */
    LEAKAGE("leakage"),
    /** Area and energy factors by technology node ({@link TechTable}). */
    TECH("tech"),
    /** Named scalar parameters ({@link ParamTable}). */
    PARAMS("params");

    private final String key;

    TableKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Parses a key such as {@code mac-fit}; null if none. */
    public static TableKind parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (TableKind k : values()) {
            if (k.key.equals(t)) {
                return k;
            }
        }
        return null;
    }
}
