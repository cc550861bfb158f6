package org.pactsim.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every violation of a spec before failing, so a user sees all of them at once.
 * Each violation carries the dotted path of the offending key.
 */
public final class Violations {
    private final List<Violation> list = new ArrayList<>();

    /** One broken rule: the key's dotted path, what was expected and what was found. */
    public record Violation(String path, String expected, String found) {
        @Override
        public String toString() {
            return path + ": expected " + expected + ", found " + found;
        }
    }

    public Violations atLeast(String path, long value, long min) {
        if (value < min) {
            add(path, ">= " + min, Long.toString(value));
        }
        return this;
    }

    public Violations between(String path, long value, long min, long max) {
        if (value < min || value > max) {
            add(path, "an integer from " + min + " to " + max, Long.toString(value));
        }
        return this;
    }

    public Violations positive(String path, double value) {
        if (!(value > 0) || Double.isNaN(value)) {
            add(path, "a number > 0", fmt(value));
        }
        return this;
    }

    public Violations finitePositive(String path, double value) {
        if (!(value > 0) || Double.isNaN(value) || Double.isInfinite(value)) {
            add(path, "a finite number > 0", fmt(value));
        }
        return this;
    }

    public Violations check(boolean ok, String path, String expected, String found) {
        if (!ok) {
            add(path, expected, found);
        }
        return this;
    }

    public Violations add(String path, String expected, String found) {
        list.add(new Violation(path, expected, found));
        return this;
    }

    /** Adds the violations of a nested spec under {@code prefix}. */
    public Violations addAll(String prefix, List<Violation> nested) {
        for (Violation v : nested) {
            list.add(new Violation(prefix + "." + v.path(), v.expected(), v.found()));
        }
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link SpecException} naming every violation, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new SpecException(list());
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    /**
     * How a name that breaks a rule is shown: {@code nothing}, {@code an empty value},
     * {@code only spaces}, or quoted (at most 60 characters).
     */
    public static String shown(String name) {
        if (name == null) {
            return "nothing";
        }
        if (name.isEmpty()) {
            return "an empty value";
        }
        if (name.isBlank()) {
            return "only spaces";
        }
        String t = name.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ");
        return "\"" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "\"";
    }
}
