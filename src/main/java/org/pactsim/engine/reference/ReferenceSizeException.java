package org.pactsim.engine.reference;

/**
 * A layer too large for the register-level engine (see {@link ReferenceEngine#MAX_PE_CYCLES}
 * and {@link ReferenceEngine#MAX_VALUES}); the message says which limit and by how much.
 */
public final class ReferenceSizeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReferenceSizeException(String message) {
        super(message);
    }
}
