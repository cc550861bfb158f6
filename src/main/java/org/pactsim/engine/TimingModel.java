package org.pactsim.engine;

import java.util.Locale;

/** The two timing models of the one fold engine. */
public enum TimingModel {
    /** SCALE-Sim v2 CALC mode, every quirk included, number for number. */
    SCALESIM(Quirks.SCALESIM),
    /** pactsim's native model: counts, exact output sizes, overlapped folds, OS drain. */
    PACTSIM(Quirks.NONE);

    @SuppressWarnings("ImmutableEnumChecker") // Quirks is a record of booleans: immutable
    private final Quirks quirks;

    TimingModel(Quirks quirks) {
        this.quirks = quirks;
    }

    public Quirks quirks() {
        return quirks;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TimingModel parse(String s) {
        for (TimingModel m : values()) {
            if (m.key().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return m;
            }
        }
        return null;
    }
}
