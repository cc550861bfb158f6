package org.pactsim.io.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.List;
import org.pactsim.io.InputException;

/**
 * The protobuf wire level under {@link OnnxReader}: length-delimited messages bounded by the
 * bytes left (a truncated file is named as such), scalar fields checked against their wire
 * type, repeated scalars packed or not, and errors that name the file and the byte offset.
 */
abstract class OnnxWire {
    final byte[] bytes;
    final String origin;
    final CodedInputStream in;

    OnnxWire(byte[] bytes, String origin) {
        this.bytes = bytes;
        this.origin = origin;
        this.in = CodedInputStream.newInstance(bytes);
        this.in.setSizeLimit(Integer.MAX_VALUE);
    }

    final InputException error(String expected, String found) {
        return InputException.at(origin + ": byte " + in.getTotalBytesRead(), null, expected, found);
    }

    interface Body<T> {
        T read() throws IOException;
    }

    final <T> T message(int tag, String field, Body<T> body) throws IOException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        int len = in.readRawVarint32();
        if (len < 0 || len > bytes.length - in.getTotalBytesRead()) {
            throw error(field + " of at most the " + (bytes.length - in.getTotalBytesRead()) + " bytes left",
                    "a length of " + len + " (a truncated file?)");
        }
        int old = in.pushLimit(len);
        T t = body.read();
        in.checkLastTagWas(0);
        in.popLimit(old);
        return t;
    }

    final void expect(int tag, int wire, String field) {
        if (WireFormat.getTagWireType(tag) != wire) {
            throw error(field + " with wire type " + wire, "wire type " + WireFormat.getTagWireType(tag));
        }
    }

    final long varint(int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_VARINT, field);
        return in.readInt64();
    }

    final float fixed32(int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_FIXED32, field);
        return in.readFloat();
    }

    final String string(int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        return in.readString();
    }

    /** A repeated integer field, packed or not; keeps at most {@code max} values (the rest skipped). */
    final void ints(int tag, String field, LongList out, int max) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int len = in.readRawVarint32();
            int old = in.pushLimit(len);
            while (in.getBytesUntilLimit() > 0) {
                long v = in.readInt64();
                if (out.size() <= max) {
                    out.add(v);
                }
            }
            in.popLimit(old);
        } else {
            long v = varint(tag, field);
            if (out.size() <= max) {
                out.add(v);
            }
        }
    }

    final void floats(int tag, List<Float> out) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int len = in.readRawVarint32();
            if (len > OnnxReader.SMALL * 4) {
                // a large float tensor: skipped; OnnxReader.SMALL + 1 placeholders mark it as not small
                in.skipRawBytes(len);
                out.addAll(java.util.Collections.nCopies(OnnxReader.SMALL + 1, Float.NaN));
                return;
            }
            int old = in.pushLimit(len);
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readFloat());
            }
            in.popLimit(old);
        } else {
            out.add(fixed32(tag, "TensorProto.float_data"));
        }
    }
}
