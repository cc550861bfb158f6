package org.pactsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pactsim.cost.ActionCounts;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.EnergyBreakdown;
import org.pactsim.cost.Provenance;
import org.pactsim.cost.TableKind;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.memory.LayerMemory;
import org.pactsim.sim.Costing;
import org.pactsim.sim.PricedResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.SiliconSpec;

/**
 * The stable JSON form of a run ({@code schema: pactsim/result/1}):
 * {@code {"schema", "network", "model", "accelerator", "costTables", "layers": [...],
 * "totals": {...}, "notes": [...]}}; keys of layers and totals are the {@link Metrics} keys.
 * A priced run also keeps what it was priced from, so {@code pactsim recost} can price it again
 * ({@code docs/cost-model.md}, "Re-pricing a run"): {@code costTables} (the file each table kind
 * came from, {@code default} for the shipped tables) and, per layer, {@code actions} and
 * {@code steadyActions} (the {@link ActionCounts} of the first and of a steady-state inference).
 */
public final class ResultJson {
    public static final String SCHEMA = "pactsim/result/1";
    /** {@code costTables} value of a table kind taken from the shipped tables. */
    public static final String DEFAULT_TABLES = "default";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    public static ObjectNode tree(PricedResult r) {
        ObjectNode root = head(r);
        ArrayNode layers = root.putArray("layers");
        for (int i = 0; i < r.run().layers().size(); i++) {
            layers.add(layer(r, i));
        }
        tail(r, root);
        return root;
    }

    /** The fields before {@code layers}. */
    private static ObjectNode head(PricedResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("network", r.run().compute().network());
        root.put("model", r.run().model().key());
        root.set("accelerator", accelerator(r.run().accelerator()));
        root.set("costTables", costTables(r.pricing().tables()));
        return root;
    }

    /** Layer {@code i}'s object. */
    private static ObjectNode layer(PricedResult r, int i) {
        PricedResult.Pricing pricing = r.pricing();
        LayerRow row = new LayerRow(r, i);
        ObjectNode o = object(Metrics.LAYER, row);
        if (r.run().pipeline() != null) {
            o.put("stage", r.run().pipeline().stages().indexOf(r.run().pipeline().stageOf(i)) + 1);
        }
        LayerMemory m = row.memory();
        if (m != null) {
            ArrayNode why = o.putArray("residency");
            m.residency().forEach(why::add);
        }
        o.set("actions", actions(pricing.actions().get(i)));
        o.set("steadyActions", actions(pricing.steadyActions().get(i)));
        return o;
    }

    /** The fields after {@code layers}, put into {@code root}. */
    private static void tail(PricedResult r, ObjectNode root) {
        root.set("totals", object(Metrics.TOTAL, r));
        org.pactsim.memory.LayerPipeline lp = r.run().pipeline();
        if (lp != null) {
            ObjectNode p = root.putObject("pipeline");
            p.put("periodCycles", lp.period());
            p.put("bound", lp.bound());
            p.put("activeCores", lp.activeCores());
            p.put("cutBits", lp.cutBits());
            ArrayNode st = p.putArray("stages");
            for (org.pactsim.memory.LayerPipeline.Stage s : lp.stages()) {
                ObjectNode o = st.addObject();
                o.put("firstLayer", r.run().layers().get(s.first()).name());
                o.put("lastLayer", r.run().layers().get(s.last()).name());
                o.put("firstCore", s.firstCore());
                o.put("cores", s.cores());
                o.put("cycles", s.cycles());
            }
        }
        ArrayNode notes = root.putArray("notes");
        r.run().compute().notes().forEach(notes::add);
    }

    public static String render(PricedResult r) {
        java.io.StringWriter w = new java.io.StringWriter();
        write(r, w);
        return w.toString();
    }

    /**
     * Writes {@link #render(PricedResult)}'s text to {@code out}, one layer at a time: the
     * tree of a 100,000-layer run is never built (it and its 225 MB string needed gigabytes).
     * {@code out} is flushed, not closed.
     */
    public static void write(PricedResult r, java.io.Writer out) {
        try {
            com.fasterxml.jackson.core.JsonGenerator g = MAPPER.writer().createGenerator(out);
            g.configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            fields(g, head(r));
            g.writeArrayFieldStart("layers");
            for (int i = 0; i < r.run().layers().size(); i++) {
                MAPPER.writeTree(g, layer(r, i));
            }
            g.writeEndArray();
            ObjectNode rest = MAPPER.createObjectNode();
            tail(r, rest);
            fields(g, rest);
            g.writeEndObject();
            g.close();
            out.write(System.lineSeparator());
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void fields(com.fasterxml.jackson.core.JsonGenerator g, ObjectNode o) throws java.io.IOException {
        var it = o.fields();
        while (it.hasNext()) {
            var e = it.next();
            g.writeFieldName(e.getKey());
            MAPPER.writeTree(g, e.getValue());
        }
    }

    /** A result tree as {@link #render(PricedResult)} writes it. */
    public static String render(ObjectNode tree) {
        try {
            return MAPPER.writeValueAsString(tree) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces the cost figures of a result tree ({@link Metrics#LAYER_COST} of every layer,
     * {@link Metrics#COST} of the totals, {@code costTables}) with {@code p}, priced with
     * {@code tables}; everything else, action counts included, is kept as it is.
     */
    public static void reprice(ObjectNode root, Costing.Priced p, CostTables tables) {
        root.set("costTables", costTables(tables));
        JsonNode layers = root.get("layers");
        if (layers == null || layers.size() != p.cost().layers().size()) {
            throw new IllegalArgumentException("a result of " + p.cost().layers().size() + " layers");
        }
        for (int i = 0; i < layers.size(); i++) {
            ObjectNode o = (ObjectNode) layers.get(i);
            for (Metric<EnergyBreakdown> m : Metrics.LAYER_COST) {
                put(o, m.key(), m.value().apply(p.cost().layers().get(i)));
            }
        }
        ObjectNode totals = (ObjectNode) root.get("totals");
        for (Metric<Costing.Priced> m : Metrics.COST) {
            put(totals, m.key(), m.value().apply(p));
        }
    }

    /** What each counts: {@code macs} by precision key, {@code sram} per operand and capacity, DRAM bits, cycles. */
    public static ObjectNode actions(ActionCounts c) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode macs = o.putObject("macs");
        c.macs().forEach((p, n) -> macs.put(p.key(), n));
        ArrayNode sram = o.putArray("sram");
        for (ActionCounts.SramTraffic t : c.sram()) {
            ObjectNode e = sram.addObject();
            e.put("operand", t.operand().key());
            e.put("capacityBytes", t.capacityBytes());
            e.put("readBits", t.readBits());
            e.put("writeBits", t.writeBits());
        }
        o.put("dramReadBits", c.dramReadBits());
        o.put("dramWriteBits", c.dramWriteBits());
        o.put("idlePeCycles", c.idlePeCycles());
        o.put("cycles", c.cycles());
        o.put("clockMhz", c.clockMhz());
        o.put("vectorOps", c.vectorOps());
        o.put("nocBits", c.nocBits());
        return o;
    }

    /** Where each table kind came from: its file, or {@code default} for the shipped tables. */
    public static ObjectNode costTables(CostTables t) {
        ObjectNode o = MAPPER.createObjectNode();
        origin(o, TableKind.MAC, t.mac().rows().get(0).provenance());
        origin(o, TableKind.PART, t.part().rows().get(0).provenance());
        origin(o, TableKind.MAC_FIT, t.macFit().area().provenance());
        origin(o, TableKind.SRAM, t.sram().rows().get(0).provenance());
        origin(o, TableKind.DRAM, t.dram().rows().get(0).provenance());
        origin(o, TableKind.LEAKAGE, t.leakage().rows().get(0).provenance());
        origin(o, TableKind.TECH, t.tech().rows().get(0).provenance());
        origin(o, TableKind.PARAMS, t.params().rows().get(0).provenance());
        return o;
    }

    private static void origin(ObjectNode o, TableKind k, Provenance p) {
        o.put(k.key(), p.origin().equals(CostTableReader.DEFAULT_ORIGIN) ? DEFAULT_TABLES : p.origin());
    }

    static <T> ObjectNode object(List<Metric<T>> metrics, T row) {
        ObjectNode o = MAPPER.createObjectNode();
        for (Metric<T> m : metrics) {
            put(o, m.key(), m.value().apply(row));
        }
        return o;
    }

    static void put(ObjectNode o, String key, Object v) {
        if (v instanceof Long || v instanceof Integer) {
            o.put(key, ((Number) v).longValue());
        } else if (v instanceof Double) {
            double d = (Double) v;
            if (Double.isFinite(d)) {
                o.put(key, d);
            } else {
                o.putNull(key);
            }
        } else if (v instanceof Boolean) {
            o.put(key, (Boolean) v);
        } else if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, v.toString());
        }
    }

    /** The fully resolved accelerator, in the keys of the YAML config. */
    public static ObjectNode accelerator(AcceleratorSpec a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", "pactsim/arch/1");
        o.put("name", a.name());
        ObjectNode arr = o.putObject("array");
        arr.put("rows", a.array().rows());
        arr.put("cols", a.array().cols());
        if (a.array().multiplierStages() != 0) {
            arr.put("multiplierStages", a.array().multiplierStages());
        }
        if (a.array().osDrain() != org.pactsim.spec.OsDrain.OVERLAPPED) {
            arr.put("osDrain", a.array().osDrain().key());
        }
        if (a.array().foldOverlap() != org.pactsim.spec.FoldOverlap.NONE) {
            arr.put("foldOverlap", a.array().foldOverlap().key());
        }
        o.put("dataflow", a.dataflow().key());
        o.put("cores", a.cores());
        o.put("clockMhz", a.clockMhz());
        o.put("technologyNm", a.technologyNm());
        SiliconSpec si = a.silicon();
        if (si.flavour() != SiliconSpec.DEFAULT.flavour()) {
            o.put("technologyFlavour", si.flavour().key());
        }
        ObjectNode pe = o.putObject("pe");
        pe.put("weightBits", a.pe().weightBits());
        pe.put("activationBits", a.pe().activationBits());
        pe.put("type", a.pe().type().key());
        pe.put("accumulatorBits", a.pe().accumulatorBits());
        pe.put("mode", a.pe().mode().key());
        if (a.pe().floatFormat() != null) {
            pe.put("format", a.pe().floatFormat());
        }
        if (si.hasScratchpads()) {
            ObjectNode sp = pe.putObject("scratchpadBytes");
            sp.put("ifmap", si.ifmapScratchpadBytes());
            sp.put("filter", si.filterScratchpadBytes());
            sp.put("psum", si.psumScratchpadBytes());
        }
        ObjectNode s = o.putObject("sram");
        if (a.sram().isUnified()) {
            s.put("unifiedKiB", a.sram().unifiedKiB());
        } else {
            s.put("ifmapKiB", a.sram().ifmapKiB());
            s.put("filterKiB", a.sram().filterKiB());
            s.put("ofmapKiB", a.sram().ofmapKiB());
        }
        if (si.accumulatorKiB() > 0) {
            s.put("accumulatorKiB", si.accumulatorKiB());
        }
        o.putObject("vector").put("lanes", a.vector().lanes());
        ObjectNode d = o.putObject("dram");
        if (a.dram().isUnlimited()) {
            d.put("bandwidthGBps", "unlimited");
        } else {
            d.put("bandwidthGBps", a.dram().bandwidthGBps());
        }
        if (a.dram().type() != null) {
            d.put("type", a.dram().type());
        }
        d.put("efficiency", a.dram().efficiency());
        d.put("latencyNs", a.dram().latencyNs());
        ObjectNode sc = o.putObject("schedule");
        sc.put("policy", a.schedule().policy().key());
        sc.put("fuse", a.schedule().fuse());
        sc.put("objective", a.schedule().objective().key());
        sc.put("weightCopies", a.schedule().weightCopies().key());
        sc.put("cores", a.schedule().cores().key());
        ObjectNode noc = o.putObject("noc");
        noc.put("topology", a.noc().topology().key());
        noc.put("linkBits", a.noc().linkBits()); // 0: one array edge of accumulators
        return o;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
