package org.pactsim.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pactsim.cost.ActionCounts;
import org.pactsim.cost.AreaModel;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.SpecException;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.WeightQuant;

/**
 * The engine's action counts ({@link ActionCounts}, what {@code cost} prices), made from a layer's
 * result in this one place, where element counts become bits. SRAM element counts become bits: ifmap reads at the activation width, filter reads
 * at the weight width, partial-sum traffic (ofmap reads, and writes beyond one per output) at
 * the accumulator width, final output writes at the output width. DRAM traffic is the
 * compulsory minimum, each operand moved once: layer input and weights (or a matmul's
 * right-hand matrix, at the weight width) read, output written;
 * the SRAM is charged for filling those inputs and draining those outputs. Idle PE-cycles are
 * {@code cycles x PEs - MACs}, as the engine runs one MAC per PE-cycle. A layer without a GEMM
 * (run off the array) has no MACs; its outputs are its ofmap writes. A layer's MACs are
 * counted at {@link LayerRate#precision its precision}.
 */
public final class Actions {
    private Actions() {
    }

    /** One {@link ActionCounts} per layer of {@code result}, whose layers are {@code net}'s. */
    public static List<ActionCounts> perLayer(NetworkResult result, Network net) {
        if (result.layers().size() != net.layers().size()) {
            throw new SpecException("layers", net.layers().size() + " results (one per layer)",
                    Integer.toString(result.layers().size()));
        }
        List<ActionCounts> out = new ArrayList<>(net.layers().size());
        for (int i = 0; i < net.layers().size(); i++) {
            Layer l = net.layers().get(i);
            LayerResult r = result.layers().get(i);
            if (!l.name().equals(r.name())) {
                throw new SpecException("layers[" + i + "]", "the result of layer " + l.name(), r.name());
            }
            out.add(forLayer(r, l, result.accelerator()));
        }
        return out;
    }

    /** The counts of one layer's result. */
    public static ActionCounts forLayer(LayerResult r, Layer layer, AcceleratorSpec acc) {
        Bits b = layer.bits();
        int acc32 = acc.pe().accumulatorBits();
        Gemm g = r.gemm();
        long outputs = g != null ? multiplyExact(multiplyExact(g.m(), g.n()), g.repeat()) : r.sramOfmapWrites();
        long inputElems = inputElements(layer, r);
        long weightElems = weightElements(layer, r);
        long inBits = multiplyExact(inputElems, b.activation());
        long wBits = multiplyExact(weightElems, b.weight());
        WeightQuant quant = layer instanceof MatMulLayer m ? m.quant() : WeightQuant.NONE;
        wBits = addExact(wBits, layer instanceof MatMulLayer m ? quant.scaleBits(m.k(), m.n()) : 0);
        long outBits = multiplyExact(outputs, b.output());

        long finalWrites = Math.min(r.sramOfmapWrites(), outputs);
        long psumWrites = r.sramOfmapWrites() - finalWrites;
        long psumRead = multiplyExact(r.sramOfmapReads(), acc32);
        long psumWrite = multiplyExact(psumWrites, acc32);
        boolean accumulators = acc.silicon().accumulatorKiB() > 0;
        List<ActionCounts.SramTraffic> sram = new ArrayList<>(4);
        sram.add(new ActionCounts.SramTraffic(ActionCounts.Operand.IFMAP,
                AreaModel.bufferBytes(acc, ActionCounts.Operand.IFMAP),
                multiplyExact(r.sramIfmapReads(), b.activation()), inBits));
        sram.add(new ActionCounts.SramTraffic(ActionCounts.Operand.FILTER,
                AreaModel.bufferBytes(acc, ActionCounts.Operand.FILTER),
                multiplyExact(r.sramFilterReads(), b.weight()), wBits));
        long finalBits = multiplyExact(finalWrites, b.output());
        if (accumulators) {
            // partial sums stay in the accumulator SRAM; the ofmap buffer takes the final outputs
            sram.add(new ActionCounts.SramTraffic(ActionCounts.Operand.OFMAP,
                    AreaModel.bufferBytes(acc, ActionCounts.Operand.OFMAP), outBits, finalBits));
            sram.add(new ActionCounts.SramTraffic(ActionCounts.Operand.PSUM,
                    AreaModel.bufferBytes(acc, ActionCounts.Operand.PSUM), psumRead, psumWrite));
        } else {
            sram.add(new ActionCounts.SramTraffic(ActionCounts.Operand.OFMAP,
                    AreaModel.bufferBytes(acc, ActionCounts.Operand.OFMAP),
                    addExact(psumRead, outBits), addExact(finalBits, psumWrite)));
        }
        long slots = multiplyExact(r.cycles(), acc.totalPes());
        long idle = Math.max(0, slots - r.macs());
        Map<Precision, Long> macs = r.macs() == 0 ? Map.of() : Map.of(LayerRate.precision(layer), r.macs());
        // the vector units: a non-GEMM layer's element operations; a GEMM's outputs each pass the
        // activation pipeline once (scaling, activation function)
        long vectorOps = layer instanceof VectorLayer v ? v.work() : outputs;
        if (quant.dequantize()) {
            // each weight fed to the array is first multiplied by its group's scale on the vector lanes
            vectorOps = addExact(vectorOps, r.sramFilterReads());
        }
        return new ActionCounts(macs, sram,
                addExact(inBits, wBits), outBits, idle, Math.max(0, r.cycles()), acc.clockMhz(), vectorOps, 0);
    }

    /**
     * Elements of the layer's first operand: the input activations. A layer that is neither a
     * convolution nor a matmul (one run off the array) reads each input once: its ifmap reads.
     */
    static long inputElements(Layer layer, LayerResult r) {
        if (layer instanceof ConvLayer c) {
            return multiplyExact(multiplyExact(c.batch(), c.inH()), multiplyExact(c.inW(), c.inC()));
        }
        if (layer instanceof MatMulLayer m) {
            return multiplyExact(multiplyExact(m.count(), m.m()), m.k());
        }
        return r.sramIfmapReads();
    }

    /**
     * Elements of the layer's second operand, held in the filter buffer at the weight width:
     * the weights, or for a matmul of two activations its right-hand matrix.
     */
    static long weightElements(Layer layer, LayerResult r) {
        if (layer instanceof ConvLayer c) {
            return c.weightCount();
        }
        if (layer instanceof MatMulLayer m) {
            return multiplyExact(multiplyExact(m.count(), m.k()), m.n());
        }
        return r.sramFilterReads();
    }
}
