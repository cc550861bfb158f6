package org.pactsim.io.format;

import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.MapReader;
import org.pactsim.io.PlainNumber;
import org.pactsim.io.Schemas;
import org.pactsim.io.YNode;
import org.pactsim.io.YamlLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pactsim.cost.ActionCounts;
import org.pactsim.cost.TableKind;
import org.pactsim.engine.TimingModel;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Precision;

/**
 * Reads back from a result file of {@code pactsim simulate} ({@code schema: pactsim/result/1},
 * {@code report.ResultJson}) what pricing needs: the resolved accelerator (bound by
 * {@link ArchReader#bind}, it is in the config's own keys) and each layer's action counts of
 * the first ({@code actions}) and of a steady-state inference ({@code steadyActions}), plus the
 * tables it was priced with and its numeric totals, for comparison.
 *
 * <p>Strict about what it reads: a wrong schema, a missing or misspelt key of the accelerator
 * or of an action-count object, a negative or non-integer count, an unknown precision, a clock
 * other than the accelerator's, or counts whose sums over the layers pass 2^63-1 are errors
 * {@code FILE:LINE: key: expected ..., found ...}. The layer and total metrics, which pricing
 * does not use, are not checked.
 */
public final class ResultReader {
    /** The result schema read; {@code report.ResultJson.SCHEMA} (io does not depend on report). */
    public static final String SCHEMA = Schemas.RESULT;

    /**
     * What a result file holds for re-pricing.
     *
     * @param origin        the file it was read from
     * @param network       the network's name
     * @param model         the timing model it was simulated with
     * @param accelerator   the resolved accelerator
     * @param layers        layer names, in run order
     * @param actions       each layer's action counts in the first inference
     * @param steadyActions each layer's action counts in a steady-state inference
     * @param costTables    the file each table kind was priced from ({@code default}: the shipped tables)
     * @param totals        the file's numeric totals by key (null totals left out)
     */
    public record Run(String origin, String network, TimingModel model, AcceleratorSpec accelerator,
                      List<String> layers, List<ActionCounts> actions, List<ActionCounts> steadyActions,
                      Map<String, String> costTables, Map<String, Double> totals) {
        public Run {
            layers = List.copyOf(layers);
            actions = List.copyOf(actions);
            steadyActions = List.copyOf(steadyActions);
            costTables = Collections.unmodifiableMap(new LinkedHashMap<>(costTables));
            totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
        }
    }

    private static final List<String> OPERANDS = Arrays.stream(ActionCounts.Operand.values())
            .map(ActionCounts.Operand::key).toList();

    private ResultReader() {
    }

    public static Run read(Path file) {
        return parse(InputFiles.read(file), file.toString());
    }

    /** Reads the JSON {@code text} of a result, naming {@code origin} in errors. */
    public static Run parse(String text, String origin) {
        YNode root = YamlLoader.parse(text, origin, true);
        MapReader r = MapReader.of(root, "");
        YNode schemaNode = r.require("schema");
        if (schemaNode.kind() != YNode.Kind.STRING || !schemaNode.text().equals(SCHEMA)) {
            throw InputException.at(schemaNode.where(), "schema", SCHEMA + " (a result.json of pactsim simulate)",
                    schemaNode.describe());
        }
        String network = r.string("network");
        TimingModel model = TimingModel.parse(r.choice("model",
                Arrays.stream(TimingModel.values()).map(TimingModel::key).toList()));
        YNode accNode = r.require("accelerator");
        if (!accNode.isMap()) {
            throw InputException.at(accNode.where(), "accelerator", "a mapping", accNode.describe());
        }
        AcceleratorSpec acc = ArchReader.bind(accNode);
        Map<String, String> tables = costTables(r.object("costTables"));

        YNode layersNode = r.require("layers");
        List<YNode> items = r.list("layers");
        if (items.isEmpty()) {
            throw InputException.at(layersNode.where(), "layers", "at least one layer", "an empty list");
        }
        List<String> names = new ArrayList<>(items.size());
        List<ActionCounts> first = new ArrayList<>(items.size());
        List<ActionCounts> steady = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            MapReader l = MapReader.of(items.get(i), "layers[" + i + "]");
            names.add(l.string("name"));
            first.add(counts(l, "actions", acc));
            steady.add(counts(l, "steadyActions", acc));
        }
        try {
            ActionCounts.sum(first);
            ActionCounts.sum(steady);
        } catch (ArithmeticException e) {
            throw InputException.at(layersNode.where(), "layers", "action counts whose sums over the layers fit in 64 bits",
                    "a sum past 2^63-1");
        }
        return new Run(origin, network, model, acc, names, first, steady, tables, totals(r.object("totals")));
    }

    /** {@code costTables}: one text per table kind, nothing else. */
    private static Map<String, String> costTables(MapReader t) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TableKind k : TableKind.values()) {
            if (k == TableKind.PART && !t.has(k.key())) {
                continue; // written before the part table existed (issue 19)
            }
            out.put(k.key(), t.string(k.key()));
        }
        t.finish();
        return out;
    }

    /** One layer's {@code key} object: the fields of {@link ActionCounts}, each required. */
    private static ActionCounts counts(MapReader layer, String key, AcceleratorSpec acc) {
        if (layer.node().get(key) == null) {
            throw InputException.at(layer.node().where(), layer.key(key),
                    "the layer's action counts (kept in result.json since pactsim recost exists; simulate again)",
                    "no such key");
        }
        MapReader a = layer.object(key);
        MapReader m = a.object("macs");
        Map<Precision, Long> macs = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : m.node().entries().entrySet()) {
            Precision p = Precision.tryParse(e.getKey());
            if (p == null || !p.key().equals(e.getKey())) {
                throw InputException.at(e.getValue().where(), m.key(e.getKey()),
                        "a precision key (" + Precision.EXPECTED + ", as pactsim writes it)", "an unknown key");
            }
            macs.put(p, m.integer(e.getKey(), 0, Long.MAX_VALUE));
        }
        List<ActionCounts.SramTraffic> sram = new ArrayList<>();
        List<YNode> entries = a.list("sram");
        for (int j = 0; j < entries.size(); j++) {
            MapReader s = MapReader.of(entries.get(j), a.key("sram") + "[" + j + "]");
            ActionCounts.Operand op = ActionCounts.Operand.valueOf(s.choice("operand", OPERANDS)
                    .toUpperCase(java.util.Locale.ROOT));
            long cap = s.integer("capacityBytes", 1, Long.MAX_VALUE);
            long rd = s.integer("readBits", 0, Long.MAX_VALUE);
            long wr = s.integer("writeBits", 0, Long.MAX_VALUE);
            s.finish();
            sram.add(s.build(() -> new ActionCounts.SramTraffic(op, cap, rd, wr)));
        }
        long dramRead = a.integer("dramReadBits", 0, Long.MAX_VALUE);
        long dramWrite = a.integer("dramWriteBits", 0, Long.MAX_VALUE);
        long idle = a.integer("idlePeCycles", 0, Long.MAX_VALUE);
        long cycles = a.integer("cycles", 0, Long.MAX_VALUE);
        double clock = a.positive("clockMhz");
        if (Double.compare(clock, acc.clockMhz()) != 0) {
            throw InputException.at(a.require("clockMhz").where(), a.key("clockMhz"),
                    "the accelerator's clockMhz " + acc.clockMhz(), a.require("clockMhz").text());
        }
        // kept since issue 19; a result written before holds neither (0: not counted then)
        long vectorOps = a.integer("vectorOps", 0, Long.MAX_VALUE, 0);
        long nocBits = a.integer("nocBits", 0, Long.MAX_VALUE, 0);
        a.finish();
        return a.build(() -> new ActionCounts(macs, sram, dramRead, dramWrite, idle, cycles, clock, vectorOps, nocBits));
    }

    /**
     * The totals, shown beside the re-priced ones: each a number or null (left out), as
     * pactsim writes them. Anything else is refused (a text {@code "cycles": "12"} was dropped
     * silently and the comparison shown without it).
     */
    private static Map<String, Double> totals(MapReader t) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : t.node().entries().entrySet()) {
            YNode v = e.getValue();
            if (v.kind() == YNode.Kind.NULL) {
                continue;
            }
            String key = t.key(e.getKey());
            PlainNumber.check(v, key, "a number or null");
            double x = v.kind() == YNode.Kind.INT || v.kind() == YNode.Kind.FLOAT ? Double.parseDouble(v.text())
                    : Double.NaN;
            if (!Double.isFinite(x)) {
                throw InputException.at(v.where(), key, "a number or null (as pactsim writes it)", v.describe());
            }
            out.put(e.getKey(), x);
        }
        return out;
    }
}
