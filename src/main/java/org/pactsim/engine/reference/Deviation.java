package org.pactsim.engine.reference;

/**
 * One place where the timing model's figure differs from what the register-level array did,
 * and the {@link org.pactsim.engine.Quirks} switch that makes it differ.
 *
 * @param quirk    the Quirks component responsible, e.g. {@code osWriteCountQuirk}
 * @param quantity what is counted: {@code cycles}, {@code ofmapWrites}, {@code ofmapReads},
 *                 {@code outputs}
 * @param hardware what the array did (before this quirk)
 * @param model    what the model reports (after this quirk)
 */
public record Deviation(String quirk, String quantity, long hardware, long model) {
    @Override
    public String toString() {
        return quirk + ": " + quantity + " " + hardware + " in hardware, " + model + " reported";
    }
}
