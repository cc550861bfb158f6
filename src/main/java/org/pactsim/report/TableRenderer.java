package org.pactsim.report;

import java.util.ArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;

/** A terminal table: one row per layer, a totals row, and the run's header and notes. */
public final class TableRenderer {
    private static final List<String> COLUMNS = List.of("name", "type", "m", "n", "k", "folds", "cycles",
            "stallCycles", "utilization", "mappingEfficiency", "sramReads", "sramWrites");
    private static final List<String> MEMORY_COLUMNS = List.of("dramReadBytes", "dramWriteBytes", "onChip", "tiles");

    private TableRenderer() {
    }

    public static String render(PricedResult r) {
        StringBuilder sb = new StringBuilder();
        try {
            write(r, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /**
     * Writes {@link #render}'s text to {@code sb} a row at a time: the cells are made twice
     * (once for the column widths), never all kept (a 100,000-layer run's rows took hundreds
     * of MB).
     */
    public static void write(PricedResult p, Appendable sb) throws IOException {
        SimulationResult r = p.run();
        var a = r.accelerator();
        sb.append(String.format(Locale.ROOT, "%s on %s: %dx%d %s array x %d core(s), %s MHz, DRAM %s GB/s, %s model%n",
                r.compute().network(), a.name(), a.array().rows(), a.array().cols(), a.dataflow().key(), a.cores(),
                Fmt.real(a.clockMhz()), Fmt.real(a.dram().bandwidthGBps()), r.model().key()));
        List<String> keys = new ArrayList<>(COLUMNS);
        if (r.hasMemory()) {
            keys.addAll(MEMORY_COLUMNS);
        }
        List<Metric<LayerRow>> cols = new ArrayList<>();
        for (String k : keys) {
            cols.add(Metrics.LAYER.stream().filter(m -> m.key().equals(k)).findFirst().orElseThrow());
        }
        String[] header = cols.stream().map(Metric::label).toArray(String[]::new);
        String[] total = new String[cols.size()];
        Arrays.fill(total, "");
        total[0] = "TOTAL";
        total[1] = r.layers().size() + " layers";
        total[keys.indexOf("cycles")] = Fmt.count(r.cycles());
        total[keys.indexOf("stallCycles")] = Fmt.count(r.stallCycles());
        total[keys.indexOf("utilization")] = Fmt.percent(r.utilization());
        total[keys.indexOf("sramReads")] = Fmt.count(r.compute().sramReads());
        total[keys.indexOf("sramWrites")] = Fmt.count(r.compute().sramWrites());
        if (r.hasMemory()) {
            total[keys.indexOf("dramReadBytes")] = Fmt.count(r.dramReadBytes());
            total[keys.indexOf("dramWriteBytes")] = Fmt.count(r.dramWriteBytes());
        }
        int[] w = new int[cols.size()];
        widen(w, header);
        for (int i = 0; i < r.layers().size(); i++) {
            widen(w, cells(cols, new LayerRow(p, i)));
        }
        widen(w, total);
        row(sb, header, w, keys);
        line(sb, w);
        for (int i = 0; i < r.layers().size(); i++) {
            row(sb, cells(cols, new LayerRow(p, i)), w, keys);
        }
        line(sb, w);
        row(sb, total, w, keys);
        sb.append(String.format(Locale.ROOT, "%s MACs, %s cycles = %s ms at %s MHz (first inference)%n",
                Fmt.count(r.compute().macs()), Fmt.count(r.cycles()), Fmt.real(r.latencySeconds() * 1e3),
                Fmt.real(a.clockMhz())));
        if (r.hasMemory() && r.compulsoryDramBytes() != null) {
            long moved = Math.addExact(r.dramReadBytes(), r.dramWriteBytes());
            Double x = r.dramToCompulsory();
            sb.append(String.format(Locale.ROOT, "DRAM: %s bytes first inference, %s compulsory (weights once, input,"
                    + " outputs)%s%n", Fmt.count(moved), Fmt.count(r.compulsoryDramBytes()),
                    x == null ? "" : " = " + Fmt.real(x) + " x compulsory"));
        }
        if (r.hasMemory()) {
            sb.append(String.format(Locale.ROOT, "steady state: %s cycles, %s DRAM bytes per inference, %s inferences/s%n",
                    Fmt.count(r.steadyStateCycles()), Fmt.count(r.steadyStateDramBytes()), Fmt.real(r.inferencesPerSecond())));
        } else {
            sb.append(String.format(Locale.ROOT, "%s inferences/s%n", Fmt.real(r.inferencesPerSecond())));
        }
        if (r.hasMemory() && a.cores() > 1) {
            sb.append(coresLine(r)).append(System.lineSeparator());
        }
        {
            var c = p.cost();
            Fmt.EnergyUnit u = Fmt.energyUnit(c.energyPj());
            sb.append(String.format(Locale.ROOT,
                    "cost: %s mm^2 (array %s, SRAM %s, other %s), %s peak TOPS, %s %s first inference "
                            + "(MAC %s, SRAM %s, DRAM %s, leakage %s, vector %s, NoC %s), steady state %s %s, %s W,"
                            + " %s TOPS/W%n",
                    Fmt.real(c.areaMm2()), Fmt.real(c.area().arrayMm2()), Fmt.real(c.area().sramMm2()),
                    Fmt.real(c.area().otherMm2()), Fmt.real(c.peakTops()), u.of(c.energyPj()), u.name(),
                    u.of(c.energy().macPj()), u.of(c.energy().sramPj()), u.of(c.energy().dramPj()),
                    u.of(c.energy().leakagePj()), u.of(c.energy().vectorPj()), u.of(c.energy().nocPj()),
                    u.of(p.steadyCost().energyPj()), u.name(),
                    Fmt.real(p.steadyCost().powerW()), Fmt.real(p.steadyCost().topsPerW())));
        }
        long vector = Metrics.vectorCycles(r);
        int onVector = 0;
        int fused = 0;
        for (int i = 0; i < r.layers().size(); i++) {
            if (r.layers().get(i).onVectorUnit()) {
                onVector++;
                if (r.memory(i) != null && r.memory(i).split().equals("fused")) {
                    fused++;
                }
            }
        }
        if (onVector > 0) {
            sb.append(String.format(Locale.ROOT, "vector unit (%d lanes/core): %s cycles = %s%% of the time%s%n",
                    a.vector().lanes(), Fmt.count(vector), Fmt.percent(r.cycles() == 0 ? 0 : (double) vector / r.cycles()),
                    fused == 0 ? "" : " (" + fused + " of its " + onVector + " layers fused into a GEMM's output path:"
                            + " only what their lanes take beyond the GEMM shows)"));
        }
        whereTheTimeGoes(r, sb);
        for (String note : r.compute().notes()) {
            sb.append("note: ").append(note).append(System.lineSeparator());
        }
    }

    /** Layers named in {@link #whereTheTimeGoes}. */
    static final int TOP = 5;

    /**
     * Where the first inference's time goes: the share of each layer type (largest first), then
     * the {@link #TOP} slowest layers with what bounds each: the array's compute, DRAM (more than
     * half its cycles stalled) or the vector unit.
     */
    static void whereTheTimeGoes(SimulationResult r, Appendable sb) throws IOException {
        long total = r.cycles();
        int n = r.layers().size();
        if (total == 0 || n == 0) {
            return;
        }
        java.util.Map<String, long[]> byType = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            long[] t = byType.computeIfAbsent(r.layers().get(i).type(), k -> new long[2]);
            t[0] = Math.addExact(t[0], r.layerCycles(i));
            t[1]++;
        }
        List<java.util.Map.Entry<String, long[]>> types = new ArrayList<>(byType.entrySet());
        types.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
        List<String> parts = new ArrayList<>();
        for (var e : types) {
            if (e.getValue()[0] > 0) {
                parts.add(e.getKey() + " " + Fmt.percent((double) e.getValue()[0] / total) + "% (" + e.getValue()[1]
                        + (e.getValue()[1] == 1 ? " layer)" : " layers)"));
            }
        }
        sb.append("where the time goes (first inference): ").append(String.join(", ", parts))
                .append(System.lineSeparator());
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Long.compare(r.layerCycles(y), r.layerCycles(x)));
        List<String> top = new ArrayList<>();
        for (int k = 0; k < Math.min(TOP, n) && r.layerCycles(order[k]) > 0; k++) {
            int i = order[k];
            long c = r.layerCycles(i);
            long stall = r.layerStallCycles(i);
            String bound = r.layers().get(i).onVectorUnit() ? "vector unit"
                    : 2 * stall > c ? "DRAM: " + Fmt.percent((double) stall / c) + "% stalled" : "compute";
            top.add(r.layers().get(i).name() + " " + Fmt.percent((double) c / total) + "% (" + bound + ")");
        }
        sb.append("  slowest layers: ").append(String.join(", ", top)).append(System.lineSeparator());
    }

    private static String[] cells(List<Metric<LayerRow>> cols, LayerRow row) {
        String[] out = new String[cols.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fmt.cell(cols.get(i), row);
        }
        return out;
    }

    private static void widen(int[] w, String[] row) {
        for (int i = 0; i < row.length; i++) {
            w[i] = Math.max(w[i], row[i].length());
        }
    }

    private static void row(Appendable sb, String[] row, int[] w, List<String> keys) throws IOException {
        for (int i = 0; i < row.length; i++) {
            boolean left = i < 2 || keys.get(i).equals("onChip") || keys.get(i).equals("tiles");
            sb.append(pad(row[i], w[i], left)).append(i == row.length - 1 ? "" : "  ");
        }
        sb.append(System.lineSeparator());
    }

    private static void line(Appendable sb, int[] w) throws IOException {
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

    /** How the cores run the layers: in lockstep, or as a layer pipeline over core groups. */
    static String coresLine(SimulationResult r) {
        org.pactsim.memory.LayerPipeline lp = r.pipeline();
        if (lp == null) {
            return String.format(Locale.ROOT, "cores: lockstep (every layer split over the %d cores)",
                    r.accelerator().cores());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "cores: layer pipeline of %d stages on %d of %d cores, one inference"
                + " every %s cycles (set by %s); the first inference runs the stages in turn:",
                lp.stages().size(), lp.activeCores(), r.accelerator().cores(), Fmt.count(lp.period()), lp.bound()));
        for (org.pactsim.memory.LayerPipeline.Stage s : lp.stages()) {
            String first = r.layers().get(s.first()).name();
            String last = r.layers().get(s.last()).name();
            sb.append(String.format(Locale.ROOT, " %s%s on %d, %s;", first, s.first() == s.last() ? "" : ".." + last,
                    s.cores(), Fmt.count(s.cycles())));
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
