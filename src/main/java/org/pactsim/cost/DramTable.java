package org.pactsim.cost;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * Off-chip DRAM energy per bit moved, by interface type. DRAM energy is an interface and
 * device property: it is not scaled with the accelerator's logic node.
 */
public record DramTable(List<Row> rows) {
    /** Type used when an accelerator does not name one. */
    public static final String DEFAULT_TYPE = "lpddr4";

    /** One DRAM type (lower-case key such as {@code lpddr4}). */
    public record Row(String type, double energyPjPerBit, Provenance provenance) {
        public Row {
            new Violations()
                    .check(type != null && type.matches("[a-z0-9][a-z0-9_-]*"), "type",
                            "a lower-case name of letters, digits, '-' or '_'", String.valueOf(type))
                    .finitePositive("energyPjPerBit", energyPjPerBit)
                    .check(provenance != null, "provenance", "a provenance", "nothing")
                    .throwIfAny();
        }
    }

    public DramTable {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new SpecException("dram", "at least one row", "none");
        }
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (!seen.add(r.type())) {
                throw new SpecException("dram.type", "each type once", r.type() + " twice");
            }
        }
    }

    /** The row of {@code type} (case-insensitive), or a {@link SpecException} listing the types. */
    public Row row(String type) {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        for (Row r : rows) {
            if (r.type().equals(t)) {
                return r;
            }
        }
        throw new SpecException("dram.type", "one of " + rows.stream().map(Row::type).collect(Collectors.joining(", ")),
                String.valueOf(type));
    }
}
