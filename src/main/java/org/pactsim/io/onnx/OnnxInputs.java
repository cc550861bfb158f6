package org.pactsim.io.onnx;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.pactsim.io.InputException;
import org.pactsim.io.onnx.OnnxGraph.Dim;
import org.pactsim.io.onnx.OnnxGraph.ValueInfo;

/**
 * A model's graph inputs bound to values: every unknown dimension from {@code --dim} (by name,
 * or {@code INPUT[AXIS]}), an integer scalar input's value where it is given; what is missing is
 * said at once, in one line.
 */
final class OnnxInputs {
    private OnnxInputs() {
    }

    /**
     * Graph inputs that are not initializers, their unknown dimensions set from {@code dims}: by
     * {@code INPUT[AXIS]} (any unknown axis, named or not: Paddle exports leave the batch axis
     * unnamed and call both H and W "?") or else by the symbolic name.
     */
    static void bind(OnnxGraph g, String origin, boolean anyDims, Map<String, Long> dims, Map<String, Val> vals) {
        // every unknown dimension left without a value, said at once (one --dim each)
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        for (ValueInfo in : g.inputs()) {
            if (!vals.containsKey(in.name()) && in.dims() != null && !anyDims) {
                for (int i = 0; i < in.dims().size(); i++) {
                    Dim x = in.dims().get(i);
                    if (unknown(x) && !dims.containsKey(axisKey(in.name(), i)) && !(named(x) && dims.containsKey(x.param()))) {
                        missing.add(named(x) ? x.param() : axisKey(in.name(), i));
                    }
                }
            }
        }
        if (missing.size() > 1) {
            throw InputException.at(origin, "graph inputs", "values for the unknown dimensions "
                    + String.join(", ", missing.stream().map(InputException::quote).toList()) + " ("
                    + String.join(" ", missing.stream().map(m -> "--dim " + shellWord(m) + "=N").toList())
                    + "; in a sweep spec, dims: {" + String.join(", ", missing.stream().map(m -> yamlKey(m) + ": N").toList())
                    + "})", "none");
        }
        Set<String> used = new HashSet<>();
        for (ValueInfo in : g.inputs()) {
            if (vals.containsKey(in.name())) {
                continue;
            }
            if (in.dims() == null) {
                throw InputException.at(origin, "graph input " + InputException.quote(in.name()), "a tensor shape",
                        "none");
            }
            ElemType scalar = ElemType.of(in.elemType());
            if (in.dims().isEmpty() && dims.containsKey(in.name()) && scalar != null
                    && scalar.numberType() == org.pactsim.spec.NumberType.INT) {
                // an integer scalar input given a value (an If's condition: Silero VAD's sample rate)
                vals.put(in.name(), Val.constant(new long[0], scalar, new long[] {dims.get(in.name())}));
                used.add(in.name());
                continue;
            }
            long[] d = new long[in.dims().size()];
            for (int i = 0; i < d.length; i++) {
                Dim x = in.dims().get(i);
                String at = axisKey(in.name(), i);
                if (!unknown(x)) {
                    if (dims.containsKey(at)) {
                        throw InputException.at("--dim " + at, null, "an unknown dimension of graph input "
                                + InputException.quote(in.name()), "axis " + i + " of fixed size " + x.value());
                    }
                    d[i] = x.value();
                    continue;
                }
                String key = dims.containsKey(at) ? at : named(x) && dims.containsKey(x.param()) ? x.param() : null;
                Long v = key == null ? null : dims.get(key);
                if (v == null && anyDims) {
                    v = 1L;
                } else if (v == null) {
                    String k = named(x) ? x.param() : at;
                    throw InputException.at(origin, "graph input " + InputException.quote(in.name()) + " dimension " + i,
                            "a value for " + (named(x) ? "symbolic dimension \"" + x.param() + "\"" : "unnamed dimension " + i)
                                    + " (--dim " + shellWord(k) + "=N; in a sweep spec, dims: {" + yamlKey(k) + ": N})",
                            "none");
                }
                if (key != null) {
                    used.add(key);
                }
                d[i] = v;
            }
            ElemType e = ElemType.of(in.elemType());
            vals.put(in.name(), new Val(d, e == null ? ElemType.FLOAT : e, null, null, null, false, false, null));
        }
        for (String k : dims.keySet()) {
            if (!used.contains(k)) {
                throw InputException.at("--dim " + k, null, "an unknown dimension of the model's inputs (a symbolic "
                        + "name, or INPUT[AXIS])", InputException.quote(k));
            }
        }
    }

    private static boolean named(Dim x) {
        return x.param() != null && !x.param().isEmpty();
    }

    private static boolean unknown(Dim x) {
        return named(x) || x.value() < 1;
    }

    /** The {@code --dim} key of one axis of a graph input: {@code INPUT[AXIS]}. */
    static String axisKey(String input, int axis) {
        return input + "[" + axis + "]";
    }

    /** {@code k} as one shell word: quoted when it holds a character the shell would read. */
    private static String shellWord(String k) {
        return k.matches("[A-Za-z0-9_.:/+-]+") ? k : "'" + k.replace("'", "'\\''") + "'";
    }

    /** {@code k} as a YAML flow-mapping key: quoted when it is not a plain word. */
    private static String yamlKey(String k) {
        return k.matches("[A-Za-z0-9_.-]+") ? k : "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
