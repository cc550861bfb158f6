/**
 * Prices what the engine counted: area, energy and power of an accelerator from published
 * data. The engine counts actions ({@link org.pactsim.cost.ActionCounts}: MACs by precision,
 * SRAM bits by operand and buffer, DRAM bits, cycles); {@link org.pactsim.cost.CostModel}
 * turns them into picojoules with {@link org.pactsim.cost.CostTables}, and
 * {@link org.pactsim.cost.AreaModel} turns an accelerator into square millimetres. One run
 * can thus be re-priced for other tables or another technology without re-simulating.
 *
 * <p>Every table row carries its {@link org.pactsim.cost.Provenance}: where the number comes
 * from and whether it was measured, fitted, derived, interpolated or assumed. The shipped
 * tables are {@code default-tables.csv} beside this package in the resources; see
 * {@code docs/cost-model.md}.
 *
 * <p>Not here: reading table files (see {@code org.pactsim.io.format.CostTableReader}), timing, or
 * how a PE of one precision runs another ({@code org.pactsim.spec.PeThroughput}).
 */
package org.pactsim.cost;
