/**
 * Hostile inputs: the bad-input corpus ({@code src/test/resources/bad-inputs/}, each file with
 * its expected message), fuzzing of every reader (mutated and generated inputs), counts at
 * the limits of 64-bit arithmetic, and safe report folders. What these tests hold to: a bad
 * input ends in exit code 2 with one line naming the file, the line or key, what was expected
 * and what was found; nothing else escapes; nothing is half-written.
 *
 * <p>Not here: the readers' ordinary behaviour on good files (see {@code org.pactsim.io}).
 */
package org.pactsim.robust;
