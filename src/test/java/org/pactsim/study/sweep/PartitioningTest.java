package org.pactsim.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Each point is in exactly one partition, the one its number names; the default's bounds. */
class PartitioningTest {
    @Property(tries = 100)
    void everyPointIsInTheRangeOfItsPartition(@ForAll @LongRange(min = 0, max = 5000) long points,
                                              @ForAll @LongRange(min = 1, max = 700) long per) {
        Partitioning p = new Partitioning(points, per);
        long next = 0;
        for (int k = 0; k < p.count(); k++) {
            assertThat(p.from(k)).isEqualTo(next);
            assertThat(p.to(k)).isGreaterThan(p.from(k));
            for (long i : new long[] {p.from(k), p.to(k) - 1}) {
                assertThat(p.of(i)).isEqualTo(k);
            }
            next = p.to(k);
        }
        assertThat(next).isEqualTo(points);
    }

    @Test
    void theDefaultAimsAt256PartitionsOf16To10000Points() {
        // 384 points: 16 per partition (the floor), 24 partitions
        assertThat(Partitioning.auto(384)).isEqualTo(new Partitioning(384, 16));
        assertThat(Partitioning.auto(384).count()).isEqualTo(24);
        // 100,800 points: ceil(100800 / 256) = 394 per partition, 256 partitions
        assertThat(Partitioning.auto(100_800).perPartition()).isEqualTo(394);
        assertThat(Partitioning.auto(100_800).count()).isEqualTo(256);
        // 10^7 points: the 10,000 ceiling, 1,000 partitions
        assertThat(Partitioning.auto(10_000_000).count()).isEqualTo(1000);
        assertThat(Partitioning.auto(0).count()).isZero();
    }
}
