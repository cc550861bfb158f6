package org.pactsim.study.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.pactsim.spec.SpecException;

/**
 * Numbers the points of a sweep. The grid is the product of the axes, the last axis varying
 * fastest; a grid point is a mixed-radix number of value indices. A sampled sweep draws
 * {@code points} distinct grid points once, up front (random: a Mersenne Twister from the
 * seed; Sobol: the sequence's points, each coordinate mapped to a value index), and keeps them
 * in the order drawn. Point {@code i} is then the same whatever runs it, in any order.
 *
 * <p>Memory: nothing for a grid; 8 bytes per point for a sample, and while drawing it a table of
 * 16 to 32 bytes per point ({@link LongSet}).
 */
public final class DesignSpace {
    /** Largest grid whose points can be numbered. */
    public static final long MAX_GRID = Long.MAX_VALUE / 2;
    /** Draws tried per wanted point before a sample gives up finding new distinct points. */
    private static final int TRIES_PER_POINT = 64;

    private final SweepSpec spec;
    private final int[] radix;
    private final long grid;
    /** Grid indices of a sample, or null for the whole grid. */
    private final long[] sample;
    private final List<String> keys;

    public DesignSpace(SweepSpec spec) {
        this.spec = spec;
        this.keys = spec.keys();
        List<Axis> axes = spec.axes();
        radix = new int[axes.size()];
        long g = 1;
        for (int a = 0; a < axes.size(); a++) {
            radix[a] = axes.get(a).size();
            if (g > MAX_GRID / radix[a]) {
                throw new SpecException("axes", "a grid of at most " + MAX_GRID + " points", "more");
            }
            g *= radix[a];
        }
        grid = g;
        Sampling s = spec.sampling();
        sample = s.kind() == Sampling.Kind.GRID || s.points() >= grid ? null : draw(s);
    }

    public SweepSpec spec() {
        return spec;
    }

    /** Points of the whole grid. */
    public long gridSize() {
        return grid;
    }

    /** Points this sweep runs. */
    public long size() {
        return sample == null ? grid : sample.length;
    }

    /** The value index of every axis at point {@code i}. */
    public int[] choice(long i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("point " + i + " of " + size());
        }
        long g = sample == null ? i : sample[(int) i];
        int[] c = new int[radix.length];
        for (int a = radix.length - 1; a >= 0; a--) {
            c[a] = (int) (g % radix[a]);
            g /= radix[a];
        }
        return c;
    }

    /** The text of every swept key at a choice, in {@link SweepSpec#keys()} order. */
    public List<String> values(int[] choice) {
        List<String> out = new ArrayList<>(keys.size());
        for (int a = 0; a < choice.length; a++) {
            out.addAll(spec.axes().get(a).values().get(choice[a]));
        }
        return out;
    }

    /**
     * A point's identity across runs and specs: the first 16 hex digits of the SHA-256 of its
     * {@code key=value} lines (swept keys only, in column order). The same values give the same id.
     */
    public String pointId(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < keys.size(); k++) {
            sb.append(keys.get(k)).append('=').append(values.get(k)).append('\n');
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(16);
            for (int i = 0; i < 8; i++) {
                hex.append(Character.forDigit((d[i] >> 4) & 0xF, 16)).append(Character.forDigit(d[i] & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private long[] draw(Sampling s) {
        int want = (int) s.points();
        long[] out = new long[want];
        int n = 0;
        LongSet seen = new LongSet(want);
        if (s.kind() == Sampling.Kind.RANDOM) {
            RandomGenerator rng = new MersenneTwister(s.seed());
            long tries = (long) want * TRIES_PER_POINT;
            while (n < want && tries-- > 0) {
                long g = Math.floorMod(rng.nextLong(), grid);
                if (seen.add(g)) {
                    out[n++] = g;
                }
            }
        } else {
            int dims = Math.max(1, radix.length);
            if (dims > 1000) {
                throw new SpecException("axes", "at most 1000 axes for Sobol sampling", Integer.toString(dims));
            }
            SobolSequenceGenerator sobol = new SobolSequenceGenerator(dims);
            long tries = (long) want * TRIES_PER_POINT;
            while (n < want && tries-- > 0) {
                double[] u = sobol.nextVector();
                long g = 0;
                for (int a = 0; a < radix.length; a++) {
                    g = g * radix[a] + Math.min(radix[a] - 1, (int) (u[a] * radix[a]));
                }
                if (seen.add(g)) {
                    out[n++] = g;
                }
            }
        }
        return n == want ? out : Arrays.copyOf(out, n);
    }
}
