/**
 * The ground every reader stands on: {@link org.pactsim.io.InputException} (the file, the line
 * or key, what was expected and what was found) and {@link org.pactsim.io.InputProblems}, YAML
 * and JSON documents as {@link org.pactsim.io.YNode} trees with their lines ({@link
 * org.pactsim.io.YamlLoader}, {@link org.pactsim.io.MapReader}, {@link
 * org.pactsim.io.Overrides}), CSV rows with their lines ({@link org.pactsim.io.CsvRows}), the
 * file limits ({@link org.pactsim.io.InputFiles}) and the schema names. The formats are in the
 * sub-packages: {@code io.format} (pactsim's own), {@code io.scalesim} (SCALE-Sim's), {@code
 * io.onnx} (ONNX import), {@code io.out} (output folders and atomic writes). This package names
 * none of them.
 *
 * <p>Not here: any modelling decision; readers build specs and workloads, nothing more.
 */
package org.pactsim.io;
