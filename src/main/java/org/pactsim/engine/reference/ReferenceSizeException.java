package org.pactsim.engine.reference;

/**
 * A layer too large for the register-level engine: it needs more than
 * {@link ReferenceEngine#MAX_PE_CYCLES} PE-cycles or {@link ReferenceEngine#MAX_VALUES}
 * matrix values.
 *
 * It carries the layer's name, what is limited ({@code simulated PE-cycles} or
 * {@code matrix values}), the limit and what the layer needs (an estimate for PE-cycles).
 */
public final class ReferenceSizeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String layer;
    private final String what;
    private final long max;
    private final long found;

    public ReferenceSizeException(String layer, String what, long max, long found) {
        super("layer " + layer + ": the reference engine takes at most " + max + " " + what
                + ", this layer needs about " + found);
        this.layer = layer;
        this.what = what;
        this.max = max;
        this.found = found;
    }

    public String layer() {
        return layer;
    }

    public String what() {
        return what;
    }

    public long max() {
        return max;
    }

    public long found() {
        return found;
    }
}
