package org.pactsim.io;

import java.util.regex.Pattern;

/**
 * The one rule for numbers in every input format (YAML, JSON, {@code --set}, SCALE-Sim
 * {@code .cfg} and topologies, pactsim CSV traces, cost tables): plain decimal, as
 * {@code 16}, {@code -3}, {@code 2.5} or {@code 1e-3}. YAML 1.1's other forms are refused
 * rather than guessed: {@code 0x10} (hexadecimal), {@code 0b10} (binary), {@code 010} and
 * {@code 0o10} (octal in YAML 1.1, decimal 10 elsewhere), {@code 1_6} (digit separators) and
 * {@code 1:30} (base 60). {@code .inf} and {@code .nan} pass to the range checks, which refuse
 * them with their own message.
 */
public final class PlainNumber {
    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(0|[1-9][0-9]*)?(\\.[0-9]*)?([eE][-+]?[0-9]+)?");
    private static final Pattern SPECIAL = Pattern.compile("[-+]?\\.?(inf|Inf|INF|nan|NaN|NAN)");
    /** What the rule says, appended to a refused number. */
    static final String RULE = "pactsim reads numbers in plain decimal only";

    private PlainNumber() {
    }

    /** Whether {@code t} is a plain decimal number, or a spelling of infinity or NaN. */
    public static boolean isPlain(String t) {
        return t != null && (INT.matcher(t).matches() || SPECIAL.matcher(t).matches()
                || (FLOAT.matcher(t).matches() && t.chars().anyMatch(Character::isDigit)));
    }

    /** Whether {@code t} looks like a number in one of YAML 1.1's other forms (a refused number, not text). */
    public static boolean isOtherForm(String t) {
        return t != null && !isPlain(t) && t.matches("[-+]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|[0-9][0-9_]*"
                + "(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[1-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)");
    }

    /** {@code 0x10 (hexadecimal; pactsim reads numbers in plain decimal only)}: the found part of a refusal. */
    public static String describe(String t) {
        String u = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        String form;
        if (u.startsWith("0x") || u.startsWith("0X")) {
            form = "hexadecimal";
        } else if (u.startsWith("0b") || u.startsWith("0B")) {
            form = "binary";
        } else if (u.startsWith("0o") || u.startsWith("0O")) {
            form = "octal";
        } else if (u.contains(":")) {
            form = "base 60";
        } else if (u.contains("_")) {
            form = "digit separators";
        } else if (u.length() > 1 && u.charAt(0) == '0' && Character.isDigit(u.charAt(1))) {
            form = "a leading zero";
        } else {
            form = "not a plain decimal number";
        }
        return t + " (" + form + "; " + RULE + ")";
    }

    /** Refuses a number node that is not plain decimal, at its line and key. */
    public static void check(YNode v, String key, String expected) {
        boolean number = v.kind() == YNode.Kind.INT || v.kind() == YNode.Kind.FLOAT;
        if (number ? !isPlain(v.text()) : v.kind() == YNode.Kind.STRING && isOtherForm(v.text())) {
            throw InputException.at(v.where(), key, expected, describe(v.text()));
        }
    }

    /** Refuses CSV text that is a number in another form; {@code key} names the cell. */
    public static void checkText(String s, String where, String key, String expected) {
        if (isOtherForm(s)) {
            throw InputException.at(where, key, expected, describe(s));
        }
    }
}
