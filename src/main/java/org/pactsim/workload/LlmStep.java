package org.pactsim.workload;

import org.pactsim.spec.Violations;

/**
 * One forward pass of a decoder: {@code batch} sequences each adding {@code tokens} new tokens
 * to {@code past} tokens already in the KV cache. A prefill of P tokens is {@code (B, P, 0)}; a
 * decode step at context L is {@code (B, 1, L)}: one new token against L cached ones.
 */
public record LlmStep(long batch, long tokens, long past) {
    /** The most tokens a step may span: 1,048,576 (1M context). */
    public static final long MAX_TOKENS = 1L << 20;

    public LlmStep {
        new Violations().between("batch", batch, 1, 65_536).between("tokens", tokens, 1, MAX_TOKENS)
                .between("context", past, 0, MAX_TOKENS)
                .check(past == 0 || tokens == 1, "tokens", "1 new token per decode step (past > 0)",
                        Long.toString(tokens))
                .throwIfAny();
    }

    public static LlmStep prefill(long batch, long prompt) {
        return new LlmStep(batch, prompt, 0);
    }

    public static LlmStep decode(long batch, long context) {
        return new LlmStep(batch, 1, context);
    }

    public boolean isDecode() {
        return past > 0;
    }

    /** Keys each new token attends to: the cached ones and the new ones. */
    public long keys() {
        return Math.addExact(past, tokens);
    }

    /** Rows of the token tensor: {@code batch * tokens}. */
    public long rows() {
        return Math.multiplyExact(batch, tokens);
    }
}
