package org.pactsim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.NetworkResult;
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

    public static ObjectNode tree(NetworkResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("network", r.network());
        root.put("model", r.model().key());
        root.set("accelerator", accelerator(r.accelerator()));
        ArrayNode layers = root.putArray("layers");
        for (LayerResult l : r.layers()) {
            layers.add(object(Metrics.LAYER, l));
        }
        root.set("totals", object(Metrics.TOTAL, r));
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    public static String render(NetworkResult r) {
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
        ObjectNode s = o.putObject("sram");
        if (a.sram().isUnified()) {
            s.put("unifiedKiB", a.sram().unifiedKiB());
        } else {
            s.put("ifmapKiB", a.sram().ifmapKiB());
            s.put("filterKiB", a.sram().filterKiB());
            s.put("ofmapKiB", a.sram().ofmapKiB());
        }
        ObjectNode d = o.putObject("dram");
        if (a.dram().isUnlimited()) {
            d.put("bandwidthGBps", "unlimited");
        } else {
            d.put("bandwidthGBps", a.dram().bandwidthGBps());
        }
        return o;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
