package org.pactsim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The property runner runs as many examples as asked, and a falsified property names the seed to rerun. */
class SeedsTest {
    @Test
    void runsTheExamplesAskedFor() {
        AtomicInteger n = new AtomicInteger();
        Seeds.qt(300).forAll(Gens.longs(0, 1_000_000)).checkAssert(v -> n.incrementAndGet());
        assertThat(n.get()).isEqualTo(300);
    }

    @Test
    void aFalsifiedPropertyNamesItsSeed() {
        assertThatThrownBy(() -> Seeds.qt(100).forAll(Gens.ints(0, 100)).checkAssert(v -> assertThat(v).isLessThan(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Seed").hasMessageContaining(Long.toString(Seeds.seed()));
    }
}
