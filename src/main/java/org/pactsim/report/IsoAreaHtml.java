package org.pactsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.pactsim.study.IsoArea;
import org.pactsim.study.IsoAreaPoint;

/**
 * The iso-area study as one self-contained HTML page ({@link Html}): what produced it, the
 * findings, the design points as a sortable table, the charts (inline SVG, values on hover), and
 * for each design point its per-layer breakdown ({@link RunHtml}).
 */
public final class IsoAreaHtml {
    private IsoAreaHtml() {
    }

    /**
     * The page. {@code inputs}: what the command line adds (command, version, date, batch, rule,
     * cost tables), shown first; {@code baseJson}: the resolved base accelerator.
     */
    public static String page(IsoArea.Result r, Map<String, String> inputs, String baseJson) {
        return page(r, inputs, baseJson, null);
    }

    /** The page, with the sensitivity study's section when {@code s} is not null. */
    public static String page(IsoArea.Result r, Map<String, String> inputs, String baseJson,
                              org.pactsim.study.Sensitivity.Result s) {
        String network = r.points().get(0).result().compute().network();
        Html h = new Html("pactsim iso-area: " + network + " on " + r.base().name());
        h.heading(1, "PACT iso-area study: " + network + " on " + r.base().name());
        h.para("Every precision gets the same compute area (" + Fmt.real(r.budgetMm2()) + " mm^2 of PE arrays and vector units), "
                + "the same total on-chip SRAM and the same DRAM bandwidth; speedups are against " + r.plan().baseline().key()
                + " at the same bandwidth, in steady-state inferences per second. Super-linearity = speedup / "
                + "peak-TOPS ratio: above 1, the lower precision gains more than its extra MACs explain.");
        Map<String, String> in = new LinkedHashMap<>(inputs);
        in.put("base accelerator", RunHtml.describe(r.base()));
        in.put("network", network + " (" + r.points().get(0).result().layers().size() + " layers)");
        in.put("precisions", String.join(", ", r.plan().precisions().stream().map(d -> d.key()).toList()));
        in.put("DRAM bandwidths", String.join(", ", r.plan().bandwidthsGBps().stream()
                .map(b -> Double.isInfinite(b) ? "unlimited" : Fmt.real(b) + " GB/s").toList()));
        in.put("area rule", IsoAreaReport.scaleText(r) + ", in " + Fmt.real(r.budgetMm2())
                + " mm^2 of PE arrays and vector units");
        h.inputs(in);
        h.folded("resolved base accelerator (JSON)", baseJson);
        h.raw("<p class=\"note\">Files beside this page: <a href=\"iso-area.csv\">iso-area.csv</a>, "
                + "<a href=\"iso-area.json\">iso-area.json</a>, <a href=\"iso-area.txt\">iso-area.txt</a>, and each "
                + "chart as PNG and SVG.</p>");

        h.heading(2, "Findings");
        StringBuilder ul = new StringBuilder("<ul id=\"findings\">");
        for (String line : IsoAreaReport.findings(r).strip().split("\\R")) {
            ul.append("<li>").append(Html.esc(line)).append("</li>");
        }
        h.raw(ul.append("</ul>").toString());

        h.heading(2, "Design points");
        List<Html.Column> cols = List.of(Html.Column.text("precision"), Html.Column.num("DRAM GB/s"),
                Html.Column.num("cores"), Html.Column.text("array"), Html.Column.num("PEs"),
                Html.Column.num("PE area um^2"), Html.Column.num("peak TOPS"), Html.Column.num("cycles / inference"),
                Html.Column.num("inferences/s"), Html.Column.num("speedup x"), Html.Column.num("peak ratio x"),
                Html.Column.num("super-linearity", "speedup / peak ratio; above 1: super-linear"),
                Html.Column.num("DRAM MB / inference"), Html.Column.num("x compulsory",
                        "steady-state DRAM bytes / compulsory bytes of one inference"),
                Html.Column.text("weights"), Html.Column.num("outputs on chip"), Html.Column.num("energy uJ"),
                Html.Column.num("power W"), Html.Column.num("area mm^2"), Html.Column.text("verdict"),
                Html.Column.text("dataflow"), Html.Column.text("runner-up (under --scale best)"));
        List<List<Object>> rows = new ArrayList<>();
        Set<Integer> superLinear = new java.util.HashSet<>();
        for (IsoAreaPoint p : r.points()) {
            var a = p.design().accelerator();
            var res = p.result();
            if (p.superLinearity() > 1.005) {
                superLinear.add(rows.size());
            }
            rows.add(java.util.Arrays.asList(p.design().precision().key(), p.bandwidthGBps(),
                    (long) a.cores(), a.array().rows() + "x" + a.array().cols(), a.totalPes(), p.design().peAreaUm2(),
                    p.priced().cost().peakTops(), res.steadyStateCycles(), res.inferencesPerSecond(), p.speedup(),
                    p.peakRatio(), p.superLinearity(), res.steadyStateDramBytes() / 1e6, p.dramToCompulsory(),
                    p.weightsOnChip() ? "on chip" : "DRAM", p.outputsOnChip(),
                    p.priced().steadyCost().energyPj() / 1e6, p.priced().steadyCost().powerW(),
                    p.priced().cost().areaMm2(), verdict(r, p), a.dataflow().key(), IsoAreaReport.runnerUp(p)));
        }
        h.table("points", cols, rows, superLinear);
        h.raw("<p class=\"note\">Highlighted rows are super-linear. "
                + "Click a column header to sort.</p>");

        h.heading(2, "Charts");
        Map<String, JFreeChart> charts = IsoAreaCharts.all(r);
        Map<String, String> captions = Map.of(
                "speedup", "Speedup over the baseline at equal compute area, per DRAM bandwidth; the dashed line is the "
                        + "peak-TOPS ratio (bars above it are super-linear).",
                "pe-area", "Area of one PE at each precision (the cost tables' MAC rows).",
                "dram-traffic", "DRAM bytes per " + r.plan().unit() + " in steady state (per inference / batch).",
                "energy", "Energy per " + r.plan().unit() + " in steady state by component (per inference / batch).");
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            h.figure(SvgChart.inline(e.getValue(), "chart-" + e.getKey(), ChartFiles.WIDTH, ChartFiles.HEIGHT,
                    SvgChart::valueTip), captions.getOrDefault(e.getKey(), e.getKey()));
        }

        if (s != null) {
            sensitivity(h, s);
        }

        h.heading(2, "Each design point, layer by layer");
        h.para("The first inference of each design point: where its cycles go (array compute, DRAM stall, vector "
                + "unit), its DRAM bytes by operand, which tensors stay on chip, the split over the cores and the tiling.");
        int i = 0;
        for (IsoAreaPoint p : r.points()) {
            String name = p.design().precision().key() + " at " + IsoAreaReport.bw(p);
            h.fold(name + ": " + p.design().accelerator().cores() + " cores of " + p.design().accelerator().array().rows()
                    + "x" + p.design().accelerator().array().cols() + ", " + verdict(r, p), "point-" + i);
            RunHtml.layers(h, "layers-" + i, "cycles-" + i, p.priced());
            h.endFold();
            i++;
        }
        return h.page();
    }

    private static void sensitivity(Html h, org.pactsim.study.Sensitivity.Result s) {
        h.heading(2, "What the answer depends on");
        h.para("Super-linearity at " + SensitivityReport.bw(s.bandwidthGBps()) + " with one assumption changed at a time ("
                + SensitivityReport.runs(s) + " runs of the study, " + Fmt.count(s.designsRun()) + " designs), and over "
                + "SRAM size x bandwidth. Files: sensitivity.csv, sensitivity.json, sensitivity.txt.");
        StringBuilder ul = new StringBuilder("<ul id=\"sensitivity\">");
        for (var p : s.precisions()) {
            ul.append("<li>").append(Html.esc(s.sentence(p))).append("</li>");
        }
        h.raw(ul.append("</ul>").toString());
        for (Map.Entry<String, JFreeChart> e : SensitivityReport.charts(s).entrySet()) {
            h.figure(SvgChart.inline(e.getValue(), "chart-" + e.getKey(), ChartFiles.WIDTH, ChartFiles.HEIGHT,
                    SvgChart::valueTip), e.getKey().startsWith("tornado")
                    ? "Each bar spans the lowest to the highest super-linearity an assumption's variants give; blue "
                            + "below the reference, red above; the dashed lines are the reference and 1 (linear)."
                    : "Super-linearity over total SRAM and DRAM bandwidth, every other assumption at the reference.");
        }
    }

    private static String verdict(IsoArea.Result r, IsoAreaPoint p) {
        if (r.isBaseline(p)) {
            return "baseline";
        }
        return p.superLinearity() > 1.005 ? "super-linear" : p.superLinearity() < 0.995 ? "sub-linear" : "linear";
    }
}
