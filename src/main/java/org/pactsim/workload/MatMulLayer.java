package org.pactsim.workload;

import java.util.List;
import org.pactsim.spec.Violations;

/**
 * A matrix product {@code O[MxN] = A[MxK] * B[KxN]}, {@code count} independent times.
 * {@link Kind#LINEAR}: B is a weight matrix shared by all {@code count} products (fully
 * connected layer, SCALE-Sim GEMM row), with {@code n} biases when {@code bias}.
 * {@link Kind#MATMUL}: both operands are activations (attention scores and context); its
 * {@code bits().weight()} is the width of B. {@code quant}: how a LINEAR layer's weights are
 * stored and fed ({@link WeightQuant#NONE} but for a quantized LLM).
 */
public record MatMulLayer(String name, Kind kind, long count, long m, long n, long k,
                          Bits bits, List<String> inputs, boolean bias, WeightQuant quant) implements Layer {

    /** Whether the second operand is a stored weight or a computed activation. */
    public enum Kind { LINEAR, MATMUL }

    public MatMulLayer {
        inputs = List.copyOf(inputs);
        new Violations()
                .check(name != null && !name.isBlank(), "name", "a non-empty name", Violations.shown(name))
                .check(kind != null, "kind", "linear or matmul", "nothing")
                .between("count", count, 1, ConvLayer.MAX_DIM)
                .between("m", m, 1, ConvLayer.MAX_DIM)
                .between("n", n, 1, ConvLayer.MAX_DIM)
                .between("k", k, 1, ConvLayer.MAX_DIM)
                .check(bits != null, "bits", "bit widths", "nothing")
                .check(!bias || kind == Kind.LINEAR, "bias", "no bias on an activation-activation matmul", "a bias")
                .check(quant != null, "quant", "a weight quantization", "nothing")
                .check(quant == null || quant.isNone() || kind == Kind.LINEAR, "quant",
                        "no weight quantization on an activation-activation matmul", String.valueOf(quant))
                .throwIfAny();
    }

    /** A product without weight quantization. */
    public MatMulLayer(String name, Kind kind, long count, long m, long n, long k, Bits bits, List<String> inputs,
                       boolean bias) {
        this(name, kind, count, m, n, k, bits, inputs, bias, WeightQuant.NONE);
    }

    /** A product without bias. */
    public MatMulLayer(String name, Kind kind, long count, long m, long n, long k, Bits bits, List<String> inputs) {
        this(name, kind, count, m, n, k, bits, inputs, false);
    }

    /**
     * The GEMM the array runs. The {@code count} products of a LINEAR layer share their weights,
     * so they are one GEMM of {@code count * m} rows: the weights are loaded once and the rows
     * stream past them, as a batch does. A MATMUL's products have their own B each: {@code count}
     * repeats of an {@code m x k x n} GEMM.
     */
    @Override
    public Gemm lower(OutputRounding rounding) {
        return kind == Kind.LINEAR ? new Gemm(Math.multiplyExact(count, m), n, k, 1) : new Gemm(m, n, k, count);
    }

    @Override
    public String type() {
        return kind == Kind.LINEAR ? "fc" : "matmul";
    }

    @Override
    public Shape outputShape() {
        return new Shape(1, count, m, n);
    }

    @Override
    public List<Shape> operandShapes() {
        Shape a = new Shape(1, count, m, k);
        return kind == Kind.LINEAR ? List.of(a) : List.of(a, new Shape(1, count, k, n));
    }

    @Override
    public long params() {
        return kind == Kind.LINEAR ? Math.addExact(weightElements(), bias ? n : 0) : 0;
    }

    @Override
    public long weightElements() {
        return kind == Kind.LINEAR ? Math.multiplyExact(k, n) : 0;
    }

    @Override
    public MatMulLayer withBits(Bits b) {
        return new MatMulLayer(name, kind, count, m, n, k, b, inputs, bias, quant);
    }

    /** The same layer with another weight quantization. */
    public MatMulLayer withQuant(WeightQuant q) {
        return new MatMulLayer(name, kind, count, m, n, k, bits, inputs, bias, q);
    }

    /** The same layer with other sizes (a batch, a sub-batch). */
    public MatMulLayer resized(long newCount, long newM) {
        return new MatMulLayer(name, kind, newCount, newM, n, k, bits, inputs, bias, quant);
    }

    /** Bits of the stored weights and their group scales; 0 for an activation-activation matmul. */
    public long storedWeightBits() {
        if (kind != Kind.LINEAR) {
            return 0;
        }
        return Math.addExact(Math.multiplyExact(Math.multiplyExact(k, n), (long) bits.weight()), quant.scaleBits(k, n));
    }
}
