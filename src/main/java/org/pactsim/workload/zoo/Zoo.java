package org.pactsim.workload.zoo;

import java.util.List;
import java.util.function.Supplier;
import org.pactsim.workload.Network;

/** The networks pactsim ships, by short name, each built at 8 bits. */
public final class Zoo {
    /** One network: its short name, a one-line description and its builder. */
    public record Entry(String name, String description, Supplier<Network> builder) {
        public Network build() {
            return builder.get();
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("alexnet", "AlexNet (torchvision), ImageNet 224x224", AlexNet::build),
            new Entry("vgg16", "VGG-16, ImageNet 224x224", Vgg16::build),
            new Entry("resnet18", "ResNet-18, ImageNet 224x224", ResNet::resnet18),
            new Entry("resnet20", "ResNet-20, CIFAR-10 32x32", ResNet20::build),
            new Entry("resnet34", "ResNet-34, ImageNet 224x224", ResNet::resnet34),
            new Entry("resnet50", "ResNet-50 (v1.5), ImageNet 224x224", ResNet::resnet50),
            new Entry("mobilenet-v1", "MobileNet-V1 1.0, ImageNet 224x224", MobileNetV1::build),
            new Entry("mobilenet-v2", "MobileNet-V2 1.0, ImageNet 224x224", MobileNetV2::build),
            new Entry("bert-base", "BERT-base encoder, 128 tokens", Bert::build),
            new Entry("gpt2-small", "GPT-2 small, prefill of 128 tokens", Gpt2::prefill),
            new Entry("gpt2-small-decode", "GPT-2 small, one decode step after 128 tokens", Gpt2::decode),
            new Entry("vit-b16", "ViT-B/16, ImageNet 224x224", VitB16::build));

    private Zoo() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry of a short name, or null. */
    public static Entry find(String name) {
        for (Entry e : ENTRIES) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }
}
