/**
 * The {@code pactsim} command line (picocli): one class per command, shared options as
 * mixins, exit codes returned ({@code 0} ok, {@code 2} bad input, {@code 1} internal error);
 * {@code System.exit} only in {@link org.pactsim.cli.Main#main}.
 *
 * <p>Not here: any modelling; commands read inputs, call the model and hand results to
 * {@code org.pactsim.report}.
 */
package org.pactsim.cli;
