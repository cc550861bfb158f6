package org.pactsim.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pactsim.engine.LayerResult;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;

/**
 * The HTML of one run: its totals, its per-layer breakdown as a sortable table (where the time
 * goes, DRAM bytes by operand, where each tensor lives, the split over the cores and the tiling)
 * and as a stacked bar chart of each layer's cycles (array compute, DRAM stall, vector unit).
 * {@code pactsim simulate --out} writes it as a page; {@code iso-area} shows one per design point.
 */
public final class RunHtml {
    /** The per-layer columns, by {@link Metrics#LAYER} key. */
    static final List<String> LAYER_KEYS = List.of("name", "type", "unit", "split", "tiles", "onChip", "cycles",
            "computeCycles", "stallCycles", "macs", "utilization", "dramIfmapReadBytes", "dramFilterReadBytes",
            "dramPsumReadBytes", "dramOfmapWriteBytes", "dramPsumWriteBytes", "compulsoryDramBytes", "energyPj");

    /** The totals shown, by {@link Metrics#TOTAL} key. */
    static final List<String> TOTAL_KEYS = List.of("cycles", "steadyStateCycles", "stallCycles", "vectorCycles",
            "macs", "utilization", "dramReadBytes", "dramWriteBytes", "steadyStateDramBytes", "compulsoryDramBytes",
            "dramToCompulsory", "latencySeconds", "inferencesPerSecond", "peakTops", "energyPj",
            "steadyStateEnergyPj", "powerW", "topsPerWatt", "areaMm2");

    private RunHtml() {
    }

    /** The page {@code simulate --out} writes ({@code report.html}). */
    public static String page(PricedResult r, Map<String, String> inputs, String acceleratorJson) {
        SimulationResult s = r.run();
        Html h = new Html("pactsim simulate: " + s.compute().network() + " on " + s.accelerator().name());
        h.heading(1, s.compute().network() + " on " + s.accelerator().name());
        Map<String, String> in = new LinkedHashMap<>();
        in.put("accelerator", describe(s.accelerator()));
        in.put("network", s.compute().network() + " (" + s.layers().size() + " layers)");
        in.put("timing model", s.model().key());
        in.putAll(inputs);
        h.inputs(in);
        h.folded("resolved accelerator (JSON)", acceleratorJson);
        h.heading(2, "Totals");
        totals(h, "totals", List.of(r), List.of("this run"));
        if (s.hasMemory() && s.accelerator().cores() > 1) {
            h.para(TableRenderer.coresLine(s));
        }
        if (s.hasMemory()) {
            List<Integer> plotted = RooflineChart.plotted(s);
            h.figure(SvgChart.inline(RooflineChart.chart(s), "roofline", ChartFiles.WIDTH, ChartFiles.HEIGHT, e -> {
                String v = SvgChart.valueTip(e);
                if (v != null && e instanceof org.jfree.chart.entity.XYItemEntity x && x.getSeriesIndex() == 0
                        && x.getItem() < plotted.size()) {
                    int i = plotted.get(x.getItem());
                    return s.layers().get(i).name() + " (" + s.layers().get(i).type() + "): "
                            + Fmt.real(x.getDataset().getXValue(0, x.getItem())) + " MACs per DRAM byte, "
                            + Fmt.real(x.getDataset().getYValue(0, x.getItem())) + " GMAC/s";
                }
                return v;
            }), "Each layer against the roofline of the chip: its MACs per DRAM byte and its achieved MACs per"
                    + " second (hover a point for the layer and its values).");
        }
        h.heading(2, "Per layer");
        layers(h, "layers", "layer-cycles", r);
        if (!s.compute().notes().isEmpty()) {
            h.heading(2, "Notes");
            StringBuilder ul = new StringBuilder("<ul>");
            s.compute().notes().forEach(n -> ul.append("<li>").append(Html.esc(n)).append("</li>"));
            h.raw(ul.append("</ul>").toString());
        }
        return h.page();
    }

    /** One line describing an accelerator: cores, array, dataflow, PE, SRAM, DRAM, clock, node. */
    static String describe(AcceleratorSpec a) {
        return a.name() + ": " + a.cores() + " core(s) of " + a.array().rows() + "x" + a.array().cols() + " "
                + a.dataflow().key() + " array, " + org.pactsim.spec.Precision.of(a.pe()).key() + " " + a.pe().mode().key()
                + " PEs, " + Fmt.count(a.sram().totalKiB())
                + " KiB SRAM per core, DRAM " + (a.dram().isUnlimited() ? "unlimited" : Fmt.real(a.dram().bandwidthGBps())
                + " GB/s") + ", " + Fmt.real(a.clockMhz()) + " MHz, " + a.technologyNm() + " nm";
    }

    /** A table of the totals of several runs, one row each, named by {@code names}. */
    static void totals(Html h, String id, List<PricedResult> runs, List<String> names) {
        List<Metric<PricedResult>> ms = pick(Metrics.TOTAL, TOTAL_KEYS);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(names.get(i));
            for (Metric<PricedResult> m : ms) {
                row.add(value(m, runs.get(i)));
            }
            rows.add(row);
        }
        List<Html.Column> cols = new ArrayList<>();
        cols.add(Html.Column.text("run"));
        for (int c = 0; c < ms.size(); c++) {
            cols.add(column(ms.get(c), rows, c + 1));
        }
        h.table(id, cols, rows, java.util.Set.of());
    }

    /** The per-layer table and the stacked cycles chart of one run. */
    static void layers(Html h, String tableId, String chartId, PricedResult r) {
        List<Metric<LayerRow>> ms = pick(Metrics.LAYER, LAYER_KEYS);
        List<List<Object>> rows = new ArrayList<>();
        int n = r.run().layers().size();
        for (int i = 0; i < n; i++) {
            LayerRow lr = new LayerRow(r, i);
            List<Object> row = new ArrayList<>();
            for (Metric<LayerRow> m : ms) {
                row.add(value(m, lr));
            }
            rows.add(row);
        }
        List<Html.Column> cols = new ArrayList<>();
        for (int c = 0; c < ms.size(); c++) {
            cols.add(column(ms.get(c), rows, c));
        }
        h.figure(SvgChart.inline(cycles(r.run()), chartId, Math.max(900, Math.min(4000, 14 * n + 200)), 460,
                SvgChart::valueTip), "Cycles of each layer in the first inference: array compute, "
                + "waiting for DRAM, and the vector unit (hover a bar for its value).");
        h.table(tableId, cols, rows, new HashSet<>());
    }

    private static JFreeChart cycles(SimulationResult s) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (int i = 0; i < s.layers().size(); i++) {
            LayerResult l = s.layers().get(i);
            String key = (i + 1) + " " + l.name();
            long total = s.layerCycles(i);
            long stall = s.layerStallCycles(i);
            boolean vector = l.onVectorUnit();
            d.addValue(Long.valueOf(vector ? 0 : total - stall), "array compute", key);
            d.addValue(Long.valueOf(stall), "DRAM stall", key);
            d.addValue(Long.valueOf(vector ? total - stall : 0), "vector unit", key);
        }
        JFreeChart c = ChartFactory.createStackedBarChart("Cycles per layer", "layer", "cycles", d,
                PlotOrientation.VERTICAL, true, false, false);
        c.setBackgroundPaint(Color.WHITE);
        CategoryPlot p = c.getCategoryPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        CategoryAxis x = p.getDomainAxis();
        x.setTickLabelsVisible(s.layers().size() <= 40);
        x.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_90);
        BarRenderer br = (BarRenderer) p.getRenderer();
        br.setBarPainter(new StandardBarPainter());
        br.setShadowVisible(false);
        br.setSeriesPaint(0, new Color(0x1f77b4));
        br.setSeriesPaint(1, new Color(0xd62728));
        br.setSeriesPaint(2, new Color(0x2ca02c));
        return c;
    }

    static <T> List<Metric<T>> pick(List<Metric<T>> all, List<String> keys) {
        List<Metric<T>> out = new ArrayList<>();
        for (String k : keys) {
            all.stream().filter(m -> m.key().equals(k)).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** A metric's column: numeric when every value in it is a number (or missing). */
    static Html.Column column(Metric<?> m, List<List<Object>> rows, int at) {
        boolean numeric = m.integral() || m.percent()
                || rows.stream().allMatch(r -> r.get(at) == null || r.get(at) instanceof Number);
        return new Html.Column(m.percent() ? m.label().replace("%", "") + " %" : m.label(), numeric, m.description());
    }

    static <T> Object value(Metric<T> m, T row) {
        Object v = m.value().apply(row);
        if (m.percent() && v instanceof Number x) {
            return 100 * x.doubleValue();
        }
        if (v instanceof Integer i) {
            return (long) i;
        }
        return v;
    }
}
