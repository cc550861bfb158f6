package org.pactsim.robust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

    /** The nested keys of an accelerator file (with a few near misses). */
    private static final Map<String, List<String>> ARCH = archKeys();

    private static Map<String, List<String>> archKeys() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("schema", List.of());
        m.put("name", List.of());
        m.put("array", List.of("rows", "cols", "colums"));
        m.put("dataflow", List.of());
        m.put("cores", List.of());
        m.put("clockMhz", List.of());
        m.put("technologyNm", List.of());
        m.put("pe", List.of("weightBits", "activationBits", "type", "accumulatorBits", "mode", "weightbits"));
        m.put("sram", List.of("unifiedKiB", "ifmapKiB", "filterKiB", "ofmapKiB", "l2KiB"));
        m.put("dram", List.of("bandwidthGBps", "type"));
        m.put("vector", List.of("lanes"));
        m.put("frequency", List.of());
        return m;
    }

    /** An accelerator as YAML ({@code json == false}) or JSON. */
    static Arbitrary<String> arch(boolean json) {
        List<Arbitrary<String>> entries = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ARCH.entrySet()) {
            String k = e.getKey();
            Arbitrary<String> value;
            if (k.equals("schema")) {
                value = Arbitraries.of("pactsim/arch/1", "pactsim/arch/1", "pactsim/arch/2", "pactsim/trace/1");
            } else if (e.getValue().isEmpty()) {
                value = Arbitraries.of(VALUES);
            } else {
                value = Arbitraries.oneOf(mapping(e.getValue(), json), Arbitraries.of(VALUES));
            }
            entries.add(Arbitraries.oneOf(value.map(v -> key(k, json) + ": " + v), Arbitraries.just("")));
        }
        return Combinators.combine(entries).as(parts -> join(parts, json));
    }

    private static Arbitrary<String> mapping(List<String> keys, boolean json) {
        List<Arbitrary<String>> entries = new ArrayList<>();
        for (String k : keys) {
            entries.add(Arbitraries.oneOf(Arbitraries.of(VALUES).map(v -> key(k, json) + ": " + v), Arbitraries.just("")));
        }
        return Combinators.combine(entries).as(parts -> join(parts, true));
    }

    private static String key(String k, boolean json) {
        return json ? "\"" + k + "\"" : k;
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

    /** A SCALE-Sim config: its sections and keys (and a few strangers) with any values. */
    static Arbitrary<String> cfg() {
        List<String> keys = List.of("run_name", "ArrayHeight", "ArrayWidth", "IfmapSramSzkB", "FilterSramSzkB",
                "OfmapSramSzkB", "IfmapOffset", "FilterOffset", "OfmapOffset", "Dataflow", "Bandwidth", "MemoryBanks",
                "InterfaceBandwidth", "SparsitySupport", "ArrayHight", "ReadRequestBuffer");
        Arbitrary<String> line = Combinators.combine(Arbitraries.of(keys), Arbitraries.of(VALUES),
                Arbitraries.of(" : ", " = ", ":", "="))
                .as((k, v, sep) -> k + sep + v);
        Arbitrary<String> section = Arbitraries.of("[general]", "[architecture_presets]", "[run_presets]", "[sparsity]",
                "[layout]", "[other]");
        return Arbitraries.oneOf(line, line, line, section).list().ofMaxSize(24)
                .map(l -> "[general]\n" + String.join("\n", l) + "\n");
    }

    /** A pactsim CSV trace: a header of (mostly) real columns and rows of pooled cells. */
    static Arbitrary<String> traceCsv() {
        Arbitrary<List<String>> header = Arbitraries.of(TraceReader.COLUMNS).list().uniqueElements().ofMinSize(2)
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
        return header.flatMap(h -> row(h).list().ofMinSize(0).ofMaxSize(5)
                .map(rows -> String.join(",", h) + "\n" + String.join("\n", rows) + "\n"));
    }

    /** A YAML trace: layers as flow mappings of pooled values. */
    static Arbitrary<String> traceYaml() {
        Arbitrary<String> layer = Arbitraries.of(TraceReader.COLUMNS).list().uniqueElements().ofMaxSize(12)
                .flatMap(keys -> {
                    List<Arbitrary<String>> cells = new ArrayList<>();
                    for (String k : keys) {
                        cells.add(cell(k).map(v -> k + ": " + (v.isEmpty() ? "null" : v)));
                    }
                    return Combinators.combine(cells).as(c -> "{" + String.join(", ", c) + "}");
                });
        return Combinators.combine(Arbitraries.of("pactsim/trace/1", "pactsim/trace/1", "pactsim/trace/2"),
                layer.list().ofMaxSize(5))
                .as((schema, layers) -> "schema: " + schema + "\nname: gen\nlayers:\n"
                        + (layers.isEmpty() ? "  []\n" : "  - " + String.join("\n  - ", layers) + "\n"));
    }

    private static Arbitrary<String> row(List<String> header) {
        List<Arbitrary<String>> cells = new ArrayList<>();
        for (String h : header) {
            cells.add(cell(h));
        }
        return Combinators.combine(cells).as(c -> String.join(",", c));
    }

    private static Arbitrary<String> cell(String column) {
        switch (column) {
            case "name":
                return Arbitraries.of("a", "b", "c", "a", "", "layer one");
            case "type":
                return Arbitraries.oneOf(Arbitraries.of(TraceReader.TYPES), Arbitraries.of("convolution", "", "CONV"));
            case "inputs":
                return Arbitraries.of("", "a", "b", "a;b", "a|c", "zz", "a;a");
            case "bias":
                return Arbitraries.of("true", "false", "", "yes", "1");
            case "numberType":
                return Arbitraries.of("int", "float", "", "fixed");
            case "weightBits":
            case "activationBits":
            case "outputBits":
                return Arbitraries.of("1", "2", "4", "8", "16", "32", "0", "33", "65", "", "8.0");
            default:
                return Arbitraries.oneOf(Arbitraries.of("1", "2", "3", "8", "16", "56", "224", "", ""),
                        Arbitraries.of(VALUES).filter(v -> !v.contains(",")));
        }
    }

    /** A SCALE-Sim topology, conv or GEMM header, with rows of three to ten pooled fields. */
    static Arbitrary<String> topology() {
        Arbitrary<String> header = Arbitraries.of(
                "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,",
                "Layer Name, M, N, K,", "name,h,w");
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of("1", "2", "3", "7", "16", "56", "224", " 8 ", ""),
                Arbitraries.of(VALUES).filter(v -> !v.contains(",")));
        // no name holds "DP": a depthwise row expands into Channels layers (see TopologyBugTest)
        Arbitrary<String> r = Combinators.combine(Arbitraries.of("Conv1", "fc", "", "L 2"), field.list().ofMinSize(2)
                .ofMaxSize(9), Arbitraries.of("", ",")).as((n, f, trail) -> n + "," + String.join(",", f) + trail);
        return Combinators.combine(header, r.list().ofMaxSize(5))
                .as((h, rows) -> h + "\n" + String.join("\n", rows) + "\n");
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
