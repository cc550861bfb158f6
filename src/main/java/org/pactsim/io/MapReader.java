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
 */
public final class MapReader {
    private final YNode node;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();

    private MapReader(YNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Reads {@code node}, which must be a mapping; {@code path} prefixes its keys ("" at the root). */
    public static MapReader of(YNode node, String path) {
        if (!node.isMap()) {
            throw InputException.at(node.where(), path.isEmpty() ? null : path, "a mapping", node.describe());
        }
        return new MapReader(node, path);
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

    /** The child node, or an error naming the missing key. */
    public YNode require(String k) {
        known.add(k);
        YNode v = node.get(k);
        if (v == null || v.kind() == YNode.Kind.NULL) {
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
            throw InputException.at(v != null ? v.where() : node.where(), key(k), "a value (the key is required)", found);
        }
        return v;
    }

    public MapReader object(String k) {
        return of(require(k), key(k));
    }

    public List<YNode> list(String k) {
        YNode v = require(k);
        if (v.kind() != YNode.Kind.LIST) {
            throw InputException.at(v.where(), key(k), "a list", v.describe());
        }
        return v.items();
    }

    public long integer(String k, long min, long max) {
        YNode v = require(k);
        return integerValue(v, named(k, v), min, max);
    }

    public long integer(String k, long min, long max, long dflt) {
        return has(k) ? integer(k, min, max) : dflt;
    }

    public static long integerValue(YNode v, String key, long min, long max) {
        String expected = max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        if (v.kind() != YNode.Kind.INT) {
            throw InputException.at(v.where(), key, expected, v.describe());
        }
        long x;
        try {
            x = Long.parseLong(v.text().replace("_", "").replace("+", ""));
        } catch (NumberFormatException e) {
            throw InputException.at(v.where(), key, expected, v.text() + " (out of the 64-bit range)");
        }
        if (x < min || x > max) {
            throw InputException.at(v.where(), key, expected, v.text());
        }
        return x;
    }

    /** A finite number > 0 (integers accepted). */
    public double positive(String k) {
        YNode v = require(k);
        return positiveValue(v, named(k, v));
    }

    public static double positiveValue(YNode v, String key) {
        if (v.kind() != YNode.Kind.INT && v.kind() != YNode.Kind.FLOAT) {
            throw InputException.at(v.where(), key, "a number > 0", v.describe());
        }
        double x;
        try {
            x = Double.parseDouble(v.text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw InputException.at(v.where(), key, "a number > 0", v.text());
        }
        if (!(x > 0) || Double.isInfinite(x)) {
            throw InputException.at(v.where(), key, "a finite number > 0", v.text());
        }
        return x;
    }

    public String string(String k) {
        YNode v = require(k);
        if (v.kind() != YNode.Kind.STRING) {
            throw InputException.at(v.where(), named(k, v), "text", v.describe());
        }
        return v.text();
    }

    public String string(String k, String dflt) {
        return has(k) ? string(k) : dflt;
    }

    /** One of {@code choices} (case-insensitive); returns it in lower case. */
    public String choice(String k, List<String> choices) {
        YNode v = require(k);
        String s = v.isScalar() && v.text() != null ? v.text().trim().toLowerCase(Locale.ROOT) : null;
        if (v.kind() != YNode.Kind.STRING || !choices.contains(s)) {
            throw InputException.at(v.where(), named(k, v), "one of " + String.join(", ", choices), v.describe());
        }
        return s;
    }

    /**
     * Builds a record, turning a {@link SpecException} into an input error at the line of the
     * first offending key (or of this mapping).
     */
    public <T> T build(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (SpecException e) {
            Violations.Violation first = e.violations().get(0);
            String top = first.path().contains(".") ? first.path().substring(0, first.path().indexOf('.'))
                    : first.path();
            YNode at = node.get(top);
            String where = at != null ? at.where() : node.where();
            throw InputException.at(where, named(first.path(), at), first.expected(), first.found());
        }
    }

    /** Refuses every key that was not asked for. */
    public void finish() {
        for (String k : node.entries().keySet()) {
            if (!known.contains(k)) {
                YNode v = node.get(k);
                String hint = Suggest.closest(k, known);
                throw InputException.at(v.where(), key(k),
                        hint != null ? "a known key (did you mean " + key(hint) + "?)"
                                : "one of the known keys " + String.join(", ", known),
                        "an unknown key");
            }
        }
    }
}
