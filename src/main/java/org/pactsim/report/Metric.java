package org.pactsim.report;

import java.util.function.Function;

/**
 * A named, typed figure of a result. {@code key} is the JSON/CSV name (units in the name),
 * {@code label} the terminal-table header, {@code percent} whether the table shows it x100.
 */
public record Metric<T>(String key, String label, String description, boolean integral, boolean percent,
                        Function<T, Object> value) {

    public static <T> Metric<T> count(String key, String label, String description, Function<T, Object> v) {
        return new Metric<>(key, label, description, true, false, v);
    }

    public static <T> Metric<T> ratio(String key, String label, String description, Function<T, Object> v) {
        return new Metric<>(key, label, description, false, true, v);
    }

    public static <T> Metric<T> real(String key, String label, String description, Function<T, Object> v) {
        return new Metric<>(key, label, description, false, false, v);
    }

    public static <T> Metric<T> text(String key, String label, String description, Function<T, Object> v) {
        return new Metric<>(key, label, description, false, false, v);
    }
}
