package org.pactsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pactsim.io.InputException;
import org.pactsim.spec.SpecException;
import org.pactsim.study.IsoAreaPlan;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;
import org.pactsim.workload.PrecisionVariant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the LLM studies: how weights, the KV cache and the attention are quantized, and (iso-area) which step. */
final class LlmOptions {
    private LlmOptions() {
    }

    /** How weights narrower than activations reach the PE. */
    enum WeightOnly { dequantize, mixed }

    /** {@code --kv-bits}, {@code --matmul-bits}, {@code --group-size}, {@code --weight-only}: shared by llm and iso-area. */
    static final class Quant {
        @Option(names = "--kv-bits", paramLabel = "BITS",
                description = "For an LLM: bits of the KV cache (default: the attention's activation width).")
        Integer kvBits;

        @Option(names = "--matmul-bits", paramLabel = "BITS",
                description = "For an LLM: width of Q and the softmax in the attention matmuls (default: the attention's"
                        + " activation width; K and V are at --kv-bits).")
        Integer matmulBits;

        @Option(names = "--group-size", paramLabel = "G",
                description = "For an LLM: weights per 16-bit scale for w4a16, w8a16 and w4a8 (default 128; 0: no group"
                        + " scales).")
        Long groupSize;

        @Option(names = "--weight-only", paramLabel = "HOW",
                description = "For an LLM: how weights narrower than activations reach the PE: dequantize (widened to the"
                        + " activation width before the array, one vector-lane multiply per weight; default) or mixed (a"
                        + " mixed-width PE multiplies them as stored).")
        WeightOnly weightOnly;

        /** The first option given, as {option, value}, or null. */
        Object[] given() {
            Object[][] all = {{"--kv-bits", kvBits}, {"--matmul-bits", matmulBits}, {"--group-size", groupSize},
                {"--weight-only", weightOnly}};
            for (Object[] o : all) {
                if (o[1] != null) {
                    return o;
                }
            }
            return null;
        }

        /** The plan of these precisions; an impossible combination is a one-line input error. */
        LlmPrecision.Plan plan(LlmPrecision attention, LlmPrecision mlp, LlmPrecision head) {
            try {
                return new LlmPrecision.Plan(attention, mlp, head,
                        kvBits == null ? attention.activationBits() : kvBits,
                        matmulBits == null ? attention.activationBits() : matmulBits,
                        groupSize == null ? 128 : groupSize, weightOnly != WeightOnly.mixed);
            } catch (SpecException e) {
                throw new InputException(InputException.oneLine(e.getMessage()), e);
            }
        }
    }

    /** An LLM precision key, or a one-line error naming {@code option}. */
    static LlmPrecision precision(String option, String s) {
        LlmPrecision p = LlmPrecision.parse(s.trim().toLowerCase(Locale.ROOT));
        if (p == null) {
            throw InputException.at(option, null, "one of " + String.join(", ", LlmPrecision.keys()),
                    InputException.quote(s));
        }
        return p;
    }

    static void check(String option, Long v, long min, long max) {
        if (v != null && (v < min || v > max)) {
            throw InputException.at(option, null, "an integer from " + min + " to " + max, Long.toString(v));
        }
    }

    /** The options {@code pactsim iso-area} takes for an LLM network. */
    static final class Study {
        /** Which step of an LLM the study runs. */
        enum Phase { decode, prefill, serve }

        /** The default precisions of an LLM study, baseline first. */
        static final String PRECISIONS = "fp16,w8a8,w4a16,w4a8,w4a4";

        @Option(names = "--phase", paramLabel = "PHASE",
                description = "For an LLM: decode (one token per sequence at --context, default), prefill (--prompt"
                        + " tokens) or serve (--prompt tokens, then --generate output tokens; each design's whole"
                        + " scenario, its decode steps sampled); throughput is then in tokens/s.")
        Phase phase;

        @Option(names = "--context", paramLabel = "L", description = "For an LLM decode step: tokens in the KV cache (default 512).")
        Long context;

        @Option(names = "--prompt", paramLabel = "P", description = "For an LLM prefill or serving study: prompt tokens (default 512).")
        Long prompt;

        @Option(names = "--generate", paramLabel = "G", description = "For an LLM serving study: output tokens per request (default 128).")
        Long generate;

        @Mixin
        Quant quant;

        Phase phase() {
            return phase == null ? Phase.decode : phase;
        }

        long prompt() {
            return prompt == null ? 512 : prompt;
        }

        long generate() {
            return generate == null ? 128 : generate;
        }

        /** The step a decode or prefill study runs. */
        LlmStep step(long batch) {
            return phase() == Phase.prefill ? LlmStep.prefill(batch, prompt()) : LlmStep.decode(batch,
                    context == null ? 512 : context);
        }

        /**
         * Refuses these options on a network that is not an LLM ({@code llm == null}; {@code what} names
         * it), and on an LLM the ones its phase does not take.
         */
        void check(LlmConfig llm, String what) {
            if (llm == null) {
                Object[] q = quant.given();
                Object[][] all = {{"--phase", phase}, {"--context", context}, {"--prompt", prompt},
                    {"--generate", generate}, q == null ? new Object[] {"", null} : q};
                for (Object[] o : all) {
                    if (o[1] != null) {
                        throw InputException.at((String) o[0], null, "an LLM --network (" + String.join(", ",
                                LlmConfig.names()) + ")", what);
                    }
                }
                return;
            }
            if (context != null && phase() != Phase.decode) {
                throw InputException.at("--context", null, "--phase decode", "--phase " + phase());
            }
            if (prompt != null && phase() == Phase.decode) {
                throw InputException.at("--prompt", null, "--phase prefill or serve", "--phase decode");
            }
            if (generate != null && phase() != Phase.serve) {
                throw InputException.at("--generate", null, "--phase serve", "--phase " + phase());
            }
            LlmOptions.check("--generate", generate, 1, LlmStep.MAX_TOKENS);
            LlmOptions.check("--context", context, 1, LlmStep.MAX_TOKENS);
            LlmOptions.check("--prompt", prompt, 1, LlmStep.MAX_TOKENS);
        }

        /** The study's plan: each precision an LLM plan, the rest as {@code cnn} has it, throughput in tokens. */
        IsoAreaPlan plan(List<String> precisions, IsoAreaPlan cnn, long batch) {
            List<PrecisionVariant> ps = new ArrayList<>();
            for (String p : precisions) {
                LlmPrecision lp = LlmPrecision.parse(p.trim().toLowerCase(Locale.ROOT));
                if (lp == null) {
                    throw InputException.at("--precisions", null, "LLM precisions: " + String.join(", ",
                            LlmPrecision.keys()), InputException.quote(p));
                }
                ps.add(PrecisionVariant.of(quant.plan(lp, lp, lp)));
            }
            long tokens = phase() == Phase.prefill ? Math.multiplyExact(batch, prompt()) : batch;
            if (tokens > Integer.MAX_VALUE) {
                throw InputException.at("--batch", null, "batch x prompt tokens below 2^31", Long.toString(tokens));
            }
            return new IsoAreaPlan(ps, cnn.bandwidthsGBps(), cnn.scale(), cnn.dataflows(), cnn.areaMm2(), (int) tokens,
                    "token");
        }

        /** What the run's report says of the network, the step and the precisions. */
        void describe(java.util.Map<String, String> info, LlmConfig llm, String stepNote, String unit, long batch) {
            info.put("network", llm.title() + " (" + llm.source() + ")");
            if (phase() == Phase.serve) {
                info.put("scenario", batch + " request(s) of " + prompt() + " prompt tokens, " + generate()
                        + " output tokens each; " + org.pactsim.study.LlmServeStudy.SAMPLES + " decode steps simulated"
                        + " per design, the rest interpolated ('pactsim llm' simulates every step)");
            } else {
                info.put("step", stepNote + "; one " + unit + " per sequence and step");
            }
            info.put("precisions", "the attention projections and MLP at each precision, the KV cache at "
                    + (quant.kvBits == null ? "the activation width" : quant.kvBits + " bits") + " (docs/llm.md)");
        }
    }

    /** How a message names the network a command was given. */
    static String where(Path trace, String network) {
        return trace != null ? "--trace " + trace : "--network " + network;
    }
}
