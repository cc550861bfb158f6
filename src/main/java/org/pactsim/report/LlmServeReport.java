package org.pactsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pactsim.study.Llm;
import org.pactsim.study.LlmServeStudy;

/** The iso-area serving study as a text table, CSV, JSON, a speedup chart and one HTML page. */
public final class LlmServeReport {
    public static final String SCHEMA = "pactsim/iso-area-serve/1";

    private LlmServeReport() {
    }

    static String bw(LlmServeStudy.Point p) {
        return Double.isInfinite(p.bandwidthGBps()) ? "unlimited" : Fmt.real(p.bandwidthGBps()) + " GB/s";
    }

    /** Per point, the fields of the CSV and JSON, in order. */
    static Map<String, Object> fields(LlmServeStudy.Point p) {
        var a = p.design().accelerator();
        Llm.Serve s = p.serve();
        Llm.Step last = s.decode().get(s.decode().size() - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", p.precision().key());
        m.put("bandwidthGBps", Double.isInfinite(p.bandwidthGBps()) ? null : p.bandwidthGBps());
        m.put("cores", (long) a.cores());
        m.put("rows", (long) a.array().rows());
        m.put("cols", (long) a.array().cols());
        m.put("dataflow", a.dataflow().key());
        m.put("pes", a.totalPes());
        m.put("tokensPerSecond", s.tokensPerSecond());
        m.put("ttftMs", s.ttftSeconds() * 1e3);
        m.put("tpotMs", s.tpotSeconds() * 1e3);
        m.put("speedup", p.speedup());
        m.put("peakRatio", p.peakRatio());
        m.put("superLinearity", p.superLinearity());
        m.put("weightsOnChipLastStep", last.weightsOnChip());
        m.put("kvOnChipLastStep", last.cacheOnChip());
        m.put("designsSearched", (long) p.designs());
        m.put("designsInfeasible", (long) p.infeasible());
        m.put("decodeStepsSimulated", (long) s.decode().size());
        return m;
    }

    public static String table(LlmServeStudy.Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "PACT iso-area serving study: %s on %s-sized"
                + " designs, compute area %s mm^2, %s KiB SRAM in all; %d request%s of %d prompt tokens, %d output"
                + " tokens each; %d decode steps simulated per scenario, the rest interpolated%n", r.config().title(),
                r.base().name(), Fmt.real(r.budgetMm2()), Fmt.count(r.base().totalSramKiB()), r.batch(),
                r.batch() == 1 ? "" : "s", r.prompt(), r.generate(), LlmServeStudy.SAMPLES));
        List<List<String>> rows = new ArrayList<>();
        for (LlmServeStudy.Point p : r.points()) {
            var a = p.design().accelerator();
            Llm.Serve s = p.serve();
            Llm.Step last = s.decode().get(s.decode().size() - 1);
            rows.add(List.of(p.precision().key(), bw(p), a.cores() + "x" + a.array().rows() + "x" + a.array().cols() + " "
                    + a.dataflow().key(), Fmt.real(s.tokensPerSecond()), String.format(Locale.ROOT, "%.2f",
                    s.ttftSeconds() * 1e3), String.format(Locale.ROOT, "%.3f", s.tpotSeconds() * 1e3),
                    String.format(Locale.ROOT, "%.2fx", p.speedup()), String.format(Locale.ROOT, "%.2fx", p.peakRatio()),
                    String.format(Locale.ROOT, "%.2f", p.superLinearity()),
                    Math.round(100 * last.weightsOnChip()) + "% / " + Math.round(100 * last.cacheOnChip()) + "%",
                    p.superLinearity() > 1.005 ? "SUPER-LINEAR" : ""));
        }
        sb.append(TextTable.render(List.of("precision", "DRAM", "design", "tokens/s", "TTFT ms", "TPOT ms", "speedup",
                "peak ratio", "super-lin", "weights/KV on chip (last step)", ""), rows, 3, 9));
        return sb.toString();
    }

    public static String csv(LlmServeStudy.Result r) {
        StringBuilder sb = new StringBuilder();
        for (LlmServeStudy.Point p : r.points()) {
            Map<String, Object> f = fields(p);
            if (sb.length() == 0) {
                sb.append(String.join(",", f.keySet())).append('\n');
            }
            boolean first = true;
            for (Object v : f.values()) {
                sb.append(first ? "" : ",").append(v == null ? (first ? "" : "unlimited") : ResultCsv.csv(v));
                first = false;
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String json(LlmServeStudy.Result r) {
        var root = ResultJson.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("network", r.config().name());
        root.put("phase", "serve");
        root.put("batch", r.batch());
        root.put("prompt", r.prompt());
        root.put("generate", r.generate());
        root.put("computeAreaMm2", r.budgetMm2());
        root.set("base", ResultJson.accelerator(r.base()));
        var pts = root.putArray("points");
        for (LlmServeStudy.Point p : r.points()) {
            var o = pts.addObject();
            for (Map.Entry<String, Object> e : fields(p).entrySet()) {
                ResultJson.put(o, e.getKey(), e.getValue());
            }
        }
        return root.toPrettyString() + System.lineSeparator();
    }

    /** Speedup bars per bandwidth, with the peak ratio as a dashed line. */
    public static JFreeChart speedup(LlmServeStudy.Result r) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset peak = new DefaultCategoryDataset();
        for (LlmServeStudy.Point p : r.points()) {
            bars.addValue(p.speedup(), "DRAM " + bw(p), p.precision().key());
            peak.addValue(p.peakRatio(), "peak ratio (" + bw(p) + ")", p.precision().key());
        }
        JFreeChart c = ChartFactory.createBarChart("Serving speedup at equal compute area: " + r.config().title(),
                "precision", "speedup in output tokens/s (x)", bars, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = c.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDataset(1, peak);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < peak.getRowCount(); i++) {
            line.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {8f, 5f}, 0f));
        }
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        c.setBackgroundPaint(Color.WHITE);
        return c;
    }

    public static String html(LlmServeStudy.Result r, Map<String, String> info, JFreeChart chart) {
        Html h = new Html("pactsim iso-area serving study: " + r.config().title());
        h.heading(1, "Iso-area serving study: " + r.config().title());
        h.inputs(info);
        List<Html.Column> cols = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (LlmServeStudy.Point p : r.points()) {
            Map<String, Object> f = fields(p);
            if (cols.isEmpty()) {
                for (Map.Entry<String, Object> e : f.entrySet()) {
                    cols.add(e.getValue() instanceof Number || e.getKey().equals("bandwidthGBps")
                            ? Html.Column.num(e.getKey()) : Html.Column.text(e.getKey()));
                }
            }
            rows.add(new ArrayList<>(f.values()));
        }
        h.table("points", cols, rows, java.util.Set.of());
        h.figure(SvgChart.inline(chart, "chart-speedup", ChartFiles.WIDTH, ChartFiles.HEIGHT, SvgChart::valueTip),
                "Speedup in output tokens per second over the baseline's best design at the same bandwidth; dashed: the"
                        + " peak MAC-rate ratio of the two designs.");
        return h.page();
    }
}
