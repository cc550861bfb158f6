package org.pactsim.workload;

import java.util.HashSet;
import java.util.List;
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
}
