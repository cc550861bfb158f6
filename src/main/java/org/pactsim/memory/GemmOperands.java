package org.pactsim.memory;

import org.pactsim.spec.MacRate;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;

/**
 * One core's share of a layer as the memory model sees it: {@code reps} GEMMs of
 * {@code m x n x k}, and the DRAM footprint of each operand in bits for one GEMM.
 * {@code aTensorBits} is the real input tensor (for a convolution, the input feature map, not
 * its im2col expansion: windows are expanded on chip), so an {@code Mt x Kt} tile of A takes
 * {@code aTensorBits * Mt*Kt / (m*k)} bits.
 *
 * @param outElemBits storage bits of one output value
 * @param accElemBits storage bits of one partial sum (the accumulator width)
 * @param rate        MACs per PE-cycle at the layer's precision on the PE (spec.PeThroughput)
 */
public record GemmOperands(long m, long n, long k, long reps, long aTensorBits, long bTensorBits,
                           int outElemBits, int accElemBits, ArraySpec array, Dataflow dataflow, MacRate rate) {

    /** Operands of a layer whose MACs run one per PE-cycle. */
    public GemmOperands(long m, long n, long k, long reps, long aTensorBits, long bTensorBits,
                        int outElemBits, int accElemBits, ArraySpec array, Dataflow dataflow) {
        this(m, n, k, reps, aTensorBits, bTensorBits, outElemBits, accElemBits, array, dataflow, MacRate.ONE);
    }

    /** Tile granularity of a dimension: the array side it is spread over, or 1 if temporal. */
    public long granularity(char dim) {
        return dim == dataflow.rowDim() ? array.rows() : dim == dataflow.colDim() ? array.cols() : 1;
    }

    /** The temporal dimension of the dataflow: k (os), m (ws) or n (is). */
    public char temporal() {
        return dataflow.temporalDim();
    }
}
