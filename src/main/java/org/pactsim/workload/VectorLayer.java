package org.pactsim.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pactsim.spec.Violations;

/**
 * A non-GEMM layer, run on the vector unit: pooling, residual add, activation, softmax,
 * layer norm, or the prepending of learned rows (ViT's class token). Its input is
 * {@code batch x inH x inW x inC}; softmax and layer norm work along {@code inC}.
 *
 * <ul>
 *   <li>maxpool/avgpool: window {@code kH x kW}, strides, symmetric padding; the output has
 *       the floor output size.</li>
 *   <li>add: the element-wise sum of the named inputs, or of one input and a learned tensor
 *       of the input's shape ({@code learned = inH*inW*inC}, a position embedding).</li>
 *   <li>concat: prepends {@code learned / (inH*inC)} learned rows along {@code inW} to one input;
 *       of two or more named inputs, joins them along channels ({@code parts}: each one's
 *       channels; {@code inC} is their sum, the output's).</li>
 *   <li>relu, relu6, gelu, silu, rope, softmax, layernorm, rmsnorm: same shape out; layer norm
 *       learns {@code 2*inC} parameters, RMS norm {@code inC}.</li>
 *   <li>slice: keeps {@code parts.get(0)} of the input's {@code inC} channels.</li>
 *   <li>cell: a recurrent cell's update, {@code inC = G x H} gate values to the
 *       {@code parts.get(0) = H}-wide state.</li>
 *   <li>bcast: an element-wise op of the first input and the second broadcast over it along H
 *       ({@code strideH = inH}) and/or W ({@code strideW = inW}).</li>
 *   <li>embed: the input is one token id per row; each output row is a row of a learned table
 *       of {@code learned} values ({@code learned / inC} rows), of which only the rows looked up
 *       are read.</li>
 * </ul>
 * {@code learned} elements are per sample and shared by the batch. Bits: the op reads its
 * input at {@code bits().activation()} and writes at {@code bits().output()}; it has no
 * weights, so the constructor sets {@code bits().weight()} to the activation width.
 */
public record VectorLayer(String name, VectorOp op, long batch, long inH, long inW, long inC,
                          long kH, long kW, long strideH, long strideW, long padH, long padW,
                          long learned, Bits bits, List<String> inputs, List<Long> parts) implements Layer {

    public VectorLayer {
        inputs = List.copyOf(inputs);
        parts = parts == null ? List.of() : List.copyOf(parts);
        long max = ConvLayer.MAX_DIM;
        Violations v = new Violations()
                .check(name != null && !name.isBlank(), "name", "a non-empty name", Violations.shown(name))
                .check(op != null, "type", "a vector op", "nothing")
                .between("batch", batch, 1, max)
                .between("inH", inH, 1, max).between("inW", inW, 1, max).between("inC", inC, 1, max)
                .between("kH", kH, 1, max).between("kW", kW, 1, max)
                .between("strideH", strideH, 1, max).between("strideW", strideW, 1, max)
                .between("padH", padH, 0, max).between("padW", padW, 0, max)
                .between("learned", learned, 0, Long.MAX_VALUE / 4)
                .check(bits != null, "bits", "bit widths", "nothing");
        if (v.isEmpty()) {
            check(v, op, inH, inW, inC, kH, kW, strideH, strideW, padH, padW, learned, inputs.size());
            checkParts(v, op, inC, inputs.size(), parts);
        }
        v.throwIfAny();
        if (bits.weight() != bits.activation()) {
            bits = new Bits(bits.activation(), bits.activation(), bits.output(), bits.type());
        }
    }

    /** A layer of any op but a channel concat (no parts). */
    public VectorLayer(String name, VectorOp op, long batch, long inH, long inW, long inC, long kH, long kW,
                       long strideH, long strideW, long padH, long padW, long learned, Bits bits, List<String> inputs) {
        this(name, op, batch, inH, inW, inC, kH, kW, strideH, strideW, padH, padW, learned, bits, inputs, List.of());
    }

    /**
     * The concatenation along channels of two or more named inputs of {@code batch x inH x inW}
     * with {@code parts} channels each: the output has {@code inC} = their sum.
     */
    public static VectorLayer concat(String name, long batch, long inH, long inW, List<Long> parts, Bits bits,
                                     List<String> inputs) {
        long sum = 0;
        for (long p : parts) {
            sum = Math.addExact(sum, p);
        }
        return new VectorLayer(name, VectorOp.CONCAT, batch, inH, inW, Math.max(1, sum), 1, 1, 1, 1, 0, 0, 0, bits,
                inputs, parts);
    }

    /** A recurrent cell update of {@code in.c()} gate values into a {@code hidden}-wide state. */
    public static VectorLayer cell(String name, Shape in, long hidden, Bits bits, List<String> inputs) {
        return new VectorLayer(name, VectorOp.CELL, in.batch(), in.h(), in.w(), in.c(), 1, 1, 1, 1, 0, 0, 0, bits,
                inputs, List.of(hidden));
    }

    /** Keeps {@code kept} of the input's {@code in.c()} channels. */
    public static VectorLayer slice(String name, Shape in, long kept, Bits bits, List<String> inputs) {
        return new VectorLayer(name, VectorOp.SLICE, in.batch(), in.h(), in.w(), in.c(), 1, 1, 1, 1, 0, 0, 0, bits,
                inputs, List.of(kept));
    }

    private static void checkParts(Violations v, VectorOp op, long inC, int named, List<Long> parts) {
        if (op == VectorOp.CELL) {
            long h = parts.size() == 1 ? parts.get(0) : 0;
            v.check(h >= 1 && inC % h == 0 && (inC / h == 1 || inC / h == 3 || inC / h == 4), "outC",
                    "the state's width H, with inC = G x H for G = 1 (RNN), 3 (GRU) or 4 (LSTM) gates; inC = " + inC,
                    parts.size() == 1 ? Long.toString(h) : parts.toString());
            return;
        }
        if (op == VectorOp.SLICE) {
            v.check(parts.size() == 1 && parts.get(0) >= 1 && parts.get(0) <= inC, "outC",
                    "the channels kept: 1 to inC = " + inC, parts.size() == 1 ? Long.toString(parts.get(0))
                            : parts.toString());
            return;
        }
        if (op != VectorOp.CONCAT || named < 2) {
            v.check(parts.isEmpty(), "parts", "no parts (only a concat of two or more inputs has them)",
                    parts.toString());
            return;
        }
        long sum = 0;
        boolean positive = true;
        for (long p : parts) {
            positive &= p >= 1;
            sum = positive ? Math.addExact(sum, p) : sum;
        }
        v.check(parts.size() == named && positive, "parts", "the channels of each of the " + named + " inputs (each >= 1: "
                + "its producer's output elements / (batch*inH*inW))", parts.toString())
         .check(!positive || sum == inC, "inC", "the output's channels, the sum of the inputs' " + parts + " = " + sum,
                 Long.toString(inC));
    }

    private static void check(Violations v, VectorOp op, long inH, long inW, long inC, long kH, long kW,
                              long strideH, long strideW, long padH, long padW, long learned, int named) {
        if (op == VectorOp.COL2IM) {
            long taps = Math.multiplyExact(kH, kW);
            v.check(inC % taps == 0, "inC", "a multiple of kH*kW = " + taps + " (kernel taps x output channels)",
                    Long.toString(inC))
             .check(padH < kH && padW < kW, "padH", "padding smaller than the kernel", padH + "/" + padW)
             .check((inH - 1) * strideH + kH - 2 * padH >= 1 && (inW - 1) * strideW + kW - 2 * padW >= 1, "padH",
                     "an output of at least 1x1", padH + "/" + padW);
        } else if (op == VectorOp.RESIZE) {
            v.check(padH == 0 && padW == 0, "padH", "no padding (0) on a resize layer", padH + "/" + padW)
             .check((kH == 1 || kH == 2 || kH == 4) && kW == kH, "kH", "the taps read per output: 1 (nearest), 2 (linear) "
                     + "or 4 (cubic), the same along both axes", kH + "x" + kW);
        } else if (op == VectorOp.BCAST) {
            v.check(kH == 1 && kW == 1 && padH == 0 && padW == 0, "kH", "no window and no padding on a bcast layer",
                    kH + "x" + kW + " pad " + padH + "/" + padW)
             .check(strideH == 1 || strideH == inH, "strideH", "1 or inH = " + inH + " (the second operand broadcast "
                     + "over H)", Long.toString(strideH))
             .check(strideW == 1 || strideW == inW, "strideW", "1 or inW = " + inW + " (the second operand broadcast "
                     + "over W)", Long.toString(strideW))
             .check(strideH > 1 || strideW > 1, "strideH", "a broadcast along H or W (strideH = inH or strideW = inW; "
                     + "operands of one shape are a mul or an add)", strideH + "x" + strideW);
        } else if (op.isPool()) {
            v.check(kH <= inH + 2 * padH, "kH", "<= padded input height " + (inH + 2 * padH), Long.toString(kH))
             .check(kW <= inW + 2 * padW, "kW", "<= padded input width " + (inW + 2 * padW), Long.toString(kW))
             .check(padH < kH && padW < kW, "padH", "padding smaller than the window", padH + "/" + padW);
        } else {
            v.check(kH == 1 && kW == 1, "kH", "no window (1) on a " + op.key() + " layer", kH + "x" + kW)
             .check(strideH == 1 && strideW == 1, "strideH", "no stride (1) on a " + op.key() + " layer",
                     strideH + "x" + strideW)
             .check(padH == 0 && padW == 0, "padH", "no padding (0) on a " + op.key() + " layer", padH + "/" + padW);
        }
        long plane = Math.multiplyExact(Math.multiplyExact(inH, inW), inC);
        switch (op) {
            case ADD:
                if (named >= 2) {
                    v.check(learned == 0, "learned", "0 when add names two or more inputs", Long.toString(learned));
                } else {
                    v.check(learned == plane, "learned", "a second operand: two inputs, or learned = inH*inW*inC = "
                            + plane, Long.toString(learned));
                }
                break;
            case MUL:
                v.check(named >= 2, "inputs", "two or more inputs for mul", named + " inputs")
                 .check(learned == 0, "learned", "0 on a mul layer (its operands are named inputs)", Long.toString(learned));
                break;
            case SLICE:
            case CELL:
                v.check(named <= 1, "inputs", "at most one input for " + op.key(), named + " inputs")
                 .check(learned == 0, "learned", "0 on a " + op.key() + " layer", Long.toString(learned));
                break;
            case BCAST:
                v.check(named == 2, "inputs", "two inputs for bcast (the activation, then the one broadcast over it)",
                        named + " inputs")
                 .check(learned == 0, "learned", "0 on a bcast layer (its operands are named inputs)", Long.toString(learned));
                break;
            case SCALE:
                v.check(named <= 1, "inputs", "at most one input for scale", named + " inputs")
                 .check(learned >= 1 && learned <= plane, "learned", "the constants broadcast over the input: 1 to "
                         + "inH*inW*inC = " + plane, Long.toString(learned));
                break;
            case EMBED:
                v.check(named <= 1, "inputs", "at most one input (the token ids) for embed", named + " inputs")
                 .check(learned > 0 && learned % inC == 0, "learned", "the table: a positive multiple of inC = " + inC
                         + " (vocabulary rows of inC values)", Long.toString(learned));
                break;
            case CONCAT:
                if (named >= 2) {
                    v.check(learned == 0, "learned", "0 on a concat of named inputs (learned rows are prepended to "
                            + "one input)", Long.toString(learned));
                    break;
                }
                v.check(learned > 0 && learned % Math.multiplyExact(inH, inC) == 0, "learned",
                         "a positive multiple of inH*inC = " + inH * inC + " (whole learned rows)", Long.toString(learned));
                break;
            default:
                v.check(named <= 1, "inputs", "at most one input for " + op.key(), named + " inputs")
                 .check(learned == 0, "learned", "0 on a " + op.key() + " layer", Long.toString(learned));
        }
    }

    /** An op without window (add, concat, activations, softmax, layer norm). */
    public static VectorLayer of(String name, VectorOp op, Shape in, long learned, Bits bits, List<String> inputs) {
        return new VectorLayer(name, op, in.batch(), in.h(), in.w(), in.c(), 1, 1, 1, 1, 0, 0, learned, bits, inputs);
    }

    @Override
    public Gemm lower(OutputRounding rounding) {
        throw new UnsupportedOperationException("layer " + name + " (" + op.key()
                + ") is not a GEMM: it runs on the vector unit");
    }

    @Override
    public long macs() {
        return 0;
    }

    @Override
    public String type() {
        return op.key();
    }

    /** The operand as produced: {@code batch x inH x inW x inC}; an embed's token ids, one per row. */
    public Shape inputShape() {
        return new Shape(batch, inH, inW, op == VectorOp.EMBED ? 1 : inC);
    }

    @Override
    public Shape outputShape() {
        if (op.isPool()) {
            OutputRounding r = OutputRounding.FLOOR;
            return new Shape(batch, r.outputSize(inH + 2 * padH, kH, strideH),
                    r.outputSize(inW + 2 * padW, kW, strideW), inC);
        }
        if (op == VectorOp.CONCAT) {
            return new Shape(batch, inH, Math.addExact(inW, learned / (inH * inC)), inC);
        }
        if (op == VectorOp.RESIZE) {
            return new Shape(batch, Math.multiplyExact(inH, strideH), Math.multiplyExact(inW, strideW), inC);
        }
        if (op == VectorOp.SLICE || op == VectorOp.CELL) {
            return new Shape(batch, inH, inW, parts.get(0));
        }
        if (op == VectorOp.COL2IM) {
            return new Shape(batch, Math.addExact(Math.multiplyExact(inH - 1, strideH), kH) - 2 * padH,
                    Math.addExact(Math.multiplyExact(inW - 1, strideW), kW) - 2 * padW, inC / (kH * kW));
        }
        return new Shape(batch, inH, inW, inC);
    }

    /** Operands fed by layers (an add's learned operand is not one of them). */
    public int namedOperands() {
        if (op == VectorOp.CONCAT && !parts.isEmpty()) {
            return parts.size();
        }
        return (op == VectorOp.ADD && learned == 0) || op == VectorOp.MUL || op == VectorOp.BCAST
                ? Math.max(2, inputs.size()) : 1;
    }

    @Override
    public List<Shape> operandShapes() {
        List<Shape> s = new ArrayList<>(Collections.nCopies(namedOperands(), inputShape()));
        if (op == VectorOp.BCAST) {
            s.set(1, new Shape(batch, inH / strideH, inW / strideW, inC));
        }
        for (int i = 0; op == VectorOp.CONCAT && i < parts.size(); i++) {
            s.set(i, new Shape(batch, inH, inW, parts.get(i)));
        }
        return s;
    }

    /** Element operations: what the lanes process, one per lane per cycle. */
    public long work() {
        long out = outputShape().elements();
        switch (op) {
            case MAXPOOL:
            case AVGPOOL:
                return Math.multiplyExact(out, Math.multiplyExact(kH, kW));
            case ADD:
            case MUL:
                return Math.multiplyExact(out, learned > 0 ? 1 : namedOperands() - 1);
            case CONCAT:
                return out;
            case CELL:
                return Math.addExact(inputShape().elements(), Math.multiplyExact(3, out));
            case COL2IM:
                return inputShape().elements(); // every GEMM result added once into the output
            case RESIZE:
                return Math.multiplyExact(out, Math.multiplyExact(kH, kW)); // the taps each output interpolates
            default:
                return Math.multiplyExact(out, op.passes());
        }
    }

    /** Elements read from the operands produced by layers. */
    public long activationReads() {
        long sum = 0;
        for (int s = 0; s < namedOperands(); s++) {
            sum = Math.addExact(sum, operandReads(s));
        }
        return sum;
    }

    /** Elements read from operand {@code s}: all of it, but for a slice only the part it keeps. */
    public long operandReads(int s) {
        if (op == VectorOp.CELL) {
            return Math.addExact(inputShape().elements(), outputShape().elements()); // the gates and the old state
        }
        return op == VectorOp.SLICE ? outputShape().elements() : operandShapes().get(s).elements();
    }

    /** Elements of learned data read (position embedding, class token, norm scale and shift). */
    public long learnedReads() {
        if (op == VectorOp.LAYERNORM) {
            return 2 * inC;
        }
        if (op == VectorOp.RMSNORM) {
            return inC;
        }
        if (op == VectorOp.EMBED) {
            return outputShape().elements(); // the rows of the batch's tokens, not the whole table
        }
        if (op == VectorOp.SCALE) {
            return learned; // constants shared by every image of the batch
        }
        return Math.multiplyExact(learned, batch);
    }

    @Override
    public long params() {
        return op == VectorOp.LAYERNORM ? 2 * inC : op == VectorOp.RMSNORM ? inC : learned;
    }

    @Override
    public long weightElements() {
        return 0;
    }

    @Override
    public VectorLayer withBits(Bits b) {
        return new VectorLayer(name, op, batch, inH, inW, inC, kH, kW, strideH, strideW, padH, padW, learned, b,
                inputs, parts);
    }
}
