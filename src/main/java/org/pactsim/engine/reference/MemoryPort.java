package org.pactsim.engine.reference;

/**
 * The array's port to memory: the hook where a memory model stalls the register-level array.
 * Before every clock cycle the core asks whether the SRAM words its edge feeders read in that
 * cycle can be served. When not, the whole array holds its registers for the cycle (a stall
 * cycle) and asks again in the next one. Writes are assumed absorbed by a write buffer.
 *
 * <p>The native DRAM/SRAM transfer and stall model is not wired into the engines yet;
 * {@link #IDEAL} (never stalls) is what both timing models assume today. A bandwidth-limited
 * model (e.g. one driven by {@code org.pactsim.memory}'s transfers) implements this interface;
 * the fast engine's counterpart is {@code LayerResult.stallCycles}, 0 today.
 */
@FunctionalInterface
public interface MemoryPort {
    /** SRAM that always answers in time: no stall cycles. */
    MemoryPort IDEAL = (cycle, ifmapWords, filterWords, ofmapWords) -> true;

    /**
     * @param cycle       the core's clock cycle (stalls included)
     * @param ifmapWords  ifmap words the feeders read in this cycle
     * @param filterWords filter words read in this cycle
     * @param ofmapWords  partial sums read back in this cycle
     * @return true to run the cycle, false to stall it
     */
    boolean serve(long cycle, int ifmapWords, int filterWords, int ofmapWords);
}
