package org.pactsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pactsim.cost.EnergyBreakdown;
import org.pactsim.io.format.ResultReader;
import org.pactsim.sim.Costing;
import org.pactsim.spec.AcceleratorSpec;

/** What {@code pactsim recost} prints: the re-priced totals beside the file's, and each layer's energy. */
public final class RecostTable {
    private RecostTable() {
    }

    /** Totals re-priced beside the file's, then each layer's energy in the first inference. */
    public static String table(ResultReader.Run run, AcceleratorSpec a, Costing.Priced p, Map<String, String> was,
                        Map<String, String> with, Map<String, Double> before) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s on %s (%s model), %d layers, re-priced from %s at %d nm%s%n",
                run.network(), a.name(), run.model().key(), run.layers().size(), run.origin(), a.technologyNm(),
                a.technologyNm() == run.accelerator().technologyNm() ? ""
                        : " (the file's: " + run.accelerator().technologyNm() + " nm)"));
        sb.append("cost tables: ").append(origins(with)).append(System.lineSeparator());
        sb.append("in the file: ").append(origins(was)).append(System.lineSeparator());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"total", "re-priced", "in file", "ratio", "meaning"});
        for (Metric<Costing.Priced> m : Metrics.COST) {
            Object v = m.value().apply(p);
            Double now = v instanceof Number ? ((Number) v).doubleValue() : null;
            Double old = before.get(m.key());
            rows.add(new String[] {m.key(), now == null ? "-" : Fmt.real(now), old == null ? "-" : Fmt.real(old),
                    now == null || old == null || old == 0 ? "-" : Fmt.real(now / old), m.description()});
        }
        TextTable.align(sb, rows, 1, 4);
        sb.append(System.lineSeparator()).append("energy of each layer, first inference, pJ").append(System.lineSeparator());
        rows.clear();
        rows.add(new String[] {"layer", "energy", "MAC", "SRAM", "DRAM", "leakage", "vector", "NoC"});
        for (int i = 0; i < run.layers().size(); i++) {
            EnergyBreakdown e = p.cost().layers().get(i);
            rows.add(new String[] {run.layers().get(i), Fmt.real(e.totalPj()), Fmt.real(e.macPj()), Fmt.real(e.sramPj()),
                    Fmt.real(e.dramPj()), Fmt.real(e.leakagePj()), Fmt.real(e.vectorPj()), Fmt.real(e.nocPj())});
        }
        EnergyBreakdown e = p.cost().energy();
        rows.add(new String[] {"TOTAL", Fmt.real(e.totalPj()), Fmt.real(e.macPj()), Fmt.real(e.sramPj()),
                Fmt.real(e.dramPj()), Fmt.real(e.leakagePj()), Fmt.real(e.vectorPj()), Fmt.real(e.nocPj())});
        TextTable.align(sb, rows, 1, 8);
        return sb.toString();
    }

    /** {@code default (mac, sram, ...); my.csv (dram)}: each origin with the kinds taken from it. */
    private static String origins(Map<String, String> kinds) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        kinds.forEach((k, o) -> by.computeIfAbsent(o, x -> new ArrayList<>()).add(k));
        List<String> parts = new ArrayList<>();
        by.forEach((o, ks) -> parts.add(ks.size() == kinds.size() ? o : o + " (" + String.join(", ", ks) + ")"));
        return String.join("; ", parts);
    }


    /** The totals as CSV: {@code total,repriced,inFile,ratio}, full precision. */
    public static String csv(Costing.Priced p, Map<String, Double> before) {
        StringBuilder sb = new StringBuilder("total,repriced,inFile,ratio\n");
        for (Metric<Costing.Priced> m : Metrics.COST) {
            Object v = m.value().apply(p);
            Double now = v instanceof Number ? ((Number) v).doubleValue() : null;
            Double old = before.get(m.key());
            sb.append(m.key()).append(',').append(now == null ? "" : now.toString()).append(',')
                    .append(old == null ? "" : old.toString()).append(',')
                    .append(now == null || old == null || old == 0 ? "" : Double.toString(now / old)).append('\n');
        }
        return sb.toString();
    }
}
