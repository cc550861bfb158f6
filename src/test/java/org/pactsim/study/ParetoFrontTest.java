package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.testing.Seeds;

class ParetoFrontTest {
    /** (area, throughput): less area and more throughput are better. */
    record P(String name, double area, double speed) {
    }

    private static final ParetoFront.Dominance<P> DOM = ParetoFront.dominance(
            new ParetoFront.Goal<P>(P::area, false), new ParetoFront.Goal<P>(P::speed, true));

    @Test
    void keepsTheNonDominatedInArrivalOrder() {
        // b (2, 5) is beaten by c (1, 6) in both; d (3, 9) trades area for speed; e equals d (a tie stays);
        // a (4, 4) is dominated by c and d.
        P a = new P("a", 4, 4);
        P b = new P("b", 2, 5);
        P c = new P("c", 1, 6);
        P d = new P("d", 3, 9);
        P e = new P("e", 3, 9);
        assertThat(ParetoFront.of(List.of(a, b, c, d, e), DOM)).containsExactly(c, d, e);
    }

    @Test
    void nanIsWorseThanAnyNumber() {
        P n = new P("nan", Double.NaN, 10);
        P x = new P("x", 5, 10);
        assertThat(DOM.dominates(x, n)).isTrue();
        assertThat(DOM.dominates(n, x)).isFalse();
    }

    @Test
    void everyOtherPointIsDominatedByAMemberAndNoMemberByAnother() {
        Seeds.qt(200).forAll(lists().of(integers().between(0, 20)).ofSizeBetween(0, 60),
                lists().of(integers().between(0, 20)).ofSizeBetween(0, 60)).checkAssert(ParetoFrontTest::frontIsExact);
        frontIsExact(List.of(), List.of());
        frontIsExact(List.of(0, 20, 20, 0), List.of(20, 0, 20, 0));
    }

    private static void frontIsExact(List<Integer> xs, List<Integer> ys) {
        List<P> pts = new ArrayList<>();
        for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
            pts.add(new P("p" + i, xs.get(i), ys.get(i)));
        }
        List<P> front = ParetoFront.of(pts, DOM);
        for (P m : front) {
            for (P o : front) {
                assertThat(DOM.dominates(m, o)).isFalse();
            }
        }
        for (P p : pts) {
            if (!front.contains(p)) {
                assertThat(front).anyMatch(m -> DOM.dominates(m, p));
            }
        }
        // Brute force: a point is on the front iff nothing dominates it.
        for (P p : pts) {
            boolean dominated = pts.stream().anyMatch(q -> DOM.dominates(q, p));
            assertThat(front.contains(p)).isEqualTo(!dominated);
        }
    }
}
