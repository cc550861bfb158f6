package org.pactsim.cost;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * The circuits a PE and a chip are built from (issue 19), each at the node it was published
 * at: {@code value(x, y) = k2*x*y + k1*(x+y)/2 + k0}. For a multiplier {@code x} and {@code y}
 * are the operand widths; for an adder or a register, both are its width (so a register of
 * {@code b} bits is {@code k1*b}); the floating-point parts and the wire are constants
 * ({@code k0}). Quantities: {@code areaUm2} and {@code energyPj} (per operation; per bit and
 * clock cycle for a register; per bit and millimetre for the wire, which has no area).
 */
public record PartTable(List<Row> rows) {
    /** A kind of circuit. */
    public enum Part {
        /** An integer multiplier of {@code wb x ab} bits. */
        INT_MULTIPLIER,
        /** An integer adder of {@code b} bits. */
        INT_ADDER,
        /** A clocked register: per bit. */
        REGISTER,
        /** An IEEE half-precision multiplier. */
        FP16_MULTIPLIER,
        /** An IEEE half-precision adder. */
        FP16_ADDER,
        /** An IEEE single-precision multiplier. */
        FP32_MULTIPLIER,
        /** An IEEE single-precision adder. */
        FP32_ADDER,
        /** An on-chip wire: energy per bit moved one millimetre (no area: it runs over the cells). */
        WIRE;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Part parse(String s) {
            for (Part p : values()) {
                if (p.key().equals(s)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** What a row prices. */
    public enum Quantity {
        AREA_UM2("areaUm2"), ENERGY_PJ("energyPj");

        private final String key;

        Quantity(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Quantity parse(String s) {
            for (Quantity q : values()) {
                if (q.key.equals(s)) {
                    return q;
                }
            }
            return null;
        }
    }

    /** One quantity of one part. */
    public record Row(Part part, Quantity quantity, double k2, double k1, double k0, int nodeNm,
                      Provenance provenance) {
        public Row {
            Violations v = new Violations()
                    .check(part != null, "part", "a known part", "nothing")
                    .check(quantity != null, "quantity", "areaUm2 or energyPj", "nothing")
                    .check(Double.isFinite(k2) && Double.isFinite(k1) && Double.isFinite(k0), "k",
                            "finite coefficients", k2 + ", " + k1 + ", " + k0)
                    .between("nodeNm", nodeNm, 1, 1000)
                    .check(provenance != null, "provenance", "a provenance", "nothing");
            if (v.isEmpty()) {
                v.check(k2 >= 0 && k1 >= 0 && k2 + k1 + k0 > 0, "k",
                        "k2 >= 0, k1 >= 0 and a positive value at 1 bit (k2 + k1 + k0 > 0)", k2 + ", " + k1 + ", " + k0);
                v.check(!(part == Part.WIRE && quantity == Quantity.AREA_UM2), "quantity",
                        "energyPj only for the wire (it has no area)", quantity.key());
            }
            v.throwIfAny();
        }

        /** The value at widths {@code x} and {@code y}, at the row's node. */
        public double at(int x, int y) {
            return k2 * x * y + k1 * (x + y) / 2.0 + k0;
        }
    }

    public PartTable {
        rows = List.copyOf(rows);
        Map<Part, Map<Quantity, Row>> by = new EnumMap<>(Part.class);
        for (Row r : rows) {
            if (by.computeIfAbsent(r.part(), k -> new EnumMap<>(Quantity.class)).put(r.quantity(), r) != null) {
                throw new SpecException("part", "each part and quantity once",
                        r.part().key() + " " + r.quantity().key() + " twice");
            }
        }
        for (Part p : Part.values()) {
            for (Quantity q : Quantity.values()) {
                if (p == Part.WIRE && q == Quantity.AREA_UM2) {
                    continue;
                }
                if (!by.containsKey(p) || !by.get(p).containsKey(q)) {
                    throw new SpecException("part", "a row for " + p.key() + " " + q.key(), "none");
                }
            }
        }
    }

    public Optional<Row> find(Part p, Quantity q) {
        for (Row r : rows) { // a loop, not a stream: sweeps price 10^5 designs
            if (r.part() == p && r.quantity() == q) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The row of {@code p}'s {@code q}. */
    public Row row(Part p, Quantity q) {
        return find(p, q).orElseThrow(() -> new SpecException("part", "a row for " + p.key() + " " + q.key(), "none"));
    }

    /** {@code p}'s {@code q} at widths {@code x, y}, scaled to {@code nodeNm}. */
    public double value(Part p, Quantity q, int x, int y, int nodeNm, TechTable tech) {
        Row r = row(p, q);
        double scale = q == Quantity.AREA_UM2 ? tech.areaScale(r.nodeNm(), nodeNm) : tech.energyScale(r.nodeNm(), nodeNm);
        return r.at(x, y) * scale;
    }
}
