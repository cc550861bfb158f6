package org.pactsim.study;

import static java.lang.Math.multiplyExact;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;

/**
 * A network run on {@code b} inputs at once: convolutions and vector layers get {@code b}
 * times the batch, fully connected layers {@code b} times the rows, attention matmuls
 * {@code b} times the count. Weights are shared by the batch.
 */
public final class Batching {
    private Batching() {
    }

    public static Network of(Network net, long b) {
        if (b == 1) {
            return net;
        }
        List<Layer> out = new ArrayList<>(net.layers().size());
        for (Layer l : net.layers()) {
            out.add(batched(l, b));
        }
        List<String> notes = new ArrayList<>(net.notes());
        notes.add("batch of " + b + " inputs per inference");
        return new Network(net.name() + "-b" + b, out, notes);
    }

    static Layer batched(Layer l, long b) {
        if (l instanceof ConvLayer c) {
            return new ConvLayer(c.name(), multiplyExact(c.batch(), b), c.inH(), c.inW(), c.inC(), c.outC(), c.kH(), c.kW(),
                    c.strideH(), c.strideW(), c.padH(), c.padW(), c.groups(), c.bits(), c.inputs(), c.bias());
        }
        if (l instanceof MatMulLayer m) {
            return m.kind() == MatMulLayer.Kind.LINEAR
                    ? m.resized(m.count(), multiplyExact(m.m(), b))
                    : m.resized(multiplyExact(m.count(), b), m.m());
        }
        VectorLayer v = (VectorLayer) l;
        return new VectorLayer(v.name(), v.op(), multiplyExact(v.batch(), b), v.inH(), v.inW(), v.inC(), v.kH(), v.kW(),
                v.strideH(), v.strideW(), v.padH(), v.padW(), v.learned(), v.bits(), v.inputs());
    }
}
