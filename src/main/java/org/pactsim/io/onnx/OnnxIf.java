package org.pactsim.io.onnx;

import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.io.onnx.OnnxGraph.Tensor;

/**
 * {@code If} whose condition folds to a constant (a comparison of shapes, or of an integer
 * scalar input given a value with {@code --dim}: Silero VAD's sample rate): the branch taken is
 * imported in place, its nodes in their order (nested Ifs likewise), its outputs becoming the
 * If's. An If whose condition is not known is listed, as before, with the count of its nodes'
 * ops not seen.
 */
final class OnnxIf {
    private OnnxIf() {
    }

    static void inline(OnnxImporter imp, OnnxLayers layers, Node n) {
        Val cond = imp.val(n.input(0));
        OnnxGraph.Attribute then = n.attr("then_branch");
        OnnxGraph.Attribute other = n.attr("else_branch");
        if (cond == null || !cond.constant() || cond.ints() == null || cond.ints().length != 1 || then == null
                || other == null || then.g() == null || other.g() == null) {
            layers.note(n.label() + ": its condition is not known at import (an integer scalar input can be given a "
                    + "value with --dim NAME=V), so neither branch is placed");
            layers.unsupported(n);
            return;
        }
        OnnxGraph branch = cond.ints()[0] != 0 ? then.g() : other.g();
        for (Tensor t : branch.initializers().values()) {
            ElemType e = ElemType.of(t.dataType());
            imp.set(t.name(), Val.constant(t.dims(), e == null ? ElemType.FLOAT : e, t.ints()));
        }
        for (Node b : branch.nodes()) {
            b.inputs().stream().filter(s -> !s.isEmpty()).forEach(imp::read);
        }
        branch.outputs().forEach(o -> imp.read(o.name()));
        imp.convolutionInputs(branch.nodes());
        for (Node b : branch.nodes()) {
            imp.step(b, layers);
        }
        for (int i = 0; i < n.outputs().size() && i < branch.outputs().size(); i++) {
            Val v = imp.val(branch.outputs().get(i).name());
            if (v != null) {
                imp.put(n, i, v);
            }
        }
        OnnxImporter.count(imp.folded, "If (the " + (cond.ints()[0] != 0 ? "then" : "else") + " branch imported)");
    }
}
