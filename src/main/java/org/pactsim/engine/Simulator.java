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

    /**
     * What a network whose precision differs from the PE's costs, said rather than run silently:
     * GEMM layers wider than the PE run in several passes, narrower ones leave operand bits idle
     * (a fixed-precision PE does not go faster). Null when every GEMM layer matches the PE, or
     * when the PE has no precision to compare with. {@code pactsim simulate} adds it to the
     * network's notes; sweeps, which print no notes, do not pay for it.
     */
    public static String precisionNote(AcceleratorSpec acc, Network net) {
        try {
            return mismatch(acc, net);
        } catch (SpecException e) {
            return null; // a PE with no precision of its own, or a layer the engine refuses: it says so itself
        }
    }

    private static String mismatch(AcceleratorSpec acc, Network net) {
        org.pactsim.spec.Precision pe = org.pactsim.spec.Precision.of(acc.pe());
        int slower = 0;
        int idle = 0;
        long worst = 1;
        int gemms = 0;
        for (Layer l : net.layers()) {
            if (!l.isGemm()) {
                continue;
            }
            gemms++;
            org.pactsim.spec.MacRate rate;
            try {
                rate = LayerRate.of(acc, l);
            } catch (SpecException e) {
                continue; // a layer the engine ran without a rate (nothing to multiply): nothing to say
            }
            if (rate.peCycles() > rate.macs()) {
                slower++;
                worst = Math.max(worst, -Math.floorDiv(-rate.peCycles(), rate.macs()));
            } else if (rate.macs() == rate.peCycles() && !pe.isFloat()) {
                // the widths the PE multiplies (dequantized weights arrive at the activation width)
                org.pactsim.spec.Precision p = LayerRate.precision(l);
                if (p.weightBits() < pe.weightBits() || p.activationBits() < pe.activationBits()) {
                    idle++;
                }
            }
        }
        if (slower == 0 && idle == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder("precision: the PE is " + pe.key() + " (" + acc.pe().mode().key() + ")");
        if (slower > 0) {
            sb.append("; ").append(slower).append(" of ").append(gemms).append(" GEMM layers are wider and run in up to ")
                    .append(worst).append(" passes");
        }
        if (idle > 0) {
            sb.append("; ").append(idle).append(" of ").append(gemms).append(" GEMM layers are narrower and leave PE"
                    + " operand bits idle (no speedup on a ").append(acc.pe().mode().key()).append(" PE)");
        }
        return sb.toString();
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
