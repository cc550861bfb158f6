package org.pactsim.testing;

import java.util.SplittableRandom;
import org.quicktheories.QuickTheory;

/**
 * One seed for every randomised test, so that a failure can be reproduced: fixed by default,
 * overridden by {@code -Dpactsim.seed=N}. QuickTheories prints the seed it was given when a
 * property is falsified; plain JUnit tests that draw from {@link #random(String)} name the seed
 * in their failure messages through {@link #rerun()}.
 */
public final class Seeds {
    /** The default seed: any fixed value; 16 for the issue that moved the properties. */
    public static final long DEFAULT = 16L;

    private Seeds() {}

    /** The seed of this run. */
    public static long seed() {
        String s = System.getProperty("pactsim.seed");
        if (s == null || s.isBlank()) {
            return DEFAULT;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dpactsim.seed: expected a whole number, found '" + s + "'");
        }
    }

    /**
     * A QuickTheories run with this run's seed and the given number of examples. (QuickTheories
     * 0.26 checks one example fewer than {@code withExamples} says: SeedsTest counts them.)
     */
    public static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(seed()).withExamples(examples + 1);
    }

    /** A random source for one test, derived from the run's seed and the test's name. */
    public static SplittableRandom random(String testName) {
        return new SplittableRandom(seed() ^ testName.hashCode());
    }

    /** The line that reruns a failure with the same cases. */
    public static String rerun() {
        return "rerun with -Dpactsim.seed=" + seed();
    }

    /**
     * Runs {@code body} on {@code tries} cases, each with its own random source split from the
     * run's seed; a failure names the case, the seed and how to rerun it.
     */
    public static void repeat(String name, int tries, java.util.function.Consumer<SplittableRandom> body) {
        SplittableRandom r = random(name);
        for (int i = 1; i <= tries; i++) {
            SplittableRandom c = r.split();
            try {
                body.accept(c);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + ": case " + i + " of " + tries + " failed; seed " + seed() + ", "
                        + rerun() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A whole number in {@code [min, max]}: {@code min} or {@code max} one time in eight each
     * (the edges a property should meet), else uniform.
     */
    public static long between(SplittableRandom r, long min, long max) {
        int edge = r.nextInt(16);
        if (edge == 0) {
            return min;
        }
        if (edge == 1) {
            return max;
        }
        if (max == Long.MAX_VALUE) {
            return min == Long.MIN_VALUE ? r.nextLong() : min + (long) (r.nextDouble() * ((double) max - min));
        }
        return r.nextLong(min, max + 1);
    }

    /** As {@link #between(SplittableRandom, long, long)} for ints. */
    public static int between(SplittableRandom r, int min, int max) {
        return (int) between(r, (long) min, (long) max);
    }

    /** One of {@code values}, uniformly. */
    @SafeVarargs
    public static <T> T pick(SplittableRandom r, T... values) {
        return values[r.nextInt(values.length)];
    }
}
