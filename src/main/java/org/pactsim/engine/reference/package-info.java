/**
 * The register-level reference engine: an {@code R x C} systolic array stepped one clock at a
 * time, carrying real integer values, used to prove the fast fold engine right.
 *
 * <p>Each PE has operand registers passed to its right and lower neighbours every cycle, a
 * multiplier and an accumulator of the PE spec's width. Edge feeders issue the skewed operand
 * schedule and count the SRAM reads they make; outputs are collected, and SRAM writes counted,
 * where and when they leave the array. The output matrix is compared bit for bit with a plain
 * triple-loop GEMM. Entry point: {@link org.pactsim.engine.reference.ReferenceEngine}.
 *
 * <p>Two microarchitectures, picked by the timing model's {@code serialFolds} quirk: a serial
 * array (SCALE-Sim's assumption: one fold at a time, no shadow registers) and a double-buffered
 * one (pactsim's native model: shadow registers hide the stationary preload and the OS drain);
 * and the array's own options: pipelined folds ({@code PipelinedStationaryCore} for WS/IS,
 * {@code WavefrontOsCore} for OS) and the OS drain styles ({@code WavefrontOsCore} for the
 * wavefront capture, the serial OS array for {@code osDrain: serial}). The engine reports what the array did and, separately, the timing model's figures with every
 * place where a SCALE-Sim counting quirk makes them differ.
 *
 * <p>Not here: the fold-level timing formulas (see {@code org.pactsim.engine.FoldTiming}), DRAM
 * or SRAM capacity (a {@link org.pactsim.engine.reference.MemoryPort} is the hook where the
 * memory model will stall the array), any file format beyond the bounded cycle trace CSV.
 */
package org.pactsim.engine.reference;
