package org.pactsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pactsim.cost.ActionCounts;
import org.pactsim.io.format.ResultReader;

/**
 * Two results of {@code pactsim simulate} side by side ({@code pactsim compare}): every total
 * both carry with B / A, then each layer both runs have (matched by name) with its cycles, DRAM
 * bytes and MACs in A and B and the ratio; layers only one run has are listed. As text, CSV and
 * a self-contained HTML page.
 */
public record Comparison(ResultReader.Run a, ResultReader.Run b, List<String> totals, List<Layer> layers,
                         List<String> onlyA, List<String> onlyB) {

    /** One layer in both runs (its first inference). */
    public record Layer(String name, long cyclesA, long cyclesB, long dramA, long dramB, long macsA, long macsB) {
    }

    public static Comparison of(ResultReader.Run a, ResultReader.Run b) {
        List<String> totals = new ArrayList<>();
        for (String k : a.totals().keySet()) {
            if (b.totals().containsKey(k) && a.totals().get(k) != null && b.totals().get(k) != null) {
                totals.add(k);
            }
        }
        Map<String, ActionCounts> inB = new LinkedHashMap<>();
        for (int i = 0; i < b.layers().size(); i++) {
            inB.putIfAbsent(b.layers().get(i), b.actions().get(i));
        }
        Set<String> seenA = new LinkedHashSet<>();
        List<Layer> layers = new ArrayList<>();
        List<String> onlyA = new ArrayList<>();
        for (int i = 0; i < a.layers().size(); i++) {
            String n = a.layers().get(i);
            if (!seenA.add(n)) {
                continue;
            }
            ActionCounts y = inB.get(n);
            if (y == null) {
                onlyA.add(n);
                continue;
            }
            ActionCounts x = a.actions().get(i);
            layers.add(new Layer(n, x.cycles(), y.cycles(), bytes(x), bytes(y), x.macCount(), y.macCount()));
        }
        List<String> onlyB = new ArrayList<>();
        for (String n : inB.keySet()) {
            if (!seenA.contains(n)) {
                onlyB.add(n);
            }
        }
        return new Comparison(a, b, totals, layers, onlyA, onlyB);
    }

    private static long bytes(ActionCounts c) {
        return Math.addExact(c.dramReadBits(), c.dramWriteBits()) / 8;
    }

    /** A total: a count in full when it is a whole number (JSON totals are read as doubles). */
    private static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Fmt.count((long) v) : Fmt.real(v);
    }

    private static String ratio(double b, double a) {
        return a == 0 ? (b == 0 ? "1" : "-") : Fmt.real(b / a);
    }

    /** The terminal text. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("A: ").append(a.origin()).append(" (").append(a.network()).append(" on ").append(a.accelerator().name())
                .append(", ").append(a.model().key()).append(" model)").append(System.lineSeparator());
        sb.append("B: ").append(b.origin()).append(" (").append(b.network()).append(" on ").append(b.accelerator().name())
                .append(", ").append(b.model().key()).append(" model)").append(System.lineSeparator());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"total", "A", "B", "B / A"});
        for (String k : totals) {
            double x = a.totals().get(k);
            double y = b.totals().get(k);
            rows.add(new String[] {k, show(x), show(y), ratio(y, x)});
        }
        TextTable.align(sb, rows, 1, rows.get(0).length);
        sb.append(System.lineSeparator()).append(layers.size()).append(" layers in both (first inference)")
                .append(System.lineSeparator());
        rows.clear();
        rows.add(new String[] {"layer", "cycles A", "cycles B", "B / A", "DRAM B A", "DRAM B B", "B / A"});
        for (Layer l : layers) {
            rows.add(new String[] {l.name(), Fmt.count(l.cyclesA()), Fmt.count(l.cyclesB()),
                ratio((double) l.cyclesB(), (double) l.cyclesA()), Fmt.count(l.dramA()), Fmt.count(l.dramB()), ratio((double) l.dramB(), (double) l.dramA())});
        }
        TextTable.align(sb, rows, 1, rows.get(0).length);
        if (!onlyA.isEmpty()) {
            sb.append("only in A: ").append(String.join(", ", onlyA)).append(System.lineSeparator());
        }
        if (!onlyB.isEmpty()) {
            sb.append("only in B: ").append(String.join(", ", onlyB)).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The CSV: the totals as {@code total,KEY,A,B,ratio} rows, then {@code layer,NAME,...} rows. */
    public String csv() {
        StringBuilder sb = new StringBuilder("kind,name,a,b,ratio,dramBytesA,dramBytesB,macsA,macsB\n");
        for (String k : totals) {
            double x = a.totals().get(k);
            double y = b.totals().get(k);
            sb.append("total,").append(k).append(',').append(x).append(',').append(y).append(',')
                    .append(x == 0 ? "" : Double.toString(y / x)).append(",,,,\n");
        }
        for (Layer l : layers) {
            sb.append("layer,").append(ResultCsv.csv(l.name())).append(',').append(l.cyclesA()).append(',')
                    .append(l.cyclesB()).append(',').append(l.cyclesA() == 0 ? "" : Double.toString(
                            (double) l.cyclesB() / l.cyclesA())).append(',').append(l.dramA()).append(',')
                    .append(l.dramB()).append(',').append(l.macsA()).append(',').append(l.macsB()).append('\n');
        }
        return sb.toString();
    }

    /** The JSON: both origins, the totals ({@code name, a, b, ratio}), the layers, and those only one run has. */
    public String json() {
        Comparison c = this;
        com.fasterxml.jackson.databind.node.ObjectNode o = ResultJson.mapper().createObjectNode();
        o.put("a", c.a().origin());
        o.put("b", c.b().origin());
        com.fasterxml.jackson.databind.node.ArrayNode t = o.putArray("totals");
        for (String k : c.totals()) {
            double x = c.a().totals().get(k);
            double y = c.b().totals().get(k);
            com.fasterxml.jackson.databind.node.ObjectNode r = t.addObject().put("name", k).put("a", x).put("b", y);
            if (x != 0) {
                r.put("ratio", y / x);
            } else {
                r.putNull("ratio");
            }
        }
        com.fasterxml.jackson.databind.node.ArrayNode l = o.putArray("layers");
        for (Comparison.Layer x : c.layers()) {
            l.addObject().put("name", x.name()).put("cyclesA", x.cyclesA()).put("cyclesB", x.cyclesB())
                    .put("dramBytesA", x.dramA()).put("dramBytesB", x.dramB()).put("macsA", x.macsA())
                    .put("macsB", x.macsB());
        }
        c.onlyA().forEach(o.putArray("onlyA")::add);
        c.onlyB().forEach(o.putArray("onlyB")::add);
        return o.toPrettyString() + System.lineSeparator();
    }

    /** The HTML page: the two runs, the totals, a chart of each layer's cycles in A and B, the layers. */
    public String html(Map<String, String> info) {
        Html h = new Html("pactsim compare: " + a.origin() + " vs " + b.origin());
        h.heading(1, "A vs B: " + a.network() + " on " + a.accelerator().name() + " and " + b.network() + " on "
                + b.accelerator().name());
        Map<String, String> in = new LinkedHashMap<>();
        in.put("A", a.origin() + ": " + a.network() + " on " + RunHtml.describe(a.accelerator()) + ", " + a.model().key()
                + " model");
        in.put("B", b.origin() + ": " + b.network() + " on " + RunHtml.describe(b.accelerator()) + ", " + b.model().key()
                + " model");
        in.putAll(info);
        h.inputs(in);
        h.heading(2, "Totals");
        List<List<Object>> rows = new ArrayList<>();
        for (String k : totals) {
            double x = a.totals().get(k);
            double y = b.totals().get(k);
            rows.add(java.util.Arrays.asList(k, x, y, x == 0 ? null : y / x));
        }
        h.table("totals", List.of(Html.Column.text("total"), Html.Column.num("A"), Html.Column.num("B"),
                Html.Column.num("B / A")), rows, Set.of());
        h.heading(2, "Layers in both runs");
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Layer l : layers) {
            d.addValue(Long.valueOf(l.cyclesA()), "A", l.name());
            d.addValue(Long.valueOf(l.cyclesB()), "B", l.name());
        }
        JFreeChart c = ChartFactory.createBarChart("Cycles per layer, first inference", "layer", "cycles", d,
                PlotOrientation.VERTICAL, true, false, false);
        c.getCategoryPlot().getDomainAxis().setTickLabelsVisible(layers.size() <= 40);
        c.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
                org.jfree.chart.axis.CategoryLabelPositions.UP_90);
        c.setBackgroundPaint(java.awt.Color.WHITE);
        c.getCategoryPlot().setBackgroundPaint(java.awt.Color.WHITE);
        h.figure(SvgChart.inline(c, "layer-cycles", Math.max(900, Math.min(4000, 20 * layers.size() + 200)), 460,
                SvgChart::valueTip), "Each layer's cycles in A and B (hover a bar for its value).");
        List<List<Object>> lr = new ArrayList<>();
        for (Layer l : layers) {
            lr.add(java.util.Arrays.asList(l.name(), l.cyclesA(), l.cyclesB(),
                    l.cyclesA() == 0 ? null : (double) l.cyclesB() / l.cyclesA(), l.dramA(), l.dramB(),
                    l.dramA() == 0 ? null : (double) l.dramB() / l.dramA(), l.macsA(), l.macsB()));
        }
        h.table("layers", List.of(Html.Column.text("layer"), Html.Column.num("cycles A"), Html.Column.num("cycles B"),
                Html.Column.num("cycles B / A"), Html.Column.num("DRAM bytes A"), Html.Column.num("DRAM bytes B"),
                Html.Column.num("DRAM B / A"), Html.Column.num("MACs A"), Html.Column.num("MACs B")), lr, Set.of());
        if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
            h.para(String.format(Locale.ROOT, "Only in A: %s. Only in B: %s.", onlyA.isEmpty() ? "none"
                    : String.join(", ", onlyA), onlyB.isEmpty() ? "none" : String.join(", ", onlyB)));
        }
        return h.page();
    }
}
