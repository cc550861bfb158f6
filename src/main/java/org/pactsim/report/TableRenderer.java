package org.pactsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.NetworkResult;

/** A terminal table: one row per layer, a totals row, and the run's header and notes. */
public final class TableRenderer {
    private static final List<String> LAYER_COLUMNS = List.of("name", "type", "m", "n", "k", "folds", "cycles",
            "stallCycles", "utilization", "mappingEfficiency", "sramReads", "sramWrites");

    private TableRenderer() {
    }

    public static String render(NetworkResult r) {
        StringBuilder sb = new StringBuilder();
        var a = r.accelerator();
        sb.append(String.format(Locale.ROOT, "%s on %s: %dx%d %s array x %d core(s), %s MHz, %s model%n",
                r.network(), a.name(), a.array().rows(), a.array().cols(), a.dataflow().key(), a.cores(),
                Fmt.real(a.clockMhz()), r.model().key()));
        List<Metric<LayerResult>> cols = new ArrayList<>();
        for (String k : LAYER_COLUMNS) {
            cols.add(Metrics.LAYER.stream().filter(m -> m.key().equals(k)).findFirst().orElseThrow());
        }
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            head[i] = cols.get(i).label();
        }
        rows.add(head);
        for (LayerResult l : r.layers()) {
            String[] row = new String[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                row[i] = Fmt.cell(cols.get(i), l);
            }
            rows.add(row);
        }
        String[] total = new String[cols.size()];
        java.util.Arrays.fill(total, "");
        total[0] = "TOTAL";
        total[1] = r.layers().size() + " layers";
        total[6] = Fmt.count(r.cycles());
        total[7] = Fmt.count(r.stallCycles());
        total[8] = Fmt.percent(r.utilization());
        total[10] = Fmt.count(r.sramReads());
        total[11] = Fmt.count(r.sramWrites());
        rows.add(total);
        int[] w = new int[cols.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            String[] row = rows.get(n);
            if (n == rows.size() - 1 || n == 1) {
                line(sb, w);
            }
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                boolean left = i < 2;
                sb.append(left ? pad(cell, w[i], true) : pad(cell, w[i], false));
                sb.append(i == row.length - 1 ? "" : "  ");
            }
            sb.append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "%s MACs, %s cycles = %s ms at %s MHz, %s inferences/s%n",
                Fmt.count(r.macs()), Fmt.count(r.cycles()), Fmt.real(r.latencySeconds() * 1e3),
                Fmt.real(a.clockMhz()), Fmt.real(r.inferencesPerSecond())));
        for (String note : r.notes()) {
            sb.append("note: ").append(note).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, int[] w) {
        int total = 0;
        for (int x : w) {
            total += x + 2;
        }
        sb.append("-".repeat(Math.max(0, total - 2))).append(System.lineSeparator());
    }

    private static String pad(String s, int w, boolean left) {
        String sp = " ".repeat(Math.max(0, w - s.length()));
        return left ? s + sp : sp + s;
    }
}
