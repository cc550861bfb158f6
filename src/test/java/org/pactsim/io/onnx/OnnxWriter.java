package org.pactsim.io.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models for tests, with the field numbers of onnx.proto: nodes, int64 or
 * raw-data initializers, graph inputs with fixed or symbolic dims. {@code packed} chooses how
 * repeated integers (dims, ints attributes) are encoded, to test that the reader takes both.
 */
final class OnnxWriter {
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> inits = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private final boolean packed;
    private long opset = 17;

    OnnxWriter(boolean packed) {
        this.packed = packed;
    }

    OnnxWriter opset(long v) {
        opset = v;
        return this;
    }

    interface Body {
        void write(CodedOutputStream o) throws IOException;
    }

    static byte[] msg(Body b) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream o = CodedOutputStream.newInstance(bytes);
            b.write(o);
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ints(CodedOutputStream o, int field, long[] v) throws IOException {
        if (packed) {
            byte[] p = msg(x -> {
                for (long d : v) {
                    x.writeInt64NoTag(d);
                }
            });
            o.writeByteArray(field, p);
        } else {
            for (long d : v) {
                o.writeInt64(field, d);
            }
        }
    }

    /** An attribute: ints (INTS), a long (INT) or a string (STRING). */
    record Attr(String name, long[] ints, Long i, String s) {
        static Attr ints(String n, long... v) {
            return new Attr(n, v, null, null);
        }

        static Attr i(String n, long v) {
            return new Attr(n, null, v, null);
        }

        static Attr s(String n, String v) {
            return new Attr(n, null, null, v);
        }
    }

    OnnxWriter node(String op, String name, List<String> in, List<String> out, Attr... attrs) {
        return node("", op, name, in, out, attrs);
    }

    /** A node of {@code domain} ({@code com.microsoft} for ONNX Runtime's contrib ops). */
    OnnxWriter node(String domain, String op, String name, List<String> in, List<String> out, Attr... attrs) {
        nodes.add(msg(o -> {
            if (!domain.isEmpty()) {
                o.writeString(7, domain);
            }
            for (String s : in) {
                o.writeString(1, s);
            }
            for (String s : out) {
                o.writeString(2, s);
            }
            o.writeString(3, name);
            o.writeString(4, op);
            for (Attr a : attrs) {
                o.writeByteArray(5, msg(x -> {
                    x.writeString(1, a.name());
                    if (a.ints() != null) {
                        x.writeInt32(20, 7);
                        ints(x, 8, a.ints());
                    } else if (a.i() != null) {
                        x.writeInt32(20, 2);
                        x.writeInt64(3, a.i());
                    } else {
                        x.writeInt32(20, 3);
                        x.writeByteArray(4, a.s().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }));
            }
        }));
        return this;
    }

    /** An initializer of {@code type} (onnx.proto code) whose bytes are {@code raw} (weights, skipped by the reader). */
    OnnxWriter weight(String name, int type, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return weightOfBytes(name, type, (int) ((n * Math.max(1, ElemType.of(type).bits()) + 7) / 8), dims);
    }

    /** As {@link #weight}, with {@code bytes} bytes of raw data whatever the dims say (a forged initializer). */
    OnnxWriter weightOfBytes(String name, int type, int bytes, long... dims) {
        inits.add(msg(o -> {
            ints(o, 1, dims);
            o.writeInt32(2, type);
            o.writeString(8, name);
            o.writeBytes(9, ByteString.copyFrom(new byte[bytes]));
        }));
        return this;
    }

    /** An int64 initializer holding {@code values} (a shape argument), in int64_data. */
    OnnxWriter int64(String name, long... values) {
        inits.add(msg(o -> {
            ints(o, 1, new long[] {values.length});
            o.writeInt32(2, 7);
            ints(o, 7, values);
            o.writeString(8, name);
        }));
        return this;
    }

    /** A scalar int64 initializer (dims []). */
    OnnxWriter scalar(String name, long value) {
        inits.add(msg(o -> {
            o.writeInt32(2, 7);
            ints(o, 7, new long[] {value});
            o.writeString(8, name);
        }));
        return this;
    }

    private byte[] valueInfo(String name, int type, Object... dims) {
        return msg(o -> {
            o.writeString(1, name);
            o.writeByteArray(2, msg(t -> t.writeByteArray(1, msg(tt -> {
                tt.writeInt32(1, type);
                tt.writeByteArray(2, msg(sh -> {
                    for (Object d : dims) {
                        sh.writeByteArray(1, msg(dd -> {
                            if (d instanceof String s) {
                                dd.writeString(2, s);
                            } else {
                                dd.writeInt64(1, ((Number) d).longValue());
                            }
                        }));
                    }
                }));
            }))));
        });
    }

    /** A graph input; a dim is a number or a symbolic name. */
    OnnxWriter input(String name, int type, Object... dims) {
        inputs.add(valueInfo(name, type, dims));
        return this;
    }

    OnnxWriter output(String name) {
        outputs.add(valueInfo(name, 1));
        return this;
    }

    byte[] bytes() {
        return msg(o -> {
            o.writeInt64(1, 8);
            o.writeString(2, "pactsim-test");
            o.writeByteArray(7, msg(g -> {
                for (byte[] n : nodes) {
                    g.writeByteArray(1, n);
                }
                g.writeString(2, "test");
                for (byte[] t : inits) {
                    g.writeByteArray(5, t);
                }
                for (byte[] i : inputs) {
                    g.writeByteArray(11, i);
                }
                for (byte[] i : outputs) {
                    g.writeByteArray(12, i);
                }
            }));
            o.writeByteArray(8, msg(s -> {
                s.writeString(1, "");
                s.writeInt64(2, opset);
            }));
        });
    }

    OnnxImport importAs(String name, java.util.Map<String, Long> dims) {
        return OnnxImporter.convert(OnnxReader.parse(bytes(), name + ".onnx"), name + ".onnx", name, dims);
    }
}
