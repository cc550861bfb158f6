package org.pactsim.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pactsim.io.InputException;
import org.pactsim.study.sweep.FrontPoint;
import org.pactsim.study.sweep.PointRow;
import org.pactsim.study.sweep.SweepFronts;

/**
 * {@code parts/part-NNNNN.json}: written last, after the partition's rows, it says the
 * partition is finished. It holds the point range, the spec's fingerprint, the status counts
 * and the partition's local Pareto fronts, so the driver merges the fronts and counts without
 * reading the rows again, also of partitions finished by an earlier run. Doubles are written
 * so they read back to the same double.
 *
 * @param counts rows per {@link PointRow.Status}, in its order
 * @param fronts {@code fronts.get(k)}: the local front of Pareto pair {@code k}, in arrival order
 */
record PartitionMarker(int partition, long from, long to, String fingerprint, long[] counts,
                       List<List<FrontPoint>> fronts) {
    static final String SCHEMA = "pactsim/sweep-partition/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    static PartitionMarker of(int p, long from, long to, String fingerprint, long[] counts, SweepFronts f) {
        List<List<FrontPoint>> fronts = new ArrayList<>();
        for (int k = 0; k < f.size(); k++) {
            fronts.add(f.members(k));
        }
        return new PartitionMarker(p, from, to, fingerprint, counts.clone(), fronts);
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA).put("partition", partition).put("from", from).put("to", to)
                .put("fingerprint", fingerprint);
        ObjectNode c = o.putObject("counts");
        for (PointRow.Status s : PointRow.Status.values()) {
            c.put(s.key(), counts[s.ordinal()]);
        }
        ArrayNode fs = o.putArray("fronts");
        for (List<FrontPoint> front : fronts) {
            ArrayNode a = fs.addArray();
            for (FrontPoint p : front) {
                ObjectNode n = a.addObject().put("index", p.index()).put("pointId", p.pointId());
                ArrayNode v = n.putArray("values");
                p.values().forEach(v::add);
                n.put("x", p.x()).put("y", p.y());
            }
        }
        return o.toString() + "\n";
    }

    /** Reads a marker; {@code where} names it in errors. */
    static PartitionMarker parse(String json, String where) {
        try {
            JsonNode o = JSON.readTree(json);
            if (!SCHEMA.equals(o.path("schema").asText())) {
                throw new IllegalArgumentException("schema " + o.path("schema").asText());
            }
            long[] counts = new long[PointRow.Status.values().length];
            for (PointRow.Status s : PointRow.Status.values()) {
                counts[s.ordinal()] = o.path("counts").path(s.key()).asLong();
            }
            List<List<FrontPoint>> fronts = new ArrayList<>();
            for (JsonNode a : o.path("fronts")) {
                List<FrontPoint> front = new ArrayList<>();
                for (JsonNode n : a) {
                    List<String> values = new ArrayList<>();
                    n.path("values").forEach(v -> values.add(v.asText()));
                    front.add(new FrontPoint(n.path("index").asLong(), n.path("pointId").asText(), values,
                            n.path("x").asDouble(), n.path("y").asDouble()));
                }
                fronts.add(front);
            }
            return new PartitionMarker(o.path("partition").asInt(), o.path("from").asLong(), o.path("to").asLong(),
                    o.path("fingerprint").asText(), counts, fronts);
        } catch (java.io.IOException | RuntimeException e) {
            throw InputException.at(where, null, "a partition marker (" + SCHEMA + "; remove it to run the partition"
                    + " again)", "unreadable JSON (" + InputException.oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }
}
