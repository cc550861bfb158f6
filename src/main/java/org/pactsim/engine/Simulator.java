package org.pactsim.engine;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;
import org.pactsim.workload.Layer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;

/**
 * Runs a whole network, layer after layer: GEMM layers on the array (fold engine), non-GEMM
 * layers on the vector unit ({@link VectorEngine}).
 */
public final class Simulator {
    private Simulator() {
    }

    public static NetworkResult run(AcceleratorSpec acc, Network net, TimingModel model) {
        List<LayerResult> layers = new ArrayList<>(net.layers().size());
        for (Layer l : net.layers()) {
            try {
                layers.add(l instanceof VectorLayer ? VectorEngine.run(acc, (VectorLayer) l, model)
                        : FoldEngine.run(acc, l, model));
            } catch (SpecException e) {
                // a layer this accelerator cannot run (e.g. a float layer on an integer PE): say which
                List<Violations.Violation> named = new ArrayList<>();
                for (Violations.Violation v : e.violations()) {
                    named.add(new Violations.Violation("layer " + l.name() + " " + v.path(), v.expected(), v.found()));
                }
                throw new SpecException(named);
            }
        }
        NetworkResult r = new NetworkResult(net.name(), acc, model, layers, net.notes());
        try {
            r.cycles();
            r.sramReads();
            r.macs();
        } catch (ArithmeticException e) {
            throw new OverflowException("network " + net.name()
                    + ": total cycles or accesses exceed 2^63-1; the network is too large to simulate");
        }
        return r;
    }
}
