package org.pactsim.engine.reference;

/**
 * When one fold's events happened on its core, in 0-based clock cycles of that core, as the
 * register-level array produced them.
 *
 * @param core        the core that ran the fold
 * @param index       the fold's position in its core's sequence (0-based)
 * @param start       first cycle of the fold: its preload on the serial WS/IS array, otherwise
 *                    its first operand issue
 * @param streamStart first cycle the edge feeders issue the fold's streamed operands
 * @param computeEnd  cycle in which the fold's last operand slot reached the bottom-right PE
 *                    (its last multiply-accumulate slot)
 * @param lastWrite   cycle of the fold's last output write to the ofmap SRAM
 * @param macs        multiply-accumulates of real operands
 * @param usedPes     PEs that held real work in this fold
 */
public record FoldEvents(int core, long index, long start, long streamStart, long computeEnd, long lastWrite,
                         long macs, long usedPes) {
}
