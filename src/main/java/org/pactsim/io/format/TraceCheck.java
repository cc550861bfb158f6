package org.pactsim.io.format;

import org.pactsim.io.InputException;
import org.pactsim.io.InputProblems;

import java.util.List;
import org.pactsim.workload.Layer;
import org.pactsim.workload.Network;
import org.pactsim.workload.ShapeChain;

/**
 * The checks a network gets once all its layers are read, by every reader of connected
 * networks (pactsim CSV, YAML and JSON traces, ONNX models; a SCALE-Sim topology is a list
 * of independent layers and has none): each layer names no more inputs than it has
 * operands, and each operand is what its producer outputs ({@link ShapeChain}: a relu
 * declared as 1000x1000x4096 after a conv giving 8x8x4 was simulated as 4 G elements).
 */
public final class TraceCheck {
    /** Longest layer name accepted. */
    public static final int MAX_NAME = 256;

    private TraceCheck() {
    }

    /**
     * Checks {@code net}; {@code where.get(i)} is {@code FILE:LINE} of layer {@code i} and
     * {@code keys.get(i)} its key ({@code layer 3}, {@code layers[2]}). Collecting, every
     * problem is recorded; strict, the first is thrown.
     */
    public static void check(Network net, List<String> where, List<String> keys, InputProblems problems) {
        check(net, where, keys, problems, true);
    }

    /** As {@link #check(Network, List, List, InputProblems)}; shapes only when {@code shapes}. */
    public static void check(Network net, List<String> where, List<String> keys, InputProblems problems,
                             boolean shapes) {
        List<Layer> layers = net.layers();
        boolean arity = true;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            int operands = l.operandShapes().size();
            if (operands > 0 && l.inputs().size() > operands) {
                arity = false;
                InputProblems.recover(problems, InputException.at(where.get(i), keys.get(i) + ".inputs",
                        "at most " + operands + (operands == 1 ? " input" : " inputs") + " for a " + l.type()
                                + " layer", l.inputs().size() + " inputs (" + InputException.quote(
                                String.join(";", l.inputs())) + ")"), null);
            }
        }
        if (!arity || !shapes) {
            return;
        }
        for (ShapeChain.Mismatch m : ShapeChain.mismatches(net)) {
            Layer l = layers.get(m.layer());
            InputProblems.recover(problems, InputException.at(where.get(m.layer()), keys.get(m.layer()),
                    "operand " + m.operand() + " of " + InputException.quote(l.name()) + " as "
                            + InputException.quote(layers.get(m.producer()).name()) + " outputs it, " + shape(m.have()),
                    shape(m.want())), null);
        }
    }

    private static String shape(org.pactsim.workload.Shape s) {
        String e;
        try {
            e = Long.toString(s.elements());
        } catch (ArithmeticException x) {
            e = "more than 2^63-1";
        }
        return e + " elements (" + s + ")";
    }

    /**
     * A layer name as traces allow it (what {@link TraceWriter} can write back): 1 to
     * {@value #MAX_NAME} characters, none of {@code , ; | " \ #}, no control characters, no
     * surrounding spaces. Null when it is fine, else what is wrong.
     */
    public static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "an empty name";
        }
        if (name.length() > MAX_NAME) {
            return "a name of " + name.length() + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "a control character (U+" + String.format("%04X", (int) c) + ") in "
                        + InputException.quote(name);
            }
            if (",;|\"\\#".indexOf(c) >= 0) {
                return "the character '" + c + "' in " + InputException.quote(name);
            }
        }
        if (!name.equals(name.strip())) {
            return "surrounding spaces in " + InputException.quote(name);
        }
        return null;
    }

    /** What names must be, for messages. */
    public static final String NAME_RULE = "a name of 1 to " + MAX_NAME
            + " characters without , ; | \" \\ # or control characters";
}
