package org.pactsim.memory;

import static java.lang.Math.addExact;

/**
 * A layer's split among the cores as run: the split, its cycles through the tile pipeline (with
 * any reduction and output write after it), its DRAM bytes, and the bytes of weights it loads to
 * keep on chip (first inference).
 */
record Choice(Choice.Candidate split, long cycles, long traffic, long weightLoad) {

    /** The same run, {@code more} cycles longer (evicted tensors written out first). */
    Choice plusCycles(long more) {
        return new Choice(split, addExact(cycles, more), traffic, weightLoad);
    }

    /**
     * A candidate split of a layer among the cores: one core's share ({@code ops}) tiled, and the
     * layer's DRAM traffic in bits over all cores.
     *
     * @param how             the division among the cores
     * @param cores           cores that work
     * @param compute         one core's array cycles, a reduction split's reduction included
     * @param sharedA         copies of the input tiles read ({@code 1}: broadcast to all cores)
     * @param sharedB         copies of the weight tiles read
     * @param reductionCycles a reduction split's cycles to reduce the partial sums over the cores
     *                        after the pipeline (0: none)
     * @param nocBits         bit-hops on the on-chip network: the reduction's, and the deliveries'
     * @param noc             what the operands' delivery over the network costs ({@link Delivery})
     */
    record Candidate(org.pactsim.mapping.Split how, int cores, Tiling tiling, long compute, long aRead, long bRead, long psumRead,
                 long psumWrite, long outWrite, GemmOperands ops, long sharedA, long sharedB, long reductionCycles,
                 long nocBits, Delivery.Cost noc) {

        /** A split with nothing on the network but a reduction's {@code reductionBits}. */
        Candidate(org.pactsim.mapping.Split how, int cores, Tiling tiling, long compute, long aRead, long bRead, long psumRead,
              long psumWrite, long outWrite, GemmOperands ops, long sharedA, long sharedB, long reductionCycles,
              long reductionBits) {
            this(how, cores, tiling, compute, aRead, bRead, psumRead, psumWrite, outWrite, ops, sharedA, sharedB,
                    reductionCycles, reductionBits, Delivery.Cost.NONE);
        }

        /** The same split with its operands' delivery: gathers before the compute count as on-chip work. */
        Candidate with(Delivery.Cost d) {
            return new Candidate(how, cores, tiling, addExact(compute, d.before()), aRead, bRead, psumRead, psumWrite,
                    outWrite, ops, sharedA, sharedB, reductionCycles, addExact(nocBits, d.bits()), d);
        }
    }
}
