package org.pactsim.robust;

import java.util.SplittableRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Damaged copies of valid input files, the way hand-edited files go wrong and worse: deleted,
 * inserted, duplicated, swapped and truncated text, numbers swapped for extreme ones, YAML and
 * CSV punctuation in the wrong place, CRLF line ends, a byte-order mark, and raw byte damage
 * (which may break UTF-8). Each input is a seed file and a short list of edits; a failure prints
 * the seed, the edits and the damaged text.
 */
final class Mutations {
    /** Text dropped into a file: structure, values at and past every limit, encodings. */
    static final List<String> TOKENS = List.of("", " ", ":", ": ", "- ", "-", "[", "]", "{", "}", ",", ",,", "\"", "'",
            "\n", "\r\n", "\r", "\t", "#", "# ", "=", " = ", "&a ", "*a", "!!binary ", "!!int ", "<<: ", "---\n", "...\n",
            "? ", "|", ">", "%YAML 1.2\n", "\\", "\\u0000", "\u00e9", "\ud83d\ude00", "\uFEFF", "\u2028", "\u0085",
            "0", "-0", "1", "-1", "2", "8", "32", "33", "64", "65", "1.5", "0.0", "-1e308", "1e309", "1e-320",
            "2147483647", "2147483648", "-2147483648", "4294967296", "1048576", "1048577", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "99999999999999999999", "0x10", "0o17", "1_000", "+5",
            "NaN", "nan", ".nan", ".inf", "-.inf", "Infinity", "true", "false", "yes", "no", "null", "~",
            "[section]", "[general]", "[architecture_presets]", "# schema: pactsim/cost/1", "# table: mac",
            "# table: dram", "schema: pactsim/arch/1", "schema: pactsim/trace/1", "rows", "cols", "pe", "sram", "dram",
            "name", "type", "conv", "dwconv", "fc", "matmul", "relu", "add", "maxpool", "inputs", "groups", "int",
            "float", "int0", "int65", "w4a8", "fp16", "fixed", "fusion", "unlimited", "os", "ws", "is", "USER",
            "CALC", "Bandwidth", "ArrayHeight", "M", "N", "K");

    /** Numbers that replace a number of the seed. */
    static final List<String> NUMBERS = List.of("0", "-1", "1", "3", "7", "8", "31", "32", "33", "64", "65", "1000",
            "1048576", "2147483647", "2147483648", "9223372036854775807", "99999999999999999999", "1e309", "nan",
            ".inf", "-0", "1.5", "0.5", "+8", "8_0", "1e3");

    private Mutations() {
    }

    /** One edit: which kind, where (taken modulo the length), how much, and what. */
    record Edit(int kind, int pos, int len, String token, int value) {
    }

    /** A seed and the edits to make to it. */
    record Mutant(String seedName, String seed, List<Edit> edits) {
        byte[] bytes() {
            return apply(seed, edits);
        }

        @Override
        public String toString() {
            return seedName + " with " + edits + ":\n" + new String(bytes(), StandardCharsets.UTF_8);
        }
    }

    static Edit edit(SplittableRandom r) {
        return new Edit(r.nextInt(13), r.nextInt((1 << 20) + 1), r.nextInt(25), TOKENS.get(r.nextInt(TOKENS.size())),
                r.nextInt(256));
    }

    /** A seed (name, text pair) of {@code seeds} with one to four edits. */
    static Mutant of(SplittableRandom r, List<String[]> seeds) {
        String[] s = seeds.get(r.nextInt(seeds.size()));
        List<Edit> edits = new java.util.ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            edits.add(edit(r));
        }
        return new Mutant(s[0], s[1], edits);
    }

    static byte[] apply(String seed, List<Edit> edits) {
        String s = seed;
        byte[] raw = null;
        for (Edit e : edits) {
            if (e.kind() >= 11) {
                byte[] b = raw != null ? raw : s.getBytes(StandardCharsets.UTF_8);
                raw = bytes(b, e);
                continue;
            }
            if (raw != null) {
                s = new String(raw, StandardCharsets.UTF_8);
                raw = null;
            }
            s = text(s, e);
        }
        return raw != null ? raw : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String s, Edit e) {
        int n = s.length();
        int p = n == 0 ? 0 : e.pos() % (n + 1);
        int end = Math.min(n, p + e.len());
        switch (e.kind()) {
            case 0:
                return s.substring(0, p) + s.substring(end);
            case 1:
                return s.substring(0, p) + e.token() + s.substring(p);
            case 2:
                return s.substring(0, p) + e.token() + s.substring(end);
            case 3:
            case 4:
            case 5:
                return lines(s, e);
            case 6:
                return number(s, p, NUMBERS.get(e.value() % NUMBERS.size()));
            case 7:
                return s.substring(0, p);
            case 8:
                return e.value() % 2 == 0 ? s.replace("\r\n", "\n").replace("\n", "\r\n") : "\uFEFF" + s;
            case 9:
                return s.substring(0, p) + e.token() + "\n" + s.substring(p);
            default:
                return number(s, p, e.token());
        }
    }

    /** Duplicates (3), deletes (4) or swaps with the next (5) the line at {@code pos}. */
    private static String lines(String s, Edit e) {
        List<String> l = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        int i = e.pos() % l.size();
        if (e.kind() == 3) {
            l.add(i, l.get(i));
        } else if (e.kind() == 4) {
            l.remove(i);
        } else if (i + 1 < l.size()) {
            String t = l.get(i);
            l.set(i, l.get(i + 1));
            l.set(i + 1, t);
        }
        return String.join("\n", l);
    }

    /** Replaces the first run of digits at or after {@code p} (wrapping around) with {@code by}. */
    private static String number(String s, int p, String by) {
        int n = s.length();
        for (int k = 0; k < n; k++) {
            int i = (p + k) % n;
            if (Character.isDigit(s.charAt(i))) {
                int j = i;
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                return s.substring(0, i) + by + s.substring(j);
            }
        }
        return s + by;
    }

    /** Byte damage: overwrite (11) or insert (12) one byte. */
    private static byte[] bytes(byte[] b, Edit e) {
        int p = b.length == 0 ? 0 : e.pos() % (b.length + 1);
        if (e.kind() == 11 && p < b.length) {
            byte[] c = b.clone();
            c[p] = (byte) e.value();
            return c;
        }
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 0, p);
        c[p] = (byte) e.value();
        System.arraycopy(b, p, c, p + 1, b.length - p);
        return c;
    }
}
