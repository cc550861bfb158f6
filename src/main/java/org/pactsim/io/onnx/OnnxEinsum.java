package org.pactsim.io.onnx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.workload.MatMulLayer;

/**
 * Einsum of two operands in a matmul form (attention's {@code bhqd,bhkd->bhqk}, a projection's
 * {@code bsd,df->bsf}): each index is a batch index (in both operands and the output), a row
 * index (A and the output), a column index (B and the output) or a contracted one (both
 * operands, not the output). It becomes a {@code matmul} of {@code batch} products
 * {@code rows x cols x contracted} (MACs: the product of every index's size), or an {@code fc}
 * when B is a constant without batch indices. Other forms (one operand, three, a diagonal, an
 * index summed in one operand only) are listed.
 */
final class OnnxEinsum {
    private OnnxEinsum() {
    }

    static void convert(OnnxLayers ls, OnnxImporter imp, Node n) {
        String eq = n.attrString("equation", "").replace(" ", "");
        Val a = n.inputs().size() == 2 ? imp.val(n.input(0)) : null;
        Val b = n.inputs().size() == 2 ? imp.val(n.input(1)) : null;
        int arrow = eq.indexOf("->");
        String[] lhs = arrow < 0 ? new String[0] : eq.substring(0, arrow).split(",", -1);
        if (a == null || b == null || a.dims() == null || b.dims() == null || a.constant() || lhs.length != 2) {
            ls.unsupported(n);
            return;
        }
        int ka = ellipsisRank(lhs[0], a.rank());
        int kb = ellipsisRank(lhs[1], b.rank());
        int k = Math.max(ka, kb);
        String ta = expand(lhs[0], ka, k);
        String tb = expand(lhs[1], kb, k);
        String to = expand(eq.substring(arrow + 2), k, k);
        if (ta == null || tb == null || to == null || ta.length() != a.rank() || tb.length() != b.rank()
                || repeats(ta) || repeats(tb) || repeats(to)) {
            ls.unsupported(n);
            return;
        }
        Map<Character, Long> size = new LinkedHashMap<>();
        if (!sizes(size, ta, a.dims()) || !sizes(size, tb, b.dims())) {
            ls.unsupported(n); // an index of size 1 broadcast against a larger one
            return;
        }
        long batch = 1;
        long rows = 1;
        long cols = 1;
        long inner = 1;
        for (Map.Entry<Character, Long> e : size.entrySet()) {
            char c = e.getKey();
            boolean inA = ta.indexOf(c) >= 0;
            boolean inB = tb.indexOf(c) >= 0;
            boolean out = to.indexOf(c) >= 0;
            long s = e.getValue();
            if (inA && inB && out) {
                batch = Math.multiplyExact(batch, s);
            } else if (inA && inB) {
                inner = Math.multiplyExact(inner, s);
            } else if (inA && out) {
                rows = Math.multiplyExact(rows, s);
            } else if (inB && out) {
                cols = Math.multiplyExact(cols, s);
            } else {
                ls.unsupported(n); // summed within one operand
                return;
            }
        }
        long[] od = new long[to.length()];
        for (int i = 0; i < od.length; i++) {
            Long s = size.get(to.charAt(i));
            if (s == null) {
                throw new OnnxShapes.Bad("output indices that appear in an operand (" + eq + ")", to);
            }
            od[i] = s;
        }
        String name = ls.name(n);
        MatMulLayer l = b.constant() && batch == 1
                ? new MatMulLayer(name, MatMulLayer.Kind.LINEAR, 1, rows, cols, inner, OnnxLayers.PROVISIONAL,
                        ls.inputs(n, a), false)
                : new MatMulLayer(name, MatMulLayer.Kind.MATMUL, batch, rows, cols, inner, OnnxLayers.PROVISIONAL,
                        b.constant() ? ls.inputs(n, a) : ls.inputs(n, a, b), false);
        ls.add(n, l, "", b.storage(), a.storage(), a.storage(), false);
        imp.put(n, 0, new Val(od, a.storage(), null, name, null, false, false, null));
    }

    /** The rank an ellipsis stands for in {@code term} of an operand of {@code rank}. */
    private static int ellipsisRank(String term, int rank) {
        return term.contains("...") ? rank - (term.length() - 3) : 0;
    }

    /**
     * {@code term} with its ellipsis replaced by the last {@code k} of {@code all} fresh indices
     * (characters past 'z', aligned from the right as broadcasting is), or null if malformed.
     */
    private static String expand(String term, int k, int all) {
        int e = term.indexOf("...");
        String letters = term.replace("...", "");
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (!Character.isLetter(c) || c > 'z') {
                return null;
            }
        }
        if (e < 0) {
            return term;
        }
        if (k < 0 || term.indexOf("...", e + 1) >= 0) {
            return null;
        }
        StringBuilder fresh = new StringBuilder();
        for (int i = all - k; i < all; i++) {
            fresh.append((char) ('\u0100' + i));
        }
        return term.substring(0, e) + fresh + term.substring(e + 3);
    }

    private static boolean repeats(String t) {
        return t.chars().distinct().count() != t.length();
    }

    private static boolean sizes(Map<Character, Long> size, String term, long[] dims) {
        for (int i = 0; i < term.length(); i++) {
            Long was = size.putIfAbsent(term.charAt(i), dims[i]);
            if (was != null && was.longValue() != dims[i]) {
                return false;
            }
        }
        return true;
    }
}
