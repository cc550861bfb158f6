package org.pactsim.cost;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * Static (leakage) power per square millimetre of logic and of SRAM, at the node it was
 * measured at. Leakage power of a circuit scales with the tech table's energy factor while
 * its area scales with the area factor, so the density at node {@code n} is the row's density
 * times {@code energyScale / areaScale}.
 */
public record LeakageTable(List<Row> rows) {
    /** What leaks: the PE array and other logic, or on-chip SRAM. */
    public enum Component {
        LOGIC, SRAM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Component parse(String s) {
            if (s == null) {
                return null;
            }
            for (Component c : values()) {
                if (c.key().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
            return null;
        }
    }

    /** One component's leakage density. */
    public record Row(Component component, double leakageMwPerMm2, int nodeNm, Provenance provenance) {
        public Row {
            new Violations()
                    .check(component != null, "component", "logic or sram", "nothing")
                    .check(leakageMwPerMm2 >= 0 && Double.isFinite(leakageMwPerMm2), "leakageMwPerMm2",
                            "a finite number >= 0", Double.toString(leakageMwPerMm2))
                    .between("nodeNm", nodeNm, 1, 1000)
                    .check(provenance != null, "provenance", "a provenance", "nothing")
                    .throwIfAny();
        }
    }

    public LeakageTable {
        rows = List.copyOf(rows);
        Map<Component, Row> by = new EnumMap<>(Component.class);
        for (Row r : rows) {
            if (by.put(r.component(), r) != null) {
                throw new SpecException("leakage.component", "each component once", r.component().key() + " twice");
            }
        }
        for (Component c : Component.values()) {
            if (!by.containsKey(c)) {
                throw new SpecException("leakage", "a row for " + c.key(), "none");
            }
        }
    }

    public Row row(Component c) {
        return rows.stream().filter(r -> r.component() == c).findFirst().orElseThrow();
    }

    /** Leakage density of {@code c} in mW per mm^2 of area at {@code nodeNm}. */
    public double mwPerMm2(Component c, int nodeNm, TechTable tech) {
        Row r = row(c);
        return r.leakageMwPerMm2() * tech.energyScale(r.nodeNm(), nodeNm) / tech.areaScale(r.nodeNm(), nodeNm);
    }
}
