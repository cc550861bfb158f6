package org.pactsim.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The sample's de-duplicating set answers as a {@code HashSet<Long>} would. */
class LongSetTest {
    @Property(tries = 50)
    void addSaysWhetherTheValueIsNewLikeAHashSet(@ForAll @Size(max = 300) List<@LongRange(min = 0, max = 400) Long> vs) {
        LongSet s = new LongSet(vs.size());
        Set<Long> ref = new HashSet<>();
        for (long v : vs) {
            assertThat(s.add(v)).isEqualTo(ref.add(v));
        }
        assertThat(s.size()).isEqualTo(ref.size());
    }
}
