package org.pactsim.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.util.ArrayDeque;
import org.pactsim.engine.ScaleSimFolds.Operand;
import org.pactsim.mapping.FoldGeometry;

/**
 * SCALE-Sim v2's ofmap write scratchpad in CALC mode: when and how much it drains to DRAM.
 *
 * <p>The model: a buffer of {@code S} words, its drain half {@code D = S - ceil(S/2)}. Stored
 * words are packed into lines of {@code C} words (one per array column). Its free-space
 * counter drops by one per store; on a store at or after the end of the previous drain, once
 * more than {@code D} words are counted in, the open line is closed (short, padded) and up to
 * {@code ceil(D/C)} lines drain, one line a cycle from that store's cycle. A drain credits back
 * its lines times {@code C}, less only the padding of its last line, and counts that many
 * DRAM writes: padding of a short line inside a batch is written and counted (SCALE-Sim's
 * ofmap DRAM writes can exceed the words stored). After the last store every remaining line
 * drains in batches from the layer's last cycle on. The reported window runs from the first
 * cycle of the first drain to the last cycle of the last one (not the latest cycle of any:
 * an earlier drain may end later).
 *
 * <p>Cost: O(drains x log folds); stores are located by the closed forms of {@link ScaleSimFolds}.
 */
final class ScaleSimWriteBuffer {
    private final ScaleSimFolds layout;
    private final long lineWords;
    private final long activeWords;
    private final long linesPerDrain;
    /** A line closed short of words: its index and its words. */
    private record ShortLine(long line, long words) {
    }

    private final ArrayDeque<ShortLine> shortLines = new ArrayDeque<>();
    private long free;
    private long stored;
    private long open;
    private long lines;
    private long drained;
    private long drainEnd;
    private long first = Long.MAX_VALUE;
    private long last;
    private long writes;

    private ScaleSimWriteBuffer(ScaleSimFolds layout, long words) {
        this.layout = layout;
        this.lineWords = layout.c;
        this.activeWords = (words + 1) / 2;
        this.linesPerDrain = FoldGeometry.ceilDiv(words - activeWords, lineWords);
        this.free = words;
    }

    /** Start cycle, stop cycle and writes of the ofmap DRAM writes of a buffer of {@code words}. */
    static DramWindow run(ScaleSimFolds layout, long words) {
        ScaleSimWriteBuffer b = new ScaleSimWriteBuffer(layout, words);
        long total = layout.total(Operand.OFMAP);
        while (true) {
            long byCount = addExact(b.stored, b.free - b.activeWords + 1);
            long byCycle = b.storesBefore(b.drainEnd) + 1;
            long s = Math.max(Math.max(byCount, byCycle), b.stored + 1);
            if (s > total) {
                break;
            }
            long row = b.rowOfStore(s - 1);
            b.store(s - b.stored);
            b.drain(row);
        }
        b.store(total - b.stored);
        b.close();
        long cycle = layout.reportedCycles();
        while (b.drained < b.lines) {
            b.drain(cycle);
            cycle = b.drainEnd + 1;
        }
        if (b.writes == 0) {
            return DramWindow.NONE;
        }
        return new DramWindow(b.first, b.last, b.writes);
    }

    private void store(long count) {
        long filled = addExact(open, count);
        lines = addExact(lines, filled / lineWords);
        open = filled % lineWords;
        free -= count;
        stored += count;
    }

    /** Closes the open line, short of words if need be. */
    private void close() {
        if (open > 0) {
            shortLines.add(new ShortLine(lines, open));
            lines++;
            open = 0;
        }
    }

    /** Closes the open line and drains one batch from {@code cycle}. */
    private void drain(long cycle) {
        close();
        long n = Math.min(linesPerDrain, lines - drained);
        long lastLine = drained + n - 1;
        long lastWords = lineWords;
        while (!shortLines.isEmpty() && shortLines.peek().line() <= lastLine) {
            ShortLine s = shortLines.poll();
            if (s.line() == lastLine) {
                lastWords = s.words();
            }
        }
        long data = multiplyExact(n, lineWords) - (lineWords - lastWords);
        free += data;
        writes = addExact(writes, data);
        drained += n;
        drainEnd = cycle + n - 1;
        first = Math.min(first, cycle);
        last = drainEnd;
    }

    /** Stores on rows before {@code row}. */
    private long storesBefore(long row) {
        long f = row / layout.period;
        if (f >= layout.folds) {
            return layout.total(Operand.OFMAP);
        }
        return layout.countBefore(Operand.OFMAP, f)
                + layout.pattern(Operand.OFMAP, f).before(row - layout.start(f));
    }

    /** Row of store {@code index} (0-based). */
    private long rowOfStore(long index) {
        long f = layout.foldOf(Operand.OFMAP, index);
        long p = index - layout.countBefore(Operand.OFMAP, f);
        return layout.start(f) + layout.pattern(Operand.OFMAP, f).rowOf(p);
    }
}
