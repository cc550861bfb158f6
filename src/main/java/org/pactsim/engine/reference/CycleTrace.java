package org.pactsim.engine.reference;

/**
 * Receives what happened in each cycle: which unit (a PE, an edge feeder, an output port, the
 * sequencer) did what, with the value involved. Called only when a trace is asked for.
 */
public interface CycleTrace {
    /** Units that act in a cycle. */
    enum Unit { PE, LEFT, TOP, BOTTOM, ARRAY }

    /** What a unit did. */
    enum Event {
        /** A PE multiplied and accumulated; value = the new accumulator or partial sum. */
        MAC,
        /** A feeder read an operand from SRAM and issued it; value = the operand. */
        READ_IFMAP, READ_FILTER,
        /** A column's top feeder read a partial sum back from the ofmap SRAM. */
        READ_OFMAP,
        /** A feeder read a stationary operand for the preload chain; row = its destination row. */
        PRELOAD,
        /** An output left the array and was written to the ofmap SRAM; row/col = output index. */
        WRITE_OFMAP,
        /** All PEs switched fold at once (stationary operands or accumulators to shadow). */
        SWITCH,
        /** The memory model held the array for a cycle. */
        STALL
    }

    void event(long cycle, int core, long fold, Unit unit, int row, int col, Event event, long value);

    /** True once the sink accepts no more rows: the engine then stops reporting. */
    default boolean full() {
        return false;
    }
}
