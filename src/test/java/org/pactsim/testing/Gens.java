package org.pactsim.testing;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Small QuickTheories generators that pactsim's properties share. */
public final class Gens {
    private Gens() {
    }

    /** One of {@code values}, each equally likely (shrinks towards the first). */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable list
    public static <T> Gen<T> of(T... values) {
        return Generate.pick(List.of(values));
    }

    /** One of {@code values}, each equally likely (shrinks towards the first). */
    public static <T> Gen<T> of(List<T> values) {
        return Generate.pick(values);
    }

    /** {@code a} three times in four, else {@code b}. */
    public static <T> Gen<T> mostly(Gen<T> a, Gen<T> b) {
        return in -> Generate.range(0, 3).generate(in) < 3 ? a.generate(in) : b.generate(in);
    }

    /** A long in {@code [min, max]}. */
    public static Gen<Long> longs(long min, long max) {
        return Generate.longRange(min, max);
    }

    /** An int in {@code [min, max]}. */
    public static Gen<Integer> ints(int min, int max) {
        return Generate.range(min, max);
    }
}
