package org.pactsim.cost;

/**
 * One PE's area and dynamic energy per busy cycle at a given node, as looked up in
 * {@link CostTables#mac}, with how the value was obtained ({@code basis}: measured, fitted...;
 * {@code how}: which row or fit).
 */
public record MacCost(double areaUm2, double energyPjPerPeCycle, Basis basis, String how) {
}
