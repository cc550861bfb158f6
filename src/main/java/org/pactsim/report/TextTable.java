package org.pactsim.report;

import java.util.List;

/** Rows of cells as aligned terminal text: numbers right-aligned, text left-aligned, two spaces apart. */
public final class TextTable {
    private TextTable() {
    }

    /**
     * A header and rows as aligned text: columns {@code firstNumber} to {@code lastNumber - 1}
     * right-aligned (numbers), the others left-aligned.
     */
    public static String render(List<String> header, List<List<String>> rows, int firstNumber, int lastNumber) {
        List<String[]> all = new java.util.ArrayList<>();
        all.add(header.toArray(String[]::new));
        for (List<String> r : rows) {
            all.add(r.toArray(String[]::new));
        }
        StringBuilder sb = new StringBuilder();
        align(sb, all, firstNumber, lastNumber);
        return sb.toString();
    }

    /** Columns before {@code firstNumber} and from {@code lastNumber} on are left-aligned. */
    static void align(StringBuilder sb, List<String[]> rows, int firstNumber, int lastNumber) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(w[i] - r[i].length());
                boolean left = i < firstNumber || i >= lastNumber;
                line.append(left ? r[i] + (i == r.length - 1 ? "" : pad) : pad + r[i]).append(i == r.length - 1 ? "" : "  ");
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
    }
}
