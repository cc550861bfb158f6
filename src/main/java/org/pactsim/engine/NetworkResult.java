package org.pactsim.engine;

import java.util.List;
import java.util.function.ToLongFunction;
import org.pactsim.spec.AcceleratorSpec;

/** A network's layers and totals on one accelerator under one timing model. */
public record NetworkResult(String network, AcceleratorSpec accelerator, TimingModel model,
                            List<LayerResult> layers, List<String> notes) {

    public NetworkResult {
        layers = List.copyOf(layers);
        notes = List.copyOf(notes);
    }

    public long cycles() {
        return sum(LayerResult::cycles);
    }

    public long stallCycles() {
        return sum(LayerResult::stallCycles);
    }

    public long macs() {
        return sum(LayerResult::macs);
    }

    public long sramReads() {
        return sum(LayerResult::sramReads);
    }

    public long sramWrites() {
        return sum(LayerResult::sramWrites);
    }

    /** The layers' sum of a count, overflow-checked. */
    private long sum(ToLongFunction<LayerResult> f) {
        long s = 0;
        for (LayerResult l : layers) {
            s = Math.addExact(s, f.applyAsLong(l));
        }
        return s;
    }

    /** {@code macs / (cycles * all PEs)}. */
    public double utilization() {
        long c = cycles();
        return c == 0 ? 0 : (double) macs() / ((double) c * accelerator.totalPes());
    }

    /** Wall time of one inference at the accelerator's clock. */
    public double latencySeconds() {
        return cycles() / (accelerator.clockMhz() * 1e6);
    }

    public double inferencesPerSecond() {
        double s = latencySeconds();
        return s == 0 ? 0 : 1 / s;
    }
}
