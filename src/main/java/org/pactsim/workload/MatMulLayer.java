package org.pactsim.workload;

import java.util.List;
import org.pactsim.spec.Violations;

/**
 * A matrix product {@code O[MxN] = A[MxK] * B[KxN]}, {@code count} independent times.
 * {@link Kind#LINEAR}: B is a weight matrix (fully connected layer, SCALE-Sim GEMM row).
 * {@link Kind#MATMUL}: both operands are activations (attention scores and context).
 */
public record MatMulLayer(String name, Kind kind, long count, long m, long n, long k,
                          Bits bits, List<String> inputs) implements Layer {

    /** Whether the second operand is a stored weight or a computed activation. */
    public enum Kind { LINEAR, MATMUL }

    public MatMulLayer {
        inputs = List.copyOf(inputs);
        new Violations()
                .check(name != null && !name.isBlank(), "name", "a non-empty name", String.valueOf(name))
                .check(kind != null, "kind", "linear or matmul", "nothing")
                .between("count", count, 1, ConvLayer.MAX_DIM)
                .between("m", m, 1, ConvLayer.MAX_DIM)
                .between("n", n, 1, ConvLayer.MAX_DIM)
                .between("k", k, 1, ConvLayer.MAX_DIM)
                .check(bits != null, "bits", "bit widths", "nothing")
                .throwIfAny();
    }

    @Override
    public Gemm lower(OutputRounding rounding) {
        return new Gemm(m, n, k, count);
    }

    @Override
    public String type() {
        return kind == Kind.LINEAR ? "fc" : "matmul";
    }
}
