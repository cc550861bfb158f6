package org.pactsim.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * Technology scaling: each node's area and energy relative to a reference node (45 nm in the
 * shipped table). A value measured at node {@code a} is priced at node {@code b} by the ratio
 * of the two nodes' factors. Leakage power of a given circuit scales with the energy factor
 * (Accelergy's convention). Only listed nodes are accepted: no silent extrapolation.
 */
public record TechTable(List<Row> rows) {
    /** One node. */
    public record Row(int nodeNm, double areaFactor, double energyFactor, Provenance provenance) {
        public Row {
            new Violations()
                    .between("nodeNm", nodeNm, 1, 1000)
                    .finitePositive("areaFactor", areaFactor)
                    .finitePositive("energyFactor", energyFactor)
                    .check(provenance != null, "provenance", "a provenance", "nothing")
                    .throwIfAny();
        }
    }

    public TechTable {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Row::nodeNm).reversed());
        rows = List.copyOf(sorted);
        if (rows.isEmpty()) {
            throw new SpecException("tech", "at least one node", "none");
        }
        Set<Integer> seen = new HashSet<>();
        for (Row r : rows) {
            if (!seen.add(r.nodeNm())) {
                throw new SpecException("tech.nodeNm", "each node once", r.nodeNm() + " twice");
            }
        }
    }

    /** The row of {@code nodeNm}, or a {@link SpecException} listing the known nodes. */
    public Row row(int nodeNm) {
        for (Row r : rows) {
            if (r.nodeNm() == nodeNm) {
                return r;
            }
        }
        throw new SpecException("technologyNm", "a node of the tech table (" + nodesText() + ")",
                Integer.toString(nodeNm));
    }

    public boolean has(int nodeNm) {
        return rows.stream().anyMatch(r -> r.nodeNm() == nodeNm);
    }

    /** Multiplier turning an area at {@code fromNm} into the same circuit's area at {@code toNm}. */
    public double areaScale(int fromNm, int toNm) {
        return row(toNm).areaFactor() / row(fromNm).areaFactor();
    }

    /** Multiplier for energy (and leakage power) from {@code fromNm} to {@code toNm}. */
    public double energyScale(int fromNm, int toNm) {
        return row(toNm).energyFactor() / row(fromNm).energyFactor();
    }

    public String nodesText() {
        return rows.stream().map(r -> r.nodeNm() + " nm").collect(Collectors.joining(", "));
    }
}
