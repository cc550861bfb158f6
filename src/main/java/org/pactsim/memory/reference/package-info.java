/**
 * Cycle-stepped references for the native memory model: small, slow, obviously correct
 * simulations that the model's closed forms are checked against (docs/reference-engine.md).
 */
package org.pactsim.memory.reference;
