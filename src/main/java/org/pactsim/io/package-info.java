/**
 * Readers and writers: pactsim's YAML/JSON accelerator configs and traces, SCALE-Sim's
 * {@code .cfg}, topology CSVs and report files, result JSON/CSV. Every reader is strict and
 * fails with an {@link org.pactsim.io.InputException} naming the file, the line or key, what
 * was expected and what was found.
 *
 * <p>Not here: any modelling decision; readers build specs and workloads, nothing more.
 */
package org.pactsim.io;
