/**
 * Decoder-only LLMs: their published configs ({@link org.pactsim.workload.llm.LlmConfig}), the
 * step of one forward pass (prefill or decode, {@link org.pactsim.workload.llm.LlmStep}) and
 * the LLM quantization schemes ({@link org.pactsim.workload.llm.LlmPrecision}: W4A16 and the
 * like, group-wise scales, the KV cache's bits). The networks themselves are built by
 * {@link org.pactsim.workload.zoo.Decoder}; {@code docs/llm.md} says what is modelled.
 */
package org.pactsim.workload.llm;
