package org.pactsim.study.sweep;

import java.util.List;
import org.pactsim.sim.PricedResult;

/**
 * The metrics of a simulated design point: their keys (units in the names) and their values
 * for a result, each a {@link Long}, a {@link Double} or null when it does not apply. The
 * command line passes {@code report.Metrics.TOTAL}, so a sweep reports exactly what
 * {@code pactsim simulate} does.
 */
public interface MetricSet {
    List<String> keys();

    /** One value per key, in order. */
    Object[] values(PricedResult r);
}
