/**
 * A whole simulation: the fold engine's compute results and, in the native model, the memory
 * model's tiling, DRAM traffic and stalls, for the first and for a steady-state inference.
 * This is what reports and studies consume.
 *
 * <p>Not here: timing or memory rules themselves ({@code engine}, {@code memory}).
 */
package org.pactsim.sim;
