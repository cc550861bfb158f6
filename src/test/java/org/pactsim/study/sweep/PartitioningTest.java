package org.pactsim.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.pactsim.testing.Seeds;

/** Each point is in exactly one partition, the one its number names; the default's bounds. */
class PartitioningTest {
    @Test
    void everyPointIsInTheRangeOfItsPartition() {
        Seeds.qt(100).forAll(longs().between(0, 5000), longs().between(1, 700))
                .checkAssert(PartitioningTest::partitionsCover);
        for (long[] edge : new long[][] {{0, 1}, {1, 1}, {5000, 700}, {700, 700}, {701, 700}, {4096, 64}}) {
            partitionsCover(edge[0], edge[1]);
        }
    }

    private static void partitionsCover(long points, long per) {
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
