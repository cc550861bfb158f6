package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;

/**
 * LSTM, GRU and RNN as their GEMMs per time step (issue 22). Per direction:
 * <ul>
 *   <li>the input projection of every step at once, one {@code fc} of {@code seq x batch} rows
 *       ({@code X W^T}: it depends on no earlier step, so engines batch it);</li>
 *   <li>then, step by step: the step's rows of that projection (a {@code slice}), the recurrent
 *       product {@code H_{t-1} R^T} (an {@code fc} of {@code batch} rows), their sum (an
 *       {@code add}), and the cell update (a {@code cell}: the gate functions and the state
 *       update, writing the new {@code H}-wide state).</li>
 * </ul>
 * {@code G} gates: 4 (LSTM), 3 (GRU), 1 (RNN). MACs: {@code seq x batch x G x H x (input + H)}
 * per direction, as ONNX defines the op, less the first step's recurrent product when no layer
 * gives the initial state (none: it multiplies zeros; a graph input: a trace layer cannot name
 * it), noted with its count. {@code Y} is the concat of every step's state, {@code Y_h} the last
 * step's ({@code Y_c}, an LSTM's last cell state, is taken as {@code Y_h}'s layer: same shape).
 * {@code sequence_lens} is ignored (every sequence taken at full length: noted).
 */
final class OnnxRecurrent {
    private OnnxRecurrent() {
    }

    static void convert(OnnxLayers ls, OnnxImporter imp, Node n) {
        Val x = imp.val(n.input(0));
        Val w = imp.val(n.input(1));
        Val r = imp.val(n.input(2));
        OnnxFolding.need(n, x);
        OnnxFolding.need(n, w);
        OnnxFolding.need(n, r);
        int gates = switch (n.opType()) {
            case "LSTM" -> 4;
            case "GRU" -> 3;
            default -> 1;
        };
        boolean batchFirst = n.attrInt("layout", 0) == 1;
        String direction = n.attrString("direction", "forward");
        int dirs = direction.equals("bidirectional") ? 2 : 1;
        if (x.rank() != 3 || w.rank() != 3 || r.rank() != 3) {
            throw new OnnxShapes.Bad("X [seq, batch, input], W and R of rank 3", OnnxShapes.str(x.dims()) + ", "
                    + OnnxShapes.str(w.dims()) + ", " + OnnxShapes.str(r.dims()));
        }
        long seq = x.dims()[batchFirst ? 1 : 0];
        long batch = x.dims()[batchFirst ? 0 : 1];
        long input = x.dims()[2];
        long hidden = n.attrInt("hidden_size", r.dims()[2]);
        long gh = Math.multiplyExact(gates, hidden);
        if (w.dims()[0] != dirs || w.dims()[1] != gh || w.dims()[2] != input || r.dims()[0] != dirs
                || r.dims()[1] != gh || r.dims()[2] != hidden) {
            throw new OnnxShapes.Bad("W [" + dirs + ", " + gh + ", " + input + "] and R [" + dirs + ", " + gh + ", "
                    + hidden + "] (" + direction + ", " + gates + " gates of hidden_size " + hidden + ")",
                    OnnxShapes.str(w.dims()) + " and " + OnnxShapes.str(r.dims()));
        }
        if (w.layer() != null || r.layer() != null) {
            ls.unsupported(n); // weights computed by layers at run time: not a recurrent layer pactsim can place
            return;
        }
        boolean bias = n.inputs().size() > 3 && !n.input(3).isEmpty();
        if (n.inputs().size() > 4 && !n.input(4).isEmpty()) {
            ls.note(n.label() + ": sequence_lens is ignored: every sequence is taken at its full length " + seq);
        }
        Val h0 = n.inputs().size() > 5 && !n.input(5).isEmpty() ? imp.val(n.input(5)) : null;
        boolean h0Layer = h0 != null && h0.layer() != null;
        if (!h0Layer) {
            long skipped = Math.multiplyExact(Math.multiplyExact(dirs * batch, gh), hidden);
            ls.note(n.label() + ": the first step's recurrent product is not placed (" + skipped + " MACs): "
                    + (h0 == null || h0.constant() ? "it multiplies the zero initial state"
                    : "its initial state is a network input, which a trace layer cannot name"));
        }
        ElemType a = x.storage();
        ElemType wt = w.storage();
        Bits p = OnnxLayers.PROVISIONAL;
        List<List<String>> states = new ArrayList<>();
        boolean first = true;
        for (int d = 0; d < dirs; d++) {
            String dir = dirs == 2 ? (d == 0 ? "/fwd" : "/bwd") : direction.equals("reverse") ? "/bwd" : "";
            MatMulLayer proj = new MatMulLayer(name(ls, n, dir + "/x"), MatMulLayer.Kind.LINEAR, 1,
                    Math.multiplyExact(seq, batch), gh, input, p, ls.inputs(n, x), bias);
            String projName = first ? ls.add(n, proj, "", wt, a, a, false) : ls.addMore(n, proj, a);
            first = false;
            List<String> hs = new ArrayList<>();
            String prev = h0Layer ? h0.layer() : null;
            for (long t = 0; t < seq; t++) {
                String step = dir + "/t" + t;
                String xt = projName;
                if (seq > 1) {
                    xt = ls.addMore(n, VectorLayer.slice(name(ls, n, step + "/x"), new Shape(1, 1, batch * gh, seq), 1, p,
                            List.of(projName)), a);
                }
                String gatesIn = xt;
                if (prev != null) {
                    String rt = ls.addMore(n, new MatMulLayer(name(ls, n, step + "/h"), MatMulLayer.Kind.LINEAR, 1, batch,
                            gh, hidden, p, List.of(prev), false), a);
                    gatesIn = ls.addMore(n, VectorLayer.of(name(ls, n, step + "/gates"),
                            org.pactsim.workload.VectorOp.ADD, new Shape(1, 1, batch, gh), 0, p, List.of(xt, rt)), a);
                }
                prev = ls.addMore(n, VectorLayer.cell(name(ls, n, step), new Shape(1, 1, batch, gh), hidden, p,
                        List.of(gatesIn)), a);
                hs.add(prev);
            }
            if (direction.equals("reverse") || d == 1) {
                Collections.reverse(hs); // Y is in time order; the last state computed is the first step's
            }
            states.add(hs);
        }
        // Y [seq, dirs, batch, H] (layout 1: [batch, seq, dirs, H]): every state, time-major
        List<String> all = new ArrayList<>();
        for (int t = 0; t < seq; t++) {
            for (List<String> hs : states) {
                all.add(hs.get(t));
            }
        }
        long[] yd = batchFirst ? new long[] {batch, seq, dirs, hidden} : new long[] {seq, dirs, batch, hidden};
        put(ls, imp, n, 0, all, yd, batch, hidden, a, "/Y");
        List<String> last = new ArrayList<>();
        for (int d = 0; d < dirs; d++) {
            List<String> hs = states.get(d);
            last.add(d == 0 && !direction.equals("reverse") ? hs.get(hs.size() - 1) : hs.get(0));
        }
        long[] hd = batchFirst ? new long[] {batch, dirs, hidden} : new long[] {dirs, batch, hidden};
        put(ls, imp, n, 1, last, hd, batch, hidden, a, "/Y_h");
        if (n.outputs().size() > 2) {
            put(ls, imp, n, 2, last, hd, batch, hidden, a, "/Y_c");
        }
    }

    /** Output {@code o}: the one state layer, or a concat of them when it is read. */
    private static void put(OnnxLayers ls, OnnxImporter imp, Node n, int o, List<String> states, long[] dims, long batch,
                            long hidden, ElemType a, String suffix) {
        if (o >= n.outputs().size() || n.outputs().get(o).isEmpty()) {
            return;
        }
        String layer = states.get(0);
        if (states.size() > 1 && imp.readers(n.outputs().get(o)) > 0) {
            layer = ls.addMore(n, VectorLayer.concat(name(ls, n, suffix), 1, 1, batch,
                    Collections.nCopies(states.size(), hidden), OnnxLayers.PROVISIONAL, states), a);
        } else if (states.size() > 1) {
            layer = states.get(states.size() - 1);
        }
        imp.put(n, o, new Val(dims, a, null, layer, null, false, false, null));
    }

    private static String name(OnnxLayers ls, Node n, String suffix) {
        return ls.name(new Node((n.name().isEmpty() ? n.opType() : n.name()) + suffix, n.opType(), "", List.of(),
                List.of(), Map.of(), n.offset()));
    }
}
