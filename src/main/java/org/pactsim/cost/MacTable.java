package org.pactsim.cost;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * Area and energy of one PE, by {@link PrecisionMode} and the PE's {@link Precision}, each at
 * the node it was measured at. {@code energyPjPerPeCycle} is the dynamic energy of one busy
 * PE-cycle: for a fixed PE running its own precision, one MAC; a fusion PE does several
 * narrower MACs in that cycle, a bit-serial PE a fraction of one. Integer fixed PEs missing
 * here are priced by {@link IntMacFit}.
 */
public record MacTable(List<Row> rows) {
    /** One PE design. */
    public record Row(PrecisionMode mode, Precision precision, double areaUm2, double energyPjPerPeCycle,
                      int nodeNm, Provenance provenance) {
        public Row {
            new Violations()
                    .check(mode != null, "mode", "fixed, bit-serial or fusion", "nothing")
                    .check(precision != null, "precision", Precision.EXPECTED, "nothing")
                    .finitePositive("areaUm2", areaUm2)
                    .finitePositive("energyPjPerPeCycle", energyPjPerPeCycle)
                    .between("nodeNm", nodeNm, 1, 1000)
                    .check(provenance != null, "provenance", "a provenance", "nothing")
                    .throwIfAny();
        }
    }

    public MacTable {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new SpecException("mac", "at least one row", "none");
        }
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (!seen.add(r.mode().key() + " " + r.precision().key())) {
                throw new SpecException("mac", "each mode and precision once",
                        r.mode().key() + " " + r.precision().key() + " twice");
            }
        }
    }

    public Optional<Row> find(PrecisionMode mode, Precision precision) {
        return rows.stream().filter(r -> r.mode() == mode && r.precision().equals(precision)).findFirst();
    }

    /** The fixed integer rows measured (not derived), the points {@link IntMacFit} is fitted through. */
    public List<Row> measuredFixedIntegers() {
        return rows.stream()
                .filter(r -> r.mode() == PrecisionMode.FIXED && !r.precision().isFloat()
                        && r.provenance().basis() == Basis.MEASURED)
                .toList();
    }
}
