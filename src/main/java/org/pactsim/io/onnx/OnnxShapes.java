package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shape inference of the ONNX operators pactsim imports (the rules of the ONNX operator
 * specification): broadcasting, convolution and pooling output sizes (pads, auto_pad,
 * strides, dilations), matrix products, and the layout ops whose shape arguments are small
 * constant int64 tensors (Reshape, Transpose, Squeeze, Unsqueeze, Flatten, Concat, Slice,
 * Gather, Pad, Tile, Resize, Reduce*). Impossible shapes throw {@link Bad}.
 */
final class OnnxShapes {
    private OnnxShapes() {
    }

    /** An impossible shape: what was expected and what was found. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String expected;
        final String found;

        Bad(String expected, String found) {
            super(expected + ", found " + found);
            this.expected = expected;
            this.found = found;
        }
    }

    static String str(long[] d) {
        return d == null ? "an unknown shape" : Arrays.toString(d);
    }

    static long product(long[] d, int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) {
            n = Math.multiplyExact(n, d[i]);
        }
        return n;
    }

    /** Numpy-style broadcasting of two shapes. */
    static long[] broadcast(long[] a, long[] b) {
        int r = Math.max(a.length, b.length);
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            long x = i < r - a.length ? 1 : a[i - (r - a.length)];
            long y = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new Bad("operand shapes that broadcast", str(a) + " and " + str(b));
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    static int axis(long a, int rank) {
        long x = a < 0 ? a + rank : a;
        if (x < 0 || x >= Math.max(rank, 1)) {
            throw new Bad("an axis in [-" + rank + ", " + rank + ")", Long.toString(a));
        }
        return (int) x;
    }

    /** Shape's start/end: negative counts from the end, clamped to [0, rank]. */
    static int axisClamp(long a, int rank) {
        long x = a < 0 ? a + rank : a;
        return (int) Math.max(0, Math.min(rank, x));
    }

    /**
     * Spatial output size and the begin/end padding of a convolution or pool along one axis;
     * {@code autoPad} NOTSET uses {@code pb}/{@code pe}.
     */
    static long[] window(String autoPad, long in, long k, long s, long dil, long pb, long pe, boolean ceil) {
        long ek = Math.addExact(Math.multiplyExact(dil, k - 1), 1);
        if (s < 1 || k < 1 || dil < 1 || pb < 0 || pe < 0) {
            throw new Bad("kernel, stride and dilation >= 1 and pads >= 0", "k " + k + ", s " + s + ", d " + dil
                    + ", pads " + pb + "/" + pe);
        }
        switch (autoPad) {
            case "SAME_UPPER", "SAME_LOWER" -> {
                long out = (in + s - 1) / s;
                long total = Math.max(0, (out - 1) * s + ek - in);
                long small = total / 2;
                long big = total - small;
                return autoPad.equals("SAME_UPPER") ? new long[] {out, small, big} : new long[] {out, big, small};
            }
            case "VALID" -> {
                pb = 0;
                pe = 0;
            }
            case "NOTSET", "" -> {
            }
            default -> throw new Bad("auto_pad NOTSET, SAME_UPPER, SAME_LOWER or VALID", autoPad);
        }
        long span = in + pb + pe - ek;
        if (span < 0) {
            throw new Bad("a window of " + ek + " within the padded input of " + (in + pb + pe), "a larger window");
        }
        long out = (ceil ? Math.floorDiv(span + s - 1, s) : span / s) + 1;
        return new long[] {out, pb, pe};
    }

    /** C = A x B with numpy matmul broadcasting (1-D operands promoted and their axis dropped). */
    static long[] matmul(long[] a, long[] b) {
        long[] x = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] y = b.length == 1 ? new long[] {b[0], 1} : b;
        if (x.length == 0 || y.length == 0 || x[x.length - 1] != y[y.length - 2]) {
            throw new Bad("inner dimensions that agree (A[..., M, K] x B[..., K, N])", str(a) + " x " + str(b));
        }
        long[] batch = broadcast(Arrays.copyOf(x, x.length - 2), Arrays.copyOf(y, y.length - 2));
        List<Long> out = new ArrayList<>();
        for (long d : batch) {
            out.add(d);
        }
        if (a.length > 1) {
            out.add(x[x.length - 2]);
        }
        if (b.length > 1) {
            out.add(y[y.length - 1]);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Reshape with 0 (copy, unless allowzero) and one -1 (inferred). */
    static long[] reshape(long[] in, long[] shape, boolean allowZero) {
        long[] out = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) {
                if (i >= in.length) {
                    throw new Bad("a 0 in the target shape only where the input has that axis", str(shape));
                }
                out[i] = in[i];
            }
            if (out[i] == -1) {
                if (infer >= 0) {
                    throw new Bad("at most one -1 in the target shape", str(shape));
                }
                infer = i;
            } else if (out[i] < 0) {
                throw new Bad("target dimensions >= -1", str(shape));
            } else {
                known = Math.multiplyExact(known, out[i]);
            }
        }
        long total = product(in, 0, in.length);
        if (infer >= 0) {
            if (known == 0 || total % known != 0) {
                throw new Bad("a shape whose -1 divides the " + total + " elements of " + str(in), str(shape));
            }
            out[infer] = total / known;
        } else if (known != total) {
            throw new Bad("a shape of " + total + " elements (the input " + str(in) + ")", str(shape)
                    + " of " + known + " elements");
        }
        return out;
    }

    static long[] transpose(long[] in, long[] perm) {
        if (perm == null) {
            long[] out = new long[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = in[in.length - 1 - i];
            }
            return out;
        }
        if (perm.length != in.length) {
            throw new Bad("a permutation of " + in.length + " axes", str(perm));
        }
        long[] out = new long[in.length];
        boolean[] seen = new boolean[in.length];
        for (int i = 0; i < perm.length; i++) {
            int p = axis(perm[i], in.length);
            if (seen[p]) {
                throw new Bad("a permutation of " + in.length + " axes", str(perm));
            }
            seen[p] = true;
            out[i] = in[p];
        }
        return out;
    }

    static long[] squeeze(long[] in, long[] axes) {
        List<Long> out = new ArrayList<>();
        boolean[] drop = new boolean[in.length];
        if (axes == null) {
            for (int i = 0; i < in.length; i++) {
                drop[i] = in[i] == 1;
            }
        } else {
            for (long a : axes) {
                int x = axis(a, in.length);
                if (in[x] != 1) {
                    throw new Bad("squeezed axes of size 1", "axis " + a + " of " + str(in));
                }
                drop[x] = true;
            }
        }
        for (int i = 0; i < in.length; i++) {
            if (!drop[i]) {
                out.add(in[i]);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static long[] unsqueeze(long[] in, long[] axes) {
        int r = in.length + axes.length;
        boolean[] added = new boolean[r];
        for (long a : axes) {
            int x = axis(a, r);
            if (added[x]) {
                throw new Bad("distinct axes", str(axes));
            }
            added[x] = true;
        }
        long[] out = new long[r];
        int j = 0;
        for (int i = 0; i < r; i++) {
            out[i] = added[i] ? 1 : in[j++];
        }
        return out;
    }

    static long[] concat(List<long[]> ins, long axis) {
        long[] first = ins.get(0);
        int a = axis(axis, first.length);
        long[] out = first.clone();
        for (int i = 1; i < ins.size(); i++) {
            long[] d = ins.get(i);
            if (d.length != first.length) {
                throw new Bad("operands of rank " + first.length, str(d));
            }
            for (int k = 0; k < d.length; k++) {
                if (k != a && d[k] != first[k]) {
                    throw new Bad("operands equal but along axis " + a, str(first) + " and " + str(d));
                }
            }
            out[a] = Math.addExact(out[a], d[a]);
        }
        return out;
    }

    /** Slice: the output dims; {@code take} receives the selected indices of a 1-D input. */
    static long[] slice(long[] in, long[] starts, long[] ends, long[] axes, long[] steps, List<Long> take) {
        long[] out = in.clone();
        if (starts.length != ends.length) {
            throw new Bad("as many starts as ends", starts.length + " and " + ends.length);
        }
        for (int i = 0; i < starts.length; i++) {
            int a = axis(axes == null ? i : axes[i], in.length);
            long step = steps == null ? 1 : steps[i];
            if (step == 0) {
                throw new Bad("non-zero steps", "0");
            }
            long dim = in[a];
            long s = clamp(starts[i] < 0 ? starts[i] + dim : starts[i], step > 0 ? 0 : -1, step > 0 ? dim : dim - 1);
            long e = clamp(ends[i] < 0 ? ends[i] + dim : ends[i], step > 0 ? 0 : -1, step > 0 ? dim : dim - 1);
            long n = step > 0 ? Math.max(0, (e - s + step - 1) / step) : Math.max(0, (s - e + (-step) - 1) / (-step));
            out[a] = n;
            if (take != null && in.length == 1) {
                for (long k = 0; k < n; k++) {
                    take.add(s + k * step);
                }
            }
        }
        return out;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * Split's outputs: {@code sizes} along {@code axis} (they must add up to it), or, without
     * them, {@code outputs} equal parts (the last one smaller when they do not divide: opset 18).
     */
    static List<long[]> split(long[] in, long axis, long[] sizes, int outputs) {
        int a = axis(axis, in.length);
        long[] parts = sizes;
        if (parts == null) {
            if (outputs < 1 || outputs > in[a]) {
                throw new Bad("1 to " + in[a] + " outputs for a split of " + in[a], Integer.toString(outputs));
            }
            long each = (in[a] + outputs - 1) / outputs;
            parts = new long[outputs];
            for (int i = 0; i < outputs; i++) {
                parts[i] = Math.max(0, Math.min(each, in[a] - each * i));
            }
        }
        long sum = 0;
        for (long p : parts) {
            sum = Math.addExact(sum, p);
        }
        if (parts.length != outputs || sum != in[a]) {
            throw new Bad(outputs + " split sizes adding up to " + in[a] + " (axis " + a + ")",
                    java.util.Arrays.toString(parts));
        }
        List<long[]> out = new java.util.ArrayList<>();
        for (long p : parts) {
            long[] d = in.clone();
            d[a] = p;
            out.add(d);
        }
        return out;
    }

    static long[] gather(long[] data, long[] indices, long axis) {
        int a = axis(axis, data.length);
        long[] out = new long[data.length - 1 + indices.length];
        int j = 0;
        for (int i = 0; i < a; i++) {
            out[j++] = data[i];
        }
        for (long d : indices) {
            out[j++] = d;
        }
        for (int i = a + 1; i < data.length; i++) {
            out[j++] = data[i];
        }
        return out;
    }

    static long[] reduce(long[] in, long[] axes, boolean keep) {
        boolean[] red = new boolean[in.length];
        if (axes == null || axes.length == 0) {
            Arrays.fill(red, true);
        } else {
            for (long a : axes) {
                red[axis(a, in.length)] = true;
            }
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (!red[i]) {
                out.add(in[i]);
            } else if (keep) {
                out.add(1L);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Pad: {@code pads} holds every axis' begin then every axis' end (ONNX order). */
    static long[] pad(long[] in, long[] pads) {
        if (pads.length != 2 * in.length) {
            throw new Bad(2 * in.length + " pads (begin and end of each axis)", pads.length + " pads");
        }
        long[] out = in.clone();
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] + pads[i] + pads[i + in.length];
            if (out[i] < 0) {
                throw new Bad("pads leaving a non-negative size", str(pads) + " on " + str(in));
            }
        }
        return out;
    }

    static long[] tile(long[] in, long[] repeats) {
        if (repeats.length != in.length) {
            throw new Bad(in.length + " repeats", repeats.length + "");
        }
        long[] out = in.clone();
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.multiplyExact(in[i], repeats[i]);
        }
        return out;
    }

    static long[] flatten(long[] in, long axis) {
        int a = (int) (axis < 0 ? axis + in.length : axis);
        if (a < 0 || a > in.length) {
            throw new Bad("an axis in [0, " + in.length + "]", Long.toString(axis));
        }
        return new long[] {product(in, 0, a), product(in, a, in.length)};
    }
}
