package org.pactsim.engine.reference;

import java.util.List;

/**
 * What the two cores whose folds overlap share ({@link PipelinedStationaryCore},
 * {@link WavefrontOsCore}): several folds' slots are in the array at once, so every operand
 * register, and every edge feeder, carries the index of the fold its slot belongs to; a
 * sequencer that may be forced to issue a fold every {@code forcedPeriod} cycles (to show that
 * a shorter period loses results); and the feeders' rule that one register holds one slot.
 */
abstract class OverlappedCore extends Core {
    /** Operand registers passed right ({@code h}) and down ({@code v}): value, meta, fold. */
    final long[] hVal;
    final long[] vVal;
    final int[] hMeta;
    final int[] vMeta;
    final int[] hJob;
    final int[] vJob;
    /** The fold each edge feeder's slot belongs to this cycle (-1: none). */
    final int[] leftJob;
    final int[] topJob;
    /** When {@code > 0}, the sequencer issues every fold this many cycles after the previous one. */
    final long forcedPeriod;
    /** Unstalled cycle of each fold's first issue; -1: not yet. */
    long[] streamStart;

    OverlappedCore(Setup s, long forcedPeriod) {
        super(s);
        this.forcedPeriod = forcedPeriod;
        int n = rows * cols;
        hVal = new long[n];
        vVal = new long[n];
        hMeta = new int[n];
        vMeta = new int[n];
        hJob = new int[n];
        vJob = new int[n];
        leftJob = new int[rows];
        topJob = new int[cols];
    }

    /**
     * The fold (of those issued, {@code from} to {@code to} - 1) whose slot
     * {@code tau - streamStart[f] - offset} is in {@code [0, T)} at feeder {@code offset} in
     * unstalled cycle {@code tau}, or -1; two such folds would need one feeder register for two
     * operands, and fail.
     */
    int streamingFold(long tau, int offset, List<FoldJob> jobs, int from, int to) {
        int found = -1;
        for (int f = from; f < to; f++) {
            long k = tau - streamStart[f] - offset;
            if (k >= 0 && k < jobs.get(f).t()) {
                if (found >= 0) {
                    throw new IllegalStateException("unstalled cycle " + tau + ": feeder " + offset + " would carry slot "
                            + (tau - streamStart[found] - offset) + " of fold " + found + " and slot " + k + " of fold " + f
                            + " at once: the folds issue too early");
                }
                found = f;
            }
        }
        return found;
    }
}
