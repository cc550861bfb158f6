package org.pactsim.io.onnx;

import org.pactsim.spec.NumberType;

/**
 * ONNX tensor element types ({@code TensorProto.DataType} codes of onnx.proto) with their
 * width in bits and whether they are integer or floating point, as pactsim's {@code Bits}
 * need them.
 */
public enum ElemType {
    FLOAT(1, 32, NumberType.FLOAT), UINT8(2, 8, NumberType.INT), INT8(3, 8, NumberType.INT),
    UINT16(4, 16, NumberType.INT), INT16(5, 16, NumberType.INT), INT32(6, 32, NumberType.INT),
    INT64(7, 64, NumberType.INT), STRING(8, 0, null), BOOL(9, 8, NumberType.INT),
    FLOAT16(10, 16, NumberType.FLOAT), DOUBLE(11, 64, NumberType.FLOAT), UINT32(12, 32, NumberType.INT),
    UINT64(13, 64, NumberType.INT), BFLOAT16(16, 16, NumberType.FLOAT),
    FLOAT8E4M3FN(17, 8, NumberType.FLOAT), FLOAT8E4M3FNUZ(18, 8, NumberType.FLOAT),
    FLOAT8E5M2(19, 8, NumberType.FLOAT), FLOAT8E5M2FNUZ(20, 8, NumberType.FLOAT),
    UINT4(21, 4, NumberType.INT), INT4(22, 4, NumberType.INT), FLOAT4E2M1(23, 4, NumberType.FLOAT);

    private final int code;
    private final int bits;
    private final NumberType type;

    ElemType(int code, int bits, NumberType type) {
        this.code = code;
        this.bits = bits;
        this.type = type;
    }

    public int code() {
        return code;
    }

    public int bits() {
        return bits;
    }

    public NumberType numberType() {
        return type;
    }

    /** Whether pactsim can compute at this width: integers of 1..32 bits, floats of 8, 16 or 32. */
    public boolean computable() {
        return type == NumberType.INT ? bits >= 1 && bits <= 32 : type == NumberType.FLOAT && bits >= 8 && bits <= 32;
    }

    /** The type of an onnx.proto code, or null for an unknown or undefined one. */
    public static ElemType of(int code) {
        for (ElemType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** The lower-case name as in onnx.proto ("int8", "float16", "bfloat16"). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
