package org.pactsim.engine;

import java.util.Arrays;
import org.pactsim.engine.ScaleSimFolds.Operand;
import org.pactsim.engine.ScaleSimFolds.Pattern;
import org.pactsim.spec.Dataflow;

/**
 * SCALE-Sim's DRAM reads in CALC mode for an operand whose words are all distinct: the filter
 * always, the ifmap when no two windows share an input word and none leaves the input
 * (1x1 and GEMM layers). Computed without walking the request stream.
 *
 * <p>A fold reads each word of its block once, always in the same order, and blocks are
 * disjoint: a block is a row fold's slice of the operand (filter under IS, ifmap under OS and
 * WS: the same block in every column fold), a column fold's slice (filter under OS: the same
 * block in every row fold), or one fold's own tile (filter under WS, ifmap under IS). So the
 * words a group already holds of a block are either all of it or the tail of the fold in
 * which the group began, and the new words of the next fold of that block are a prefix of it:
 * O(1) per fold and O(log) per group.
 */
final class ScaleSimBlockDram {
    private ScaleSimBlockDram() {
    }

    /** {start cycle, stop cycle, reads} of the DRAM reads of {@code op}. */
    static DramWindow run(ScaleSimFolds layout, Operand op, ScaleSimReadBuffer buf, long firstRow) {
        long distinct = layout.total(op) / repeats(layout, op);
        if (distinct < buf.group) {
            return buf.finish(distinct, firstRow);
        }
        BlockOf blockOf = blockOf(layout, op);
        int blocks = (int) Math.min(blockOf == BlockOf.ROW_FOLD ? layout.g.rowFolds()
                : blockOf == BlockOf.COLUMN_FOLD ? layout.g.colFolds() : 0, Integer.MAX_VALUE);
        long[] groupOf = new long[blocks];
        long[] heldFrom = new long[blocks];
        Arrays.fill(groupOf, -1);
        long group = 0;
        long count = 0;
        for (long f = 0; f < layout.folds; f++) {
            int b = blockOf == BlockOf.ROW_FOLD ? (int) layout.rowFold(f)
                    : blockOf == BlockOf.COLUMN_FOLD ? (int) layout.colFold(f) : -1;
            Pattern p = layout.pattern(op, f);
            long size = p.count();
            long from = 0;
            long to = b >= 0 && groupOf[b] == group ? heldFrom[b] : size;
            boolean split = false;
            while (to - from >= buf.group - count) {
                long pos = from + buf.group - count - 1;
                buf.trigger(layout.start(f) + p.rowOf(pos));
                group++;
                count = 0;
                from = pos + 1;
                to = size;
                split = true;
            }
            count += to - from;
            if (b >= 0) {
                groupOf[b] = group;
                heldFrom[b] = split ? from : 0;
            }
        }
        return buf.finish(count, firstRow);
    }

    /** What makes two folds read the same block. */
    private enum BlockOf { ROW_FOLD, COLUMN_FOLD, NONE }

    private static BlockOf blockOf(ScaleSimFolds layout, Operand op) {
        if (op == Operand.FILTER) {
            return layout.df == Dataflow.OS ? BlockOf.COLUMN_FOLD
                    : layout.df == Dataflow.IS ? BlockOf.ROW_FOLD : BlockOf.NONE;
        }
        return layout.df == Dataflow.IS ? BlockOf.NONE : BlockOf.ROW_FOLD;
    }

    /** How many times the layer reads each word of {@code op}. */
    private static long repeats(ScaleSimFolds layout, Operand op) {
        switch (blockOf(layout, op)) {
            case ROW_FOLD: return layout.g.colFolds();
            case COLUMN_FOLD: return layout.g.rowFolds();
            default: return 1;
        }
    }
}
