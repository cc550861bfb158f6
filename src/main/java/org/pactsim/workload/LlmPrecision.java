package org.pactsim.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pactsim.spec.NumberType;

/**
 * The precision of an LLM's weights and activations, as the LLM quantization literature names
 * them: {@code wXaY} is X-bit integer weights and Y-bit activations. Weight-only variants
 * ({@code w4a16}, {@code w8a16}: GPTQ, AWQ) and {@code w4a8} (QServe) keep one 16-bit scale per
 * group of {@code groupSize} weights along K; {@code w8a8} (SmoothQuant) and {@code w4a4} use
 * per-channel scales (folded into the output path, no extra bytes). {@code fp8} (e4m3) and
 * {@code fp16} are float throughout. 16-bit activations are modelled as 16-bit integers: an
 * integer datapath of that width (an fp16 one is larger; {@code docs/llm.md}).
 */
public enum LlmPrecision {
    W4A16(4, 16, NumberType.INT, true),
    W8A16(8, 16, NumberType.INT, true),
    W4A8(4, 8, NumberType.INT, true),
    W8A8(8, 8, NumberType.INT, false),
    W4A4(4, 4, NumberType.INT, false),
    FP8(8, 8, NumberType.FLOAT, false),
    FP16(16, 16, NumberType.FLOAT, false);

    /** Bits of one group scale (an fp16 scale, as GPTQ and AWQ store them). */
    public static final int SCALE_BITS = 16;

    private final int weightBits;
    private final int activationBits;
    private final NumberType type;
    private final boolean grouped;

    LlmPrecision(int weightBits, int activationBits, NumberType type, boolean grouped) {
        this.weightBits = weightBits;
        this.activationBits = activationBits;
        this.type = type;
        this.grouped = grouped;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int weightBits() {
        return weightBits;
    }

    public int activationBits() {
        return activationBits;
    }

    public NumberType type() {
        return type;
    }

    /** Whether the weights carry group-wise scales. */
    public boolean grouped() {
        return grouped;
    }

    /** Whether weights are narrower than activations (a weight-only or W4A8 scheme). */
    public boolean weightOnly() {
        return weightBits < activationBits;
    }

    /** The variant of a key ({@code w4a16}), or null. */
    public static LlmPrecision parse(String s) {
        for (LlmPrecision p : values()) {
            if (p.key().equals(s)) {
                return p;
            }
        }
        return null;
    }

    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(LlmPrecision::key).toList();
    }

    /** The kinds of layer a precision can be set for. */
    public enum Kind { ATTENTION, MLP, LM_HEAD, MATMULS, VECTOR }

    /** The kind of a layer of a {@link org.pactsim.workload.zoo.Decoder} network, by its name. */
    public static Kind kind(String layer) {
        if (layer.equals("lm_head")) {
            return Kind.LM_HEAD;
        }
        if (layer.endsWith(".attn.scores") || layer.endsWith(".attn.context")) {
            return Kind.MATMULS;
        }
        if (layer.endsWith(".attn.q") || layer.endsWith(".attn.k") || layer.endsWith(".attn.v")
                || layer.endsWith(".attn.o")) {
            return Kind.ATTENTION;
        }
        if (layer.endsWith(".mlp.gate") || layer.endsWith(".mlp.up") || layer.endsWith(".mlp.down")) {
            return Kind.MLP;
        }
        return Kind.VECTOR;
    }

    /**
     * A whole plan: the precision of the attention projections (Q, K, V, O), of the MLP (gate,
     * up, down) and of the LM head, the KV cache's bits, the weight group size (0: no group
     * scales) and whether weight-only layers dequantize before the array
     * ({@link WeightQuant#dequantize}) or run on a mixed-width PE. The attention matmuls read Q
     * and the softmax at {@code matmulBits} (by default the attention's activation width) and K and V
     * at {@code kvBits}; the
     * vector layers run at the wider activation width of the two. All three precisions are of
     * one kind (integer or float): the PE runs one.
     */
    public record Plan(LlmPrecision attention, LlmPrecision mlp, LlmPrecision head, int kvBits, int matmulBits,
                       long groupSize, boolean dequantize) {
        public Plan {
            if (attention.type() == NumberType.FLOAT && kvBits != 8 && kvBits != 16) {
                throw new org.pactsim.spec.SpecException("--kv-bits", "8 or 16 with a float variant (" + attention.key()
                        + "): the cache is stored as floats", Integer.toString(kvBits));
            }
            if (attention.type() == NumberType.FLOAT && matmulBits != 8 && matmulBits != 16) {
                throw new org.pactsim.spec.SpecException("--matmul-bits", "8 or 16 with a float variant ("
                        + attention.key() + ")", Integer.toString(matmulBits));
            }
            for (Object[] o : new Object[][] {{"--mlp", mlp}, {"--lm-head", head}}) {
                LlmPrecision p = (LlmPrecision) o[1];
                if (p.type() != attention.type()) {
                    throw new org.pactsim.spec.SpecException((String) o[0], "a variant of the attention's kind ("
                            + (attention.type() == NumberType.FLOAT ? "fp8 or fp16" : "an integer wXaY")
                            + "): the PE runs one", p.key());
                }
            }
            new org.pactsim.spec.Violations().between("--kv-bits", kvBits, 1, 16).between("--matmul-bits", matmulBits, 1, 16)
                    .between("--group-size", groupSize, 0, 1L << 20).throwIfAny();
        }

        /** The attention matmuls' Q and softmax at the attention's activation width. */
        public Plan(LlmPrecision attention, LlmPrecision mlp, LlmPrecision head, int kvBits, long groupSize,
                    boolean dequantize) {
            this(attention, mlp, head, kvBits, attention.activationBits(), groupSize, dequantize);
        }

                /** The same precision for the attention and the MLP. */
        public Plan(LlmPrecision body, LlmPrecision head, int kvBits, long groupSize, boolean dequantize) {
            this(body, body, head, kvBits, groupSize, dequantize);
        }

        /** The body everywhere, the cache at the activation width, groups of 128, dequantized. */
        public static Plan of(LlmPrecision p) {
            return new Plan(p, p, p.activationBits(), 128, true);
        }

        /** The wider of the attention's and the MLP's precisions (activations, then weights): what the PEs must run. */
        public LlmPrecision body() {
            if (mlp.activationBits() != attention.activationBits()) {
                return mlp.activationBits() > attention.activationBits() ? mlp : attention;
            }
            return mlp.weightBits() > attention.weightBits() ? mlp : attention;
        }

        /** The weight width the PEs multiply: the activation width when weight-only layers dequantize. */
        public int peWeightBits() {
            LlmPrecision b = body();
            return dequantize ? b.activationBits() : Math.max(attention.weightBits(), mlp.weightBits());
        }

        /**
         * A short key: {@code w4a16}, {@code w4a16-kv4}, {@code attn-w8a8-mlp-w4a8}, {@code w4a16-head-w8a16},
         * {@code w4a16-mixed} (weight-only layers on a mixed-width PE).
         */
        public String key() {
            String k = attention == mlp ? attention.key() : "attn-" + attention.key() + "-mlp-" + mlp.key();
            boolean weightOnly = attention.weightOnly() || mlp.weightOnly() || head.weightOnly();
            return k + (head != mlp ? "-head-" + head.key() : "")
                    + (kvBits != attention.activationBits() ? "-kv" + kvBits : "")
                    + (matmulBits != attention.activationBits() ? "-mm" + matmulBits : "")
                    + (weightOnly && !dequantize ? "-mixed" : "");
        }

        public String describe() {
            LlmPrecision b = body();
            String w = attention.weightOnly() || mlp.weightOnly() ? ", weights " + (dequantize ? "dequantized to the"
                    + " activation width before the array" : "multiplied at their width (mixed-width PE)") : "";
            String g = (attention.grouped() || mlp.grouped()) && groupSize > 0 ? ", one " + SCALE_BITS
                    + "-bit scale per " + groupSize + " weights" : "";
            String body = attention == mlp ? b.key() + " projections and MLP" : attention.key() + " attention projections, "
                    + mlp.key() + " MLP";
            return body + ", " + head.key() + " LM head, KV cache at " + kvBits + " bits, attention matmuls' Q and"
                    + " softmax at " + matmulBits + g + w;
        }

        WeightQuant quant(LlmPrecision p) {
            long g = p.grouped() ? groupSize : 0;
            return new WeightQuant(g, g > 0 ? SCALE_BITS : 0, dequantize && p.weightOnly());
        }

        /** {@code net} (a decoder at 8 bits) with every layer's bits set by this plan. */
        public Network apply(Network net) {
            int act = Math.max(attention.activationBits(), mlp.activationBits());
            NumberType t = attention.type();
            List<Layer> out = new ArrayList<>(net.layers().size());
            for (Layer l : net.layers()) {
                String n = l.name();
                boolean toCache = n.endsWith(".attn.k") || n.endsWith(".attn.k_rope") || n.endsWith(".attn.v");
                int outBits = toCache ? kvBits : act;
                Layer r;
                switch (kind(n)) {
                    case ATTENTION:
                        r = ((MatMulLayer) l.withBits(new Bits(attention.weightBits(), attention.activationBits(),
                                toCache ? kvBits : attention.activationBits(), t))).withQuant(quant(attention));
                        break;
                    case MLP:
                        r = ((MatMulLayer) l.withBits(new Bits(mlp.weightBits(), mlp.activationBits(), mlp.activationBits(),
                                t))).withQuant(quant(mlp));
                        break;
                    case LM_HEAD:
                        r = ((MatMulLayer) l.withBits(new Bits(head.weightBits(), head.activationBits(),
                                head.activationBits(), t))).withQuant(quant(head));
                        break;
                    case MATMULS:
                        r = l.withBits(new Bits(kvBits, matmulBits, matmulBits, t));
                        break;
                    default:
                        r = l.withBits(new Bits(act, act, outBits, t));
                        break;
                }
                out.add(r);
            }
            List<String> notes = new ArrayList<>(net.notes());
            notes.add("precision " + key() + ": " + describe());
            return new Network(net.name() + "-" + key(), out, notes);
        }
    }
}
