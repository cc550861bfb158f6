package org.pactsim.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignSpaceTest {
    private static SweepSpec spec(Sampling s) {
        return new SweepSpec("t", List.of(Axis.of("array.rows", List.of("8", "16", "32")),
                new Axis("bits", List.of("pe.weightBits", "network.precision"),
                        List.of(List.of("8", "int8"), List.of("4", "int4-pact"))),
                Axis.of("dataflow", List.of("os", "ws", "is", "os2", "x"))), s,
                List.of(new SweepNetwork("n", 1)), List.of(), List.of(), List.of());
    }

    @Test
    void gridIsMixedRadixWithTheLastAxisFastest() {
        DesignSpace d = new DesignSpace(spec(Sampling.GRID));
        assertThat(d.gridSize()).isEqualTo(3 * 2 * 5);
        assertThat(d.size()).isEqualTo(30);
        // 17 = 1*(2*5) + 1*5 + 2: rows 16, bits 4/int4-pact, dataflow "is"
        assertThat(d.choice(17)).containsExactly(1, 1, 2);
        assertThat(d.values(d.choice(17))).containsExactly("16", "4", "int4-pact", "is");
        assertThat(d.spec().keys()).containsExactly("array.rows", "pe.weightBits", "network.precision", "dataflow");
    }

    @Test
    void pointIdsAreStableAndDistinct() {
        DesignSpace d = new DesignSpace(spec(Sampling.GRID));
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < d.size(); i++) {
            ids.add(d.pointId(d.values(d.choice(i))));
        }
        assertThat(ids).hasSize(30);
        // The same values under another sampling give the same id.
        DesignSpace s = new DesignSpace(spec(new Sampling(Sampling.Kind.RANDOM, 7, 3)));
        int[] c = s.choice(4);
        assertThat(s.pointId(s.values(c))).isEqualTo(d.pointId(d.values(c))).hasSize(16);
    }

    @Test
    void samplesAreDistinctDeterministicAndWithinTheGrid() {
        for (Sampling.Kind k : List.of(Sampling.Kind.RANDOM, Sampling.Kind.SOBOL)) {
            DesignSpace a = new DesignSpace(spec(new Sampling(k, 12, 42)));
            DesignSpace b = new DesignSpace(spec(new Sampling(k, 12, 42)));
            assertThat(a.size()).isEqualTo(12);
            Set<List<String>> seen = new HashSet<>();
            for (long i = 0; i < a.size(); i++) {
                assertThat(a.choice(i)).containsExactly(b.choice(i));
                assertThat(seen.add(a.values(a.choice(i)))).isTrue();
            }
        }
        DesignSpace r1 = new DesignSpace(spec(new Sampling(Sampling.Kind.RANDOM, 12, 1)));
        DesignSpace r2 = new DesignSpace(spec(new Sampling(Sampling.Kind.RANDOM, 12, 2)));
        boolean differ = false;
        for (long i = 0; i < 12; i++) {
            differ |= !java.util.Arrays.equals(r1.choice(i), r2.choice(i));
        }
        assertThat(differ).as("another seed draws other points").isTrue();
    }

    @Test
    void aBudgetAsLargeAsTheGridRunsTheGrid() {
        DesignSpace d = new DesignSpace(spec(new Sampling(Sampling.Kind.SOBOL, 1000, 0)));
        assertThat(d.size()).isEqualTo(30);
        assertThat(d.choice(17)).containsExactly(1, 1, 2);
    }
}
