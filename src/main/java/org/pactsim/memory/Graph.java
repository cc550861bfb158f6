package org.pactsim.memory;

import static java.lang.Math.addExact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.pactsim.workload.Layer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;

/**
 * What a network's layers read, when each tensor is read last, which element-wise layers run in
 * a GEMM's output path, and the layers' weights: a function of the network alone (and of whether
 * the schedule fuses), so a sweep that runs one network at many design points works it out once
 * ({@link TilingMemo#graph}).
 */
final class Graph {
    static final String NETWORK_INPUT = "(network input)";

    /** Per layer: the tensors it reads, its named inputs or else the previous layer's output. */
    final List<List<String>> sources;
    /** Per tensor: the last layer that reads it. */
    final Map<String, Integer> lastUse;
    /** Per layer: the GEMM whose output path runs it (fused), else -1. */
    final int[] fusedRoot;
    /** Per GEMM layer: the last layer fused into its output path (itself when none). */
    final int[] chainEnd;
    /** Per layer: its weight (learned operand) bits. */
    final long[] weightBits;
    /** All weight bits. */
    final long totalWeightBits;
    /** Layer indices by weight bits, largest first, ties in network order. */
    final int[] byWeight;
    /** Per layer: bits of the KV cache it reads ({@link Tensors#cacheBits}), 0 for most. */
    final long[] cacheBits;
        /** Per layer: its compulsory DRAM bytes ({@link Compulsory#perLayer}). */
    final List<Long> compulsory;

    private Graph(Network net, boolean fuse) {
        int n = net.layers().size();
        List<List<String>> src = new ArrayList<>(n);
        Map<String, Integer> last = new HashMap<>();
        weightBits = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            Layer l = net.layers().get(i);
            List<String> s = !l.inputs().isEmpty() ? l.inputs()
                    : List.of(i == 0 ? NETWORK_INPUT : net.layers().get(i - 1).name());
            src.add(s);
            for (String in : s) {
                last.merge(in, i, Math::max);
            }
            weightBits[i] = Tensors.weightBits(l);
            total = addExact(total, weightBits[i]);
        }
        cacheBits = Tensors.cacheBits(net);
                sources = List.copyOf(src);
        lastUse = Map.copyOf(last);
        totalWeightBits = total;
        fusedRoot = new int[n];
        chainEnd = new int[n];
        Arrays.fill(fusedRoot, -1);
        for (int i = 0; i < n; i++) {
            chainEnd[i] = i;
        }
        if (fuse) {
            fuse(net);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(weightBits[b], weightBits[a]));
        byWeight = new int[n];
        for (int i = 0; i < n; i++) {
            byWeight[i] = order[i];
        }
        List<Long> c = new ArrayList<>(n);
        for (long b : Compulsory.perLayer(net)) {
            c.add(b);
        }
        compulsory = List.copyOf(c);
    }

    static Graph of(Network net, boolean fuse) {
        return new Graph(net, fuse);
    }

    /**
     * Ops a GEMM's output path applies on the vector unit as results leave the array: element-wise
     * activations and adds, and pooling (max or average, global too), whose windows a line buffer
     * of the rows just produced completes (the rows a window shares with the next tile stay in
     * that buffer; its room is not charged).
     */
    static boolean fusable(VectorLayer v) {
        switch (v.op()) {
            case RELU:
            case RELU6:
            case GELU:
            case SILU:
            case ROPE:
            case ADD:
            case MUL:
                return v.learnedReads() == 0 && v.inputShape().elements() == v.outputShape().elements();
            case SCALE:
                // per-channel constants (a batch norm, a scale) applied as results leave the array
                return v.learnedReads() <= v.inC();
            case MAXPOOL:
            case AVGPOOL:
                return v.learnedReads() == 0 && v.namedOperands() == 1;
            default:
                return false;
        }
    }

    /**
     * Marks each element-wise layer that reads the layer just before it, when that layer is a
     * GEMM (or is itself fused into one) and nothing else reads its output: the chain runs in
     * the GEMM's output path and only the chain's last output is kept or written.
     */
    private void fuse(Network net) {
        Map<String, Integer> consumers = new HashMap<>();
        for (List<String> s : sources) {
            for (String in : new LinkedHashSet<>(s)) {
                consumers.merge(in, 1, Integer::sum);
            }
        }
        for (int i = 1; i < net.layers().size(); i++) {
            if (!(net.layers().get(i) instanceof VectorLayer v) || !fusable(v)) {
                continue;
            }
            Layer prev = net.layers().get(i - 1);
            int root = prev instanceof VectorLayer ? fusedRoot[i - 1] : i - 1;
            List<String> s = sources.get(i);
            if (root < 0 || consumers.getOrDefault(prev.name(), 0) != 1
                    || s.stream().filter(prev.name()::equals).count() != 1) {
                continue;
            }
            fusedRoot[i] = root;
            chainEnd[root] = i;
        }
    }

    /**
     * Layer indices by {@code bits} (per core), largest first, ties in network order: the
     * per-network order by raw weight bits, re-sorted where rounding per core made ties.
     */
    int[] byWeightPerCore(long[] bits) {
        int[] o = byWeight.clone();
        for (int i = 1; i < o.length; i++) {
            int x = o[i];
            int j = i - 1;
            while (j >= 0 && (bits[o[j]] < bits[x] || (bits[o[j]] == bits[x] && o[j] > x))) {
                o[j + 1] = o[j];
                j--;
            }
            o[j + 1] = x;
        }
        return o;
    }
}
