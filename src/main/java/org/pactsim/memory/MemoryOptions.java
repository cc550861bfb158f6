package org.pactsim.memory;

/**
 * Choices of the memory model that are not part of the accelerator's hardware description yet.
 *
 * @param broadcast   an operand every core needs (inputs when split by output channels,
 *                    weights when split by pixels) crosses the DRAM interface once and is
 *                    broadcast; false: each core fetches its own copy
 * @param steadyState weights that all fit on chip were loaded by an earlier inference
 * @param latencyCycles DRAM latency exposed once per layer before its first tile arrives
 */
public record MemoryOptions(boolean broadcast, boolean steadyState, long latencyCycles) {
    public static final MemoryOptions FIRST_INFERENCE = new MemoryOptions(true, false, 0);
    public static final MemoryOptions STEADY_STATE = new MemoryOptions(true, true, 0);
}
