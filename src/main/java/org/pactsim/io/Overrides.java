package org.pactsim.io;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --set key.path=value} overrides, applied to a config tree before it is bound, so
 * the strict reader checks them like any other key (an unknown path is an error that names
 * the {@code --set} argument).
 */
public final class Overrides {
    private static final Pattern PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

    private Overrides() {
    }

    /**
     * Applies every override in order. A key set twice is refused (the first value was never
     * checked, and which one wins is a guess): {@code --set array.rows=8: array.rows: expected
     * each key set once, found a second --set (first: --set array.rows=0)}.
     */
    public static void apply(YNode root, List<String> sets) {
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            String path = eq > 0 ? s.substring(0, eq).trim() : null;
            if (path != null && first.containsKey(path)) {
                throw InputException.at("--set " + s, path, "each key set once",
                        "a second --set (first: --set " + first.get(path) + ")");
            }
            if (path != null) {
                first.put(path, s);
            }
            apply(root, s);
        }
    }

    public static void apply(YNode root, String set) {
        String origin = "--set " + set;
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw InputException.at(origin, null, "key.path=value", InputException.quote(set));
        }
        String path = set.substring(0, eq).trim();
        String value = set.substring(eq + 1).trim();
        if (!PATH.matcher(path).matches()) {
            throw InputException.at(origin, null, "a dotted key path such as array.rows", InputException.quote(path));
        }
        if (value.isEmpty()) {
            throw InputException.at(origin, path, "a value after '='", "nothing");
        }
        YNode parsed = scalar(value, origin);
        String[] parts = path.split("\\.");
        YNode cur = root;
        for (int i = 0; i < parts.length - 1; i++) {
            YNode next = cur.get(parts[i]);
            if (next == null) {
                next = YNode.map(origin, 0);
                cur.put(parts[i], next);
            } else if (!next.isMap()) {
                throw InputException.at(origin, String.join(".", java.util.Arrays.copyOf(parts, i + 1)),
                        "a mapping to set " + path + " inside", next.describe());
            }
            cur = next;
        }
        cur.put(parts[parts.length - 1], parsed);
    }

    /** Types a command-line value as YAML would: integer, number, boolean, null or text. */
    public static YNode scalar(String value, String origin) {
        YNode.Kind kind;
        if (value.matches("[-+]?[0-9]+") || PlainNumber.isOtherForm(value)) {
            // 0x10, 010, 1_6...: typed as numbers so that the reader refuses them by the one rule
            kind = YNode.Kind.INT;
        } else if (value.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?") || value.matches("(?i)[-+]?\\.?(nan|inf)")) {
            kind = YNode.Kind.FLOAT;
        } else if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            kind = YNode.Kind.BOOL;
        } else if (value.equals("null") || value.equals("~")) {
            kind = YNode.Kind.NULL;
        } else {
            kind = YNode.Kind.STRING;
        }
        return YNode.scalar(kind, kind == YNode.Kind.NULL ? null : value, origin, 0);
    }
}
