package org.pactsim.spec;

/**
 * The rule for a name a user gives (an accelerator, a network, a sweep, a label, a layer of a
 * SCALE-Sim topology): 1 to {@value #MAX} characters, not only spaces, no control characters.
 * Names go into titles, tables and file contents: a 20,000-character accelerator name made
 * every chart title take seconds to lay out.
 */
public final class Names {
    /** Longest name accepted. */
    public static final int MAX = 256;

    private Names() {
    }

    /** Null when {@code name} follows the rule, else {@code {expected, found}}. */
    public static String[] problem(String name) {
        if (name == null || name.isBlank()) {
            return new String[] {"a non-empty name", Violations.shown(name)};
        }
        if (name.length() > MAX) {
            return new String[] {"a name of at most " + MAX + " characters", name.length() + " characters"};
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return new String[] {"a name without control characters",
                        "U+" + String.format("%04X", (int) c) + " in " + Violations.shown(name)};
            }
        }
        return null;
    }

    /** Adds a violation at {@code path} when {@code name} breaks the rule. */
    public static Violations check(Violations v, String path, String name) {
        String[] p = problem(name);
        return p == null ? v : v.add(path, p[0], p[1]);
    }
}
