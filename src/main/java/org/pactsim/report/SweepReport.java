package org.pactsim.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.study.ParetoFront;
import org.pactsim.study.sweep.Objective;
import org.pactsim.study.sweep.PointRow;

/**
 * Analyses a sweep folder from its files alone ({@code sweep.json}, {@code points.csv}), so it
 * can be re-drawn without re-running: per objective pair a Pareto front of the points that
 * meet every constraint ({@code pareto-X-vs-Y.csv}, {@code .png}, {@code .svg}), the best point
 * per objective ({@code best.csv}), and {@code report.md} summing it up.
 *
 * <p>Memory: two passes over {@code points.csv}; the first keeps the objective values of the
 * feasible points (8 bytes per objective per point), the second fetches the rows on a front or
 * best for an objective.
 */
public final class SweepReport {
    private SweepReport() {
    }

    /**
     * Writes the report files into {@code dir}; returns a short summary for the terminal (the
     * status counts, the best point per objective, and where the fronts and the page are).
     */
    public static String write(Path dir) {
        Path mf = dir.resolve(SweepManifest.FILE);
        if (!Files.exists(mf)) {
            throw InputException.at(dir.toString(), null, "a sweep folder (with " + SweepManifest.FILE + ")",
                    Files.isDirectory(dir) ? "a folder without it" : "no such folder");
        }
        SweepManifest m = SweepManifest.parse(InputFiles.read(mf), mf.toString());
        int nv = m.valueColumns().size();
        int statusCol = SweepRows.LEAD.size() + nv;
        int metric0 = statusCol + SweepRows.STATUS.size();
        List<Objective> objs = m.objectives();
        int[] objCol = new int[objs.size()];
        for (int o = 0; o < objs.size(); o++) {
            int c = m.metricColumns().indexOf(objs.get(o).metric());
            if (c < 0) {
                throw InputException.at(mf.toString(), "objectives", "metrics among the columns",
                        InputException.quote(objs.get(o).metric()));
            }
            objCol[o] = metric0 + c;
        }
        // Pass 1: feasible points' objective values and group; status counts.
        Map<PointRow.Status, Long> counts = new LinkedHashMap<>();
        for (PointRow.Status s : PointRow.Status.values()) {
            counts.put(s, 0L);
        }
        LongList index = new LongList();
        DoubleList[] val = new DoubleList[objs.size()];
        for (int o = 0; o < val.length; o++) {
            val[o] = new DoubleList();
        }
        IntList group = new IntList();
        Map<String, Integer> groups = new LinkedHashMap<>();
        Path csv = dir.resolve(SweepFolder.CSV);
        long rows = 0;
        try (MappingIterator<String[]> it = rows(csv)) {
            it.next();
            while (it.hasNext()) {
                String[] r = it.next();
                rows++;
                PointRow.Status st = r.length > statusCol ? PointRow.Status.parse(r[statusCol]) : null;
                if (st == null) {
                    throw InputException.at(csv + ":" + (rows + 1), "status", "ok, infeasible or error",
                            r.length > statusCol ? InputException.quote(r[statusCol]) : "a short row");
                }
                counts.merge(st, 1L, Long::sum);
                if (st != PointRow.Status.OK) {
                    continue;
                }
                index.add(Long.parseLong(r[0]));
                for (int o = 0; o < objs.size(); o++) {
                    String t = objCol[o] < r.length ? r[objCol[o]] : "";
                    val[o].add(t.isEmpty() ? Double.NaN : Double.parseDouble(t));
                }
                String g = nv == 0 ? "" : r[SweepRows.LEAD.size()];
                Integer gi = groups.get(g);
                if (gi == null) {
                    gi = groups.size();
                    groups.put(g, gi);
                }
                group.add(gi);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        int n = index.size;
        // Fronts and bests, as positions into the feasible points.
        List<int[]> fronts = new ArrayList<>();
        for (List<String> pair : m.pareto()) {
            int a = indexOf(objs, pair.get(0));
            int b = indexOf(objs, pair.get(1));
            ParetoFront<Integer> f = new ParetoFront<>(ParetoFront.dominance(
                    new ParetoFront.Goal<Integer>(p -> val[a].get(p), objs.get(a).maximize()),
                    new ParetoFront.Goal<Integer>(p -> val[b].get(p), objs.get(b).maximize())));
            for (int p = 0; p < n; p++) {
                if (Double.isFinite(val[a].get(p)) && Double.isFinite(val[b].get(p))) {
                    f.offer(p);
                }
            }
            int[] fr = f.members().stream().mapToInt(Integer::intValue).toArray();
            fronts.add(sortBy(fr, val[a], val[b]));
        }
        int[] best = new int[objs.size()];
        for (int o = 0; o < objs.size(); o++) {
            best[o] = -1;
            for (int p = 0; p < n; p++) {
                double v = val[o].get(p);
                if (Double.isFinite(v) && (best[o] < 0 || (objs.get(o).maximize() ? v > val[o].get(best[o])
                        : v < val[o].get(best[o])))) {
                    best[o] = p;
                }
            }
        }
        // Pass 2: the rows of those points.
        Set<Long> wanted = new TreeSet<>();
        for (int[] fr : fronts) {
            for (int p : fr) {
                wanted.add(index.get(p));
            }
        }
        for (int b : best) {
            if (b >= 0) {
                wanted.add(index.get(b));
            }
        }
        Map<Long, String[]> picked = new HashMap<>();
        try (MappingIterator<String[]> it = rows(csv)) {
            it.next();
            while (it.hasNext() && picked.size() < wanted.size()) {
                String[] r = it.next();
                long i = Long.parseLong(r[0]);
                if (wanted.contains(i)) {
                    picked.put(i, Arrays.copyOfRange(r, 0, SweepRows.LEAD.size() + nv));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        StringBuilder md = new StringBuilder("# Sweep " + m.name() + "\n\n");
        md.append(rows).append(" of ").append(m.points()).append(" points written: ");
        counts.forEach((s, c) -> md.append(c).append(' ').append(s.key()).append(", "));
        md.setLength(md.length() - 2);
        md.append(".\n\n");
        String bestTable = bestTable(m, objs, best, val, index, picked);
        md.append("## Best point per objective (feasible points)\n\n").append(bestTable).append('\n');
        Html html = new Html("pactsim sweep: " + m.name());
        html.heading(1, "Sweep " + m.name());
        Map<String, String> in = new LinkedHashMap<>();
        in.put("folder", dir.toAbsolutePath().normalize().toString());
        in.put("points", rows + " of " + m.points() + " written");
        StringBuilder st = new StringBuilder();
        counts.forEach((k, c) -> st.append(st.length() == 0 ? "" : ", ").append(c).append(' ').append(k.key()));
        in.put("status", st.toString());
        in.put("swept", m.valueColumns().isEmpty() ? "nothing" : String.join(", ", m.valueColumns()));
        in.put("objectives", String.join(", ", objs.stream().map(o -> o.metric() + " (" + o.direction() + ")").toList()));
        html.inputs(in);
        html.raw("<p class=\"note\">Files beside this page: <a href=\"points.csv\">points.csv</a>, "
                + "<a href=\"best.csv\">best.csv</a>, <a href=\"report.md\">report.md</a>, and each front as CSV, "
                + "PNG and SVG.</p>");
        html.heading(2, "Best point per objective");
        bestHtml(html, m, objs, best, val, index, picked);
        List<String> groupNames = new ArrayList<>();
        for (String g : groups.keySet()) {
            groupNames.add(nv == 0 ? "points" : m.valueColumns().get(0) + "=" + g);
        }
        boolean grouped = groupNames.size() <= SweepChart.MAX_GROUPS;
        int[] grp = grouped ? group.toArray() : new int[n];
        List<String> gn = grouped ? groupNames : List.of("feasible points");
        double[][] vs = new double[objs.size()][];
        for (int o = 0; o < objs.size(); o++) {
            vs[o] = val[o].toArray();
        }
        for (int k = 0; k < fronts.size(); k++) {
            List<String> pair = m.pareto().get(k);
            int a = indexOf(objs, pair.get(0));
            int b = indexOf(objs, pair.get(1));
            String stem = "pareto-" + pair.get(0) + "-vs-" + pair.get(1);
            StringBuilder fc = SweepRows.frontHeader(m.valueColumns(), pair);
            for (int p : fronts.get(k)) {
                SweepRows.frontLine(fc, Arrays.asList(picked.get(index.get(p))), vs[a][p], vs[b][p]);
            }
            AtomicFiles.write(dir.resolve(stem + ".csv"), fc.toString());
            double[][] xy = finite(vs[a], vs[b], grp);
            int[] frontPos = remap(fronts.get(k), vs[a], vs[b]);
            JFreeChart chart = SweepChart.chart(m.name() + ": " + pair.get(1) + " (" + objs.get(b).direction()
                    + ") vs " + pair.get(0) + " (" + objs.get(a).direction() + ")", pair.get(0), pair.get(1),
                    xy[0], xy[1], toInt(xy[2]), gn, frontPos);
            html.heading(2, "Pareto front: " + pair.get(1) + " vs " + pair.get(0));
            int[] fr = fronts.get(k);
            html.figure(SvgChart.inline(chart, "chart-" + k, ChartFiles.WIDTH, ChartFiles.HEIGHT, e -> {
                String v = SvgChart.valueTip(e);
                if (v != null && e instanceof org.jfree.chart.entity.XYItemEntity xe && xe.getSeriesIndex() == 0
                        && xe.getItem() < fr.length) {
                    String[] row = picked.get(index.get(fr[xe.getItem()]));
                    StringBuilder t = new StringBuilder("point " + row[0]);
                    for (int c = 0; c < m.valueColumns().size(); c++) {
                        t.append(", ").append(m.valueColumns().get(c)).append('=')
                                .append(row[SweepRows.LEAD.size() + c]);
                    }
                    return t + "; " + pair.get(0) + ", " + pair.get(1) + " = " + v.substring(v.indexOf(':') + 2);
                }
                return null; // the dominated points: no hover, so a page of thousands of points stays small
            }), fr.length + " points on the front (black; hover one for its parameters and values), the feasible points in"
                    + " colour by " + (m.valueColumns().isEmpty() ? "group" : m.valueColumns().get(0)) + ".");
            List<Html.Column> fcols = new ArrayList<>();
            fcols.add(Html.Column.num("index"));
            m.valueColumns().forEach(c -> fcols.add(Html.Column.text(c)));
            fcols.add(Html.Column.num(pair.get(0)));
            fcols.add(Html.Column.num(pair.get(1)));
            List<List<Object>> frows = new ArrayList<>();
            for (int p : fr) {
                String[] row = picked.get(index.get(p));
                List<Object> cells = new ArrayList<>();
                cells.add(index.get(p));
                cells.addAll(Arrays.asList(row).subList(SweepRows.LEAD.size(), row.length));
                cells.add(vs[a][p]);
                cells.add(vs[b][p]);
                frows.add(cells);
            }
            html.table("front-" + k, fcols, frows, java.util.Set.of());
            AtomicFiles.write(dir.resolve(stem + ".png"), RooflineChart.png(chart));
            AtomicFiles.write(dir.resolve(stem + ".svg"), RooflineChart.svg(chart));
            md.append("## Pareto front: ").append(pair.get(1)).append(" vs ").append(pair.get(0)).append("\n\n")
                    .append(fronts.get(k).length).append(" points on the front: [").append(stem).append(".csv](")
                    .append(stem).append(".csv)\n\n![").append(stem).append("](").append(stem).append(".png)\n\n");
        }
        AtomicFiles.write(dir.resolve("best.csv"), bestCsv(m, objs, best, vs, index, picked));
        AtomicFiles.write(dir.resolve("report.md"), md.toString());
        AtomicFiles.write(dir.resolve("index.html"), html.page());
        // the terminal gets a summary: the counts, the best points and where the rest is
        String summary = md.substring(0, md.indexOf("## Pareto front") < 0 ? md.length() : md.indexOf("## Pareto front"));
        return summary.replaceAll("\\n{3,}", "\n\n").stripTrailing() + "\n\n" + fronts.size()
                + " Pareto fronts (CSV, PNG, SVG) and the report: " + dir.resolve("index.html") + " (and report.md)\n";
    }

    private static MappingIterator<String[]> rows(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            throw InputException.at(csv.toString(), null, "the sweep's rows", "no such file");
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        return mapper.readerFor(String[].class).readValues(csv.toFile());
    }

    private static int indexOf(List<Objective> objs, String metric) {
        for (int i = 0; i < objs.size(); i++) {
            if (objs.get(i).metric().equals(metric)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no objective " + metric);
    }

    private static int[] sortBy(int[] ps, DoubleList x, DoubleList y) {
        return Arrays.stream(ps).boxed().sorted((p, q) -> {
            int c = Double.compare(x.get(p), x.get(q));
            return c != 0 ? c : Double.compare(y.get(p), y.get(q));
        }).mapToInt(Integer::intValue).toArray();
    }

    /** The points where both values are finite, with their group, as three arrays. */
    private static double[][] finite(double[] x, double[] y, int[] g) {
        DoubleList a = new DoubleList();
        DoubleList b = new DoubleList();
        DoubleList c = new DoubleList();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                a.add(x[i]);
                b.add(y[i]);
                c.add(g[i]);
            }
        }
        return new double[][] {a.toArray(), b.toArray(), c.toArray()};
    }

    /** Positions of the front among the finite points. */
    private static int[] remap(int[] front, double[] x, double[] y) {
        int[] pos = new int[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            pos[i] = k;
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                k++;
            }
        }
        return Arrays.stream(front).map(p -> pos[p]).toArray();
    }

    private static int[] toInt(double[] d) {
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    private static void bestHtml(Html html, SweepManifest m, List<Objective> objs, int[] best, DoubleList[] val,
                                 LongList index, Map<Long, String[]> picked) {
        List<Html.Column> cols = new ArrayList<>(List.of(Html.Column.text("objective"), Html.Column.num("value"),
                Html.Column.num("index"), Html.Column.text("pointId")));
        m.valueColumns().forEach(c -> cols.add(Html.Column.text(c)));
        List<List<Object>> rows = new ArrayList<>();
        for (int o = 0; o < objs.size(); o++) {
            List<Object> r = new ArrayList<>();
            r.add(objs.get(o).metric() + " (" + objs.get(o).direction() + ")");
            if (best[o] < 0) {
                r.add(null);
                rows.add(r);
                continue;
            }
            r.add(val[o].get(best[o]));
            String[] row = picked.get(index.get(best[o]));
            r.add(Long.parseLong(row[0]));
            r.addAll(Arrays.asList(row).subList(1, row.length));
            rows.add(r);
        }
        html.table("best", cols, rows, java.util.Set.of());
    }

    private static String bestTable(SweepManifest m, List<Objective> objs, int[] best, DoubleList[] val,
                                     LongList index, Map<Long, String[]> picked) {
        List<String> head = new ArrayList<>(List.of("objective", "value", "index", "pointId"));
        head.addAll(m.valueColumns());
        StringBuilder sb = new StringBuilder("| " + String.join(" | ", head) + " |\n|");
        head.forEach(h -> sb.append("---|"));
        sb.append('\n');
        for (int o = 0; o < objs.size(); o++) {
            sb.append("| ").append(objs.get(o).metric()).append(" (").append(objs.get(o).direction()).append(") | ");
            if (best[o] < 0) {
                sb.append("no feasible point |\n");
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%.6g", val[o].get(best[o])));
            for (String s : picked.get(index.get(best[o]))) {
                sb.append(" | ").append(s);
            }
            sb.append(" |\n");
        }
        return sb.toString();
    }

    private static String bestCsv(SweepManifest m, List<Objective> objs, int[] best, double[][] vs, LongList index,
                                  Map<Long, String[]> picked) {
        StringBuilder sb = new StringBuilder("objective,direction,value,index,pointId");
        m.valueColumns().forEach(c -> sb.append(',').append(SweepRows.csv(c)));
        sb.append('\n');
        for (int o = 0; o < objs.size(); o++) {
            if (best[o] < 0) {
                continue;
            }
            sb.append(objs.get(o).metric()).append(',').append(objs.get(o).direction()).append(',')
                    .append(Double.toString(vs[o][best[o]]));
            for (String s : picked.get(index.get(best[o]))) {
                sb.append(',').append(SweepRows.csv(s));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A growable array of longs (no boxing for 100,000s of points). */
    private static final class LongList {
        long[] a = new long[1024];
        int size;

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        long get(int i) {
            return a[i];
        }
    }

    private static final class DoubleList {
        double[] a = new double[1024];
        int size;

        void add(double v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        double get(int i) {
            return a[i];
        }

        double[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class IntList {
        int[] a = new int[1024];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
