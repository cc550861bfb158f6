package org.pactsim.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.TimingModel;
import org.pactsim.engine.reference.CsvCycleTrace;
import org.pactsim.engine.reference.ReferenceEngine;
import org.pactsim.engine.reference.ReferenceSimulator;
import org.pactsim.engine.reference.ReferenceSizeException;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.InputException;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;

/** {@code simulate --engine fast|reference [--trace-cycles FILE]}: picks the engine. */
final class ReferenceRun {
    /** {@code --engine}: the fold-level engine or the register-level reference engine. */
    enum Engine { fast, reference }

    private ReferenceRun() {
    }

    static SimulationResult simulate(Engine engine, Path traceCycles, boolean force, Path traceFile, AcceleratorSpec acc,
                                     Network net, TimingModel tm) {
        if (engine == Engine.fast) {
            if (traceCycles != null) {
                throw InputException.at("--trace-cycles", null, "--engine reference (the fast engine has no cycles"
                        + " to trace)", "--engine fast");
            }
            return Simulation.run(acc, net, tm);
        }
        try {
            if (traceCycles == null) {
                return computeOnly(ReferenceSimulator.run(acc, net, tm, ReferenceEngine.DEFAULT_SEED, null));
            }
            if (Files.isDirectory(traceCycles)) {
                throw InputException.at("--trace-cycles " + traceCycles, null, "a file", "a folder");
            }
            if (Files.exists(traceCycles) && !force) {
                throw InputException.at("--trace-cycles " + traceCycles, null, "a new file (or --force to replace it)",
                        "an existing file");
            }
            // written to a temporary sibling and renamed when the run succeeded: never half a trace
            SimulationResult[] result = new SimulationResult[1];
            AtomicFiles.write(traceCycles, os -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
                CsvCycleTrace trace = new CsvCycleTrace(w, CsvCycleTrace.DEFAULT_MAX_ROWS);
                result[0] = computeOnly(ReferenceSimulator.run(acc, net, tm, ReferenceEngine.DEFAULT_SEED, trace));
                w.flush();
            });
            return result[0];
        } catch (ReferenceSizeException ex) {
            throw InputException.at(traceFile.toString(), "layer " + ex.layer(), "at most " + ex.max() + " "
                    + ex.what() + " for --engine reference (use --engine fast)", "about " + ex.found());
        }
    }

    /** The reference engine steps the array only: its results carry no memory model. */
    private static SimulationResult computeOnly(NetworkResult r) {
        return new SimulationResult(r, java.util.List.of(), java.util.List.of());
    }
}
