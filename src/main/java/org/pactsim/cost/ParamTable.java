package org.pactsim.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/** The cost model's scalar parameters, each a table row with its own provenance. */
public record ParamTable(List<Row> rows) {
    /** Area outside the PE array and SRAM (control, interconnect, I/O) as a fraction of array + SRAM. */
    public static final String OTHER_AREA_FRACTION = "otherAreaFraction";
    /** Exponent of SRAM energy per bit in capacity above the largest SRAM row. */
    public static final String SRAM_ENERGY_EXPONENT_ABOVE = "sramEnergyExponentAbove";
    /** Every parameter name, with its unit and the range it must fall in. */
    public static final Map<String, String> UNITS = Map.of(
            OTHER_AREA_FRACTION, "fraction",
            SRAM_ENERGY_EXPONENT_ABOVE, "exponent");

    /** One parameter. */
    public record Row(String name, double value, String unit, Provenance provenance) {
        public Row {
            Violations v = new Violations()
                    .check(name != null && UNITS.containsKey(name), "name", "one of " + String.join(", ", UNITS.keySet()),
                            String.valueOf(name))
                    .check(Double.isFinite(value) && value >= 0, "value", "a finite number >= 0", Double.toString(value))
                    .check(provenance != null, "provenance", "a provenance", "nothing");
            if (v.isEmpty()) {
                v.check(UNITS.get(name).equals(unit), "unit", UNITS.get(name), String.valueOf(unit));
                if (name.equals(OTHER_AREA_FRACTION)) {
                    v.check(value <= 10, "value", "a fraction from 0 to 10", Double.toString(value));
                } else {
                    v.check(value <= 2, "value", "an exponent from 0 to 2", Double.toString(value));
                }
            }
            v.throwIfAny();
        }
    }

    public ParamTable {
        rows = List.copyOf(rows);
        Map<String, Row> by = new LinkedHashMap<>();
        for (Row r : rows) {
            if (by.put(r.name(), r) != null) {
                throw new SpecException("params.name", "each parameter once", r.name() + " twice");
            }
        }
        for (String n : UNITS.keySet()) {
            if (!by.containsKey(n)) {
                throw new SpecException("params", "a row for " + n, "none");
            }
        }
    }

    public Row row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new SpecException("params", "a row for " + name, "none"));
    }

    public double otherAreaFraction() {
        return row(OTHER_AREA_FRACTION).value();
    }

    public double sramEnergyExponentAbove() {
        return row(SRAM_ENERGY_EXPONENT_ABOVE).value();
    }
}
