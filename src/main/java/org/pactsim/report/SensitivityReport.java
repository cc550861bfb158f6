package org.pactsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.pactsim.study.Sensitivity;
import org.pactsim.workload.TracePrecision;

/**
 * {@code iso-area --sensitivity} as text, CSV, JSON and charts: per low-bit precision, the
 * super-linearity at the reference bandwidth under each changed assumption (a tornado chart,
 * widest swing on top), the regime map (super-linearity over SRAM size x bandwidth, a heat map)
 * and one sentence naming the assumption the verdict hangs on.
 */
public final class SensitivityReport {
    public static final String SCHEMA = "pactsim/iso-area-sensitivity/1";

    private SensitivityReport() {
    }

    public static String text(Sensitivity.Result s) {
        StringBuilder sb = new StringBuilder();
        List<TracePrecision> ps = s.precisions();
        sb.append(String.format(Locale.ROOT, "%nSensitivity: super-linearity at %s with one assumption changed at a time "
                + "(%d runs of the study, %,d designs)%n", bw(s.bandwidthGBps()), runs(s), s.designsRun()));
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("assumption", "variant"));
        ps.forEach(p -> head.add(s.keys().get(p)));
        rows.add(head.toArray(String[]::new));
        List<String> ref = new ArrayList<>(List.of("(reference)", s.reference().base().name()));
        ps.forEach(p -> ref.add(two(s.reference(p))));
        rows.add(ref.toArray(String[]::new));
        for (Sensitivity.Assumption a : s.assumptions()) {
            for (Sensitivity.Variant v : a.variants()) {
                List<String> row = new ArrayList<>(List.of(a.name(), v.label()));
                ps.forEach(p -> row.add(two(v.superLinearity().get(p))));
                rows.add(row.toArray(String[]::new));
            }
        }
        table(sb, rows, 2);
        for (TracePrecision p : ps) {
            sb.append(String.format(Locale.ROOT, "%nRegime map: %s super-linearity, total SRAM (rows) x DRAM bandwidth "
                    + "(columns)%n", s.keys().get(p)));
            List<String[]> m = new ArrayList<>();
            List<String> h = new ArrayList<>(List.of("SRAM \\ GB/s"));
            Sensitivity.REGIME_GBPS.forEach(b -> h.add(Double.isInfinite(b) ? "unlimited" : Fmt.real(b)));
            m.add(h.toArray(String[]::new));
            double[][] g = s.regime().get(p);
            for (int i = 0; i < g.length; i++) {
                List<String> row = new ArrayList<>(List.of(sram(s, i)));
                for (double x : g[i]) {
                    row.add(two(x));
                }
                m.add(row.toArray(String[]::new));
            }
            table(sb, m, 1);
        }
        sb.append(System.lineSeparator());
        ps.forEach(p -> sb.append(s.sentence(p)).append(System.lineSeparator()));
        return sb.toString();
    }

    public static int runs(Sensitivity.Result s) {
        return 1 + s.assumptions().stream().mapToInt(a -> a.variants().size()).sum() + Sensitivity.REGIME_SRAM.size();
    }

    /** A row of the regime map: the total SRAM at that multiplier. */
    static String sram(Sensitivity.Result s, int i) {
        long kib = s.reference().base().totalSramKiB();
        double x = kib * Sensitivity.REGIME_SRAM.get(i);
        return x >= 1024 ? Fmt.real(x / 1024) + " MiB" : Fmt.real(x) + " KiB";
    }

    private static void table(StringBuilder sb, List<String[]> rows, int leftColumns) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(w[i] - r[i].length());
                sb.append(i < leftColumns ? r[i] + pad : pad + r[i]).append(i == r.length - 1 ? "" : "  ");
            }
            sb.append(System.lineSeparator());
        }
    }

    static String two(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    static String bw(double gbps) {
        return Double.isInfinite(gbps) ? "unlimited bandwidth" : Fmt.real(gbps) + " GB/s";
    }

    public static String csv(Sensitivity.Result s) {
        StringBuilder sb = new StringBuilder("precision,assumption,variant,bandwidthGBps,sramKiB,superLinearity,reference\n");
        long kib = s.reference().base().totalSramKiB();
        String refBw = Double.isInfinite(s.bandwidthGBps()) ? "unlimited" : Double.toString(s.bandwidthGBps());
        for (TracePrecision p : s.precisions()) {
            String key = s.keys().get(p);
            sb.append(String.join(",", key, "(reference)", "", refBw, Long.toString(kib), Double.toString(s.reference(p)),
                    Double.toString(s.reference(p)))).append('\n');
            for (Sensitivity.Assumption a : s.assumptions()) {
                for (Sensitivity.Variant v : a.variants()) {
                    sb.append(String.join(",", key, ResultCsv.csv(a.name()), ResultCsv.csv(v.label()), "", "",
                            Double.toString(v.superLinearity().get(p)), Double.toString(s.reference(p)))).append('\n');
                }
            }
            double[][] g = s.regime().get(p);
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < g[i].length; j++) {
                    double b = Sensitivity.REGIME_GBPS.get(j);
                    sb.append(String.join(",", key, "regime map", "", Double.isInfinite(b) ? "unlimited" : Double.toString(b),
                            Long.toString(Math.round(kib * Sensitivity.REGIME_SRAM.get(i))), Double.toString(g[i][j]),
                            Double.toString(s.reference(p)))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    public static String json(Sensitivity.Result s) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("network", s.reference().points().get(0).result().compute().network());
        root.put("base", s.reference().base().name());
        if (Double.isInfinite(s.bandwidthGBps())) {
            root.putNull("bandwidthGBps");
        } else {
            root.put("bandwidthGBps", s.bandwidthGBps());
        }
        root.put("designsRun", s.designsRun());
        ArrayNode precisions = root.putArray("precisions");
        long kib = s.reference().base().totalSramKiB();
        for (TracePrecision p : s.precisions()) {
            ObjectNode o = precisions.addObject();
            o.put("precision", s.keys().get(p));
            o.put("reference", s.reference(p));
            o.put("finding", s.sentence(p));
            ArrayNode as = o.putArray("assumptions");
            for (Sensitivity.Assumption a : s.bySwing(p)) {
                ObjectNode ao = as.addObject();
                ao.put("assumption", a.name());
                double[] r = a.range(p, s.reference(p));
                ao.put("low", r[0]);
                ao.put("high", r[1]);
                ArrayNode vs = ao.putArray("variants");
                for (Sensitivity.Variant v : a.variants()) {
                    vs.addObject().put("variant", v.label()).put("superLinearity", v.superLinearity().get(p));
                }
            }
            ArrayNode regime = o.putArray("regime");
            double[][] g = s.regime().get(p);
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < g[i].length; j++) {
                    ObjectNode c = regime.addObject();
                    c.put("sramKiB", Math.round(kib * Sensitivity.REGIME_SRAM.get(i)));
                    double b = Sensitivity.REGIME_GBPS.get(j);
                    if (Double.isInfinite(b)) {
                        c.putNull("bandwidthGBps");
                    } else {
                        c.put("bandwidthGBps", b);
                    }
                    c.put("superLinearity", g[i][j]);
                }
            }
        }
        return root.toPrettyString() + System.lineSeparator();
    }

    /** The charts by file stem: a tornado and a regime map per low-bit precision. */
    public static Map<String, JFreeChart> charts(Sensitivity.Result s) {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        for (TracePrecision p : s.precisions()) {
            m.put("tornado-" + s.keys().get(p), tornado(s, p));
        }
        for (TracePrecision p : s.precisions()) {
            m.put("regime-" + s.keys().get(p), regime(s, p));
        }
        return m;
    }

    /**
     * A tornado chart: per assumption (widest swing on top) a bar from the lowest to the highest
     * super-linearity its variants give, split at the reference value; dashed lines at the
     * reference and at 1 (linear).
     */
    static JFreeChart tornado(Sensitivity.Result s, TracePrecision p) {
        double ref = s.reference(p);
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        double lo = Math.min(ref, 1);
        double hi = Math.max(ref, 1);
        for (Sensitivity.Assumption a : s.bySwing(p)) {
            double[] r = a.range(p, ref);
            d.addValue(r[0], "offset", a.name());
            d.addValue(ref - r[0], "lower than the reference", a.name());
            d.addValue(r[1] - ref, "higher than the reference", a.name());
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        JFreeChart c = ChartFactory.createStackedBarChart("Super-linearity of " + s.keys().get(p) + " at "
                        + bw(s.bandwidthGBps()) + ": one assumption changed at a time", "assumption",
                "super-linearity (speedup / peak ratio)", d, PlotOrientation.HORIZONTAL, true, false, false);
        c.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = c.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0, 0, 0, 0));
        r.setSeriesVisibleInLegend(0, false);
        r.setSeriesPaint(1, new Color(0x1f77b4));
        r.setSeriesPaint(2, new Color(0xd62728));
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        double pad = Math.max(0.05, (hi - lo) * 0.05);
        axis.setRange(Math.max(0, lo - pad), hi + pad);
        plot.addRangeMarker(marker(ref, "reference " + two(ref), Color.BLACK));
        plot.addRangeMarker(marker(1, "linear", Color.GRAY));
        return c;
    }

    private static ValueMarker marker(double at, String label, Color color) {
        ValueMarker m = new ValueMarker(at, color, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                1f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return m;
    }

    /**
     * The regime map: super-linearity over total SRAM (rows) x DRAM bandwidth (columns) as a heat
     * map, blue below 1, red above, each cell's value written in it.
     */
    static JFreeChart regime(Sensitivity.Result s, TracePrecision p) {
        double[][] g = s.regime().get(p);
        int rows = g.length;
        int cols = g[0].length;
        double[] x = new double[rows * cols];
        double[] y = new double[rows * cols];
        double[] z = new double[rows * cols];
        double max = 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] = j;
                y[i * cols + j] = i;
                z[i * cols + j] = g[i][j];
                max = Math.max(max, g[i][j]);
            }
        }
        DefaultXYZDataset d = new DefaultXYZDataset();
        d.addSeries("super-linearity", new double[][] {x, y, z});
        String[] bws = Sensitivity.REGIME_GBPS.stream().map(b -> Double.isInfinite(b) ? "unlimited" : Fmt.real(b))
                .toArray(String[]::new);
        String[] srams = new String[rows];
        for (int i = 0; i < rows; i++) {
            srams[i] = sram(s, i);
        }
        SymbolAxis xa = new SymbolAxis("DRAM bandwidth (GB/s)", bws);
        SymbolAxis ya = new SymbolAxis("total on-chip SRAM", srams);
        XYBlockRenderer r = new XYBlockRenderer();
        LookupPaintScale scale = paintScale(Math.ceil(max * 2) / 2);
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(d, xa, ya, r);
        plot.setBackgroundPaint(Color.WHITE);
        for (int k = 0; k < z.length; k++) {
            XYTextAnnotation a = new XYTextAnnotation(two(z[k]), x[k], y[k]);
            a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            plot.addAnnotation(a);
        }
        JFreeChart c = new JFreeChart("Super-linearity of " + s.keys().get(p) + " by SRAM and bandwidth", plot);
        c.removeLegend();
        c.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis("super-linearity");
        legendAxis.setRange(0, scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        c.addSubtitle(legend);
        return c;
    }

    /** Blue (sub-linear) through white (linear, 1) to red (super-linear), in steps of 0.05. */
    static LookupPaintScale paintScale(double upper) {
        LookupPaintScale s = new LookupPaintScale(0, Math.max(upper, 1.5), Color.WHITE);
        for (double v = 0; v < s.getUpperBound(); v += 0.05) {
            double mid = v + 0.025;
            Color c;
            if (mid < 1) {
                float t = (float) Math.min(1, (1 - mid));
                c = new Color(1 - 0.8f * t, 1 - 0.55f * t, 1f);
            } else {
                float t = (float) Math.min(1, (mid - 1) / Math.max(0.5, s.getUpperBound() - 1));
                c = new Color(1f, 1 - 0.8f * t, 1 - 0.8f * t);
            }
            s.add(v, c);
        }
        return s;
    }
}
