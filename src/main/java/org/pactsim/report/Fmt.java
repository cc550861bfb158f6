package org.pactsim.report;

import java.util.Locale;

/** Fixed, locale-independent number formats for reports. */
public final class Fmt {
    private Fmt() {
    }

    public static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", fraction * 100);
    }

    /** Up to 4 significant decimals, no exponent for everyday magnitudes. */
    public static String real(double v) {
        if (Double.isInfinite(v)) {
            return "unlimited";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e12)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.1f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }

    /** An energy unit: its name and its size in pJ. */
    public record EnergyUnit(String name, double pj) {
        public String of(double valuePj) {
            return real(valuePj / pj);
        }
    }

    /**
     * The unit a human reads an energy of {@code pj} picojoules in (pJ, nJ, uJ, mJ or J: the
     * largest that keeps it at 1 or more), one unit for a whole line or column.
     */
    public static EnergyUnit energyUnit(double pj) {
        double a = Math.abs(pj);
        if (a >= 1e12) {
            return new EnergyUnit("J", 1e12);
        }
        if (a >= 1e9) {
            return new EnergyUnit("mJ", 1e9);
        }
        if (a >= 1e6) {
            return new EnergyUnit("uJ", 1e6);
        }
        if (a >= 1e3) {
            return new EnergyUnit("nJ", 1e3);
        }
        return new EnergyUnit("pJ", 1);
    }

    static <T> String cell(Metric<T> m, T row) {
        Object v = m.value().apply(row);
        if (v == null) {
            return "-";
        }
        if (v instanceof Long || v instanceof Integer) {
            return count(((Number) v).longValue());
        }
        if (v instanceof Double) {
            return m.percent() ? percent((Double) v) : real((Double) v);
        }
        return String.valueOf(v);
    }
}
