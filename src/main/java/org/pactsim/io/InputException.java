package org.pactsim.io;

/**
 * A user input that pactsim cannot accept. Its message is one line:
 * {@code FILE:LINE: KEY: expected WHAT, found WHAT}. The CLI prints it and exits with 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code where: key: expected X, found Y}; {@code key} may be null. */
    public static InputException at(String where, String key, String expected, String found) {
        StringBuilder sb = new StringBuilder(where);
        if (key != null && !key.isEmpty()) {
            sb.append(": ").append(key);
        }
        sb.append(": expected ").append(expected).append(", found ").append(found);
        return new InputException(oneLine(sb.toString()));
    }

    /** Folds newlines and caps the length so the message stays one readable line. */
    public static String oneLine(String s) {
        String t = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ");
        if (t.chars().anyMatch(Character::isISOControl)) {
            // other control characters (a BEL, an escape sequence) are shown, not sent to the terminal
            StringBuilder sb = new StringBuilder(t.length() + 8);
            t.chars().forEach(c -> sb.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : String.valueOf((char) c)));
            t = sb.toString();
        }
        return t.length() > 400 ? t.substring(0, 397) + "..." : t;
    }

    /** Shows a found value: quoted, one line, at most 60 characters. */
    public static String quote(String s) {
        if (s == null) {
            return "nothing";
        }
        String t = oneLine(s);
        if (t.length() > 60) {
            t = t.substring(0, 57) + "...";
        }
        return "\"" + t + "\"";
    }
}
