package org.pactsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pactsim.study.Llm;

/**
 * The rows of {@code pactsim llm}: one per phase run (a prefill, a decode step, or a serving
 * scenario), as a text table, CSV and JSON, and the chart of decode throughput against batch.
 */
public final class LlmReport {
    private LlmReport() {
    }

    /** One run: what was asked and what came out. */
    public record Row(String network, String phase, String precision, long batch, long prompt, long context,
                      long generate, Llm.Step step, Llm.Serve serve, double energyPjPerToken) {
        /** The step the bounds and residency are read from: the run's, or a serve's last decode step (or its prefill). */
        public Llm.Step shown() {
            if (step != null) {
                return step;
            }
            return serve.decode().isEmpty() ? serve.prefill() : serve.decode().get(serve.decode().size() - 1);
        }

        /** Output tokens per second: a decode step's batch per step time, a prefill's prompt tokens, a serve's overall. */
        public double tokensPerSecond() {
            if (serve != null) {
                return serve.tokensPerSecond();
            }
            return step.step().rows() / step.seconds();
        }

        /** Seconds per step: the step's, or a serve's mean time per output token. */
        public double stepSeconds() {
            return serve != null ? serve.tpotSeconds() : step.seconds();
        }

        /** The step's time over its larger bound (streaming all weights and cache; peak compute). */
        public double boundRatio() {
            Llm.Step s = shown();
            double b = Math.max(s.streamingBoundSeconds(), s.computeBoundSeconds());
            return b == 0 ? Double.NaN : s.seconds() / b;
        }

        public Map<String, Object> fields() {
            Llm.Step s = shown();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("network", network);
            m.put("phase", phase);
            m.put("precision", precision);
            m.put("batch", batch);
            m.put("prompt", prompt);
            m.put("context", context);
            m.put("generate", generate);
            m.put("stepMs", stepSeconds() * 1e3);
            m.put("ttftMs", serve != null ? serve.ttftSeconds() * 1e3 : null);
            m.put("tpotMs", serve != null ? serve.tpotSeconds() * 1e3 : null);
            m.put("tokensPerSecond", tokensPerSecond());
            m.put("dramBytesPerStep", s.sim().steadyStateDramBytes());
            m.put("weightBytes", s.weightBytes());
            m.put("weightsOnChip", s.weightsOnChip());
            m.put("kvCacheBytes", s.cacheBytes());
            m.put("kvOnChip", s.cacheOnChip());
            m.put("streamingBoundMs", s.streamingBoundSeconds() * 1e3);
            m.put("computeBoundMs", s.computeBoundSeconds() * 1e3);
            m.put("boundRatio", boundRatio());
            m.put("energyMjPerToken", energyPjPerToken / 1e9);
            return m;
        }
    }

    static final List<String> HEADERS = List.of("network", "phase", "precision", "batch", "prompt", "context",
            "ms/step", "TTFT ms", "tokens/s", "DRAM MB/step", "weights MB", "on chip", "KV MB", "KV on chip",
            "bound ms", "x bound", "mJ/token");

    /** The text table. */
    public static String table(List<Row> rows) {
        List<List<String>> t = new ArrayList<>();
        for (Row r : rows) {
            Llm.Step s = r.shown();
            double bound = Math.max(s.streamingBoundSeconds(), s.computeBoundSeconds());
            t.add(List.of(r.network(), r.phase(), r.precision(), Long.toString(r.batch()), r.prompt() == 0 ? "-" : Long.toString(r.prompt()),
                    r.context() == 0 ? "-" : Long.toString(r.context()), String.format(Locale.ROOT, "%.3f", r.stepSeconds() * 1e3),
                    r.serve() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.serve().ttftSeconds() * 1e3),
                    String.format(Locale.ROOT, "%.1f", r.tokensPerSecond()), String.format(Locale.ROOT, "%.1f", s.sim().steadyStateDramBytes() / 1e6),
                    String.format(Locale.ROOT, "%.1f", s.weightBytes() / 1e6), pct(s.weightsOnChip()),
                    String.format(Locale.ROOT, "%.1f", s.cacheBytes() / 1e6), s.cacheBytes() == 0 ? "-" : pct(s.cacheOnChip()),
                    String.format(Locale.ROOT, "%.3f", bound * 1e3), String.format(Locale.ROOT, "%.2f", r.boundRatio()),
                    String.format(Locale.ROOT, "%.3f", r.energyPjPerToken() / 1e9)));
        }
        return TextTable.render(HEADERS, t, 3, HEADERS.size());
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * f);
    }

    /** Schema of the JSON report. */
    public static final String SCHEMA = "pactsim/llm/1";

    /** One line per row, the keys of {@link Row#fields} as header. */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            Map<String, Object> f = r.fields();
            if (sb.length() == 0) {
                sb.append(String.join(",", f.keySet())).append('\n');
            }
            boolean first = true;
            for (Object v : f.values()) {
                sb.append(first ? "" : ",").append(v == null ? "" : ResultCsv.csv(v));
                first = false;
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The rows with the model's config and the accelerator. */
    public static String json(List<Row> rows, org.pactsim.workload.LlmConfig c, org.pactsim.spec.AcceleratorSpec acc) {
        com.fasterxml.jackson.databind.node.ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("network", c.name());
        root.put("source", c.source());
        root.set("accelerator", ResultJson.accelerator(acc));
        com.fasterxml.jackson.databind.node.ArrayNode a = root.putArray("runs");
        for (Row r : rows) {
            com.fasterxml.jackson.databind.node.ObjectNode o = a.addObject();
            for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                ResultJson.put(o, e.getKey(), e.getValue());
            }
            o.put("describe", r.shown().net().notes().get(r.shown().net().notes().size() - 1));
        }
        return root.toPrettyString() + System.lineSeparator();
    }

    /**
     * Tokens/s against batch on log-log axes: one colour per precision, one line style per
     * context (solid for the first, dashed for the next).
     */
    public static JFreeChart chart(List<Row> rows, String title) {
        List<String> precisions = rows.stream().map(Row::precision).distinct().toList();
        List<Long> contexts = rows.stream().map(Row::context).distinct().toList();
        Map<String, XYSeries> series = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.precision() + (contexts.size() > 1 ? ", context " + r.context() : "");
            series.computeIfAbsent(key, k -> new XYSeries(k, true, false)).add((double) r.batch(), r.tokensPerSecond());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        java.text.NumberFormat plain = java.text.NumberFormat.getIntegerInstance(Locale.ROOT);
        plain.setGroupingUsed(true);
        LogAxis x = new LogAxis("batch (sequences decoded together)");
        x.setBase(2);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        x.setNumberFormatOverride(plain);
        LogAxis y = new LogAxis("output tokens per second");
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        y.setNumberFormatOverride(plain);
        y.setMinorTickMarksVisible(true);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        Color[] palette = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};
        int i = 0;
        for (Row r : rows) {
            String key = r.precision() + (contexts.size() > 1 ? ", context " + r.context() : "");
            int s = data.getSeriesIndex(key);
            if (s != i) {
                continue;
            }
            lines.setSeriesPaint(s, palette[precisions.indexOf(r.precision()) % palette.length]);
            lines.setSeriesStroke(s, contexts.indexOf(r.context()) == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            i++;
        }
        XYPlot plot = new XYPlot(data, x, y, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart c = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        c.setBackgroundPaint(Color.WHITE);
        return c;
    }
}
