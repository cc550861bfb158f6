package org.pactsim.engine.reference;

/**
 * One fold as the sequencer issues it: which GEMM (repeat), which row and column fold, where
 * its tile starts in the spatial rows and columns, and how many array rows and columns it uses.
 *
 * @param pass which row fold this is: the partial sums it writes are its {@code pass}-th write
 */
record FoldJob(long index, GemmData data, int pass, int rowBase, int colBase, int rowsUsed, int colsUsed, int t) {
}
