/**
 * Immutable, validated descriptions of an accelerator: array, dataflow, PE precision,
 * on-chip SRAM, DRAM and clock. Records validate in their constructors and report every
 * violation at once with its path ({@code array.rows must be >= 1, got 0}).
 *
 * <p>Not here: reading files (see {@code org.pactsim.io}) or any timing (see
 * {@code org.pactsim.engine}).
 */
package org.pactsim.spec;
