package org.pactsim.io;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * Strict, typed reading of one mapping of a {@link YNode} tree. Every accessor records the
 * key as known; {@link #finish()} then refuses any key that no accessor asked for (with a
 * suggestion when it looks misspelt). Errors name the file, line and full dotted key.
 *
 * <p>Strict by default: the first error is thrown. Given an {@link InputProblems} it collects
 * instead ({@code pactsim validate}): a bad key is recorded, its accessor returns a stand-in
 * (the default, the minimum, or null) and reading goes on with the next key; {@link #build}
 * is skipped once anything was recorded, so stand-ins never cause errors of their own.
 */
public final class MapReader {
    private final YNode node;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();
    /** Null when strict. */
    private final InputProblems problems;
    /** Problems recorded before this reader was made; -1 for a stand-in of a missing mapping. */
    private final int start;

    private MapReader(YNode node, String path, InputProblems problems, int start) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.start = start;
    }

    /** Reads {@code node}, which must be a mapping; {@code path} prefixes its keys ("" at the root). */
    public static MapReader of(YNode node, String path) {
        return of(node, path, null);
    }

    /** As {@link #of(YNode, String)}, collecting errors in {@code problems} unless it is null. */
    public static MapReader of(YNode node, String path, InputProblems problems) {
        if (!node.isMap()) {
            InputProblems.recover(problems, InputException.at(node.where(), path.isEmpty() ? null : path,
                    "a mapping", node.describe()), null);
            return new MapReader(YNode.map(node.origin(), node.line()), path, problems, -1);
        }
        return new MapReader(node, path, problems, problems == null ? 0 : problems.count());
    }

    /** Where errors go: null when strict. */
    public InputProblems problems() {
        return problems;
    }

    /** Whether nothing was recorded since this reader was made (always true when strict). */
    public boolean clean() {
        return problems == null || (start >= 0 && problems.count() == start);
    }

    /** A problem the caller found: thrown when strict, recorded when collecting. */
    public void fail(InputException e) {
        InputProblems.recover(problems, e, null);
    }

    public YNode node() {
        return node;
    }

    public String key(String k) {
        return path.isEmpty() ? k : path + "." + k;
    }

    /** The dotted key, with the source format's own name in brackets when it has one. */
    private String named(String k, YNode v) {
        return v != null && v.label() != null ? key(k) + " (" + v.label() + ")" : key(k);
    }

    public boolean has(String k) {
        known.add(k);
        YNode v = node.get(k);
        return v != null && v.kind() != YNode.Kind.NULL;
    }

    /** The child node, or an error naming the missing key (collecting: null). */
    public YNode require(String k) {
        known.add(k);
        YNode v = node.get(k);
        if (v == null || v.kind() == YNode.Kind.NULL) {
            if (start < 0) {
                return null;
            }
            String found = v == null ? "no such key" : "nothing";
            if (v == null) {
                for (Map.Entry<String, YNode> e : node.entries().entrySet()) {
                    if (!known.contains(e.getKey()) && Suggest.distance(e.getKey().toLowerCase(Locale.ROOT),
                            k.toLowerCase(Locale.ROOT)) <= 2) {
                        found += " (is " + key(e.getKey()) + " at " + e.getValue().where() + " a misspelling?)";
                        break;
                    }
                }
            }
            return InputProblems.recover(problems, InputException.at(v != null ? v.where() : node.where(), key(k),
                    "a value (the key is required)", found), null);
        }
        return v;
    }

    public MapReader object(String k) {
        YNode v = require(k);
        return v == null ? new MapReader(YNode.map(node.origin(), node.line()), key(k), problems, -1)
                : of(v, key(k), problems);
    }

    public List<YNode> list(String k) {
        YNode v = require(k);
        if (v == null) {
            return List.of();
        }
        if (v.kind() != YNode.Kind.LIST) {
            return InputProblems.recover(problems, InputException.at(v.where(), key(k), "a list", v.describe()),
                    List.of());
        }
        return v.items();
    }

    public long integer(String k, long min, long max) {
        return integerOr(k, min, max, min);
    }

    public long integer(String k, long min, long max, long dflt) {
        return has(k) ? integerOr(k, min, max, dflt) : dflt;
    }

    private long integerOr(String k, long min, long max, long fallback) {
        YNode v = require(k);
        if (v == null) {
            return fallback;
        }
        try {
            return integerValue(v, named(k, v), min, max);
        } catch (InputException e) {
            return InputProblems.recover(problems, e, fallback);
        }
    }

    public static long integerValue(YNode v, String key, long min, long max) {
        String expected = max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        PlainNumber.check(v, key, expected);
        if (v.kind() != YNode.Kind.INT) {
            throw InputException.at(v.where(), key, expected, v.describe());
        }
        long x;
        try {
            x = Long.parseLong(v.text().startsWith("+") ? v.text().substring(1) : v.text());
        } catch (NumberFormatException e) {
            throw InputException.at(v.where(), key, expected, v.text() + " (out of the 64-bit range)");
        }
        if (x < min || x > max) {
            throw InputException.at(v.where(), key, expected, v.text());
        }
        return x;
    }

    /** A number from {@code min} to {@code max} (integers accepted), {@code dflt} when the key is absent. */
    public double real(String k, double min, double max, double dflt) {
        if (!has(k)) {
            return dflt;
        }
        YNode v = require(k);
        if (v == null) {
            return dflt;
        }
        String key = named(k, v);
        String expected = "a number from " + PyFloat.repr(min) + " to " + PyFloat.repr(max);
        try {
            PlainNumber.check(v, key, expected);
            if (v.kind() != YNode.Kind.INT && v.kind() != YNode.Kind.FLOAT) {
                throw InputException.at(v.where(), key, expected, v.describe());
            }
            double x;
            try {
                x = Double.parseDouble(v.text());
            } catch (NumberFormatException e) {
                throw InputException.at(v.where(), key, expected, v.text());
            }
            if (!(x >= min && x <= max)) {
                throw InputException.at(v.where(), key, expected, v.text());
            }
            return x;
        } catch (InputException e) {
            return InputProblems.recover(problems, e, dflt);
        }
    }

    /** A finite number > 0 (integers accepted). */
    public double positive(String k) {
        YNode v = require(k);
        if (v == null) {
            return 1;
        }
        try {
            return positiveValue(v, named(k, v));
        } catch (InputException e) {
            return InputProblems.recover(problems, e, 1.0);
        }
    }

    public static double positiveValue(YNode v, String key) {
        PlainNumber.check(v, key, "a number > 0");
        if (v.kind() != YNode.Kind.INT && v.kind() != YNode.Kind.FLOAT) {
            throw InputException.at(v.where(), key, "a number > 0", v.describe());
        }
        double x;
        try {
            x = Double.parseDouble(v.text());
        } catch (NumberFormatException e) {
            throw InputException.at(v.where(), key, "a number > 0", v.text());
        }
        if (!(x > 0) || Double.isInfinite(x)) {
            throw InputException.at(v.where(), key, "a finite number > 0", v.text());
        }
        return x;
    }

    /** Text (collecting: null when bad or missing). */
    public String string(String k) {
        YNode v = require(k);
        if (v == null) {
            return null;
        }
        if (v.kind() != YNode.Kind.STRING) {
            return InputProblems.recover(problems, InputException.at(v.where(), named(k, v), "text", v.describe()),
                    null);
        }
        return v.text();
    }

    /**
     * Text that names something ({@link org.pactsim.spec.Names}: 1 to 256 characters, no
     * control characters); collecting: null when bad or missing.
     */
    public String name(String k) {
        String s = string(k);
        String[] p = s == null ? null : org.pactsim.spec.Names.problem(s);
        if (p != null) {
            YNode v = node.get(k);
            return InputProblems.recover(problems, InputException.at(v.where(), named(k, v), p[0], p[1]), null);
        }
        return s;
    }

    public String string(String k, String dflt) {
        if (!has(k)) {
            return dflt;
        }
        String s = string(k);
        return s == null ? dflt : s;
    }

    /** A YAML boolean, {@code true} or {@code false} (collecting: {@code dflt} when bad). */
    public boolean bool(String k, boolean dflt) {
        if (!has(k)) {
            return dflt;
        }
        YNode v = require(k);
        String s = v != null && v.isScalar() && v.text() != null ? v.text().trim().toLowerCase(Locale.ROOT) : null;
        if (v == null || (v.kind() != YNode.Kind.BOOL && v.kind() != YNode.Kind.STRING)
                || !("true".equals(s) || "false".equals(s))) {
            return InputProblems.recover(problems, InputException.at(v == null ? null : v.where(), named(k, v),
                    "true or false", v == null ? "nothing" : v.describe()), dflt);
        }
        return "true".equals(s);
    }

    /** One of {@code choices} (case-insensitive); returns it in lower case (collecting: null when bad). */
    public String choice(String k, List<String> choices) {
        YNode v = require(k);
        if (v == null) {
            return null;
        }
        String s = v.isScalar() && v.text() != null ? v.text().trim().toLowerCase(Locale.ROOT) : null;
        if (v.kind() != YNode.Kind.STRING || !choices.contains(s)) {
            return InputProblems.recover(problems, InputException.at(v.where(), named(k, v),
                    "one of " + String.join(", ", choices), v.describe()), null);
        }
        return s;
    }

    /**
     * Builds a record, turning a {@link SpecException} into an input error at the line of the
     * first offending key (or of this mapping). Collecting: records every violation and
     * returns null; returns null without building when a problem was recorded since this
     * reader was made (the arguments may be stand-ins).
     */
    public <T> T build(Supplier<T> factory) {
        if (!clean()) {
            return null;
        }
        try {
            return factory.get();
        } catch (ArithmeticException e) {
            return InputProblems.recover(problems, InputException.at(node.where(), path.isEmpty() ? null : path,
                    "sizes whose products fit in 64 bits", "a product past 2^63-1"), null);
        } catch (SpecException e) {
            if (problems == null) {
                throw violation(e.violations().get(0));
            }
            for (Violations.Violation v : e.violations()) {
                problems.add(violation(v));
            }
            return null;
        }
    }

    private InputException violation(Violations.Violation v) {
        String top = v.path().contains(".") ? v.path().substring(0, v.path().indexOf('.')) : v.path();
        YNode at = node.get(top);
        String where = at != null ? at.where() : node.where();
        return InputException.at(where, named(v.path(), at), v.expected(), v.found());
    }

    /** Refuses every key that was not asked for (collecting: records each of them). */
    public void finish() {
        for (String k : node.entries().keySet()) {
            if (!known.contains(k)) {
                YNode v = node.get(k);
                String hint = Suggest.closest(k, known);
                fail(InputException.at(v.where(), key(k),
                        hint != null ? "a known key (did you mean " + key(hint) + "?)"
                                : "one of the known keys " + String.join(", ", known),
                        "an unknown key"));
            }
        }
    }
}
