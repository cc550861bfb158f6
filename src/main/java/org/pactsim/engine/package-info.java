/**
 * The fold-level engine: per layer and per network cycles, stalls, utilisation and SRAM
 * access counts, under one of two {@link org.pactsim.engine.TimingModel}s.
 *
 * <p>Not here: area, energy or any file format; the engine counts, other packages price and
 * print.
 */
package org.pactsim.engine;
