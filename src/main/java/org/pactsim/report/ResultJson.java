package org.pactsim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pactsim.memory.LayerMemory;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;

/**
 * The stable JSON form of a run ({@code schema: pactsim/result/1}):
 * {@code {"schema", "network", "model", "accelerator", "layers": [...], "totals": {...},
 * "notes": [...]}}; keys of layers and totals are the {@link Metrics} keys.
 */
public final class ResultJson {
    public static final String SCHEMA = "pactsim/result/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    public static ObjectNode tree(SimulationResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("network", r.compute().network());
        root.put("model", r.model().key());
        root.set("accelerator", accelerator(r.accelerator()));
        ArrayNode layers = root.putArray("layers");
        for (int i = 0; i < r.layers().size(); i++) {
            LayerRow row = new LayerRow(r, i);
            ObjectNode o = object(Metrics.LAYER, row);
            LayerMemory m = row.memory();
            if (m != null) {
                ArrayNode why = o.putArray("residency");
                m.residency().forEach(why::add);
            }
            layers.add(o);
        }
        root.set("totals", object(Metrics.TOTAL, r));
        ArrayNode notes = root.putArray("notes");
        r.compute().notes().forEach(notes::add);
        return root;
    }

    public static String render(SimulationResult r) {
        try {
            return MAPPER.writeValueAsString(tree(r)) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        o.put("dataflow", a.dataflow().key());
        o.put("cores", a.cores());
        o.put("clockMhz", a.clockMhz());
        o.put("technologyNm", a.technologyNm());
        ObjectNode pe = o.putObject("pe");
        pe.put("weightBits", a.pe().weightBits());
        pe.put("activationBits", a.pe().activationBits());
        pe.put("type", a.pe().type().key());
        pe.put("accumulatorBits", a.pe().accumulatorBits());
        pe.put("mode", a.pe().mode().key());
        ObjectNode s = o.putObject("sram");
        if (a.sram().isUnified()) {
            s.put("unifiedKiB", a.sram().unifiedKiB());
        } else {
            s.put("ifmapKiB", a.sram().ifmapKiB());
            s.put("filterKiB", a.sram().filterKiB());
            s.put("ofmapKiB", a.sram().ofmapKiB());
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
        return o;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
