package org.pactsim.cost;

import org.pactsim.spec.Violations;

/**
 * Where a table row came from: the file and line it was read at, how the value was obtained,
 * the rule applied (empty for measured and published values) and the source it cites.
 */
public record Provenance(String origin, int line, Basis basis, String derivation, String source) {
    public Provenance {
        derivation = derivation == null ? "" : derivation.strip();
        source = source == null ? "" : source.strip();
        new Violations()
                .check(origin != null && !origin.isBlank(), "origin", "a file name", String.valueOf(origin))
                .check(basis != null, "basis", "a basis (published, measured, fitted, derived, interpolated, assumed)",
                        "nothing")
                .check(!source.isEmpty(), "source", "a source for every row", "an empty source")
                .check(basis == null || basis == Basis.PUBLISHED || basis == Basis.MEASURED || !derivation.isEmpty(),
                        "derivation", "the rule for a " + (basis == null ? "" : basis.key()) + " value",
                        "an empty derivation")
                .throwIfAny();
    }

    /** {@code file:line}. */
    public String where() {
        return origin + ":" + line;
    }
}
