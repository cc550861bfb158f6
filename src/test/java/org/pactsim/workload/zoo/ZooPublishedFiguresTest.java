package org.pactsim.workload.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pactsim.workload.Network;

/**
 * Each built network against its published MACs and parameter count, within 1%.
 *
 * <p>What the trace counts: MACs of conv, fc and matmul layers (vector ops have none);
 * parameters = weights + one bias per output channel where the layer has one (a batch norm
 * folded into its convolution leaves exactly one) + layer-norm scales and shifts + learned
 * embeddings read by a vector op. Where a source counts something else the difference is
 * stated at its row.
 *
 * <p>Sources (checked through the project's search tool):
 * <ul>
 *   <li>torchvision model weights metadata ({@code num_params}, and {@code _ops} = GFLOPS
 *       counted as multiply-accumulates of conv/linear/matmul): AlexNet 0.714 / 61,100,840;
 *       VGG-16 15.47 / 138,357,544; ResNet-18 1.814 / 11,689,512; ResNet-34 3.664 /
 *       21,797,672; ResNet-50 4.089 / 25,557,032; MobileNet-V2 0.301 / 3,504,872; ViT-B/16
 *       17.564 / 86,567,656. torchvision counts batch norm as 2 parameters per channel
 *       (scale and shift); folded, we keep 1: ResNet-50 is 26,560 (0.10%) lower, MobileNet-V2
 *       17,056 (0.49%).</li>
 *   <li>MobileNet-V1 1.0-224: Google Research blog "MobileNets: Open-Source Models for
 *       Efficient On-Device Vision" (2017), 569 million MACs, 4.24 million parameters (the
 *       paper's Table 8 rounds to 4.2 M).</li>
 *   <li>ResNet-20: He et al. 2016 Table 6, 0.27 M parameters; chenyaofo/CIFAR-pretrained-models
 *       README, 0.27 M and 40.81 M FLOPs (= MACs), conv and linear only. Both rounded to 2 and 4
 *       digits. Our shortcut projections (option B) add 2,560 weights to the paper's option A.</li>
 *   <li>BERT-base: 109,482,240 parameters of HuggingFace bert-base-uncased (BertModel, the
 *       "110M" of Devlin et al.), minus the embedding tables (30,522 + 512 + 2 rows of 768) and
 *       the pooler (768 x 768 + 768), which are not encoder layers. MACs: Hoffmann et al. 2022
 *       (Chinchilla) Appendix F forward FLOPs / 2 for 12 layers at sequence 128, without the
 *       embedding lookup and the softmax (vector-unit work, no MACs).</li>
 *   <li>GPT-2 small: 124,439,808 parameters (HuggingFace gpt2, "124M"); our trace holds the
 *       position embedding rows it reads (128 of 1,024 in prefill, 1 in decode) and not the
 *       token table's lookup (the LM head reuses that table and is counted): 0.55% and 0.63%
 *       below. MACs: Chinchilla Appendix F with the final logits, without embeddings and
 *       softmax; decode with {@code seq_len = 1}, keys over 129 positions (KV cache).</li>
 * </ul>
 */
class ZooPublishedFiguresTest {

    /** Chinchilla Appendix F forward FLOPs / 2 of the attention and dense blocks, plus logits. */
    static double chinchillaMacs(long layers, long seq, long keys, long dModel, long ffw, long vocab) {
        double attention = 3.0 * seq * dModel * dModel // key, query, value projections
                + (double) seq * keys * dModel         // key @ query logits (key_size x heads = dModel)
                + (double) seq * keys * dModel         // softmax @ value reductions
                + (double) seq * dModel * dModel;      // final linear
        double dense = 2.0 * seq * dModel * ffw;
        return layers * (attention + dense) + (double) seq * dModel * vocab;
    }

    static Stream<Arguments> published() {
        long bertEmbeddings = (30522L + 512 + 2) * 768;
        long bertPooler = 768L * 768 + 768;
        return Stream.of(
                Arguments.of("alexnet", 0.714e9, 61_100_840.0),
                Arguments.of("vgg16", 15.47e9, 138_357_544.0),
                Arguments.of("resnet18", 1.814e9, 11_689_512.0),
                Arguments.of("resnet34", 3.664e9, 21_797_672.0),
                Arguments.of("resnet50", 4.089e9, 25_557_032.0),
                Arguments.of("resnet20", 40.81e6, 0.27e6),
                Arguments.of("mobilenet-v1", 569e6, 4.24e6),
                Arguments.of("mobilenet-v2", 0.301e9, 3_504_872.0),
                Arguments.of("vit-b16", 17.564e9, 86_567_656.0),
                Arguments.of("bert-base", chinchillaMacs(12, 128, 128, 768, 3072, 0),
                        (double) (109_482_240L - bertEmbeddings - bertPooler)),
                Arguments.of("gpt2-small", chinchillaMacs(12, 128, 128, 768, 3072, 50257), 124_439_808.0),
                Arguments.of("gpt2-small-decode", chinchillaMacs(12, 1, 129, 768, 3072, 50257), 124_439_808.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void macsAndParamsWithinOnePercentOfPublished(String name, double macs, double params) {
        Network net = Zoo.find(name).build();
        assertThat(net.macs() / macs).as(name + " MACs %,d vs published %,.0f", net.macs(), macs)
                .isCloseTo(1.0, within(0.01));
        assertThat(net.params() / params).as(name + " params %,d vs published %,.0f", net.params(), params)
                .isCloseTo(1.0, within(0.01));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void everyNetworkHasAPublishedFigure(String name) {
        assertThat(Zoo.names()).contains(name);
    }

    @org.junit.jupiter.api.Test
    void theTableCoversTheWholeZoo() {
        assertThat(published().map(a -> (String) a.get()[0]).toList())
                .containsExactlyInAnyOrderElementsOf(Zoo.names());
    }
}
