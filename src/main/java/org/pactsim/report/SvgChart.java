package org.pactsim.report;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart as an inline {@code <svg>} element for an HTML page (JFreeSVG draws it), with a
 * transparent shape over each bar or point carrying an SVG {@code <title>}: the browser shows
 * the value on hover. The shapes come from the chart's own entities (where JFreeChart drew each
 * item), so the hover areas match what is drawn.
 */
public final class SvgChart {
    private SvgChart() {
    }

    /** The chart with each item's hover text from {@code tip} (null: no hover for that item). */
    public static String inline(JFreeChart chart, String id, int width, int height, Function<ChartEntity, String> tip) {
        SVGGraphics2D g = ChartFiles.graphics(width, height);
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        chart.draw(g, new Rectangle(0, 0, width, height), info);
        String svg = g.getSVGElement(id);
        StringBuilder over = new StringBuilder("<g class=\"hover\">");
        for (Object o : info.getEntityCollection().getEntities()) {
            ChartEntity e = (ChartEntity) o;
            if (!(e instanceof CategoryItemEntity) && !(e instanceof XYItemEntity)) {
                continue;
            }
            String t = tip.apply(e);
            if (t == null) {
                continue;
            }
            over.append("<path d=\"").append(path(e.getArea())).append("\" fill=\"#000\" fill-opacity=\"0\">")
                    .append("<title>").append(Html.esc(t)).append("</title></path>");
        }
        over.append("</g>");
        int end = svg.lastIndexOf("</svg>");
        return svg.substring(0, end) + over + svg.substring(end);
    }

    /** The chart at {@link ChartFiles}'s size, each item's hover text its value ({@link #valueTip}). */
    public static String inline(JFreeChart chart, String id) {
        return inline(chart, id, ChartFiles.WIDTH, ChartFiles.HEIGHT, SvgChart::valueTip);
    }

    /**
     * An item's value as hover text: "category: series = value" of a bar, "series: x, y" of a
     * point; counts (Long values) in full.
     */
    public static String valueTip(ChartEntity e) {
        if (e instanceof CategoryItemEntity c) {
            Number v = c.getDataset().getValue(c.getRowKey(), c.getColumnKey());
            return v == null ? null : c.getColumnKey() + ": " + c.getRowKey() + " = " + show(v);
        }
        if (e instanceof XYItemEntity x) {
            var d = x.getDataset();
            return d.getSeriesKey(x.getSeriesIndex()) + ": " + show(d.getX(x.getSeriesIndex(), x.getItem())) + ", "
                    + show(d.getY(x.getSeriesIndex(), x.getItem()));
        }
        return null;
    }

    private static String show(Number v) {
        return v instanceof Long || v instanceof Integer ? Fmt.count(v.longValue()) : Fmt.real(v.doubleValue());
    }

    /** SVG path data of a shape. */
    static String path(Shape s) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(xy(c, 0));
                case PathIterator.SEG_LINETO -> d.append('L').append(xy(c, 0));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(xy(c, 0)).append(' ').append(xy(c, 2));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(xy(c, 0)).append(' ').append(xy(c, 2))
                        .append(' ').append(xy(c, 4));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> throw new IllegalStateException("path segment");
            }
        }
        return d.toString();
    }

    private static String xy(double[] c, int i) {
        return String.format(Locale.ROOT, "%.1f,%.1f", c[i], c[i + 1]);
    }
}
