package org.pactsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pactsim.io.InputException;
import org.pactsim.study.sweep.Objective;

/**
 * {@code sweep.json}: what a sweep folder holds, so it can be resumed and re-reported from its
 * files alone: the spec's name and fingerprint (SHA-256 of the spec and every file it read),
 * the number of points, the columns, the objectives and the Pareto pairs.
 */
public record SweepManifest(String name, String fingerprint, long points, List<String> valueColumns,
                            List<String> metricColumns, List<Objective> objectives, List<List<String>> pareto) {
    public static final String SCHEMA = "pactsim/sweep-run/1";
    public static final String FILE = "sweep.json";

    public SweepManifest {
        valueColumns = List.copyOf(valueColumns);
        metricColumns = List.copyOf(metricColumns);
        objectives = List.copyOf(objectives);
        pareto = pareto.stream().map(List::copyOf).toList();
    }

    public String toJson() {
        ObjectNode o = ResultJson.mapper().createObjectNode();
        o.put("schema", SCHEMA).put("name", name).put("fingerprint", fingerprint).put("points", points);
        ArrayNode v = o.putArray("valueColumns");
        valueColumns.forEach(v::add);
        ArrayNode m = o.putArray("metricColumns");
        metricColumns.forEach(m::add);
        ArrayNode ob = o.putArray("objectives");
        for (Objective x : objectives) {
            ob.addObject().put("metric", x.metric()).put("direction", x.direction());
        }
        ArrayNode p = o.putArray("pareto");
        for (List<String> pair : pareto) {
            ArrayNode a = p.addArray();
            pair.forEach(a::add);
        }
        return o.toPrettyString() + "\n";
    }

    /** Reads a manifest; {@code where} names the file in errors. */
    public static SweepManifest parse(String json, String where) {
        try {
            JsonNode o = ResultJson.mapper().readTree(json);
            if (!SCHEMA.equals(o.path("schema").asText())) {
                throw InputException.at(where, "schema", SCHEMA, InputException.quote(o.path("schema").asText()));
            }
            List<Objective> objs = new ArrayList<>();
            for (JsonNode x : o.path("objectives")) {
                objs.add(new Objective(x.path("metric").asText(), x.path("direction").asText().equals("max")));
            }
            List<List<String>> pareto = new ArrayList<>();
            for (JsonNode pair : o.path("pareto")) {
                pareto.add(List.of(pair.path(0).asText(), pair.path(1).asText()));
            }
            return new SweepManifest(o.path("name").asText(), o.path("fingerprint").asText(), o.path("points").asLong(),
                    texts(o.path("valueColumns")), texts(o.path("metricColumns")), objs, pareto);
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof InputException) {
                throw (InputException) e;
            }
            throw InputException.at(where, null, "a sweep manifest (" + SCHEMA + ")",
                    "unreadable JSON (" + InputException.oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }
}
