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
    /**
     * Exponent of SRAM energy per bit in capacity above the largest SRAM row (the version 1
     * rule; optional: without it a larger buffer is priced as banks of the largest row).
     */
    public static final String SRAM_ENERGY_EXPONENT_ABOVE = "sramEnergyExponentAbove";
    /**
     * 1: a PE is priced as its parts (the {@code part} table); 0: as its {@code mac} row, the
     * version 1 bare MAC (optional; 1 without it).
     */
    public static final String PE_PARTS_MODEL = "pePartsModel";
    /** Placed-and-routed logic area per unit of standard-cell area (optional; 1 without it). */
    public static final String LOGIC_LAYOUT_FACTOR = "logicLayoutFactor";
    /** Placed SRAM macro area per unit of the SRAM table's area (optional; 1 without it). */
    public static final String SRAM_LAYOUT_FACTOR = "sramLayoutFactor";
    /** Every parameter name, with its unit and the range it must fall in. */
    public static final Map<String, String> UNITS = Map.of(
            OTHER_AREA_FRACTION, "fraction",
            SRAM_ENERGY_EXPONENT_ABOVE, "exponent",
            PE_PARTS_MODEL, "boolean",
            LOGIC_LAYOUT_FACTOR, "factor",
            SRAM_LAYOUT_FACTOR, "factor");
    /** The parameters every params table must hold. */
    public static final java.util.Set<String> REQUIRED = java.util.Set.of(OTHER_AREA_FRACTION);

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
                } else if (name.equals(LOGIC_LAYOUT_FACTOR) || name.equals(SRAM_LAYOUT_FACTOR)) {
                    v.check(value >= 1 && value <= 10, "value", "a factor from 1 to 10", Double.toString(value));
                } else if (name.equals(PE_PARTS_MODEL)) {
                    v.check(value == 0 || value == 1, "value", "0 (mac row) or 1 (parts)", Double.toString(value));
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
        for (String n : REQUIRED) {
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

    /** The version 1 exponent, or NaN when SRAM above the largest row is priced as banks. */
    public double sramEnergyExponentAbove() {
        return optional(SRAM_ENERGY_EXPONENT_ABOVE, Double.NaN);
    }

    /** Placed logic area per standard-cell area (1 when the table has no row for it). */
    public double logicLayoutFactor() {
        return optional(LOGIC_LAYOUT_FACTOR, 1);
    }

    /** Placed SRAM area per SRAM-table area (1 when the table has no row for it). */
    public double sramLayoutFactor() {
        return optional(SRAM_LAYOUT_FACTOR, 1);
    }

    private double optional(String name, double dflt) {
        for (Row r : rows) { // a loop, not a stream: every SRAM lookup of a sweep comes here
            if (r.name().equals(name)) {
                return r.value();
            }
        }
        return dflt;
    }

    /** True unless the table asks for the version 1 bare-MAC PE ({@code pePartsModel = 0}). */
    public boolean pePartsModel() {
        return optional(PE_PARTS_MODEL, 1) == 1;
    }
}
