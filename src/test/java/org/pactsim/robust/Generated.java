package org.pactsim.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.pactsim.io.CostTableReader;
import org.pactsim.io.TraceReader;

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

    /**
     * Mostly a valid value from {@code valid}, sometimes any value from {@link #VALUES}: a file of
     * a dozen keys then has one or two faults, deep in the binding, about half the time.
     */
    static Arbitrary<String> mostly(String... valid) {
        return Arbitraries.frequencyOf(Tuple.of(95, Arbitraries.of(valid)), Tuple.of(5, Arbitraries.of(VALUES)));
    }

    /** A key present with probability {@code percent}, with a value from {@code value}. */
    private static Arbitrary<String> entry(String key, int percent, Arbitrary<String> value, boolean json) {
        String k = json ? "\"" + key + "\"" : key;
        return Arbitraries.frequencyOf(Tuple.of(percent, value.map(v -> k + ": " + (json ? jsonValue(v) : v))),
                Tuple.of(100 - percent, Arbitraries.just("")));
    }

    private static Arbitrary<String> mapping(boolean json, List<Arbitrary<String>> entries) {
        return Arbitraries.frequencyOf(Tuple.of(95, Combinators.combine(entries).as(parts -> join(parts, true))),
                Tuple.of(5, Arbitraries.of(VALUES)));
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
    static Arbitrary<String> arch(boolean json) {
        List<Arbitrary<String>> e = new ArrayList<>();
        e.add(entry("schema", 95, mostly("pactsim/arch/1"), json));
        e.add(entry("name", 95, mostly("g", "\"two words\""), json));
        e.add(entry("array", 95, mapping(json, List.of(entry("rows", 95, mostly("1", "4", "8", "128"), json),
                entry("cols", 95, mostly("1", "8", "16", "256"), json), entry("colums", 5, mostly("8"), json))), json));
        e.add(entry("dataflow", 95, mostly("os", "ws", "is"), json));
        e.add(entry("cores", 40, mostly("1", "2", "4"), json));
        e.add(entry("clockMhz", 95, mostly("100", "500", "1000.5"), json));
        e.add(entry("technologyNm", 40, mostly("45", "28", "7"), json));
        e.add(entry("pe", 50, mapping(json, List.of(entry("weightBits", 90, mostly("2", "4", "8", "16"), json),
                entry("activationBits", 90, mostly("2", "4", "8", "16"), json),
                entry("type", 40, mostly("int", "float"), json), entry("accumulatorBits", 40, mostly("16", "32"), json),
                entry("mode", 40, mostly("fixed", "fusion", "bit-serial"), json),
                entry("weightbits", 5, mostly("8"), json))), json));
        e.add(entry("sram", 95, mapping(json, List.of(entry("unifiedKiB", 20, mostly("128", "1024"), json),
                entry("ifmapKiB", 80, mostly("8", "64"), json), entry("filterKiB", 80, mostly("8", "64"), json),
                entry("ofmapKiB", 80, mostly("8", "64"), json), entry("l2KiB", 5, mostly("8"), json))), json));
        e.add(entry("dram", 95, mapping(json, List.of(entry("bandwidthGBps", 95, mostly("8", "25.6", "unlimited"), json),
                entry("type", 30, mostly("hbm2", "ddr4"), json))), json));
        e.add(entry("vector", 30, mapping(json, List.of(entry("lanes", 90, mostly("8", "64"), json))), json));
        e.add(entry("frequency", 5, mostly("1"), json));
        return Combinators.combine(e).as(parts -> join(parts, json));
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
    static Arbitrary<String> cfg() {
        List<Arbitrary<String>> l = new ArrayList<>();
        l.add(Arbitraries.just("[general]"));
        l.add(cfgLine("run_name", 90, mostly("run1", "x_y")));
        l.add(Arbitraries.just("[architecture_presets]"));
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
        l.add(Arbitraries.frequencyOf(Tuple.of(95, Arbitraries.just("[run_presets]")),
                Tuple.of(5, Arbitraries.of("[other]", "[sparsity]", "run_presets"))));
        l.add(cfgLine("InterfaceBandwidth", 60, mostly("CALC", "USER")));
        l.add(cfgLine("SparsitySupport", 10, mostly("False")));
        return Combinators.combine(l).as(parts -> join(parts, false));
    }

    private static Arbitrary<String> cfgLine(String key, int percent, Arbitrary<String> value) {
        return Arbitraries.frequencyOf(Tuple.of(percent, Combinators.combine(value, Arbitraries.of(" : ", " = ", ":", "="))
                .as((v, sep) -> key + sep + v)), Tuple.of(100 - percent, Arbitraries.just("")));
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

    /** A pactsim CSV trace: the full header mostly (else a random one), rows that fit their type mostly. */
    static Arbitrary<String> traceCsv() {
        Arbitrary<List<String>> random = Arbitraries.of(TraceReader.COLUMNS).list().uniqueElements().ofMinSize(2)
                .ofMaxSize(TraceReader.COLUMNS.size())
                .map(h -> {
                    List<String> c = new ArrayList<>(h);
                    if (!c.contains("name")) {
                        c.add(0, "name");
                    }
                    if (!c.contains("type")) {
                        c.add(1, "type");
                    }
                    return c;
                });
        Arbitrary<List<String>> header = Arbitraries.frequencyOf(Tuple.of(80, Arbitraries.just(TraceReader.COLUMNS)),
                Tuple.of(20, random));
        return header.flatMap(h -> row(h).list().ofMinSize(0).ofMaxSize(5)
                .map(rows -> String.join(",", h) + "\n" + String.join("\n", rows) + "\n"));
    }

    /** A YAML trace: layers as flow mappings of the keys of their type, mostly valid. */
    static Arbitrary<String> traceYaml() {
        Arbitrary<String> layer = type().flatMap(type -> {
            List<Arbitrary<String>> cells = new ArrayList<>();
            for (String k : TraceReader.COLUMNS) {
                boolean applies = COMMON.contains(k) || columnsOf(type).contains(k);
                Arbitrary<String> value = k.equals("type") ? Arbitraries.just(type) : cell(type, k);
                cells.add(Arbitraries.frequencyOf(Tuple.of(applies ? 90 : 2, value),
                        Tuple.of(applies ? 10 : 98, Arbitraries.just(""))).map(v -> v.isEmpty() ? "" : k + ": " + v));
            }
            return Combinators.combine(cells).as(c -> "{" + String.join(", ", c.stream().filter(x -> !x.isEmpty())
                    .toList()) + "}");
        });
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(95, Arbitraries.just("pactsim/trace/1")),
                        Tuple.of(5, Arbitraries.just("pactsim/trace/2"))), layer.list().ofMinSize(1).ofMaxSize(5))
                .as((schema, layers) -> "schema: " + schema + "\nname: gen\nlayers:\n"
                        + (layers.isEmpty() ? "  []\n" : "  - " + String.join("\n  - ", layers) + "\n"));
    }

    private static Arbitrary<String> type() {
        return Arbitraries.frequencyOf(Tuple.of(98, Arbitraries.of(TraceReader.TYPES)),
                Tuple.of(2, Arbitraries.of("convolution", "", "CONV")));
    }

    private static Arbitrary<String> row(List<String> header) {
        return type().flatMap(type -> {
            List<Arbitrary<String>> cells = new ArrayList<>();
            for (String h : header) {
                boolean applies = COMMON.contains(h) || columnsOf(type).contains(h);
                cells.add(h.equals("type") ? Arbitraries.just(type) : applies ? cell(type, h)
                        : Arbitraries.frequencyOf(Tuple.of(98, Arbitraries.just("")),
                        Tuple.of(2, Arbitraries.of(VALUES).filter(v -> !v.contains(",")))));
            }
            return Combinators.combine(cells).as(c -> String.join(",", c));
        });
    }

    /** A cell of {@code column} for a layer of {@code type}: mostly valid, sometimes anything. */
    private static Arbitrary<String> cell(String type, String column) {
        Arbitrary<String> any = Arbitraries.of(VALUES).filter(v -> !v.contains(","));
        Arbitrary<String> valid;
        switch (column) {
            case "name":
                // usually unique; now and then a name another layer has
                valid = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.strings().withCharRange('a', 'z').ofLength(6)),
                        Tuple.of(1, Arbitraries.just("a")));
                break;
            case "inputs":
                valid = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("")),
                        Tuple.of(1, Arbitraries.of("a", "a;b", "zz")));
                break;
            case "bias":
                valid = Arbitraries.of("true", "false");
                break;
            case "numberType":
                valid = Arbitraries.of("int", "int", "float");
                break;
            case "weightBits":
            case "activationBits":
            case "outputBits":
                valid = Arbitraries.of("2", "4", "8", "16");
                break;
            case "kH":
            case "kW":
                valid = Arbitraries.of("1", "2", "3");
                break;
            case "strideH":
            case "strideW":
                valid = Arbitraries.of("1", "2");
                break;
            case "padH":
            case "padW":
            case "learned":
                valid = Arbitraries.of("0", "0", "1");
                break;
            case "groups":
                valid = Arbitraries.of("1");
                break;
            default:
                valid = Arbitraries.of("1", "3", "8", "16", "64");
                break;
        }
        return Arbitraries.frequencyOf(Tuple.of(97, valid), Tuple.of(3, any));
    }

    /** A SCALE-Sim topology: a conv or GEMM header, rows mostly of its field count and mostly valid values. */
    static Arbitrary<String> topology() {
        Arbitrary<String> field = Arbitraries.frequencyOf(Tuple.of(95, Arbitraries.of("1", "2", "3", "7", "16", "56",
                " 8 ")), Tuple.of(5, Arbitraries.of(VALUES).filter(v -> !v.contains(","))));
        // a name holding "DP" is a depthwise row: it expands into Channels layers (bounded: TopologyBugTest)
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(95, Arbitraries.of("Conv1", "fc", "L 2", "Conv_DP3")),
                Tuple.of(5, Arbitraries.just("")));
        return Arbitraries.of(true, false).flatMap(conv -> {
            int n = conv ? 7 : 3;
            Arbitrary<Integer> count = Arbitraries.frequencyOf(Tuple.of(90, Arbitraries.just(n)),
                    Tuple.of(10, Arbitraries.integers().between(1, 10)));
            Arbitrary<String> row = count.flatMap(c -> Combinators.combine(name, field.list().ofSize(c),
                    Arbitraries.of("", ",")).as((nm, f, trail) -> nm + "," + String.join(",", f) + trail));
            String header = conv
                    ? "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,"
                    : "Layer Name, M, N, K,";
            return row.list().ofMaxSize(5).map(rows -> header + "\n" + String.join("\n", rows) + "\n");
        });
    }

    /** A cost-table file: the schema line and tables of (mostly) real kinds, columns and cells. */
    static Arbitrary<String> costTables() {
        List<String> kinds = List.of("mac", "mac-fit", "sram", "dram", "leakage", "tech", "params", "macs");
        Arbitrary<String> table = Arbitraries.of(kinds).flatMap(kind -> {
            List<String> cols = columns(kind);
            Arbitrary<List<String>> header = Arbitraries.oneOf(Arbitraries.just(cols),
                    Arbitraries.of(cols).list().uniqueElements().ofMinSize(1).ofMaxSize(cols.size()));
            return header.flatMap(h -> costRow(h).list().ofMaxSize(4)
                    .map(rows -> "# table: " + kind + "\n" + String.join(",", h) + "\n" + String.join("\n", rows)));
        });
        return Combinators.combine(Arbitraries.of("# schema: pactsim/cost/1", "# schema: pactsim/cost/1", "# schema: x"),
                table.list().ofMinSize(1).ofMaxSize(3))
                .as((s, t) -> s + "\n" + String.join("\n", t) + "\n");
    }

    private static List<String> columns(String kind) {
        for (var e : CostTableReader.COLUMNS.entrySet()) {
            if (e.getKey().key().equals(kind)) {
                return e.getValue();
            }
        }
        return List.of("a", "b");
    }

    private static Arbitrary<String> costRow(List<String> header) {
        List<Arbitrary<String>> cells = new ArrayList<>();
        for (String h : header) {
            String l = h.toLowerCase(Locale.ROOT);
            if (l.equals("basis")) {
                cells.add(Arbitraries.of("published", "measured", "fitted", "derived", "assumed", "guessed", ""));
            } else if (l.equals("mode")) {
                cells.add(Arbitraries.of("fixed", "fusion", "bit-serial", "serial"));
            } else if (l.equals("precision")) {
                cells.add(Arbitraries.of("int8", "int2", "int0", "int65", "w4a8", "fp16", "bf16", "fp8-e4m3", "int"));
            } else if (l.equals("quantity")) {
                cells.add(Arbitraries.of("areaUm2", "energyPjPerPeCycle", "power"));
            } else if (l.equals("component")) {
                cells.add(Arbitraries.of("logic", "sram", "dram"));
            } else if (l.equals("name")) {
                cells.add(Arbitraries.of("sramEnergyExponentAbove", "x", ""));
            } else if (l.equals("type") || l.equals("derivation") || l.equals("source") || l.equals("unit")) {
                cells.add(Arbitraries.of("hbm2", "ddr4", "", "\"a, b\"", "x", "\"unclosed"));
            } else {
                cells.add(Arbitraries.oneOf(Arbitraries.of("45", "28", "1", "0.5", "1024", "3.9", "", "0"),
                        Arbitraries.of(VALUES).filter(v -> !v.contains(","))));
            }
        }
        return Combinators.combine(cells).as(c -> String.join(",", c));
    }

    /** {@code --set} arguments: real and near-miss dotted paths, any values, malformed ones. */
    static Arbitrary<List<String>> sets() {
        Arbitrary<String> path = Arbitraries.of("array.rows", "array.cols", "cores", "clockMhz", "dataflow", "pe.weightBits",
                "pe.type", "pe.mode", "sram.ifmapKiB", "sram.unifiedKiB", "dram.bandwidthGBps", "dram.type", "vector.lanes",
                "name", "schema", "array", "array.rows.x", "sram.l2KiB", "Array.Rows", "1x", "a..b", "", " ");
        Arbitrary<String> set = Arbitraries.oneOf(
                Combinators.combine(path, Arbitraries.of(VALUES)).as((p, v) -> p + "=" + v),
                Arbitraries.of("=", "rows", "array.rows=", "=8", "a=b=c", "array.rows = 8 "));
        return set.list().ofMinSize(1).ofMaxSize(4);
    }
}
