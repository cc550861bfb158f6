package org.pactsim.memory;

/**
 * Choices of the memory model that are not part of the accelerator's hardware description yet.
 *
 * @param broadcast   an operand every core needs (inputs when split by output channels,
 *                    weights when split by pixels) crosses the DRAM interface once and is
 *                    broadcast; false: each core fetches its own copy
 * @param steadyState weights that all fit on chip were loaded by an earlier inference
 * @param latencyCycles DRAM latency of a request on an idle interface, added to the DRAM's own
 * @param weightEighths eighths of a unified buffer that resident weights may take (compiler
 *                    schedule; 4: half, the legacy split); activations get what they leave
 * @param replicate   every core holds all of each resident layer's weights (compiler schedule,
 *                    {@code schedule.weightCopies}); false: each holds {@code 1/cores}
 * @param residentOnly the layers whose weights may stay on chip (a layer pipeline's group holds
 *                    only its stages' layers, {@link LayerPipeline}); null: every layer
 * @param allHeld     every layer's weights are on chip and take no room from any other layer's
 *                    tiles or kept activations: what a layer takes on a group that holds its own
 *                    stage's weights, an estimate the layer pipeline's stage search uses (never
 *                    reported)
 */
public record MemoryOptions(boolean broadcast, boolean steadyState, long latencyCycles, int weightEighths,
                            boolean replicate, java.util.BitSet residentOnly, boolean allHeld) {
    public static final MemoryOptions FIRST_INFERENCE = new MemoryOptions(true, false, 0);
    public static final MemoryOptions STEADY_STATE = new MemoryOptions(true, true, 0);

    public MemoryOptions(boolean broadcast, boolean steadyState, long latencyCycles) {
        this(broadcast, steadyState, latencyCycles, 4, false, null, false);
    }

    public MemoryOptions {
        if (weightEighths < 0 || weightEighths > 8 || latencyCycles < 0) {
            throw new IllegalArgumentException("weightEighths 0..8 and latency >= 0, got " + weightEighths + ", "
                    + latencyCycles);
        }
    }

    /** The same options with resident weights allowed {@code eighths} of a unified buffer. */
    public MemoryOptions withWeightEighths(int eighths) {
        return new MemoryOptions(broadcast, steadyState, latencyCycles, eighths, replicate, residentOnly, allHeld);
    }

    /** The same options with resident weights replicated on every core, or spread over them. */
    public MemoryOptions withReplicate(boolean r) {
        return new MemoryOptions(broadcast, steadyState, latencyCycles, weightEighths, r, residentOnly, allHeld);
    }

    /** The same options with only {@code layers}' weights allowed on chip (null: every layer's). */
    public MemoryOptions withResidentOnly(java.util.BitSet layers) {
        return new MemoryOptions(broadcast, steadyState, latencyCycles, weightEighths, replicate, layers, allHeld);
    }

    /** The same options with every layer's weights held on chip at no room ({@link #allHeld}). */
    public MemoryOptions withAllHeld(boolean h) {
        return new MemoryOptions(broadcast, steadyState, latencyCycles, weightEighths, replicate, residentOnly, h);
    }

    /** Whether layer {@code i}'s weights may stay on chip. */
    boolean mayKeep(int i) {
        return residentOnly == null || residentOnly.get(i);
    }
}
