package org.pactsim.engine.reference;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.Simulator;
import org.pactsim.engine.TimingModel;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Layer;
import org.pactsim.workload.Network;

/**
 * A whole network on the register-level engine, in the fast simulator's result shape: every
 * layer that runs on the array is replaced by the reference engine's figures; any other layer
 * keeps the fast simulator's. Every layer is size-checked before any is simulated, and a GEMM
 * that does not match the plain triple loop is an internal error, never a result.
 */
public final class ReferenceSimulator {
    private ReferenceSimulator() {
    }

    /**
     * @param seed  the first layer's operand seed; layer {@code i} uses {@code seed + i}
     * @param trace where to write the cycle trace, or null
     * @throws ReferenceSizeException when a layer is past the engine's limits
     */
    public static NetworkResult run(AcceleratorSpec acc, Network net, TimingModel model, long seed,
                                    CsvCycleTrace trace) {
        NetworkResult fast = Simulator.run(acc, net, model);
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (onArray(fast.layers().get(i))) {
                ReferenceEngine.checkSize(acc, layers.get(i), model);
            }
        }
        ReferenceEngine.Options opts = ReferenceEngine.Options.DEFAULT.withTrace(trace);
        List<LayerResult> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            LayerResult f = fast.layers().get(i);
            if (!onArray(f)) {
                out.add(f);
                continue;
            }
            Layer l = layers.get(i);
            if (trace != null) {
                trace.layer(l.name());
            }
            ReferenceResult r = ReferenceEngine.run(acc, l, model.quirks(), seed + i, opts);
            if (!r.gemm().matches()) {
                throw new IllegalStateException("layer " + l.name() + ": the reference array's output differs from"
                        + " the plain GEMM in " + r.gemm().mismatches() + " places, first " + r.gemm().first());
            }
            out.add(r.layer());
        }
        return new NetworkResult(fast.network(), fast.accelerator(), fast.model(), out, fast.notes());
    }

    private static boolean onArray(LayerResult r) {
        return r.geometry() != null;
    }
}
