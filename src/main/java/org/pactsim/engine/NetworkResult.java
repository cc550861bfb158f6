package org.pactsim.engine;

import java.util.List;
import org.pactsim.spec.AcceleratorSpec;

/** A network's layers and totals on one accelerator under one timing model. */
public record NetworkResult(String network, AcceleratorSpec accelerator, TimingModel model,
                            List<LayerResult> layers, List<String> notes) {

    public NetworkResult {
        layers = List.copyOf(layers);
        notes = List.copyOf(notes);
    }

    public long cycles() {
        long s = 0;
        for (LayerResult l : layers) {
            s = Math.addExact(s, l.cycles());
        }
        return s;
    }

    public long stallCycles() {
        long s = 0;
        for (LayerResult l : layers) {
            s = Math.addExact(s, l.stallCycles());
        }
        return s;
    }

    public long macs() {
        long s = 0;
        for (LayerResult l : layers) {
            s = Math.addExact(s, l.macs());
        }
        return s;
    }

    public long sramReads() {
        long s = 0;
        for (LayerResult l : layers) {
            s = Math.addExact(s, l.sramReads());
        }
        return s;
    }

    public long sramWrites() {
        long s = 0;
        for (LayerResult l : layers) {
            s = Math.addExact(s, l.sramWrites());
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
