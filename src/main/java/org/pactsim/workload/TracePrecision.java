package org.pactsim.workload;

import java.util.Locale;
import org.pactsim.spec.NumberType;

/** The numeric formats the trace variants are generated at (a layer-level choice; what a PE computes is {@code spec.Precision}). */
public enum TracePrecision {
    FP16(16, NumberType.FLOAT), INT16(16, NumberType.INT), INT8(8, NumberType.INT),
    INT4(4, NumberType.INT), INT2(2, NumberType.INT),
    /** 8-bit float (e4m3): an LLM precision; the trace generator writes no fp8 variant. */
    FP8(8, NumberType.FLOAT);

    private final int bits;
    private final NumberType type;

    TracePrecision(int bits, NumberType type) {
        this.bits = bits;
        this.type = type;
    }

    public int bits() {
        return bits;
    }

    public NumberType type() {
        return type;
    }

    /** {@code fp16}, {@code int16}, {@code int8}, {@code int4}, {@code int2}, {@code fp8}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TracePrecision parse(String s) {
        for (TracePrecision p : values()) {
            if (p.key().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return p;
            }
        }
        return null;
    }
}
