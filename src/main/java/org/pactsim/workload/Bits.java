package org.pactsim.workload;

import org.pactsim.spec.Violations;

/** Bit widths of a layer's weights, input activations and outputs. */
public record Bits(int weight, int activation, int output) {
    /** What SCALE-Sim topologies implicitly use: one byte per word. */
    public static final Bits INT8 = new Bits(8, 8, 8);

    public Bits {
        new Violations()
                .between("weightBits", weight, 1, 32)
                .between("activationBits", activation, 1, 32)
                .between("outputBits", output, 1, 32)
                .throwIfAny();
    }
}
