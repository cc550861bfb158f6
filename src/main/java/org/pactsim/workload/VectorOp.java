package org.pactsim.workload;

import java.util.Locale;

/**
 * The operations of the vector unit (everything that is not a GEMM). {@code passes} is how
 * many times the unit sweeps each element: softmax takes three (max, exponent-and-sum,
 * normalise), layer norm two (mean-and-variance, normalise), everything else one.
 */
public enum VectorOp {
    MAXPOOL(1), AVGPOOL(1), ADD(1), CONCAT(1), RELU(1), RELU6(1), GELU(1), SOFTMAX(3), LAYERNORM(2),
    /** Element-wise product (or quotient) of two or more activations of one shape. */
    MUL(1),
    /**
     * Element-wise op of one activation with constants broadcast over it ({@code learned} of
     * them): a batch norm that cannot fold into its GEMM, a multiply, divide, add or subtract of
     * a constant.
     */
    SCALE(1),
    /**
     * The scatter-add that completes a transposed convolution: its GEMM gives each input pixel
     * {@code kH*kW} rows of output channels ({@code inC = kH*kW*C}), each added into the output
     * at {@code stride} apart; the output is {@code (inH-1)*strideH + kH - 2*padH} high, as
     * wide, with {@code C} channels.
     */
    COL2IM(1),
    /**
     * Upsampling by whole factors ({@code strideH x strideW}: the output is
     * {@code inH*strideH x inW*strideW}); each output element reads {@code kH x kW} inputs (1x1
     * nearest, 2x2 bilinear, 4x4 bicubic).
     */
    RESIZE(1),
    /** Root-mean-square norm (Llama, Qwen): sum of squares, then normalise; learns {@code inC} scales. */
    RMSNORM(2),
    /**
     * Rotary position embedding (Su et al., arXiv 2104.09864) of queries or keys: each pair of
     * elements rotated by its position's angle, {@code x*cos + rot(x)*sin}: two passes.
     */
    ROPE(2),
    /** SiLU (swish), {@code x * sigmoid(x)}: the gate of a SwiGLU MLP. */
    SILU(1),
    /**
     * Embedding lookup: the input is {@code batch x inH x inW} token ids; each reads one row of
     * {@code inC} values from a table of {@code learned / inC} rows.
     */
    EMBED(1),
    /**
     * An element-wise op (product, quotient, sum or difference) of an activation and a second
     * activation broadcast over it along H ({@code strideH = inH}) and/or W
     * ({@code strideW = inW}): the second operand is {@code batch x inH/strideH x inW/strideW x
     * inC}. Squeeze-and-excitation's channel gate ({@code 1 x 1 x C}), an attention mask.
     */
    BCAST(1),
    /**
     * Part of one input kept along its channels ({@code outC} of {@code inC}): an ONNX Slice,
     * one output of a Split, a Gather of activations. Reads and writes the kept elements only.
     */
    SLICE(1),
    /**
     * A recurrent cell's update at one time step (LSTM: 4 gates, GRU: 3, RNN: 1): reads the
     * {@code inC = G x H} gate pre-activations and the previous {@code H}-wide state, applies
     * the gate functions (one pass over the gates) and the state update (three operations per
     * state element: LSTM's {@code c = f*c + i*g}, {@code h = o*tanh(c)}; GRU's
     * {@code h = (1-z)*n + z*h}), writes the new {@code outC = H}-wide state.
     */
    CELL(1);

    private final int passes;

    private final String key;

    VectorOp(int passes) {
        this.passes = passes;
        this.key = name().toLowerCase(Locale.ROOT);
    }

    public int passes() {
        return passes;
    }

    /** The trace type name. */
    public String key() {
        return key;
    }

    public boolean isPool() {
        return this == MAXPOOL || this == AVGPOOL;
    }

    /** Whether the op has a window ({@code kH kW strideH strideW padH padW}): pools, col2im and resize. */
    public boolean hasWindow() {
        return isPool() || this == COL2IM || this == RESIZE;
    }

    /** Whether the op has strides ({@code strideH strideW}): the windowed ops and bcast's broadcast factors. */
    public boolean hasStride() {
        return hasWindow() || this == BCAST;
    }

    /** The op for a trace type name, or null. */
    public static VectorOp parse(String s) {
        for (VectorOp o : values()) {
            if (o.key().equals(s)) {
                return o;
            }
        }
        return null;
    }
}
