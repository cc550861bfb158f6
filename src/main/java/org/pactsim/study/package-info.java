/**
 * Studies built on simulations: the PACT iso-area study ({@link org.pactsim.study.IsoArea}),
 * and design-space sweeps. They size designs, run them through {@code sim.Simulation} and
 * {@code sim.Costing}, and compare them.
 *
 * <p>Not here: file formats, charts or the command line.
 */
package org.pactsim.study;
