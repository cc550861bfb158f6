package org.pactsim.report;

import java.util.List;

/** Rows of cells as aligned terminal text: numbers right-aligned, text left-aligned, two spaces apart. */
final class TextTable {
    private TextTable() {
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
