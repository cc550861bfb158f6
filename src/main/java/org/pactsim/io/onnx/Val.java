package org.pactsim.io.onnx;

/**
 * What the importer knows of one ONNX value while walking the graph: its dims (ONNX order,
 * null when unknown), element type, folded values when it is a small integer constant, the
 * trace layer whose output it carries (null: the network input or a constant), and the
 * quantization that produced it.
 *
 * @param quant      for the output of a DequantizeLinear (or a value passed on from one), the
 *                   integer type it was dequantized from; null for plain values
 * @param perChannel whether that dequantization had one scale per channel
 * @param constant   whether the value depends on initializers and constants only
 * @param pad        spatial zero padding of an explicit Pad still to be folded into the next
 *                   convolution or pool: {top, left, bottom, right}, or null
 */
record Val(long[] dims, ElemType elem, long[] ints, String layer, ElemType quant, boolean perChannel,
           boolean constant, long[] pad) {

    static Val constant(long[] dims, ElemType elem, long[] ints) {
        return new Val(dims, elem, ints, null, null, false, true, null);
    }

    Val withDims(long[] d) {
        return new Val(d, elem, ints, layer, quant, perChannel, constant, pad);
    }

    Val withInts(long[] d, long[] v) {
        return new Val(d, elem, v, layer, quant, perChannel, constant, pad);
    }

    /** The width this value is read at: the quantized type's when it was dequantized. */
    ElemType storage() {
        return quant != null ? quant : elem;
    }

    long elements() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    int rank() {
        return dims.length;
    }
}
