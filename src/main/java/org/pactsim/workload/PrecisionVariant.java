package org.pactsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.spec.NumberType;

/**
 * A network at one precision: every GEMM layer at {@code precision}, or, with {@code pact},
 * PACT's rule (Choi et al., arXiv 1805.06085): the first and last GEMM layers at 8 bits.
 *
 * <p>"First" GEMM layers read the network input through vector layers only (a CNN's first
 * convolution, BERT's first Q, K and V projections); "last" ones reach an output of the
 * network through vector layers only (the classifier, an LM head). The rule only differs from
 * the uniform variant below 8 bits, so {@link #ALL} has {@code -pact} variants for int4 and
 * int2 only.
 *
 * <p>Tensor widths: a GEMM computes (reads both operands) at its width; a vector op reads its
 * input as its producers wrote it. A layer writes its output at the widest of: its own compute
 * width (a GEMM), the width each consumer reads (a GEMM's compute width; the variant's width
 * for a vector op), and, for a network output or the network input, the edge width (8 bits
 * under PACT, else the variant's). So under PACT the first convolution writes 8 bits and the
 * ReLU after it quantizes to the low width, as PACT's clipping activation does.
 */
public record PrecisionVariant(TracePrecision precision, boolean pact, LlmPrecision.Plan llm) {
    /** The variants the trace generator writes, in order. */
    public static final List<PrecisionVariant> ALL = List.of(
            new PrecisionVariant(TracePrecision.FP16, false), new PrecisionVariant(TracePrecision.INT16, false),
            new PrecisionVariant(TracePrecision.INT8, false), new PrecisionVariant(TracePrecision.INT4, false),
            new PrecisionVariant(TracePrecision.INT4, true), new PrecisionVariant(TracePrecision.INT2, false),
            new PrecisionVariant(TracePrecision.INT2, true));

    /** Width of the first and last layers under PACT's rule. */
    public static final int PACT_EDGE_BITS = 8;

    public PrecisionVariant {
        if (precision == null) {
            throw new IllegalArgumentException("precision is null");
        }
    }

    /** A CNN-style variant: every layer at {@code precision}, or PACT's rule. */
    public PrecisionVariant(TracePrecision precision, boolean pact) {
        this(precision, pact, null);
    }

    /**
     * An LLM plan as a variant of a study ({@code pactsim iso-area} on a decoder): {@code precision}
     * is the width and kind its PEs compute at (the activation width when weights are
     * dequantized), the plan types the layers.
     */
    public static PrecisionVariant of(LlmPrecision.Plan plan) {
        LlmPrecision b = plan.body();
        TracePrecision t = b.type() == NumberType.FLOAT ? (b.activationBits() == 8 ? TracePrecision.FP8 : TracePrecision.FP16)
                : switch (plan.peWeightBits() == b.activationBits() ? b.activationBits() : Math.max(b.weightBits(), 2)) {
                    case 16 -> TracePrecision.INT16;
                    case 8 -> TracePrecision.INT8;
                    case 4 -> TracePrecision.INT4;
                    default -> TracePrecision.INT2;
                };
        return new PrecisionVariant(t, false, plan);
    }

    /** {@code int4}, {@code int4-pact}, ... */
    public String key() {
        if (llm != null) {
            return llm.key();
        }
        return precision.key() + (pact ? "-pact" : "");
    }

    /** The variant for a key such as {@code int4-pact}, or null. */
    public static PrecisionVariant parse(String s) {
        String t = s == null ? "" : s.trim();
        boolean p = t.endsWith("-pact");
        TracePrecision pr = TracePrecision.parse(p ? t.substring(0, t.length() - 5) : t);
        return pr == null ? null : new PrecisionVariant(pr, p);
    }

    private int edgeBits() {
        return pact ? Math.max(PACT_EDGE_BITS, precision.bits()) : precision.bits();
    }

    /** {@code net} with every layer's bits rewritten; named {@code NAME-KEY} when {@code suffix}. */
    public Network apply(Network net, boolean suffix) {
        if (llm != null) {
            Network typed = llm.apply(net);
            return suffix ? typed : new Network(net.name(), typed.layers(), typed.notes());
        }
        List<Layer> layers = net.layers();
        int n = layers.size();
        List<List<Integer>> prod = net.allProducers();
        List<List<Integer>> cons = net.consumers();
        boolean[] first = new boolean[n];
        boolean[] last = new boolean[n];
        boolean[] gemmBefore = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean before = false;
            for (int p : prod.get(i)) {
                before |= layers.get(p).isGemm() || gemmBefore[p];
            }
            gemmBefore[i] = before;
            first[i] = layers.get(i).isGemm() && !before;
        }
        boolean[] gemmAfter = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            boolean after = false;
            for (int c : cons.get(i)) {
                after |= layers.get(c).isGemm() || gemmAfter[c];
            }
            gemmAfter[i] = after;
            last[i] = layers.get(i).isGemm() && !after;
        }
        int[] compute = new int[n];
        for (int i = 0; i < n; i++) {
            compute[i] = (first[i] || last[i]) ? edgeBits() : precision.bits();
        }
        // Output widths: at least the layer's own compute width (a GEMM), at least what any
        // consumer reads (a GEMM its compute width, a vector op the variant's width), and the
        // edge width for a network output.
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int w = layers.get(i).isGemm() ? compute[i] : 0;
            for (int c : cons.get(i)) {
                w = Math.max(w, layers.get(c).isGemm() ? compute[c] : precision.bits());
            }
            out[i] = cons.get(i).isEmpty() ? Math.max(w, edgeBits()) : w;
        }
        NumberType type = precision.type();
        List<Layer> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Layer l = layers.get(i);
            Bits b;
            if (l.isGemm()) {
                b = new Bits(compute[i], compute[i], out[i], type);
            } else {
                int in = 0;
                for (int p : prod.get(i)) {
                    in = Math.max(in, out[p]);
                }
                in = in == 0 ? edgeBits() : in;
                b = new Bits(in, in, out[i], type);
            }
            result.add(l.withBits(b));
        }
        List<String> notes = new ArrayList<>(net.notes());
        notes.add("precision " + key() + ": " + describe());
        return new Network(suffix ? net.name() + "-" + key() : net.name(), result, notes);
    }

    /** One line saying what the variant does. */
    public String describe() {
        if (llm != null) {
            return llm.describe();
        }
        String p = precision.type() == NumberType.FLOAT ? precision.bits() + "-bit float" : precision.bits() + "-bit int";
        if (pact && precision.bits() < PACT_EDGE_BITS) {
            return p + " weights and activations, first and last GEMM layers at " + PACT_EDGE_BITS
                    + " bits (PACT)";
        }
        return p + " weights and activations in every layer";
    }
}
