/**
 * pactsim's own file formats: accelerators ({@link org.pactsim.io.format.ArchReader}; a SCALE-Sim
 * {@code .cfg} through {@code io.scalesim}), traces (CSV or YAML, read and written), cost tables
 * (read and written), sweep specs and their points, and a result read back for re-pricing.
 * Every reader is strict and fails with an {@link org.pactsim.io.InputException}.
 */
package org.pactsim.io.format;
