package org.pactsim.cost;

import java.util.List;
import java.util.Locale;
import org.pactsim.spec.SiliconSpec;
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

    /**
     * One component's leakage density in one process flavour ({@code null}: every flavour, as
     * in the version 1 tables, which have no flavour column).
     */
    public record Row(Component component, SiliconSpec.Flavour flavour, double leakageMwPerMm2, int nodeNm,
                      Provenance provenance) {
        /** This row's density at {@code nodeNm}, in mW/mm^2: energy factor over area factor. */
        public double mwPerMm2(int nodeNm, TechTable tech) {
            return leakageMwPerMm2 * tech.energyScale(nodeNm(), nodeNm) / tech.areaScale(nodeNm(), nodeNm);
        }

        /** A row for every flavour. */
        public Row(Component component, double leakageMwPerMm2, int nodeNm, Provenance provenance) {
            this(component, null, leakageMwPerMm2, nodeNm, provenance);
        }

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
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Row r : rows) {
            String k = r.component().key() + " " + (r.flavour() == null ? "any" : r.flavour().key());
            if (!seen.add(k)) {
                throw new SpecException("leakage.component", "each component and flavour once", k + " twice");
            }
        }
        for (Component c : Component.values()) {
            for (SiliconSpec.Flavour f : SiliconSpec.Flavour.values()) {
                if (find(rows, c, f) == null) {
                    throw new SpecException("leakage", "a row for " + c.key() + " " + f.key() + " (or one without flavour)",
                            "none");
                }
            }
        }
    }

    private static Row find(List<Row> rows, Component c, SiliconSpec.Flavour f) {
        Row any = null;
        for (Row r : rows) {
            if (r.component() == c && r.flavour() == f) {
                return r;
            }
            if (r.component() == c && r.flavour() == null) {
                any = r;
            }
        }
        return any;
    }

    /** The row pricing {@code c} in flavour {@code f}: its own, or the one for every flavour. */
    public Row row(Component c, SiliconSpec.Flavour f) {
        return find(rows, c, f);
    }

    /** True when some row names a flavour (the version 1 tables have none). */
    public boolean hasFlavours() {
        return rows.stream().anyMatch(r -> r.flavour() != null);
    }

    /** Leakage density of {@code c} in flavour {@code f}, in mW per mm^2 of area at {@code nodeNm}. */
    public double mwPerMm2(Component c, SiliconSpec.Flavour f, int nodeNm, TechTable tech) {
        return row(c, f).mwPerMm2(nodeNm, tech);
    }
}
