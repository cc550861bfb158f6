package org.pactsim.report;

import java.util.List;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;

/** Per-layer CSV: a header of metric keys, one row per layer, then a {@code TOTAL} row. */
public final class ResultCsv {
    private ResultCsv() {
    }

    public static String render(PricedResult r) {
        StringBuilder sb = new StringBuilder();
        try {
            write(r, sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Writes {@link #render}'s text to {@code sb} a row at a time. */
    public static void write(PricedResult p, Appendable sb) throws java.io.IOException {
        SimulationResult r = p.run();
        List<Metric<LayerRow>> cols = Metrics.LAYER;
        for (int i = 0; i < cols.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(cols.get(i).key());
        }
        sb.append('\n');
        for (int n = 0; n < r.layers().size(); n++) {
            LayerRow row = new LayerRow(p, n);
            for (int i = 0; i < cols.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(csv(cols.get(i).value().apply(row)));
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
                case "macs": v = Long.toString(r.compute().macs()); break;
                case "utilization": v = csv(r.utilization()); break;
                case "sramReads": v = Long.toString(r.compute().sramReads()); break;
                case "sramWrites": v = Long.toString(r.compute().sramWrites()); break;
                case "dramReadBytes": v = r.hasMemory() ? Long.toString(r.dramReadBytes()) : ""; break;
                case "dramWriteBytes": v = r.hasMemory() ? Long.toString(r.dramWriteBytes()) : ""; break;
                case "compulsoryDramBytes": v = csv(r.compulsoryDramBytes()); break;
                case "energyPj": v = csv(p.cost().energyPj()); break;
                default: v = SUMMED.contains(key) ? sum(cols.get(i), p) : "";
            }
            sb.append(i == 0 ? "" : ",").append(v);
        }
        sb.append('\n');
    }

    /** Per-layer columns whose TOTAL is the sum of the layers' values (blank where no layer has one). */
    static final java.util.Set<String> SUMMED = java.util.Set.of("computeCycles", "sramIfmapReads", "sramFilterReads",
            "sramOfmapReads", "sramOfmapWrites", "dramIfmapReadBytes", "dramFilterReadBytes", "dramPsumReadBytes",
            "dramOfmapWriteBytes", "dramPsumWriteBytes");

    private static String sum(Metric<LayerRow> m, PricedResult p) {
        long s = 0;
        boolean any = false;
        for (int n = 0; n < p.run().layers().size(); n++) {
            Object v = m.value().apply(new LayerRow(p, n));
            if (v instanceof Number x) {
                s = Math.addExact(s, x.longValue());
                any = true;
            }
        }
        return any ? Long.toString(s) : "";
    }

    static String csv(Object v) {
        if (v == null) {
            return "";
        }
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
