package org.pactsim.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.mapping.FoldGeometry;

/**
 * SCALE-Sim v2's read scratchpad in CALC mode ("estimate bandwidth"), as bookkeeping of one
 * operand's DRAM reads. It never stalls; it only decides which requests are DRAM reads and
 * when the fills are drawn.
 *
 * <p>The model: a buffer of {@code S} words keeps sets of {@code floor(S/100)} distinct
 * addresses; 50 sets form a group of {@code G = 50*floor(S/100)} words (the active half).
 * Requests arrive row by row; an address is a DRAM read unless it is already in the current
 * group. When the group holds {@code G} distinct addresses it is full ("triggers") and the
 * next request starts an empty group. Every address in every group is one DRAM read.
 *
 * <p>Timing of the fills in the report: with no trigger, the one group is loaded before cycle
 * 0 at 10 words a cycle, on cycles {@code -ceil(sets*items/10) .. -1}. With triggers at rows
 * {@code c1 < .. < cn}, the first group loads on the {@code ceil(G/10)} cycles before the
 * first request, and each later group on the rows between two triggers, so the last fill
 * ends at {@code cn + 1} (one cycle of port latency).
 *
 * <p>Feed it with {@link #trigger(long)} for every row on which a group fills, then read the
 * figures with {@link #finish(long, long)}.
 */
final class ScaleSimReadBuffer {
    /** SCALE-Sim's fill rate of the first (pre-cycle-0) load, words per cycle. */
    static final long FIRST_FILL_WORDS_PER_CYCLE = 10;

    final long items;
    final long group;
    private long triggers;
    private long lastTriggerRow;

    /** A buffer of {@code words} one-word elements. */
    ScaleSimReadBuffer(long words) {
        this.items = words / 100;
        this.group = multiplyExact(50, items);
    }

    /** The current group filled on {@code row}. */
    void trigger(long row) {
        triggers++;
        lastTriggerRow = row;
    }

    long triggers() {
        return triggers;
    }

    long lastTriggerRow() {
        return lastTriggerRow;
    }

    /** {@code n} more fills, the last of them on {@code lastRow} (a repeated stretch of the stream). */
    void repeat(long n, long lastRow) {
        if (n > 0) {
            triggers = addExact(triggers, n);
            lastTriggerRow = lastRow;
        }
    }

    /**
     * The DRAM figures: start cycle, stop cycle, reads.
     *
     * @param lastGroup distinct addresses in the group open at the end
     * @param firstRow  row of the operand's first request
     */
    DramWindow finish(long lastGroup, long firstRow) {
        if (triggers == 0) {
            long sets = FoldGeometry.ceilDiv(lastGroup, Math.max(1, items));
            long cycles = FoldGeometry.ceilDiv(multiplyExact(sets, items), FIRST_FILL_WORDS_PER_CYCLE);
            return new DramWindow(-cycles, -1, lastGroup);
        }
        long first = FoldGeometry.ceilDiv(group, FIRST_FILL_WORDS_PER_CYCLE);
        return new DramWindow(firstRow - first, lastTriggerRow + 1, addExact(multiplyExact(triggers, group), lastGroup));
    }
}
