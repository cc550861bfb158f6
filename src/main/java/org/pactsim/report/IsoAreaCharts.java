package org.pactsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pactsim.study.IsoArea;
import org.pactsim.study.IsoAreaDesign;
import org.pactsim.study.IsoAreaPoint;

/**
 * The iso-area study's charts: speedup per precision grouped by bandwidth with the peak-ratio
 * line, PE area per precision, DRAM bytes per inference, and the energy breakdown. Each is
 * rendered as PNG and SVG.
 */
public final class IsoAreaCharts {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private IsoAreaCharts() {
    }

    /** The charts by file stem, in the order the HTML page shows them. */
    public static Map<String, JFreeChart> all(IsoArea.Result r) {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        m.put("speedup", speedup(r));
        m.put("pe-area", peArea(r));
        m.put("dram-traffic", dram(r));
        m.put("energy", energy(r));
        return m;
    }

    static JFreeChart speedup(IsoArea.Result r) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset peak = new DefaultCategoryDataset();
        for (IsoAreaPoint p : r.points()) {
            String prec = p.design().precision().key();
            bars.addValue(p.speedup(), "DRAM " + IsoAreaReport.bw(p), prec);
            peak.addValue(p.peakRatio(), "peak-TOPS ratio", prec);
        }
        JFreeChart c = ChartFactory.createBarChart("Speedup over " + r.plan().baseline().key()
                        + " at equal compute area " + of(r), "precision", "speedup in inferences/s (x)", bars,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = style(c);
        plot.setDataset(1, peak);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, Color.BLACK);
        line.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {8f, 5f}, 0f));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return c;
    }

    static JFreeChart peArea(IsoArea.Result r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (IsoAreaDesign x : r.designs()) {
            if (!seen.add(x.precision())) {
                continue; // under --scale best a precision's winners share their PE
            }
            d.addValue(x.peAreaUm2(), "area of one PE (" + r.base().technologyNm() + " nm)", x.precision().key());
        }
        JFreeChart c = ChartFactory.createBarChart("PE area by precision " + of(r), "precision", "area of one PE (um^2)", d,
                PlotOrientation.VERTICAL, true, false, false);
        style(c);
        return c;
    }

    static JFreeChart dram(IsoArea.Result r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (IsoAreaPoint p : r.points()) {
            d.addValue(p.result().steadyStateDramBytes() / 1e6 / r.plan().batch(), "DRAM " + IsoAreaReport.bw(p),
                    p.design().precision().key());
        }
        double lo = r.points().stream().mapToDouble(p -> p.result().steadyStateDramBytes() / 1e6 / r.plan().batch())
                .filter(x -> x > 0).min().orElse(1);
        double hi = r.points().stream().mapToDouble(p -> p.result().steadyStateDramBytes() / 1e6 / r.plan().batch())
                .max().orElse(1);
        boolean log = hi / lo > 100;
        JFreeChart c = ChartFactory.createBarChart("DRAM traffic per " + r.plan().unit() + " (steady state) " + of(r), "precision",
                "DRAM traffic per " + r.plan().unit() + " (MB" + (log ? ", log scale)" : ")"),
                d, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = style(c);
        if (log) {
            // a linear axis hides the 2-bit bars beside the 16-bit ones: decades, as numbers
            org.jfree.chart.axis.LogAxis y = new org.jfree.chart.axis.LogAxis(plot.getRangeAxis().getLabel());
            y.setSmallestValue(lo / 2);
            y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
            y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.####",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            plot.setRangeAxis(y);
        }
        return c;
    }

    static JFreeChart energy(IsoArea.Result r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        int b = r.plan().batch();
        Fmt.EnergyUnit u = Fmt.energyUnit(r.points().stream().mapToDouble(p -> p.priced().steadyCost().energyPj())
                .max().orElse(0) / b);
        for (IsoAreaPoint p : r.points()) {
            String cat = p.design().precision().key() + " @ " + (p.unlimited() ? "unl." : Fmt.real(p.bandwidthGBps()));
            var e = p.priced().steadyCost().energy();
            d.addValue(e.macPj() / b / u.pj(), "MAC", cat);
            d.addValue(e.sramPj() / b / u.pj(), "SRAM", cat);
            d.addValue(e.dramPj() / b / u.pj(), "DRAM", cat);
            d.addValue(e.leakagePj() / b / u.pj(), "leakage", cat);
            d.addValue((e.vectorPj() + e.nocPj()) / b / u.pj(), "vector unit and NoC", cat);
        }
        JFreeChart c = ChartFactory.createStackedBarChart("Energy per " + r.plan().unit() + " (steady state) " + of(r),
                "precision @ DRAM GB/s", "energy per " + r.plan().unit() + " (" + u.name() + ")", d, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = style(c);
        plot.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        return c;
    }

    /** What the charts are of: network (its name carries the batch) and chip. */
    static String of(IsoArea.Result r) {
        String net = r.points().get(0).result().compute().network();
        String base = "-" + r.plan().baseline().key();
        return "- " + (net.endsWith(base) ? net.substring(0, net.length() - base.length()) : net) + " on "
                + r.base().name();
    }

    private static CategoryPlot style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = c.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (plot.getRenderer() instanceof BarRenderer) {
            BarRenderer br = (BarRenderer) plot.getRenderer();
            br.setBarPainter(new StandardBarPainter());
            br.setShadowVisible(false);
            for (int i = 0; i < PALETTE.length; i++) {
                br.setSeriesPaint(i, PALETTE[i]);
            }
        }
        return plot;
    }

    public static byte[] png(JFreeChart chart) {
        return ChartFiles.png(chart);
    }

    public static byte[] svg(JFreeChart chart) {
        return ChartFiles.svg(chart);
    }
}
