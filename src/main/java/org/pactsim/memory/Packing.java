package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * How values of a bit width are stored, on chip and in DRAM: widths that divide 8 are packed
 * densely (two 4-bit or four 2-bit values to a byte); other widths take the next power-of-two
 * container (a 3-bit value is stored in 4 bits, a 12-bit one in 16), as word-aligned hardware
 * stores them.
 */
public final class Packing {
    private Packing() {
    }

    /** Bits one value occupies: the next power of two >= {@code bits} (1, 2, 4, 8, 16, 32, 64). */
    public static int containerBits(int bits) {
        if (bits < 1 || bits > 64) {
            throw new IllegalArgumentException("bit width " + bits + " outside 1..64");
        }
        return Integer.highestOneBit(bits) == bits ? bits : Integer.highestOneBit(bits) << 1;
    }

    /** Storage bits of {@code elements} values of {@code bits} each. */
    public static long bits(long elements, int bits) {
        return multiplyExact(elements, containerBits(bits));
    }

    /** Bytes moved for {@code elements} values of {@code bits} each (rounded up to whole bytes). */
    public static long bytes(long elements, int bits) {
        long b = bits(elements, bits);
        return addExact(b, 7) / 8;
    }
}
