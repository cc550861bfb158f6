package org.pactsim.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.format.TraceReader;

/**
 * Inputs built from scratch with the right syntax and the readers' own key and column names
 * (plus near misses), filled with values drawn from pools that reach every limit: so the
 * binding, not only the parsing, meets wrong types, missing and unknown keys, and zero,
 * negative, NaN, fractional and absurd values.
 */
final class Generated {
    /** Scalar values, as YAML or CSV text. */
    static final List<String> VALUES = List.of("0", "1", "2", "3", "4", "7", "8", "16", "32", "33", "64", "65", "224",
            "1000", "65536", "65537", "1048576", "1048577", "2147483647", "2147483648", "9223372036854775807",
            "99999999999999999999", "-1", "-8", "1.5", "0.001", "1e9", "1e309", ".nan", "nan", ".inf", "NaN",
            "true", "false", "yes", "null", "~", "\"\"", "\"8\"", "text", "os", "ws", "is", "rs", "int", "float",
            "unlimited", "fixed", "fusion", "bit-serial", "hbm2", "[]", "[1, 2]", "{}", "{a: 1}");

    private Generated() {
    }

    /** A generator: a value drawn from a random source (the fuzzers' cases are seeded: Seeds). */
    interface G extends Function<SplittableRandom, String> {
    }

    static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String pick(SplittableRandom r, String... values) {
        return values[r.nextInt(values.length)];
    }

    /** True {@code percent} times in a hundred. */
    private static boolean chance(SplittableRandom r, int percent) {
        return r.nextInt(100) < percent;
    }

    /** A value of {@link #VALUES} that holds no comma (for CSV cells). */
    private static String anyCell(SplittableRandom r) {
        String v;
        do {
            v = pick(r, VALUES);
        } while (v.contains(","));
        return v;
    }

    /**
     * Mostly a valid value from {@code valid}, sometimes any value from {@link #VALUES}: a file of
     * a dozen keys then has one or two faults, deep in the binding, about half the time.
     */
    static G mostly(String... valid) {
        return r -> chance(r, 95) ? pick(r, valid) : pick(r, VALUES);
    }

    /** A key present with probability {@code percent}, with a value from {@code value}. */
    private static G entry(String key, int percent, G value, boolean json) {
        String k = json ? "\"" + key + "\"" : key;
        return r -> {
            if (!chance(r, percent)) {
                return "";
            }
            String v = value.apply(r);
            return k + ": " + (json ? jsonValue(v) : v);
        };
    }

    private static G mapping(List<G> entries) {
        return r -> chance(r, 95) ? join(all(r, entries), true) : pick(r, VALUES);
    }

    private static List<String> all(SplittableRandom r, List<G> gens) {
        List<String> out = new ArrayList<>();
        for (G g : gens) {
            out.add(g.apply(r));
        }
        return out;
    }

    /** A value as JSON: numbers, booleans, null and nested structures as they are, other text quoted. */
    private static String jsonValue(String v) {
        boolean bare = v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?") || v.equals("true") || v.equals("false")
                || v.equals("null") || v.startsWith("{") || v.startsWith("[") || v.startsWith("\"");
        return bare ? v : "\"" + v + "\"";
    }

    /**
     * An accelerator as YAML ({@code json == false}) or JSON: required keys nearly always there,
     * optional ones often, near-miss keys rarely; values mostly valid for their key.
     */
    static String arch(SplittableRandom r, boolean json) {
        List<G> e = new ArrayList<>();
        e.add(entry("schema", 95, mostly("pactsim/arch/1"), json));
        e.add(entry("name", 95, mostly("g", "\"two words\""), json));
        e.add(entry("array", 95, mapping(List.of(entry("rows", 95, mostly("1", "4", "8", "128"), json),
                entry("cols", 95, mostly("1", "8", "16", "256"), json), entry("colums", 5, mostly("8"), json))), json));
        e.add(entry("dataflow", 95, mostly("os", "ws", "is"), json));
        e.add(entry("cores", 40, mostly("1", "2", "4"), json));
        e.add(entry("clockMhz", 95, mostly("100", "500", "1000.5"), json));
        e.add(entry("technologyNm", 40, mostly("45", "28", "7"), json));
        e.add(entry("pe", 50, mapping(List.of(entry("weightBits", 90, mostly("2", "4", "8", "16"), json),
                entry("activationBits", 90, mostly("2", "4", "8", "16"), json),
                entry("type", 40, mostly("int", "float"), json), entry("accumulatorBits", 40, mostly("16", "32"), json),
                entry("mode", 40, mostly("fixed", "fusion", "bit-serial"), json),
                entry("weightbits", 5, mostly("8"), json))), json));
        e.add(entry("sram", 95, mapping(List.of(entry("unifiedKiB", 20, mostly("128", "1024"), json),
                entry("ifmapKiB", 80, mostly("8", "64"), json), entry("filterKiB", 80, mostly("8", "64"), json),
                entry("ofmapKiB", 80, mostly("8", "64"), json), entry("l2KiB", 5, mostly("8"), json))), json));
        e.add(entry("dram", 95, mapping(List.of(entry("bandwidthGBps", 95, mostly("8", "25.6", "unlimited"), json),
                entry("type", 30, mostly("hbm2", "ddr4"), json))), json));
        e.add(entry("vector", 30, mapping(List.of(entry("lanes", 90, mostly("8", "64"), json))), json));
        e.add(entry("schedule", 20, mapping(List.of(entry("policy", 80, mostly("compiler", "legacy"), json),
                entry("fuse", 60, mostly("true", "false"), json))), json));
        e.add(entry("frequency", 5, mostly("1"), json));
        return join(all(r, e), json);
    }

    /** Flow-style mapping text (valid YAML, and JSON when keys and values are). */
    private static String join(List<String> parts, boolean flow) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (!p.isEmpty()) {
                kept.add(p);
            }
        }
        return flow ? "{" + String.join(", ", kept) + "}\n" : String.join("\n", kept) + "\n";
    }

    /** A SCALE-Sim config: its sections in order, keys usually there and usually valid, a few strangers. */
    static String cfg(SplittableRandom r) {
        List<G> l = new ArrayList<>();
        l.add(x -> "[general]");
        l.add(cfgLine("run_name", 90, mostly("run1", "x_y")));
        l.add(x -> "[architecture_presets]");
        l.add(cfgLine("ArrayHeight", 95, mostly("8", "32", "128")));
        l.add(cfgLine("ArrayWidth", 95, mostly("8", "32", "128")));
        for (String k : List.of("IfmapSramSzkB", "FilterSramSzkB", "OfmapSramSzkB")) {
            l.add(cfgLine(k, 95, mostly("64", "512")));
        }
        l.add(cfgLine("IfmapOffset", 50, mostly("0")));
        l.add(cfgLine("Dataflow", 95, mostly("os", "ws", "is")));
        l.add(cfgLine("Bandwidth", 50, mostly("10", "1.5")));
        l.add(cfgLine("MemoryBanks", 30, mostly("1")));
        l.add(cfgLine("ArrayHight", 5, mostly("8")));
        l.add(x -> chance(x, 95) ? "[run_presets]" : pick(x, "[other]", "[sparsity]", "run_presets"));
        l.add(cfgLine("InterfaceBandwidth", 60, mostly("CALC", "USER")));
        l.add(cfgLine("SparsitySupport", 10, mostly("False")));
        return join(all(r, l), false);
    }

    private static G cfgLine(String key, int percent, G value) {
        return r -> {
            if (!chance(r, percent)) {
                return "";
            }
            String v = value.apply(r);
            return key + pick(r, " : ", " = ", ":", "=") + v;
        };
    }

    /** The columns each trace layer type reads besides name, type, inputs and the bit widths. */
    private static List<String> columnsOf(String type) {
        switch (type) {
            case "conv":
            case "dwconv":
                return List.of("batch", "inH", "inW", "inC", "outC", "kH", "kW", "strideH", "strideW", "padH", "padW",
                        "groups", "bias", "weightBits");
            case "fc":
                return List.of("batch", "m", "inC", "outC", "bias", "weightBits");
            case "matmul":
                return List.of("batch", "m", "n", "k", "weightBits");
            case "maxpool":
            case "avgpool":
                return List.of("batch", "inH", "inW", "inC", "kH", "kW", "strideH", "strideW", "padH", "padW");
            case "add":
            case "concat":
                return List.of("batch", "inH", "inW", "inC", "learned");
            default:
                return List.of("batch", "inH", "inW", "inC");
        }
    }

    private static final List<String> COMMON = List.of("name", "type", "inputs", "activationBits", "outputBits",
            "numberType");

    /** Up to {@code max} distinct elements of {@code from}, at least {@code min}, in a random order. */
    private static List<String> subset(SplittableRandom r, List<String> from, int min, int max) {
        List<String> pool = new ArrayList<>(from);
        java.util.Collections.shuffle(pool, new java.util.Random(r.nextLong()));
        return new ArrayList<>(pool.subList(0, min + r.nextInt(max - min + 1)));
    }

    /** A pactsim CSV trace: the full header mostly (else a random one), rows that fit their type mostly. */
    static String traceCsv(SplittableRandom r) {
        List<String> h;
        if (chance(r, 80)) {
            h = TraceReader.COLUMNS;
        } else {
            h = subset(r, TraceReader.COLUMNS, 2, TraceReader.COLUMNS.size());
            if (!h.contains("name")) {
                h.add(0, "name");
            }
            if (!h.contains("type")) {
                h.add(1, "type");
            }
        }
        List<String> rows = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            rows.add(row(r, h));
        }
        return String.join(",", h) + "\n" + String.join("\n", rows) + "\n";
    }

    /** A YAML trace: layers as flow mappings of the keys of their type, mostly valid. */
    static String traceYaml(SplittableRandom r) {
        String schema = chance(r, 95) ? "pactsim/trace/1" : "pactsim/trace/2";
        List<String> layers = new ArrayList<>();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String type = type(r);
            List<String> cells = new ArrayList<>();
            for (String k : TraceReader.COLUMNS) {
                boolean applies = COMMON.contains(k) || columnsOf(type).contains(k);
                if (chance(r, applies ? 90 : 2)) {
                    cells.add(k + ": " + (k.equals("type") ? type : cell(r, k)));
                }
            }
            layers.add("{" + String.join(", ", cells) + "}");
        }
        return "schema: " + schema + "\nname: gen\nlayers:\n  - " + String.join("\n  - ", layers) + "\n";
    }

    private static String type(SplittableRandom r) {
        return chance(r, 98) ? pick(r, TraceReader.TYPES) : pick(r, "convolution", "", "CONV");
    }

    private static String row(SplittableRandom r, List<String> header) {
        String type = type(r);
        List<String> cells = new ArrayList<>();
        for (String h : header) {
            boolean applies = COMMON.contains(h) || columnsOf(type).contains(h);
            cells.add(h.equals("type") ? type : applies ? cell(r, h) : chance(r, 98) ? "" : anyCell(r));
        }
        return String.join(",", cells);
    }

    /** A cell of {@code column}: mostly valid, sometimes anything. */
    private static String cell(SplittableRandom r, String column) {
        if (!chance(r, 97)) {
            return anyCell(r);
        }
        switch (column) {
            case "name": {
                // usually unique; now and then a name another layer has
                if (r.nextInt(10) == 0) {
                    return "a";
                }
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    b.append((char) ('a' + r.nextInt(26)));
                }
                return b.toString();
            }
            case "inputs":
                return r.nextInt(10) < 9 ? "" : pick(r, "a", "a;b", "zz");
            case "bias":
                return pick(r, "true", "false");
            case "numberType":
                return pick(r, "int", "int", "float");
            case "weightBits":
            case "activationBits":
            case "outputBits":
                return pick(r, "2", "4", "8", "16");
            case "kH":
            case "kW":
                return pick(r, "1", "2", "3");
            case "strideH":
            case "strideW":
                return pick(r, "1", "2");
            case "padH":
            case "padW":
            case "learned":
                return pick(r, "0", "0", "1");
            case "groups":
                return "1";
            default:
                return pick(r, "1", "3", "8", "16", "64");
        }
    }

    /** A SCALE-Sim topology: a conv or GEMM header, rows mostly of its field count and mostly valid values. */
    static String topology(SplittableRandom r) {
        boolean conv = r.nextBoolean();
        int n = conv ? 7 : 3;
        String header = conv
                ? "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,"
                : "Layer Name, M, N, K,";
        List<String> rows = new ArrayList<>();
        int count = r.nextInt(6);
        for (int i = 0; i < count; i++) {
            // a name holding "DP" is a depthwise row: it expands into Channels layers (bounded: TopologyBugTest)
            String name = chance(r, 95) ? pick(r, "Conv1", "fc", "L 2", "Conv_DP3") : "";
            int c = chance(r, 90) ? n : 1 + r.nextInt(10);
            List<String> f = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                f.add(chance(r, 95) ? pick(r, "1", "2", "3", "7", "16", "56", " 8 ") : anyCell(r));
            }
            rows.add(name + "," + String.join(",", f) + pick(r, "", ","));
        }
        return header + "\n" + String.join("\n", rows) + "\n";
    }

    /** A cost-table file: the schema line and tables of (mostly) real kinds, columns and cells. */
    static String costTables(SplittableRandom r) {
        List<String> kinds = List.of("mac", "mac-fit", "sram", "dram", "leakage", "tech", "params", "macs");
        List<String> tables = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int t = 0; t < n; t++) {
            String kind = pick(r, kinds);
            List<String> cols = columns(kind);
            List<String> h = r.nextBoolean() ? cols : subset(r, cols, 1, cols.size());
            List<String> rows = new ArrayList<>();
            int m = r.nextInt(5);
            for (int i = 0; i < m; i++) {
                rows.add(costRow(r, h));
            }
            tables.add("# table: " + kind + "\n" + String.join(",", h) + "\n" + String.join("\n", rows));
        }
        return pick(r, "# schema: pactsim/cost/1", "# schema: pactsim/cost/1", "# schema: x") + "\n"
                + String.join("\n", tables) + "\n";
    }

    private static List<String> columns(String kind) {
        for (var e : CostTableReader.COLUMNS.entrySet()) {
            if (e.getKey().key().equals(kind)) {
                return e.getValue();
            }
        }
        return List.of("a", "b");
    }

    private static String costRow(SplittableRandom r, List<String> header) {
        List<String> cells = new ArrayList<>();
        for (String h : header) {
            String l = h.toLowerCase(Locale.ROOT);
            if (l.equals("basis")) {
                cells.add(pick(r, "published", "measured", "fitted", "derived", "assumed", "guessed", ""));
            } else if (l.equals("mode")) {
                cells.add(pick(r, "fixed", "fusion", "bit-serial", "serial"));
            } else if (l.equals("precision")) {
                cells.add(pick(r, "int8", "int2", "int0", "int65", "w4a8", "fp16", "bf16", "fp8-e4m3", "int"));
            } else if (l.equals("quantity")) {
                cells.add(pick(r, "areaUm2", "energyPjPerPeCycle", "power"));
            } else if (l.equals("component")) {
                cells.add(pick(r, "logic", "sram", "dram"));
            } else if (l.equals("name")) {
                cells.add(pick(r, "sramEnergyExponentAbove", "x", ""));
            } else if (l.equals("type") || l.equals("derivation") || l.equals("source") || l.equals("unit")) {
                cells.add(pick(r, "hbm2", "ddr4", "", "\"a, b\"", "x", "\"unclosed"));
            } else {
                cells.add(r.nextBoolean() ? pick(r, "45", "28", "1", "0.5", "1024", "3.9", "", "0") : anyCell(r));
            }
        }
        return String.join(",", cells);
    }

    /** {@code --set} arguments: real and near-miss dotted paths, any values, malformed ones. */
    static List<String> sets(SplittableRandom r) {
        List<String> out = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (r.nextBoolean()) {
                out.add(pick(r, "array.rows", "array.cols", "cores", "clockMhz", "dataflow", "pe.weightBits", "pe.type",
                        "pe.mode", "sram.ifmapKiB", "sram.unifiedKiB", "dram.bandwidthGBps", "dram.type", "vector.lanes",
                        "schedule.policy", "schedule.fuse", "name", "schema", "array", "array.rows.x", "sram.l2KiB",
                        "Array.Rows", "1x", "a..b", "", " ") + "=" + pick(r, VALUES));
            } else {
                out.add(pick(r, "=", "rows", "array.rows=", "=8", "a=b=c", "array.rows = 8 "));
            }
        }
        return out;
    }
}
