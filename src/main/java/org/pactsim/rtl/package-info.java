/**
 * Closing the loop with RTL: a parameterized Verilog-2005 systolic-array core (resource files
 * under {@code org/pactsim/rtl/}), and for one GEMM on one accelerator a per-cycle stimulus and
 * an expected-output file generated from the fold schedule {@code engine.FoldTiming} counts
 * cycles with, a synchronous testbench that replays them, and a runner for iverilog or
 * Verilator that checks the outputs bit for bit and cycle for cycle.
 *
 * <p>The array is what {@code engine.reference} steps in Java (double-buffered WS/IS, the OS
 * drain styles of {@link org.pactsim.spec.OsDrain}, pipelined folds), with a multiplier of
 * {@code array.multiplierStages} pipeline stages. Entry point:
 * {@link org.pactsim.rtl.RtlCheck}; see {@code docs/rtl.md}.
 *
 * <p>Not here: saturating accumulators, floating-point arithmetic (a float PE is checked with
 * integers of its widths), memory stalls, several cores (one core's folds are simulated).
 */
package org.pactsim.rtl;
