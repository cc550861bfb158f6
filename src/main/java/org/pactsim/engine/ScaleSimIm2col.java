package org.pactsim.engine;

import static java.lang.Math.multiplyExact;

import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.OutputRounding;

/**
 * SCALE-Sim's ifmap operand matrix: row {@code pixel} (output pixel, row-major), column
 * {@code k} = (filter row, filter column, channel), holding the NHWC word address of the
 * input element under that window position, or none ({@code -1}) where SCALE-Sim's rounded-up
 * output size puts the window past the input's bottom or right edge. A GEMM row is the
 * convolution SCALE-Sim makes of it: an {@code M x K} input, a {@code 1 x K} filter, stride 1.
 */
final class ScaleSimIm2col {
    final long h;
    final long w;
    final long ch;
    final long fh;
    final long fw;
    final long sh;
    final long sw;
    final long eh;
    final long ew;
    final long fwc;
    final long wc;
    private long[] kOff;
    private int[] kRow;
    private int[] kCol;

    private ScaleSimIm2col(long h, long w, long ch, long fh, long fw, long sh, long sw, long eh, long ew) {
        this.h = h;
        this.w = w;
        this.ch = ch;
        this.fh = fh;
        this.fw = fw;
        this.sh = sh;
        this.sw = sw;
        this.eh = eh;
        this.ew = ew;
        this.fwc = multiplyExact(fw, ch);
        this.wc = multiplyExact(w, ch);
    }

    /** The operand matrix of {@code layer}, or null for a layer SCALE-Sim cannot describe. */
    static ScaleSimIm2col of(Layer layer, Gemm gemm) {
        if (gemm.repeat() != 1) {
            return null;
        }
        if (layer instanceof MatMulLayer) {
            return new ScaleSimIm2col(gemm.m(), gemm.k(), 1, 1, gemm.k(), 1, 1, gemm.m(), 1);
        }
        if (layer instanceof ConvLayer) {
            ConvLayer c = (ConvLayer) layer;
            if (c.batch() != 1 || c.groups() != 1 || c.padH() != 0 || c.padW() != 0) {
                return null;
            }
            ScaleSimIm2col x = new ScaleSimIm2col(c.inH(), c.inW(), c.inC(), c.kH(), c.kW(), c.strideH(),
                    c.strideW(), c.outH(OutputRounding.SCALESIM_CEIL), c.outW(OutputRounding.SCALESIM_CEIL));
            boolean same = x.eh * x.ew == gemm.m() && x.fh * x.fwc == gemm.k();
            return same ? x : null;
        }
        return null;
    }

    /**
     * Whether every matrix entry is a different, valid address: no two windows overlap and none
     * reaches past the input (1x1 layers at stride 1, GEMM rows).
     */
    boolean oneToOne() {
        boolean apartH = eh == 1 || fh <= sh;
        boolean apartW = ew == 1 || fw <= sw;
        boolean insideH = (eh - 1) * sh + fh <= h;
        boolean insideW = (ew - 1) * sw + fw <= w;
        return apartH && apartW && insideH && insideW;
    }

    /** Words of the input tensor: every address is below this. */
    long space() {
        return multiplyExact(multiplyExact(h, w), ch);
    }

    /** The address at (pixel, k), or -1 for a window position past the input edge. */
    long addr(long pixel, long k) {
        long ih = pixel / ew * sh;
        long iw = pixel % ew * sw;
        long r = k / fwc;
        long o = k - r * fwc;
        if (ih + r >= h || iw + o / ch >= w) {
            return -1;
        }
        return (ih + r) * wc + iw * ch + o;
    }

    /** Input row of the window origin of {@code pixel}. */
    long pixelRow(long pixel) {
        return pixel / ew * sh;
    }

    /** Input column of the window origin of {@code pixel}. */
    long pixelCol(long pixel) {
        return pixel % ew * sw;
    }

    /** Address of the window origin of {@code pixel} (valid or not). */
    long pixelBase(long pixel) {
        return pixelRow(pixel) * wc + pixelCol(pixel) * ch;
    }

    /** Filter row of window position {@code k}. */
    int kRow(int k) {
        tabulate();
        return kRow[k];
    }

    /** Filter column of window position {@code k}. */
    int kCol(int k) {
        tabulate();
        return kCol[k];
    }

    /** Address offset of window position {@code k} from the window origin. */
    long kOff(int k) {
        tabulate();
        return kOff[k];
    }

    /** Whether window position {@code k} of the pixel at ({@code row}, {@code col}) is inside the input. */
    boolean inside(long row, long col, int k) {
        return row + kRow[k] < h && col + kCol[k] < w;
    }

    private void tabulate() {
        if (kOff != null) {
            return;
        }
        int kk = Math.toIntExact(multiplyExact(fh, fwc));
        long[] off = new long[kk];
        int[] rows = new int[kk];
        int[] cols = new int[kk];
        for (int k = 0; k < kk; k++) {
            long r = k / fwc;
            long o = k - r * fwc;
            rows[k] = (int) r;
            cols[k] = (int) (o / ch);
            off[k] = r * wc + o;
        }
        kRow = rows;
        kCol = cols;
        kOff = off;
    }

    /** Distinct addresses of the whole matrix: the covered input rows x covered columns x channels. */
    long distinct() {
        return multiplyExact(multiplyExact(covered(h, fh, sh, eh), covered(w, fw, sw, ew)), ch);
    }

    private static long covered(long size, long filter, long stride, long outputs) {
        long total = 0;
        long reach = 0;
        for (long o = 0; o < outputs; o++) {
            long a = Math.max(o * stride, reach);
            long b = Math.min(o * stride + filter, size);
            if (b > a) {
                total += b - a;
                reach = b;
            }
        }
        return total;
    }

    /** Sets in {@code bits} the addresses of row {@code pixel}, columns {@code k0 <= k < k1}. */
    void set(ScaleSimBits bits, long pixel, long k0, long k1) {
        long ih = pixel / ew * sh;
        long iw = pixel % ew * sw;
        long validWords = Math.min(fw, w - iw) * ch;
        if (validWords <= 0) {
            return;
        }
        long base = ih * wc + iw * ch;
        long lastRow = Math.min((k1 - 1) / fwc, h - ih - 1);
        for (long r = k0 / fwc; r <= lastRow; r++) {
            long o0 = Math.max(k0 - r * fwc, 0);
            long o1 = Math.min(Math.min(k1 - r * fwc, fwc), validWords);
            if (o1 > o0) {
                bits.setRange(base + r * wc + o0, base + r * wc + o1);
            }
        }
    }
}
