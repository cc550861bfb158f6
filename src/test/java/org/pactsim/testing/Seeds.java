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
}
