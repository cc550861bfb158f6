package org.pactsim.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactsim.spec.SpecException;

/**
 * An ordered list of layers with unique names. {@code notes} carries what the reader had to
 * assume (e.g. "SCALE-Sim topology: 8-bit weights and activations assumed").
 */
public record Network(String name, List<Layer> layers, List<String> notes) {
    public Network {
        layers = List.copyOf(layers);
        notes = List.copyOf(notes);
        if (layers.isEmpty()) {
            throw new SpecException("layers", "at least one layer", "none");
        }
    }

    public Network(String name, List<Layer> layers) {
        this(name, layers, List.of());
    }

    public long macs() {
        long total = 0;
        for (Layer l : layers) {
            total = Math.addExact(total, l.macs());
        }
        return total;
    }

    /** Learned parameters of all layers (weights, biases, norms, learned embeddings). */
    public long params() {
        long total = 0;
        for (Layer l : layers) {
            total = Math.addExact(total, l.params());
        }
        return total;
    }

    /** Checks that every named input refers to an earlier layer. */
    public void checkInputs() {
        Set<String> seen = new HashSet<>();
        for (Layer l : layers) {
            for (String in : l.inputs()) {
                if (!seen.contains(in)) {
                    throw new SpecException("layer " + l.name() + ".inputs", "names of earlier layers", in);
                }
            }
            seen.add(l.name());
        }
    }

    /**
     * Indices of the layers feeding layer {@code i}: its named inputs, or the previous layer
     * when it names none (nothing for the first layer, which reads the network input).
     */
    public List<Integer> producers(int i) {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < i; j++) {
            index.put(layers.get(j).name(), j);
        }
        return producers(i, index);
    }

    /** All layers' producers at once (linear time); see {@link #producers(int)}. */
    public List<List<Integer>> allProducers() {
        Map<String, Integer> index = new HashMap<>();
        List<List<Integer>> all = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            all.add(producers(i, index));
            index.put(layers.get(i).name(), i);
        }
        return all;
    }

    private List<Integer> producers(int i, Map<String, Integer> index) {
        Layer l = layers.get(i);
        if (l.inputs().isEmpty()) {
            return i == 0 ? List.of() : List.of(i - 1);
        }
        List<Integer> out = new ArrayList<>();
        for (String in : l.inputs()) {
            Integer j = index.get(in);
            if (j == null) {
                throw new SpecException("layer " + l.name() + ".inputs", "names of earlier layers", in);
            }
            out.add(j);
        }
        return out;
    }

    /** For every layer, the indices of the layers it feeds. */
    public List<List<Integer>> consumers() {
        List<List<Integer>> c = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            c.add(new ArrayList<>());
        }
        List<List<Integer>> prod = allProducers();
        for (int i = 0; i < layers.size(); i++) {
            for (int p : prod.get(i)) {
                c.get(p).add(i);
            }
        }
        return c;
    }
}
