package org.pactsim.memory;

import static java.lang.Math.addExact;

import java.util.HashSet;
import java.util.Set;
import org.pactsim.workload.Layer;
import org.pactsim.workload.Network;
import org.pactsim.workload.OutputRounding;
import org.pactsim.workload.VectorLayer;

/**
 * The compulsory DRAM traffic of one inference (of the batch the network has): every weight,
 * learned operand and KV cache read once, the network's input read once, and every output no layer
 * reads (the network's outputs) written once. No schedule moves less in a first inference;
 * the bound the memory model's figures are held against ({@code docs/schedule.md}).
 */
public final class Compulsory {
    private Compulsory() {
    }

    /** Compulsory bytes per layer: what each layer must read or write at least once. */
    public static long[] perLayer(Network net) {
        int n = net.layers().size();
        Set<String> read = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Layer l = net.layers().get(i);
            if (l.inputs().isEmpty()) {
                if (i > 0) {
                    read.add(net.layers().get(i - 1).name());
                }
            } else {
                read.addAll(l.inputs());
            }
        }
        Set<String> names = new HashSet<>();
        for (Layer l : net.layers()) {
            names.add(l.name());
        }
        long[] out = new long[n];
        long[] cache = Tensors.cacheBits(net);
        for (int i = 0; i < n; i++) {
            Layer l = net.layers().get(i);
            long bits = addExact(Tensors.weightBits(l), cache[i]); // a KV cache is read once, like weights
            boolean readsInput = (i == 0 && l.inputs().isEmpty())
                    || l.inputs().stream().anyMatch(in -> !names.contains(in));
            if (readsInput) {
                bits = addExact(bits, inputBits(l));
            }
            if (!read.contains(l.name())) {
                bits = addExact(bits, SubBatch.outputBits(l));
            }
            out[i] = Tensors.bytes(bits);
        }
        return out;
    }

    /** The total of {@link #perLayer}. */
    public static long bytes(Network net) {
        long s = 0;
        for (long b : perLayer(net)) {
            s = addExact(s, b);
        }
        return s;
    }

    private static long inputBits(Layer l) {
        if (l instanceof VectorLayer v) {
            return Packing.bits(v.inputShape().elements(), v.bits().activation());
        }
        return Packing.bits(Tensors.inputElements(l, l.lower(OutputRounding.FLOOR)), l.bits().activation());
    }
}
