package org.pactsim.engine;

/** A count that would not fit in 64 bits: the input is refused rather than wrapped. */
public final class OverflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OverflowException(String message) {
        super(message);
    }
}
