package org.pactsim.report;

import java.util.List;
import org.pactsim.study.sweep.PointRow;

/**
 * A sweep's rows as text: {@code points.csv} (a header of keys with their units, one row per
 * point) and {@code points.jsonl} (one JSON object per line). Numbers are written exactly:
 * integers as integers, reals by {@link Double#toString} (shortest text that reads back to the
 * same double), non-finite ones as empty (CSV) or null (JSON).
 */
public final class SweepRows {
    /** Columns before the swept values. */
    public static final List<String> LEAD = List.of("index", "pointId");
    /** Columns between the swept values and the metrics. */
    public static final List<String> STATUS = List.of("status", "reason");

    private final List<String> valueColumns;
    private final List<String> metricColumns;

    public SweepRows(List<String> valueColumns, List<String> metricColumns) {
        this.valueColumns = List.copyOf(valueColumns);
        this.metricColumns = List.copyOf(metricColumns);
    }

    /** The CSV header line, with its newline. */
    public String csvHeader() {
        StringBuilder sb = new StringBuilder();
        for (String c : LEAD) {
            sb.append(csv(c)).append(',');
        }
        for (String c : valueColumns) {
            sb.append(csv(c)).append(',');
        }
        for (String c : STATUS) {
            sb.append(c).append(',');
        }
        for (String c : metricColumns) {
            sb.append(csv(c)).append(',');
        }
        sb.setLength(sb.length() - 1);
        return sb.append('\n').toString();
    }

    /** One CSV line, with its newline. */
    public String csv(PointRow r) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(r.index()).append(',').append(r.pointId());
        for (String v : r.values()) {
            sb.append(',').append(csv(v));
        }
        sb.append(',').append(r.status().key()).append(',');
        if (r.reason() != null) {
            sb.append(csv(r.reason()));
        }
        for (Object m : r.metrics()) {
            sb.append(',');
            number(sb, m, "");
        }
        return sb.append('\n').toString();
    }

    /** One JSON line, with its newline: index, pointId, values, status, reason, metrics. */
    public String json(PointRow r) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"index\":").append(r.index()).append(",\"pointId\":\"").append(r.pointId()).append("\",\"values\":{");
        for (int i = 0; i < valueColumns.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            string(sb, valueColumns.get(i));
            sb.append(':');
            String v = r.values().get(i);
            if (isNumber(v)) {
                sb.append(v);
            } else {
                string(sb, v);
            }
        }
        sb.append("},\"status\":\"").append(r.status().key()).append("\",\"reason\":");
        if (r.reason() == null) {
            sb.append("null");
        } else {
            string(sb, r.reason());
        }
        sb.append(",\"metrics\":{");
        Object[] ms = r.metrics();
        for (int i = 0; i < ms.length; i++) {
            sb.append(i == 0 ? "" : ",");
            string(sb, metricColumns.get(i));
            sb.append(':');
            number(sb, ms[i], "null");
        }
        return sb.append("}}\n").toString();
    }

    private static void number(StringBuilder sb, Object v, String none) {
        if (v instanceof Double) {
            double d = (Double) v;
            sb.append(Double.isFinite(d) ? Double.toString(d) : none);
        } else if (v instanceof Number) {
            sb.append(((Number) v).longValue());
        } else {
            sb.append(none);
        }
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }

    /** The header of a Pareto front's CSV: index, pointId, the axis values, the two objectives. */
    public static StringBuilder frontHeader(List<String> valueColumns, List<String> pair) {
        StringBuilder sb = new StringBuilder("index,pointId");
        valueColumns.forEach(c -> sb.append(',').append(csv(c)));
        return sb.append(',').append(pair.get(0)).append(',').append(pair.get(1)).append('\n');
    }

    /** One point of a Pareto front's CSV ({@code lead}: its index, pointId and axis values, as text). */
    public static void frontLine(StringBuilder sb, List<String> lead, double x, double y) {
        for (String s : lead) {
            sb.append(csv(s)).append(',');
        }
        sb.append(Double.toString(x)).append(',').append(Double.toString(y)).append('\n');
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
