package org.pactsim.study;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated members of a stream of candidates under a {@link Dominance} relation,
 * kept as they arrive: a candidate that some member dominates is dropped; one that is not
 * joins the front and removes the members it dominates. Candidates that tie (neither
 * dominates) all stay. Members keep their arrival order, so the front of the same candidates
 * in the same order is always the same.
 *
 * <p>Cost: O(f) dominance tests per candidate for a front of f members, O(n f) for n
 * candidates; memory O(f).
 *
 * @param <T> a candidate
 */
public final class ParetoFront<T> {
    /** Whether {@code a} dominates {@code b}: no worse in every objective and better in one. */
    @FunctionalInterface
    public interface Dominance<T> {
        boolean dominates(T a, T b);
    }

    /** One objective: a value of a candidate, and whether more is better. */
    public record Goal<T>(java.util.function.ToDoubleFunction<T> value, boolean maximize) {
        public Goal {
            if (value == null) {
                throw new IllegalArgumentException("value is null");
            }
        }
    }

    private final Dominance<T> dominance;
    private final List<T> members = new ArrayList<>();

    public ParetoFront(Dominance<T> dominance) {
        if (dominance == null) {
            throw new IllegalArgumentException("dominance is null");
        }
        this.dominance = dominance;
    }

    /** Pareto dominance over {@code goals} (at least one). NaN is worse than any number. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable list, never written
    public static <T> Dominance<T> dominance(Goal<T>... goals) {
        return dominance(List.of(goals));
    }

    public static <T> Dominance<T> dominance(List<Goal<T>> goals) {
        if (goals.isEmpty()) {
            throw new IllegalArgumentException("at least one goal");
        }
        List<Goal<T>> gs = List.copyOf(goals);
        return (a, b) -> {
            boolean better = false;
            for (Goal<T> g : gs) {
                int c = compare(g, a, b);
                if (c < 0) {
                    return false;
                }
                better |= c > 0;
            }
            return better;
        };
    }

    /** {@code > 0} when {@code a} is better than {@code b} for goal {@code g}, 0 when equal. */
    private static <T> int compare(Goal<T> g, T a, T b) {
        double x = g.value().applyAsDouble(a);
        double y = g.value().applyAsDouble(b);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) ? (Double.isNaN(y) ? 0 : -1) : 1;
        }
        int c = Double.compare(x, y);
        return g.maximize() ? c : -c;
    }

    /** Offers a candidate; returns whether it joined the front. */
    public boolean offer(T candidate) {
        for (T m : members) {
            if (dominance.dominates(m, candidate)) {
                return false;
            }
        }
        members.removeIf(m -> dominance.dominates(candidate, m));
        members.add(candidate);
        return true;
    }

    /** The front now, in arrival order. */
    public List<T> members() {
        return List.copyOf(members);
    }

    /** The front of {@code candidates}. */
    public static <T> List<T> of(Iterable<T> candidates, Dominance<T> dominance) {
        ParetoFront<T> f = new ParetoFront<>(dominance);
        for (T c : candidates) {
            f.offer(c);
        }
        return f.members();
    }
}
