/**
 * Workloads: layers (a sealed family), networks, per-layer bit widths, and their lowering to
 * GEMMs {@code O[MxN] = I[MxK] * W[KxN]}.
 *
 * <p>Not here: how a GEMM maps onto an array (see {@code org.pactsim.mapping}) or any file
 * format (see {@code org.pactsim.io}).
 */
package org.pactsim.workload;
