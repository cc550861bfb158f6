package org.pactsim.engine.reference;

import java.util.List;
import org.pactsim.engine.reference.CycleTrace.Event;
import org.pactsim.engine.reference.CycleTrace.Unit;

/**
 * What the two register-level cores share: the array size, the microarchitecture (serial or
 * double-buffered), the PE arithmetic, the edge feeders' output wires, counters and the trace.
 *
 * <p>Operand registers carry three flag bits besides their value: {@link #SLOT} (the register
 * holds one of the fold's schedule slots, real or padding), {@link #VALID} (the slot carries a
 * real operand) and {@link #LAST} (the fold's last slot). Padding slots cross the unused part of
 * a partial fold like real ones, so the fold's last slot always reaches the bottom-right PE:
 * the sequencer runs the full-array schedule whatever the fold's occupancy. A tag (the slot's
 * index along {@code T}) rides along so a PE can check that the two operands it multiplies
 * belong together; hardware derives it from the schedule instead. Flags and tag are packed in
 * one {@code int} per register, its meta: {@code tag << TAG_SHIFT | flags}.
 */
abstract class Core {
    static final int VALID = 1;
    static final int SLOT = 2;
    static final int LAST = 4;
    static final int TAG_SHIFT = 3;

    /** Everything a core is built from. */
    record Setup(int rows, int cols, boolean serial, Accumulator acc, MemoryPort memory, CycleTrace trace,
                 int core) {
        /** The same array without shadow registers (one fold at a time). */
        Setup withSerial() {
            return new Setup(rows, cols, true, acc, memory, trace, core);
        }
    }

    final int rows;
    final int cols;
    final boolean serial;
    final Accumulator acc;
    final MemoryPort memory;
    final CycleTrace trace;
    final int core;
    final Counts counts = new Counts();

    /** Feeder outputs: value and meta ({@code slot index << 3 | flags}) per row and column. */
    final long[] leftVal;
    final int[] leftMeta;
    final long[] topVal;
    final int[] topMeta;

    Core(Setup s) {
        rows = s.rows();
        cols = s.cols();
        serial = s.serial();
        acc = s.acc();
        memory = s.memory();
        trace = s.trace();
        core = s.core();
        leftVal = new long[rows];
        leftMeta = new int[rows];
        topVal = new long[cols];
        topMeta = new int[cols];
    }

    /** Runs the folds in order on this core; returns their events in completion order. */
    abstract List<FoldEvents> run(List<FoldJob> jobs);

    boolean tracing() {
        return trace != null && !trace.full();
    }

    void trace(long cycle, FoldJob job, Unit unit, int row, int col, Event e, long value) {
        trace.event(cycle, core, job == null ? -1 : job.index(), unit, row, col, e, value);
    }

    void traceStall(long cycle) {
        if (tracing()) {
            trace(cycle, null, Unit.ARRAY, -1, -1, Event.STALL, 0);
        }
    }

    static IllegalStateException skew(long cycle, int i, int j, int a, int b) {
        return new IllegalStateException("cycle " + cycle + ": PE(" + i + "," + j + ") got operands of slots "
                + a + " and " + b + ": the skewed schedule is broken");
    }

    /** A fold's events as they are observed. */
    final class Log {
        final FoldJob job;
        final long start;
        long streamStart = -1;
        long computeEnd = -1;
        long lastWrite = -1;
        long macs;
        long usedPes;

        Log(FoldJob job, long start) {
            this.job = job;
            this.start = start;
        }

        FoldEvents done() {
            return new FoldEvents(core, job.index(), start, streamStart, computeEnd, lastWrite, macs, usedPes);
        }
    }
}
