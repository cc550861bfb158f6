package org.pactsim.report;

import java.util.List;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.NetworkResult;

/** Per-layer CSV: a header of metric keys, one row per layer, then a {@code TOTAL} row. */
public final class ResultCsv {
    private ResultCsv() {
    }

    public static String render(NetworkResult r) {
        StringBuilder sb = new StringBuilder();
        List<Metric<LayerResult>> cols = Metrics.LAYER;
        for (int i = 0; i < cols.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(cols.get(i).key());
        }
        sb.append('\n');
        for (LayerResult l : r.layers()) {
            for (int i = 0; i < cols.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(csv(cols.get(i).value().apply(l)));
            }
            sb.append('\n');
        }
        for (int i = 0; i < cols.size(); i++) {
            String key = cols.get(i).key();
            String v;
            switch (key) {
                case "name": v = "TOTAL"; break;
                case "cycles": v = Long.toString(r.cycles()); break;
                case "stallCycles": v = Long.toString(r.stallCycles()); break;
                case "macs": v = Long.toString(r.macs()); break;
                case "utilization": v = csv(r.utilization()); break;
                case "sramReads": v = Long.toString(r.sramReads()); break;
                case "sramWrites": v = Long.toString(r.sramWrites()); break;
                default: v = "";
            }
            sb.append(i == 0 ? "" : ",").append(v);
        }
        sb.append('\n');
        return sb.toString();
    }

    static String csv(Object v) {
        if (v instanceof Double) {
            return Double.toString((Double) v);
        }
        String s = String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
