package org.pactsim.memory;

/** A candidate split of a layer among the cores, with its tiling, traffic (bits) and cycles. */
final class Choice {
    String split;
    int cores;
    Tiling tiling;
    long compute;
    long aRead;
    long bRead;
    long psumRead;
    long psumWrite;
    long outWrite;
    GemmOperands ops;
    long sharedA;
    long sharedB;
    long traffic;
    long cycles;
    /** Bytes of weights loaded to stay on chip (first inference). */
    long weightLoad;
    /** A reduction split's cycles to reduce the partial sums over the cores after the pipeline (0: none). */
    long reductionCycles;

    /** All bits the split moves over the DRAM interface (operands, partial sums, outputs). */
    long allBits() {
        return Math.addExact(Math.addExact(Math.addExact(aRead, bRead), Math.addExact(psumRead, psumWrite)), outWrite);
    }
}
