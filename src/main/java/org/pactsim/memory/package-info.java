/**
 * pactsim's native memory model: tensors in bits with explicit packing, SRAM capacity in bits,
 * a per-layer tiling of the GEMM that fits the double-buffered SRAMs and minimises DRAM
 * traffic, DRAM bandwidth stalls with prefetch, residency of activations and weights across
 * layers, and several cores sharing one DRAM interface.
 *
 * <p>Not here: array timing (the fold engine gives each tile's compute cycles) or prices
 * (the cost model turns the bytes counted here into energy).
 */
package org.pactsim.memory;
