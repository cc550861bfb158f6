package org.pactsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A sweep's scatter chart for one pair of objectives: the points that meet every constraint,
 * coloured by the value of the first swept key (when it has at most {@value #MAX_GROUPS}
 * values), with the Pareto front drawn over them as a black staircase. Axes are logarithmic
 * when a metric spans more than two decades. Past {@value #MAX_DRAWN} points an evenly spaced
 * subset is drawn (every front point always is), and the subtitle says so.
 */
public final class SweepChart {
    public static final int MAX_DRAWN = 2_000;
    static final int MAX_GROUPS = 10;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private SweepChart() {
    }

    /**
     * @param x      x of every feasible point
     * @param y      y of every feasible point
     * @param group  group (index into {@code groups}) of every point
     * @param groups names of the groups ({@code key=value}); one group draws in grey
     * @param front  positions (into x, y) of the front, in x order
     */
    public static JFreeChart chart(String title, String xKey, String yKey, double[] x, double[] y, int[] group,
                                   List<String> groups, int[] front) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries f = new XYSeries("Pareto front (" + front.length + ")", false, true);
        for (int p : front) {
            f.add(x[p], y[p]);
        }
        data.addSeries(f);
        XYSeries[] series = new XYSeries[groups.size()];
        for (int g = 0; g < series.length; g++) {
            series[g] = new XYSeries(groups.get(g), false, true);
            data.addSeries(series[g]);
        }
        int stride = Math.max(1, (x.length + MAX_DRAWN - 1) / MAX_DRAWN);
        for (int i = 0; i < x.length; i += stride) {
            series[group[i]].add(x[i], y[i], false);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, new BasicStroke(1.8f));
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        for (int g = 0; g < series.length; g++) {
            int s = g + 1;
            r.setSeriesLinesVisible(s, false);
            r.setSeriesShapesVisible(s, true);
            Color c = series.length == 1 ? new Color(0x7f7f7f) : PALETTE[g % PALETTE.length];
            r.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
            r.setSeriesShape(s, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        XYPlot plot = new XYPlot(data, axis(xKey, x), axis(yKey, y), r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        String sub = x.length + " feasible points" + (stride > 1 ? ", every " + stride + "th drawn" : "");
        chart.addSubtitle(new TextTitle(sub));
        return chart;
    }

    private static ValueAxis axis(String key, double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        if (lo > 0 && hi / lo > 100) {
            // ticks at whole decades, written as numbers (1,000 or 1e+09), not as 10^8.8
            LogAxis a = new LogAxis(key);
            a.setSmallestValue(lo / 2);
            a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
            a.setMinorTickMarksVisible(true);
            a.setNumberFormatOverride(new java.text.DecimalFormat(hi >= 1e7 || lo < 1e-4 ? "0.##E0" : "#,##0.####",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            return a;
        }
        NumberAxis a = new NumberAxis(key);
        a.setAutoRangeIncludesZero(false);
        return a;
    }
}
