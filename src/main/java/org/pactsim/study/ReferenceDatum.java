package org.pactsim.study;


/**
 * One published figure of a real chip, with where it was published and how close pactsim's
 * estimate must come ({@code src/main/resources/org/pactsim/cost/reference-chips.csv}, whose
 * header comment explains the columns; read by {@code io.format.ReferenceDataReader}).
 */
public record ReferenceDatum(String id, String chip, String quantity, String unit, double published, Kind kind,
                      double tolerance, String source, String location, String deviation) {
    public static final String RESOURCE = "/org/pactsim/cost/reference-chips.csv";

    /** How the estimate is compared with the published figure. */
    public enum Kind {
        /**
         * Within a factor {@code 1 + tolerance} of it either way: {@code 1/(1+t) <= estimate /
         * published <= 1 + t} (0.333 gives the 0.75x-1.33x).
         */
        VALUE,
        /** At most {@code published x (1 + tolerance)}. */
        MAX,
        /** Within {@code tolerance} of it absolutely, in its unit (a share of the die in points). */
        POINTS
    }

    public ReferenceDatum {
        if (!(published > 0) || !(tolerance >= 0) || source.isBlank() || location.isBlank()) {
            throw new IllegalArgumentException(id + ": a positive figure, a tolerance >= 0, a source and a location");
        }
    }

    /** The tolerance as the tables print it: {@code 0.75x-1.33x}, {@code at most}, {@code ±10 points}. */
    public String toleranceText() {
        return switch (kind) {
            case MAX -> tolerance == 0 ? "at most" : String.format(java.util.Locale.ROOT, "at most +%.0f%%", 100 * tolerance);
            case POINTS -> String.format(java.util.Locale.ROOT, "±%.0f points", tolerance);
            case VALUE -> String.format(java.util.Locale.ROOT, "%.2fx-%.2fx", 1 / (1 + tolerance), 1 + tolerance);
        };
    }

    public boolean knownDeviation() {
        return !deviation.isBlank();
    }

    /** Whether {@code estimate} meets the datum. */
    public boolean within(double estimate) {
        return switch (kind) {
            case VALUE -> estimate / published <= 1 + tolerance && estimate / published >= 1 / (1 + tolerance);
            case MAX -> estimate <= published * (1 + tolerance);
            case POINTS -> Math.abs(estimate - published) <= tolerance;
        };
    }
}
