package org.pactsim.workload;

import java.util.List;
import org.pactsim.spec.Violations;

/**
 * A 2-D convolution on an NHWC input with symmetric zero padding {@code padH}/{@code padW}
 * on each side and {@code groups} groups ({@code groups == inC == outC} is depthwise).
 * Lowered by im2col: {@code M = batch*outH*outW}, {@code K = kH*kW*inC/groups},
 * {@code N = outC/groups}, repeated {@code groups} times. {@code bias}: one bias per output
 * channel (a batch norm folded into the convolution leaves one).
 */
public record ConvLayer(
        String name, long batch, long inH, long inW, long inC, long outC,
        long kH, long kW, long strideH, long strideW, long padH, long padW, long groups,
        Bits bits, List<String> inputs, boolean bias) implements Layer {

    /** Largest dimension accepted: 2^31 keeps every product of up to three inside a long. */
    public static final long MAX_DIM = Integer.MAX_VALUE;

    public ConvLayer {
        inputs = List.copyOf(inputs);
        Violations v = new Violations()
                .check(name != null && !name.isBlank(), "name", "a non-empty name", Violations.shown(name))
                .between("batch", batch, 1, MAX_DIM)
                .between("inH", inH, 1, MAX_DIM).between("inW", inW, 1, MAX_DIM)
                .between("inC", inC, 1, MAX_DIM).between("outC", outC, 1, MAX_DIM)
                .between("kH", kH, 1, MAX_DIM).between("kW", kW, 1, MAX_DIM)
                .between("strideH", strideH, 1, MAX_DIM).between("strideW", strideW, 1, MAX_DIM)
                .between("padH", padH, 0, MAX_DIM).between("padW", padW, 0, MAX_DIM)
                .between("groups", groups, 1, MAX_DIM)
                .check(bits != null, "bits", "bit widths", "nothing");
        if (v.isEmpty()) {
            v.check(kH <= inH + 2 * padH, "kH", "<= padded input height " + (inH + 2 * padH), Long.toString(kH))
             .check(kW <= inW + 2 * padW, "kW", "<= padded input width " + (inW + 2 * padW), Long.toString(kW))
             .check(inC % groups == 0, "groups", "a divisor of inC " + inC, Long.toString(groups))
             .check(outC % groups == 0, "groups", "a divisor of outC " + outC, Long.toString(groups));
        }
        v.throwIfAny();
    }

    /** A convolution without bias. */
    public ConvLayer(String name, long batch, long inH, long inW, long inC, long outC,
                     long kH, long kW, long strideH, long strideW, long padH, long padW, long groups,
                     Bits bits, List<String> inputs) {
        this(name, batch, inH, inW, inC, outC, kH, kW, strideH, strideW, padH, padW, groups, bits, inputs, false);
    }

    public long outH(OutputRounding r) {
        return r.outputSize(inH + 2 * padH, kH, strideH);
    }

    public long outW(OutputRounding r) {
        return r.outputSize(inW + 2 * padW, kW, strideW);
    }

    public boolean isDepthwise() {
        return groups > 1 && groups == inC && groups == outC;
    }

    @Override
    public Gemm lower(OutputRounding r) {
        long m = Math.multiplyExact(batch, Math.multiplyExact(outH(r), outW(r)));
        long k = Math.multiplyExact(Math.multiplyExact(kH, kW), inC / groups);
        return new Gemm(m, outC / groups, k, groups);
    }

    @Override
    public String type() {
        return isDepthwise() ? "dwconv" : "conv";
    }

    /** Weight elements (parameters without bias). */
    public long weightCount() {
        return Math.multiplyExact(Math.multiplyExact(kH, kW), Math.multiplyExact(inC / groups, outC));
    }

    @Override
    public Shape outputShape() {
        return new Shape(batch, outH(OutputRounding.FLOOR), outW(OutputRounding.FLOOR), outC);
    }

    @Override
    public List<Shape> operandShapes() {
        return List.of(new Shape(batch, inH, inW, inC));
    }

    @Override
    public long params() {
        return Math.addExact(weightCount(), bias ? outC : 0);
    }

    @Override
    public long weightElements() {
        return weightCount();
    }

    @Override
    public ConvLayer withBits(Bits b) {
        return new ConvLayer(name, batch, inH, inW, inC, outC, kH, kW, strideH, strideW, padH, padW, groups, b,
                inputs, bias);
    }
}
