package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class OrderedRunnerTest {
    @Test
    void resultsReachTheSinkInTaskOrderWhateverTheThreads() {
        for (int threads : new int[] {1, 2, 4}) {
            List<Long> seen = new ArrayList<>();
            new OrderedRunner(threads).run(5, 2005, i -> {
                // uneven task times, so later tasks often finish first
                if (ThreadLocalRandom.current().nextInt(50) == 0) {
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return i * i;
            }, seen::add);
            assertThat(seen).hasSize(2000);
            for (int k = 0; k < seen.size(); k++) {
                long i = k + 5L;
                assertThat(seen.get(k)).isEqualTo(i * i);
            }
        }
    }

    @Test
    void aFailingTaskStopsTheRunWithItsException() {
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> new OrderedRunner(2).run(0, 1000, i -> {
            if (i == 100) {
                throw new IllegalStateException("task 100");
            }
            return i;
        }, seen::add)).isInstanceOf(IllegalStateException.class).hasMessage("task 100");
        assertThat(seen).hasSize(100);
    }

    @Test
    void refusesNoThreadsAndBackwardRanges() {
        assertThatThrownBy(() -> new OrderedRunner(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderedRunner(1).run(3, 2, i -> i, x -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
