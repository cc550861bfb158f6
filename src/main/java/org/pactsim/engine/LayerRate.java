package org.pactsim.engine;

import org.pactsim.spec.MacRate;
import org.pactsim.spec.PeThroughput;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.Precision;
import org.pactsim.workload.Bits;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.VectorLayer;

/**
 * The rate at which the accelerator's PEs run a layer's MACs: {@link PeThroughput} for the
 * PE's precision and mode and the layer's weight and activation widths. Vector-unit layers
 * run at one element per lane per cycle ({@link MacRate#ONE}).
 */
public final class LayerRate {
    private LayerRate() {
    }

    public static MacRate of(AcceleratorSpec acc, Layer layer) {
        if (layer instanceof VectorLayer) {
            return MacRate.ONE;
        }
        return PeThroughput.of(acc.pe().mode(), Precision.of(acc.pe()), precision(layer));
    }

    /**
     * The precision a layer's MACs run at: {@link #precision(Bits)}, except that the weights of an
     * fc that dequantizes ({@link org.pactsim.workload.WeightQuant#dequantize}) reach the PE at
     * the activation width.
     */
    public static Precision precision(Layer layer) {
        Bits b = layer.bits();
        if (layer instanceof MatMulLayer m && m.quant().dequantize() && b.weight() < b.activation()) {
            return precision(new Bits(b.activation(), b.activation(), b.output(), b.type()));
        }
        return precision(b);
    }

    /**
     * The precision of a layer's MACs: integers by their weight and activation widths; floats
     * as fp32 or fp16 by their wider operand, 8-bit floats as fp8-e4m3 (a trace cannot name
     * bf16 or e5m2 yet).
     */
    public static Precision precision(Bits b) {
        if (b.type() == NumberType.INT) {
            return Precision.integer(b.weight(), b.activation());
        }
        int w = Math.max(b.weight(), b.activation());
        return w >= 32 ? Precision.FP32 : w >= 16 ? Precision.FP16 : Precision.FP8_E4M3;
    }
}
