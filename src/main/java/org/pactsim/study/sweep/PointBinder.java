package org.pactsim.study.sweep;

import java.util.List;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;

/**
 * Turns a point's value choice into the accelerator and the networks to run (the base
 * accelerator with the axes' keys set, the networks at the point's precision). Implemented
 * by the spec reader, which owns the config tree. Must be thread-safe.
 */
@FunctionalInterface
public interface PointBinder {
    /** The accelerator and the mix's networks, in {@link SweepSpec#networks()} order. */
    record Bound(AcceleratorSpec accelerator, List<Network> networks) {
        public Bound {
            networks = List.copyOf(networks);
        }
    }

    /**
     * @param choice the value index of every axis
     * @throws RuntimeException with a one-line message when the combination is not a valid
     *         accelerator; the point is then kept with that reason
     */
    Bound bind(int[] choice);
}
