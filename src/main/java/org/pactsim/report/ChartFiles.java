package org.pactsim.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders a chart to PNG (JFreeChart) or SVG (JFreeSVG) bytes, ready for an atomic write. */
public final class ChartFiles {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 580;

    private ChartFiles() {
    }

    /**
     * An SVG canvas writing coordinates to a tenth of a pixel (JFreeSVG's default, every digit
     * of a double, made a scatter of 5,000 points 6.3 MB; this is about a third of that).
     */
    static SVGGraphics2D graphics(int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setGeomDoubleConverter(ChartFiles::tenth);
        g.setTransformDoubleConverter(ChartFiles::tenth);
        return g;
    }

    private static String tenth(double d) {
        double r = Math.rint(d * 10) / 10;
        return r == Math.rint(r) && Math.abs(r) < 1e9 ? Long.toString((long) r) : Double.toString(r);
    }

    public static byte[] png(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] svg(JFreeChart chart) {
        SVGGraphics2D g = graphics(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }
}
