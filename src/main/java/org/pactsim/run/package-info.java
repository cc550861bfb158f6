/**
 * What the command line and the sweep engines share: a sweep job read from its spec
 * ({@link org.pactsim.run.SweepJob}) and the interface an engine other than the local thread
 * pool implements ({@link org.pactsim.run.SweepEngine}). Depends on {@code io}, {@code report}
 * and {@code study.sweep}; {@code cli} and {@code spark} depend on it, never on each other.
 */
package org.pactsim.run;
