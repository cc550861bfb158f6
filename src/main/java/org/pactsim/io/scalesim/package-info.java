/**
 * SCALE-Sim v2's formats, by its own rules: its {@code .cfg} read as a pactsim accelerator tree,
 * its topology CSVs (conv and GEMM forms) and its three report files written as {@code scale.py}
 * writes them (docs/scalesim-compat.md).
 */
package org.pactsim.io.scalesim;
