package org.pactsim.spec;

import java.util.Locale;

/** Arithmetic of a PE's operands. */
public enum NumberType {
    INT, FLOAT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NumberType parse(String s) {
        if (s == null) {
            return null;
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "int": return INT;
            case "float": return FLOAT;
            default: return null;
        }
    }
}
