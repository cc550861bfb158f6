package org.pactsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pactsim.workload.Footprint;
import org.pactsim.workload.Layer;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.ShapeChain;
import org.pactsim.workload.zoo.Zoo;

/** What {@code pactsim traces list} and {@code traces show} print: the built-in networks and one network's footprint. */
public final class NetworkSummary {
    private NetworkSummary() {
    }

    /** {@code traces list}: each built-in network with its layers, MACs and parameters. */
    public static String zooTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-18s %6s %10s %10s  %s%n", "name", "layers", "GMACs", "M params",
                "network"));
        for (Zoo.Entry e : Zoo.entries()) {
            Network n = e.build();
            sb.append(String.format(Locale.ROOT, "%-18s %6d %10.3f %10.3f  %s%n", e.name(), n.layers().size(),
                    n.macs() / 1e9, n.params() / 1e6, e.description()));
        }
        sb.append("variants: ").append(String.join(", ", PrecisionVariant.ALL.stream().map(PrecisionVariant::key)
                .toList())).append(" (traces/NAME-VARIANT.csv)").append(System.lineSeparator());
        return sb.toString();
    }

    /** {@code traces list --format csv}: name, layers, MACs, parameters, description. */
    public static String zooCsv() {
        StringBuilder sb = new StringBuilder("name,layers,macs,params,description\n");
        for (Zoo.Entry e : Zoo.entries()) {
            Network n = e.build();
            sb.append(e.name()).append(',').append(n.layers().size()).append(',').append(n.macs()).append(',')
                    .append(n.params()).append(',').append(ResultCsv.csv(e.description())).append('\n');
        }
        return sb.toString();
    }

    /** {@code traces show NAME --format csv}: the footprint at each precision, one row each. */
    public static String csv(Map<String, Footprint> rows) {
        StringBuilder sb = new StringBuilder("variant,weightBytes,activationBytes,inputBytes,largestActivationBytes,"
                + "largestActivationLayer\n");
        rows.forEach((k, f) -> sb.append(ResultCsv.csv(k)).append(',').append(f.weightBytes()).append(',')
                .append(f.activationBytes()).append(',').append(f.inputBytes()).append(',')
                .append(f.largestActivationBytes()).append(',').append(ResultCsv.csv(f.largestActivationLayer()))
                .append('\n'));
        return sb.toString();
    }

    /** {@code traces list --format json}. */
    public static String zooJson() {
        ArrayNode a = ResultJson.mapper().createArrayNode();
        for (Zoo.Entry e : Zoo.entries()) {
            Network n = e.build();
            a.addObject().put("name", e.name()).put("description", e.description())
                    .put("layers", n.layers().size()).put("macs", n.macs()).put("params", n.params());
        }
        return a.toPrettyString() + System.lineSeparator();
    }

    private static Map<String, Integer> byType(Network net) {
        Map<String, Integer> t = new TreeMap<>();
        for (Layer l : net.layers()) {
            t.merge(l.type(), 1, Integer::sum);
        }
        return t;
    }

    /** {@code traces show NAME --format json}: the network and its footprint at each precision. */
    public static String json(Network net, Zoo.Entry entry, Map<String, Footprint> rows) {
        ObjectNode o = ResultJson.mapper().createObjectNode();
        o.put("name", net.name());
        if (entry != null) {
            o.put("description", entry.description());
        }
        o.put("layers", net.layers().size());
        ObjectNode types = o.putObject("layersByType");
        byType(net).forEach(types::put);
        o.put("macs", net.macs());
        o.put("params", net.params());
        ArrayNode problems = o.putArray("shapeProblems");
        ShapeChain.problems(net).forEach(problems::add);
        ArrayNode p = o.putArray("precisions");
        rows.forEach((k, f) -> p.addObject().put("variant", k).put("weightBytes", f.weightBytes())
                .put("activationBytes", f.activationBytes()).put("inputBytes", f.inputBytes())
                .put("largestActivationBytes", f.largestActivationBytes())
                .put("largestActivationLayer", f.largestActivationLayer()));
        ArrayNode notes = o.putArray("notes");
        net.notes().forEach(notes::add);
        return o.toPrettyString() + System.lineSeparator();
    }

    /** {@code traces show NAME}: the network and its footprint at each precision. */
    public static String table(Network net, Zoo.Entry entry, Map<String, Footprint> rows) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append(net.name()).append(entry != null ? ": " + entry.description() : "").append(nl);
        List<String> types = new ArrayList<>();
        byType(net).forEach((k, v) -> types.add(k + " " + v));
        sb.append("layers: ").append(net.layers().size()).append(" (").append(String.join(", ", types))
                .append(")").append(nl);
        sb.append("MACs:   ").append(Fmt.count(net.macs())).append(nl);
        sb.append("params: ").append(Fmt.count(net.params())).append(nl);
        List<String> problems = ShapeChain.problems(net);
        sb.append("shapes: ").append(problems.isEmpty() ? "every layer's operands match its producers"
                : problems.size() + " mismatches, first: " + problems.get(0)).append(nl);
        sb.append(String.format(Locale.ROOT, "%-16s %15s %15s %15s  %s%n", "precision", "weight bytes",
                "activation B", "largest act. B", "largest activation at"));
        rows.forEach((k, f) -> sb.append(String.format(Locale.ROOT, "%-16s %15s %15s %15s  %s%n", k,
                Fmt.count(f.weightBytes()), Fmt.count(f.activationBytes()), Fmt.count(f.largestActivationBytes()),
                f.largestActivationLayer())));
        for (String n : net.notes()) {
            sb.append("note: ").append(n).append(nl);
        }
        return sb.toString();
    }
}
