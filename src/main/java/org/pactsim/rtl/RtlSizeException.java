package org.pactsim.rtl;

/** A GEMM whose stimulus file would be past {@link RtlSchedule#MAX_WORDS} words. */
public final class RtlSizeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long found;

    RtlSizeException(long found) {
        super("at most " + RtlSchedule.MAX_WORDS + " stimulus words, found " + (found == Long.MAX_VALUE ? "more"
                : "about " + found));
        this.found = found;
    }

    /** Words the stimulus would need, or {@code Long.MAX_VALUE} for "more than can be counted". */
    public long found() {
        return found;
    }
}
