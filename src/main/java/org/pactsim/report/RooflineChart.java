package org.pactsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pactsim.memory.LayerMemory;
import org.pactsim.sim.SimulationResult;

/**
 * A roofline of a run: one point per GEMM layer at its arithmetic intensity (MACs per DRAM
 * byte) and attained throughput (GMAC/s over the layer's cycles), under the machine's compute
 * roof (all PEs every cycle) and bandwidth roof (bytes/s x intensity). Layers that moved no
 * DRAM byte have no finite intensity and are left out (counted in the subtitle).
 */
public final class RooflineChart {

    private RooflineChart() {
    }

    /** The layers the chart plots, in the order of its points (GEMM layers that move DRAM bytes). */
    public static java.util.List<Integer> plotted(SimulationResult r) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < r.layers().size(); i++) {
            LayerMemory m = r.memory(i);
            if (m != null && m.tiling() != null && r.layers().get(i).macs() != 0 && r.layerCycles(i) != 0
                    && m.dramReadBytes() + m.dramWriteBytes() != 0) {
                out.add(i);
            }
        }
        return out;
    }

    public static JFreeChart chart(SimulationResult r) {
        double clockHz = r.accelerator().clockMhz() * 1e6;
        double peak = r.accelerator().totalPes() * clockHz / 1e9;
        XYSeries layers = new XYSeries("layers", false, true);
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        int skipped = 0;
        for (int i = 0; i < r.layers().size(); i++) {
            LayerMemory m = r.memory(i);
            long macs = r.layers().get(i).macs();
            long cycles = r.layerCycles(i);
            if (m == null || m.tiling() == null || macs == 0 || cycles == 0) {
                continue;
            }
            long bytes = m.dramReadBytes() + m.dramWriteBytes();
            if (bytes == 0) {
                skipped++;
                continue;
            }
            // keep in step with plotted(): the k-th point is the k-th layer it lists
            double x = (double) macs / bytes;
            double y = macs / (cycles / clockHz) / 1e9;
            layers.add(x, y);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
        }
        if (layers.getItemCount() == 0) {
            minX = 0.1;
            maxX = 1000;
        }
        minX = minX / 2;
        maxX = maxX * 2;
        XYSeries computeRoof = new XYSeries("compute roof (" + Fmt.real(peak) + " GMAC/s)", false, true);
        double kneeX = r.accelerator().dram().isUnlimited() ? minX : Math.max(minX, peak / r.accelerator().dram().bandwidthGBps());
        computeRoof.add(Math.min(kneeX, maxX), peak);
        computeRoof.add(maxX, peak);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(layers);
        data.addSeries(computeRoof);
        if (!r.accelerator().dram().isUnlimited()) {
            double bw = r.accelerator().dram().bandwidthGBps();
            XYSeries memRoof = new XYSeries("bandwidth roof (" + Fmt.real(bw) + " GB/s)", false, true);
            double knee = peak / bw;
            memRoof.add(minX, bw * minX);
            memRoof.add(Math.max(minX, Math.min(knee, maxX)), bw * Math.max(minX, Math.min(knee, maxX)));
            data.addSeries(memRoof);
        }
        LogAxis x = decades("arithmetic intensity (MACs per DRAM byte)");
        LogAxis y = decades("attained throughput (GMAC/s)");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        for (int s = 1; s < data.getSeriesCount(); s++) {
            renderer.setSeriesShapesVisible(s, false);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesPaint(s, s == 1 ? new Color(0xd62728) : new Color(0x2ca02c));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Roofline: " + r.compute().network() + " on " + r.accelerator().name(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(layers.getItemCount() + " layers plotted"
                + (skipped > 0 ? ", " + skipped + " with no DRAM traffic left out" : "") + "; first inference"));
        return chart;
    }

    /** A base-10 log axis with a tick per decade, labelled in plain numbers. */
    private static LogAxis decades(String label) {
        LogAxis a = new LogAxis(label);
        a.setSmallestValue(1e-6);
        a.setTickUnit(new NumberTickUnit(1.0));
        a.setMinorTickMarksVisible(true);
        a.setNumberFormatOverride(new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return a;
    }

    public static byte[] png(JFreeChart chart) {
        return ChartFiles.png(chart);
    }

    public static byte[] svg(JFreeChart chart) {
        return ChartFiles.svg(chart);
    }
}
