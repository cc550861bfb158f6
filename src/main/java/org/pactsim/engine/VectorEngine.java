package org.pactsim.engine;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.VectorLayer;

/**
 * Times a non-GEMM layer on the vector units: each core has {@code vector.lanes} lanes, each
 * doing one element operation per cycle ({@link VectorLayer#work()}: window elements for
 * pooling, one add per extra operand, three passes for softmax, two for layer norm), and the
 * work is split evenly over the cores: {@code cycles = ceil(work / (lanes * cores))}. The
 * same in both timing models (SCALE-Sim has no such layers). SRAM traffic: every operand
 * element read once, learned elements read once per sample, every output element written
 * once. No stalls are modelled here.
 */
public final class VectorEngine {
    private VectorEngine() {
    }

    public static LayerResult run(AcceleratorSpec acc, VectorLayer layer, TimingModel model) {
        try {
            long lanes = Math.multiplyExact((long) acc.vector().lanes(), acc.cores());
            long cycles = FoldGeometry.ceilDiv(layer.work(), lanes);
            return new LayerResult(layer.name(), layer.type(), null, null, 0, cycles, 0, 0, 0, 0, 0,
                    layer.activationReads(), layer.learnedReads(), 0, layer.outputShape().elements(),
                    LayerResult.VECTOR);
        } catch (ArithmeticException e) {
            throw new OverflowException("layer " + layer.name()
                    + ": a cycle or access count exceeds 2^63-1; the layer is too large to simulate");
        }
    }
}
