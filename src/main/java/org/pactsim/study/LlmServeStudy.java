package org.pactsim.study;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.cost.CostTables;
import org.pactsim.memory.TilingMemo;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.SpecException;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmStep;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.zoo.Decoder;

/**
 * The iso-area study of a serving scenario ({@code pactsim iso-area --network NAME --phase
 * serve}): for each bandwidth and precision, every design of {@link IsoArea#candidates} (equal
 * compute area, the base chip's SRAM) serves {@code batch} requests of {@code prompt} tokens and
 * {@code generate} output tokens ({@link Llm#serve}, {@link #SAMPLES} decode steps simulated and
 * the others interpolated), and the one with the most output tokens per second wins. Speedups
 * are over the first precision's winner at the same bandwidth; the peak ratio is the ratio of
 * the two designs' peak MAC rates on a decode step (every PE busy at the layers' rates).
 */
public final class LlmServeStudy {
    /** Decode steps simulated per scenario; the rest interpolated. */
    public static final int SAMPLES = 9;

    private LlmServeStudy() {
    }

    /** The winner of one precision at one bandwidth. */
    public record Point(PrecisionVariant precision, double bandwidthGBps, IsoAreaDesign design, Llm.Serve serve,
                        int designs, int infeasible, double speedup, double peakRatio) {
        public double superLinearity() {
            return speedup / peakRatio;
        }
    }

    public record Result(LlmConfig config, AcceleratorSpec base, double budgetMm2, long batch, long prompt,
                         long generate, List<Point> points) {
    }

    public static Result run(AcceleratorSpec base, LlmConfig c, IsoAreaPlan plan, CostTables tables, long batch,
                             long prompt, long generate) {
        List<Point> points = new ArrayList<>();
        Network probe = Decoder.build(c, LlmStep.decode(batch, prompt));
        for (double bw : plan.bandwidthsGBps()) {
            Point baseline = null;
            double basePeak = 0;
            for (PrecisionVariant p : plan.precisions()) {
                List<IsoAreaDesign> cs = IsoArea.candidates(base, plan, tables, p);
                Network net = p.apply(probe, true);
                // one memo per precision: its designs share the layers' shapes
                TilingMemo memo = TilingMemo.shared(1 << 16);
                Llm.Serve best = null;
                IsoAreaDesign bestDesign = null;
                int infeasible = 0;
                for (IsoAreaDesign d : cs) {
                    Llm.Serve s;
                    try {
                        s = Llm.serve(IsoArea.withBandwidth(d.accelerator(), bw), c, p.llm(), batch, prompt, generate,
                                SAMPLES, memo);
                    } catch (SpecException e) {
                        infeasible++;
                        continue;
                    }
                    if (best == null || s.tokensPerSecond() > best.tokensPerSecond()) {
                        best = s;
                        bestDesign = d;
                    }
                }
                if (best == null) {
                    throw new SpecException("designs", "one design of " + p.key() + " that can serve "
                            + c.name(), cs.size() + " refused");
                }
                double peak = IsoArea.peakImagesPerSecond(bestDesign.accelerator(), net);
                if (baseline == null) {
                    basePeak = peak;
                }
                double speedup = baseline == null ? 1 : best.tokensPerSecond() / baseline.serve().tokensPerSecond();
                Point pt = new Point(p, bw, bestDesign, best, cs.size(), infeasible, speedup, peak / basePeak);
                baseline = baseline == null ? pt : baseline;
                points.add(pt);
            }
        }
        return new Result(c, base, IsoArea.budgetMm2(base, plan, tables), batch, prompt, generate, points);
    }
}
