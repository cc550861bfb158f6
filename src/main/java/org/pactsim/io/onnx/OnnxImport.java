package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pactsim.workload.Network;

/**
 * The result of importing an ONNX model: the trace ({@link Network}, the existing layer types)
 * and what the import did with every node — which GEMM layers are quantized and how, which
 * nodes were folded (quantize/dequantize, layout, constants, padding, biases) and which ops
 * have no trace equivalent (listed with their count, their data passed on unchanged).
 */
public record OnnxImport(Network network, List<Quantization> quantization, Map<String, Integer> mapped,
                         Map<String, Integer> folded, Map<String, Integer> unsupported, int pruned) {

    /** How one GEMM layer is quantized: scheme, element types, per-tensor or per-channel weights. */
    public record Quantization(String layer, String op, String scheme, String weight, String activation,
                               String output, boolean perChannel) {
        /** One line: {@code conv1 (Conv): QDQ, weights int8 per channel, activations uint8, output uint8}. */
        public String describe() {
            return layer + " (" + op + "): " + scheme + ", weights " + weight
                    + (scheme.equals("float") ? "" : perChannel ? " per channel" : " per tensor")
                    + ", activations " + activation + ", output " + output;
        }

        public boolean quantized() {
            return !scheme.equals("float");
        }
    }

    /** GEMM layers whose weights and activations are integers. */
    public long quantizedLayers() {
        return quantization.stream().filter(Quantization::quantized).count();
    }

    /** The summary lines that also become the network's notes. */
    public List<String> summary() {
        List<String> s = new ArrayList<>();
        long q = quantizedLayers();
        s.add("ONNX import: " + network.layers().size() + " layers, " + quantization.size() + " GEMM ("
                + q + " quantized, " + (quantization.size() - q) + " float)");
        s.add("ONNX ops as layers: " + counts(mapped));
        if (!folded.isEmpty()) {
            s.add("ONNX ops folded: " + counts(folded));
        }
        if (!unsupported.isEmpty()) {
            s.add("ONNX ops unsupported (no trace layer; data passed on): " + counts(unsupported));
        }
        if (pruned > 0) {
            s.add("ONNX nodes reaching no graph output, skipped: " + pruned);
        }
        return s;
    }

    static String counts(Map<String, Integer> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    /** The full report: summary, then one line per GEMM layer's quantization. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        summary().forEach(l -> sb.append(l).append(nl));
        sb.append("MACs: ").append(network.macs()).append(nl);
        sb.append("GEMM layers:").append(nl);
        quantization.forEach(l -> sb.append("  ").append(l.describe()).append(nl));
        return sb.toString();
    }
}
