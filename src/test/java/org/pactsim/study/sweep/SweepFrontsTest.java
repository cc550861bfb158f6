package org.pactsim.study.sweep;

import org.pactsim.testing.Seeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fronts built per partition and merged equal the front of one pass over every row in point order. */
class SweepFrontsTest {
    static final SweepSpec SPEC = new SweepSpec("t", List.of(Axis.of("array.rows", List.of("8"))), Sampling.GRID,
            List.of(new SweepNetwork("n", 1)), List.of(),
            List.of(new Objective("speed", true), new Objective("area", false), new Objective("energy", false)),
            List.of(List.of("area", "speed"), List.of("energy", "area")));
    static final List<String> COLUMNS = List.of("energy", "speed", "area");

    /** Row {@code i} with small integer metrics (many ties and equal points); {@code null} metrics stay out. */
    static PointRow row(long i, int[] m, int status) {
        PointRow.Status st = PointRow.Status.values()[status];
        Object[] metrics = {m[0] == 0 ? null : (double) m[0], (double) m[1], Long.valueOf(m[2])};
        return new PointRow(i, "id" + i, List.of(Long.toString(i)), st, st == PointRow.Status.OK ? null : "why", metrics);
    }

    @Test
    void mergedPartitionFrontsEqualTheOnePassFront() {
        Seeds.qt(60).forAll(lists().of(lists().of(integers().between(0, 6)).ofSize(3)).ofSizeBetween(0, 120),
                lists().of(integers().between(0, 4)).ofSize(120), integers().between(1, 40))
                .checkAssert(SweepFrontsTest::mergeEqualsOnePass);
        mergeEqualsOnePass(List.of(), java.util.Collections.nCopies(120, 0), 1);
        mergeEqualsOnePass(java.util.Collections.nCopies(120, List.of(6, 6, 6)), java.util.Collections.nCopies(120, 0), 40);
    }

    private static void mergeEqualsOnePass(List<List<Integer>> ms, List<Integer> statuses, int perPartition) {
        List<PointRow> rows = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            int[] m = ms.get(i).stream().mapToInt(Integer::intValue).toArray();
            // statuses 0..4: ok most of the time, else infeasible or error (left out of the fronts)
            int s = statuses.get(i);
            rows.add(row(i, m, s <= 2 ? 0 : s - 2));
        }
        SweepFronts whole = new SweepFronts(SPEC, COLUMNS);
        rows.forEach(whole::offer);
        Partitioning parts = new Partitioning(rows.size(), perPartition);
        List<List<List<FrontPoint>>> pieces = new ArrayList<>();
        // partitions handed over in reverse: the merge must not depend on the order pieces arrive
        for (int p = parts.count() - 1; p >= 0; p--) {
            SweepFronts local = new SweepFronts(SPEC, COLUMNS);
            for (long i = parts.from(p); i < parts.to(p); i++) {
                local.offer(rows.get((int) i));
            }
            pieces.add(List.of(local.members(0), local.members(1)));
        }
        SweepFronts merged = new SweepFronts(SPEC, COLUMNS);
        merged.merge(pieces);
        for (int k = 0; k < 2; k++) {
            assertThat(merged.front(k)).isEqualTo(whole.front(k));
            assertThat(merged.members(k)).isEqualTo(whole.members(k));
        }
    }

    @Test
    void aFrontKeepsOkRowsWithBothValuesAndSortsByXThenY() {
        SweepFronts f = new SweepFronts(SPEC, COLUMNS);
        // pair 0 is (area min, speed max): row 0 (area 2, speed 5) dominates row 1 (area 3, speed 4);
        // row 2 (area 1, speed 1) trades; row 3 is infeasible; row 4 equals row 0 and stays with it.
        f.offer(row(0, new int[] {1, 5, 2}, 0));
        f.offer(row(1, new int[] {1, 4, 3}, 0));
        f.offer(row(2, new int[] {1, 1, 1}, 0));
        f.offer(row(3, new int[] {1, 9, 1}, 1));
        f.offer(row(4, new int[] {1, 5, 2}, 0));
        assertThat(f.front(0)).extracting(FrontPoint::index).containsExactly(2L, 0L, 4L);
        // pair 1 (energy min, area min): energy is missing in row 5, which is then on no front of it
        f.offer(row(5, new int[] {0, 1, 0}, 0));
        assertThat(f.front(1)).extracting(FrontPoint::index).doesNotContain(5L);
        // on pair 0, row 5 (area 0, speed 1) dominates row 2 (area 1, speed 1) but not rows 0 and 4 (speed 5)
        assertThat(f.front(0)).extracting(FrontPoint::index).containsExactly(5L, 0L, 4L);
    }
}
