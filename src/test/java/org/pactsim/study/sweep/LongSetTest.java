package org.pactsim.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactsim.testing.Seeds;

/** The sample's de-duplicating set answers as a {@code HashSet<Long>} would. */
class LongSetTest {
    @Test
    void addSaysWhetherTheValueIsNewLikeAHashSet() {
        Seeds.qt(50).forAll(lists().of(longs().between(0, 400)).ofSizeBetween(0, 300))
                .checkAssert(LongSetTest::likeAHashSet);
    }

    @Test
    void edgeCases() {
        likeAHashSet(List.of());
        likeAHashSet(List.of(0L, 0L, 400L, 400L, 1L));
    }

    private static void likeAHashSet(List<Long> vs) {
        LongSet s = new LongSet(vs.size());
        Set<Long> ref = new HashSet<>();
        for (long v : vs) {
            assertThat(s.add(v)).isEqualTo(ref.add(v));
        }
        assertThat(s.size()).isEqualTo(ref.size());
    }
}
