/**
 * The network zoo: one builder per published architecture (AlexNet, VGG-16, ResNet-18/34/50,
 * ResNet-20 for CIFAR-10, MobileNet-V1/V2, BERT-base, GPT-2 small, ViT-B/16), and the Llama-family decoder
 * ({@link org.pactsim.workload.zoo.Decoder}) of the LLM configs ({@link org.pactsim.workload.LlmConfig}). Shapes are
 * derived layer by layer from each paper's hyperparameters, never typed in; every network is
 * built at 8 bits and re-precisioned with {@link org.pactsim.workload.PrecisionVariant}.
 *
 * <p>Not here: writing traces to files (see {@code org.pactsim.io.format.TraceWriter}) or the
 * {@code pactsim traces} command.
 */
package org.pactsim.workload.zoo;
