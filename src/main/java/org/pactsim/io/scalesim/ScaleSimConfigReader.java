package org.pactsim.io.scalesim;

import org.pactsim.io.InputException;
import org.pactsim.io.MapReader;
import org.pactsim.io.Overrides;
import org.pactsim.io.Schemas;
import org.pactsim.io.Suggest;
import org.pactsim.io.YNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a SCALE-Sim {@code .cfg} (INI: {@code [section]}, {@code key : value} or
 * {@code key = value}, keys case-insensitive) into a pactsim config tree, each value keeping
 * its {@code .cfg} line. What SCALE-Sim does not describe gets pactsim's defaults, said in
 * {@code notes}: 1 core, int8 PEs with 32-bit accumulators, 1000 MHz, 45 nm.
 *
 * <p>CALC mode (every bundled config) becomes unlimited DRAM bandwidth. USER mode's
 * {@code Bandwidth} (words per cycle, one byte per word) becomes GB/s at the clock; its
 * stall model is not imitated (see the README).
 */
public final class ScaleSimConfigReader {
    /** Keys pactsim reads, by section, lower case. */
    private static final Map<String, Set<String>> READ = Map.of(
            "general", Set.of("run_name"),
            "architecture_presets", Set.of("arrayheight", "arraywidth", "ifmapsramszkb", "filtersramszkb",
                    "ofmapsramszkb", "ifmapoffset", "filteroffset", "ofmapoffset", "dataflow", "bandwidth",
                    "memorybanks", "onchipmemorybanks", "onchipmemorybankports", "readrequestbuffer",
                    "writerequestbuffer"),
            "run_presets", Set.of("interfacebandwidth", "useramulatortrace"));
    /** SCALE-Sim v3 sections accepted and ignored while their features are off. */
    private static final Set<String> IGNORED_SECTIONS = Set.of("layout", "sparsity");
    /** v3 switches pactsim cannot honour when they are on. */
    private static final Set<String> MUST_BE_OFF = Set.of("sparsitysupport", "ifmapcustomlayout",
            "filtercustomlayout", "useramulatortrace");

    private ScaleSimConfigReader() {
    }

    private record Entry(String key, String value, int line) {
    }

    public static YNode toTree(String text, String origin, List<String> notes) {
        Map<String, Entry> e = new LinkedHashMap<>();
        String section = null;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int n = 1; n <= lines.length; n++) {
            String raw = lines[n - 1];
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw InputException.at(origin + ":" + n, null, "a section header such as [general]",
                            InputException.quote(line));
                }
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                if (!READ.containsKey(section) && !IGNORED_SECTIONS.contains(section)) {
                    throw InputException.at(origin + ":" + n, null,
                            "a SCALE-Sim section (general, architecture_presets, run_presets, layout, sparsity)",
                            InputException.quote(line));
                }
                continue;
            }
            int sep = firstSeparator(line);
            if (sep <= 0) {
                throw InputException.at(origin + ":" + n, null, "key : value or key = value", InputException.quote(line));
            }
            if (section == null) {
                throw InputException.at(origin + ":" + n, null, "a [section] header before the first key",
                        InputException.quote(line));
            }
            String key = line.substring(0, sep).strip();
            String lk = key.toLowerCase(Locale.ROOT);
            String value = line.substring(sep + 1).strip();
            if (IGNORED_SECTIONS.contains(section)) {
                if (MUST_BE_OFF.contains(lk) && !value.equalsIgnoreCase("false")) {
                    throw InputException.at(origin + ":" + n, key, "False (pactsim does not model this SCALE-Sim v3 feature)",
                            InputException.quote(value));
                }
                continue;
            }
            if (!READ.get(section).contains(lk)) {
                String hint = Suggest.closest(lk, READ.get(section));
                throw InputException.at(origin + ":" + n, "[" + section + "] " + key,
                        hint != null ? "a known key (did you mean " + hint + "?)" : "a known SCALE-Sim key",
                        "an unknown key");
            }
            if (MUST_BE_OFF.contains(lk) && !value.equalsIgnoreCase("false")) {
                throw InputException.at(origin + ":" + n, key, "False (pactsim does not model this SCALE-Sim v3 feature)",
                        InputException.quote(value));
            }
            if (e.containsKey(lk)) {
                throw InputException.at(origin + ":" + n, key, "each key once",
                        "a duplicate (first at line " + e.get(lk).line() + ")");
            }
            e.put(lk, new Entry(key, value, n));
        }

        YNode root = YNode.map(origin, 1);
        root.put("schema", YNode.scalar(YNode.Kind.STRING, Schemas.ARCH, origin, 0));
        Entry run = e.get("run_name");
        root.put("name", run != null ? value(run, origin)
                : YNode.scalar(YNode.Kind.STRING, "scale_run", origin, 0));
        YNode array = YNode.map(origin, 0);
        array.put("rows", value(required(e, "arrayheight", "ArrayHeight", origin), origin));
        array.put("cols", value(required(e, "arraywidth", "ArrayWidth", origin), origin));
        root.put("array", array);
        root.put("dataflow", value(required(e, "dataflow", "Dataflow", origin), origin));
        YNode sram = YNode.map(origin, 0);
        sram.put("ifmapKiB", value(required(e, "ifmapsramszkb", "IfmapSramSzkB", origin), origin));
        sram.put("filterKiB", value(required(e, "filtersramszkb", "FilterSramSzkB", origin), origin));
        sram.put("ofmapKiB", value(required(e, "ofmapsramszkb", "OfmapSramSzkB", origin), origin));
        root.put("sram", sram);
        root.put("clockMhz", YNode.scalar(YNode.Kind.INT, "1000", origin, 0));

        YNode dram = YNode.map(origin, 0);
        Entry mode = e.get("interfacebandwidth");
        String m = mode == null ? "calc" : mode.value().toLowerCase(Locale.ROOT);
        if (m.equals("calc")) {
            dram.put("bandwidthGBps", YNode.scalar(YNode.Kind.STRING, "unlimited", origin, mode == null ? 0 : mode.line()));
        } else if (m.equals("user")) {
            Entry bw = required(e, "bandwidth", "Bandwidth", origin);
            YNode words = value(bw, origin);
            double w = MapReader.positiveValue(words, "Bandwidth");
            dram.put("bandwidthGBps", YNode.scalar(YNode.Kind.FLOAT, Double.toString(w) /* w words (bytes)/cycle x 1000 MHz = w GB/s */, origin, bw.line()));
            notes.add("USER interface bandwidth: " + bw.value() + " words/cycle taken as " + w
                    + " GB/s at 1000 MHz; SCALE-Sim's USER-mode stall model is not imitated, reported figures are CALC mode's");
        } else {
            throw InputException.at(origin + ":" + mode.line(), "InterfaceBandwidth", "CALC or USER",
                    InputException.quote(mode.value()));
        }
        root.put("dram", dram);
        notes.add("SCALE-Sim config: 1 core, int8 PEs (32-bit accumulators), 1000 MHz and 45 nm assumed");
        return root;
    }

    private static int firstSeparator(String line) {
        int c = line.indexOf(':');
        int q = line.indexOf('=');
        if (c < 0) {
            return q;
        }
        return q < 0 ? c : Math.min(c, q);
    }

    private static Entry required(Map<String, Entry> e, String lk, String name, String origin) {
        Entry x = e.get(lk);
        if (x == null) {
            throw InputException.at(origin, name, "a value (the key is required)", "no such key");
        }
        return x;
    }

    /** Types a .cfg value like a YAML scalar, labelled with its .cfg key. */
    private static YNode value(Entry x, String origin) {
        return Overrides.scalar(x.value(), origin).relocate(origin, x.line()).withLabel(x.key());
    }
}
