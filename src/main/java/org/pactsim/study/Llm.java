package org.pactsim.study;

import static java.lang.Math.addExact;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.engine.TimingModel;
import org.pactsim.memory.LayerMemory;
import org.pactsim.memory.MemoryModel;
import org.pactsim.memory.TilingMemo;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;
import org.pactsim.workload.zoo.Decoder;

/**
 * LLM inference on an accelerator: one prefill or decode step ({@link #step}), or a serving
 * scenario ({@link #serve}): the prefill of a prompt, then one decode step per further output
 * token with the context growing by one each step. Every step is simulated in full; the
 * reported time of a step is its steady-state time (weights and KV cache that stay on chip were
 * placed there by earlier steps and requests).
 */
public final class Llm {
    private Llm() {
    }

    /** One simulated step and what its weights and KV cache did. */
    public record Step(LlmStep step, Network net, SimulationResult sim) {
        public double seconds() {
            return sim.steadyStateCycles() / (sim.accelerator().clockMhz() * 1e6);
        }

        /** Stored bytes of the fc weights (and their group scales), the LM head's included. */
        public long weightBytes() {
            return Llm.weightBytes(net);
        }

        /** Bytes of the KV cache the step reads (every layer's K and V, the new tokens' rows included). */
        public long cacheBytes() {
            return Llm.cacheBytes(net);
        }

        /** Weight bytes a steady-state step reads from DRAM (0 when all stay on chip). */
        public long weightBytesStreamed() {
            return streamed(net, sim, false);
        }

        /** KV-cache bytes a steady-state step reads from DRAM. */
        public long cacheBytesStreamed() {
            return streamed(net, sim, true);
        }

        /** Share of the weight bytes that stay on chip in steady state, 0 to 1. */
        public double weightsOnChip() {
            long w = weightBytes();
            return w == 0 ? 1 : Math.max(0, 1 - (double) weightBytesStreamed() / w);
        }

        /** Share of the KV cache that stays on chip, 0 to 1 (1 when the step reads none). */
        public double cacheOnChip() {
            long c = cacheBytes();
            return c == 0 ? 1 : Math.max(0, 1 - (double) cacheBytesStreamed() / c);
        }

        /**
         * The step's floor at this DRAM bandwidth had nothing stayed on chip: all weight and KV bytes
         * over the sustained bandwidth, in seconds (0 at unlimited bandwidth). The classic decode
         * roofline; a step may beat it only by keeping weights or cache on chip.
         */
        public double streamingBoundSeconds() {
            AcceleratorSpec acc = sim.accelerator();
            if (acc.dram().isUnlimited()) {
                return 0;
            }
            return (weightBytes() + (double) cacheBytes()) / (acc.dram().sustainedGBps() * 1e9);
        }

        /** The step's floor at the peak MAC rate: every PE busy at the layers' rates, in seconds. */
        public double computeBoundSeconds() {
            double ips = IsoArea.peakImagesPerSecond(sim.accelerator(), net);
            return Double.isInfinite(ips) ? 0 : 1 / ips;
        }
    }

    /** Stored bytes of a network's fc weights and their group scales. */
    static long weightBytes(Network net) {
        long bits = 0;
        for (Layer l : net.layers()) {
            if (l instanceof MatMulLayer m) {
                bits = addExact(bits, m.storedWeightBits());
            }
        }
        return addExact(bits, 7) / 8;
    }

    /** Bytes of the KV caches a network reads. */
    static long cacheBytes(Network net) {
        long bits = 0;
        for (long b : MemoryModel.kvCacheBits(net)) {
            bits = addExact(bits, b);
        }
        return addExact(bits, 7) / 8;
    }

    /** Bytes a steady-state run reads from DRAM for the KV caches ({@code cache}) or the fc weights. */
    static long streamed(Network net, SimulationResult sim, boolean cache) {
        long[] kv = MemoryModel.kvCacheBits(net);
        long s = 0;
        for (int i = 0; i < net.layers().size(); i++) {
            Layer l = net.layers().get(i);
            boolean isCache = kv[i] > 0;
            boolean isWeight = l instanceof MatMulLayer m && m.kind() == MatMulLayer.Kind.LINEAR;
            if (cache ? isCache : isWeight) {
                LayerMemory m = sim.steady().get(i);
                s = addExact(s, m.filterReadBytes());
            }
        }
        return s;
    }

    /**
     * The decoder of {@code c} at {@code s}, typed by {@code plan}, simulated on {@code acc}. The
     * cores run every layer in lockstep, whatever {@code schedule.cores} says: a decode step needs
     * the token of the step before it, so a layer pipeline's period would not be a step's time
     * (it needs as many independent batches in flight as it has stages; {@code docs/llm.md}).
     */
    public static Step step(AcceleratorSpec acc, LlmConfig c, LlmPrecision.Plan plan, LlmStep s, TilingMemo memo) {
        Network net = plan.apply(Decoder.build(c, s));
        AcceleratorSpec lockstep = acc.withSchedule(acc.schedule().withCores(
                org.pactsim.spec.ScheduleSpec.CoreMode.LOCKSTEP));
        return new Step(s, net, Simulation.run(lockstep, net, TimingModel.PACTSIM, memo));
    }

    /**
     * A serving scenario: {@code batch} requests of {@code prompt} tokens each, {@code generate}
     * output tokens each. The prefill gives the first output token; {@code generate - 1} decode
     * steps follow at contexts {@code prompt .. prompt + generate - 2}. {@code decode} holds the
     * decode steps simulated: all of them, or (a sampled serve) some of them, evenly spaced with
     * the first and the last, the others' times interpolated linearly between their neighbours;
     * {@code decodeSeconds} is the total over all {@code generate - 1} steps either way.
     */
    public record Serve(LlmConfig config, LlmPrecision.Plan plan, long batch, long prompt, long generate,
                        Step prefill, List<Step> decode, double decodeSeconds, long cacheWriteBytes,
                        double cacheWriteSeconds) {
        /** Time to first token: the prefill, plus writing its KV cache to DRAM when the cache does not stay on chip. */
        public double ttftSeconds() {
            return prefill.seconds() + cacheWriteSeconds;
        }

        /** Decode steps in the scenario. */
        public long steps() {
            return generate - 1;
        }

        /** Whether some decode steps were interpolated, not simulated. */
        public boolean sampled() {
            return decode.size() < steps();
        }

        /** Mean time per output token after the first. */
        public double tpotSeconds() {
            return steps() == 0 ? 0 : decodeSeconds / steps();
        }

        public double totalSeconds() {
            return ttftSeconds() + decodeSeconds;
        }

        /** Output tokens per second over the whole scenario (all requests of the batch). */
        public double tokensPerSecond() {
            return batch * generate / totalSeconds();
        }

        /** Output tokens per second of the decode steps alone. */
        public double decodeTokensPerSecond() {
            return steps() == 0 ? 0 : batch * steps() / decodeSeconds;
        }
    }

    /** Every decode step simulated. */
    public static Serve serve(AcceleratorSpec acc, LlmConfig c, LlmPrecision.Plan plan, long batch, long prompt,
                              long generate, TilingMemo memo) {
        return serve(acc, c, plan, batch, prompt, generate, Integer.MAX_VALUE, memo);
    }

    /**
     * At most {@code samples} (at least 2) decode steps simulated, evenly spaced over the
     * contexts with the first and the last; the steps between are interpolated linearly. Decode
     * time is affine in the context while the residency stays the same (the weights' and
     * cache's bytes are fixed or grow by one row a step); the error is where it changes.
     */
    public static Serve serve(AcceleratorSpec acc, LlmConfig c, LlmPrecision.Plan plan, long batch, long prompt,
                              long generate, int samples, TilingMemo memo) {
        if (generate < 1) {
            throw new org.pactsim.spec.SpecException("--generate", "at least 1 output token", Long.toString(generate));
        }
        Step pre = step(acc, c, plan, LlmStep.prefill(batch, prompt), memo);
        long steps = generate - 1;
        List<Step> dec = new ArrayList<>();
        double total = 0;
        if (steps <= Math.max(2, samples)) {
            for (long j = 0; j < steps; j++) {
                Step d = step(acc, c, plan, LlmStep.decode(batch, prompt + j), memo);
                dec.add(d);
                total += d.seconds();
            }
        } else {
            int k = Math.max(2, samples);
            long[] at = new long[k];
            double[] t = new double[k];
            for (int i = 0; i < k; i++) {
                at[i] = Math.round((double) i * (steps - 1) / (k - 1));
                Step d = step(acc, c, plan, LlmStep.decode(batch, prompt + at[i]), memo);
                dec.add(d);
                t[i] = d.seconds();
            }
            for (int i = 0; i + 1 < k; i++) {
                // steps at[i] .. at[i+1]-1 (the last segment includes its end): trapezoids
                long n = at[i + 1] - at[i];
                for (long j = 0; j < n; j++) {
                    total += t[i] + (t[i + 1] - t[i]) * j / n;
                }
            }
            total += t[k - 1];
        }
        // the prompt's K and V go to DRAM when the first decode step does not find its cache on chip
        long write = 0;
        double writeSeconds = 0;
        if (!dec.isEmpty() && dec.get(0).cacheBytesStreamed() > 0) {
            write = c.kvCacheBytes(batch, prompt, plan.kvBits());
            writeSeconds = acc.dram().isUnlimited() ? 0 : write / (acc.dram().sustainedGBps() * 1e9);
        }
        return new Serve(c, plan, batch, prompt, generate, pre, dec, total, write, writeSeconds);
    }
}
