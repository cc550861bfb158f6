package org.pactsim.workload;

import org.pactsim.spec.NumberType;
import org.pactsim.spec.Violations;

/**
 * Bit widths of a layer's weights (the second operand of a matmul), input activations and
 * outputs, and whether they are integers or floating point. Float widths are 8, 16 or 32.
 */
public record Bits(int weight, int activation, int output, NumberType type) {
    /** What SCALE-Sim topologies implicitly use: one byte per word. */
    public static final Bits INT8 = new Bits(8, 8, 8);

    public Bits {
        Violations v = new Violations()
                .between("weightBits", weight, 1, 32)
                .between("activationBits", activation, 1, 32)
                .between("outputBits", output, 1, 32)
                .check(type != null, "numberType", "int or float", "nothing");
        if (v.isEmpty() && type == NumberType.FLOAT) {
            v.check(isFloatWidth(weight), "weightBits", "8, 16 or 32 for a float layer", Integer.toString(weight))
             .check(isFloatWidth(activation), "activationBits", "8, 16 or 32 for a float layer",
                     Integer.toString(activation))
             .check(isFloatWidth(output), "outputBits", "8, 16 or 32 for a float layer", Integer.toString(output));
        }
        v.throwIfAny();
    }

    /** Integer widths. */
    public Bits(int weight, int activation, int output) {
        this(weight, activation, output, NumberType.INT);
    }

    /** Every width {@code bits}, of type {@code type}. */
    public static Bits uniform(int bits, NumberType type) {
        return new Bits(bits, bits, bits, type);
    }

    public Bits withOutput(int bits) {
        return new Bits(weight, activation, bits, type);
    }

    private static boolean isFloatWidth(int b) {
        return b == 8 || b == 16 || b == 32;
    }
}
