package org.pactsim.spec;

import org.pactsim.testing.Seeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PeThroughputTest {
    private static final PrecisionMode FIXED = PrecisionMode.FIXED;
    private static final PrecisionMode SERIAL = PrecisionMode.BIT_SERIAL;
    private static final PrecisionMode FUSION = PrecisionMode.FUSION;

    private static MacRate rate(PrecisionMode m, String pe, String layer) {
        return PeThroughput.of(m, Precision.parse(pe), Precision.parse(layer));
    }

    @Test
    void fixedSplitsWiderOperandsIntoPasses() {
        assertThat(rate(FIXED, "int8", "int8")).isEqualTo(new MacRate(1, 1));
        assertThat(rate(FIXED, "int8", "int4")).isEqualTo(new MacRate(1, 1));   // narrower: still one per cycle
        assertThat(rate(FIXED, "int8", "w16a8")).isEqualTo(new MacRate(1, 2));  // ceil(16/8) * ceil(8/8)
        assertThat(rate(FIXED, "int8", "int16")).isEqualTo(new MacRate(1, 4));  // TPU v1: 16-bit at quarter speed
        assertThat(rate(FIXED, "w4a8", "w8a8")).isEqualTo(new MacRate(1, 2));
        assertThat(rate(FIXED, "int4", "w9a5")).isEqualTo(new MacRate(1, 6));   // ceil(9/4)=3, ceil(5/4)=2
        assertThat(rate(FIXED, "int8", "int16").passesPerMac()).isEqualTo(4.0);
    }

    @Test
    void bitSerialTimeIsProportionalToActivationBits() {
        // A 16-lane serial PE: one MAC per cycle at 16-bit activations, 16/ab at fewer.
        assertThat(rate(SERIAL, "int16", "int16")).isEqualTo(new MacRate(1, 1));
        assertThat(rate(SERIAL, "int16", "w16a8")).isEqualTo(new MacRate(2, 1));
        assertThat(rate(SERIAL, "int16", "w16a3")).isEqualTo(new MacRate(16, 3));
        assertThat(rate(SERIAL, "int16", "w16a1")).isEqualTo(new MacRate(16, 1));
        assertThat(rate(SERIAL, "int8", "w8a16")).isEqualTo(new MacRate(1, 2));
        // weights are bit-parallel: wider weights take ceil(wb/pw) passes
        assertThat(rate(SERIAL, "int8", "w16a8")).isEqualTo(new MacRate(1, 2));
        assertThat(rate(SERIAL, "int16", "w4a16")).isEqualTo(new MacRate(1, 1));
    }

    @Test
    void fusionRunsNarrowerMacsSideBySide() {
        // Bit Fusion: a 16-bit fusible PE does (16/wb')*(16/ab') MACs per cycle.
        assertThat(rate(FUSION, "int16", "int2")).isEqualTo(new MacRate(64, 1));
        assertThat(rate(FUSION, "int16", "int4")).isEqualTo(new MacRate(16, 1));
        assertThat(rate(FUSION, "int16", "w2a8")).isEqualTo(new MacRate(16, 1));
        assertThat(rate(FUSION, "int16", "int16")).isEqualTo(new MacRate(1, 1));
        assertThat(rate(FUSION, "int16", "int3")).isEqualTo(new MacRate(16, 1));  // 3 bits round up to 4
        assertThat(rate(FUSION, "int16", "int1")).isEqualTo(new MacRate(64, 1));  // bricks are 2 bits
        assertThat(rate(FUSION, "int8", "int8")).isEqualTo(new MacRate(1, 1));
        assertThat(rate(FUSION, "int8", "w16a8")).isEqualTo(new MacRate(1, 2));   // temporal: 2 passes
        assertThat(rate(FUSION, "int8", "w16a2")).isEqualTo(new MacRate(2, 1));   // 1/2 x 8/2
        assertThat(rate(FUSION, "int8", "int16")).isEqualTo(new MacRate(1, 4));
        assertThatThrownBy(() -> rate(FUSION, "int12", "int4")).isInstanceOf(SpecException.class)
                .hasMessageContaining("power-of-two");
    }

    @Test
    void floatsRunOnlyOnWideEnoughFloatPes() {
        assertThat(rate(FIXED, "fp16", "fp16")).isEqualTo(MacRate.ONE);
        assertThat(rate(FIXED, "fp16", "fp8-e4m3")).isEqualTo(MacRate.ONE);
        assertThat(rate(FIXED, "fp32", "bf16")).isEqualTo(MacRate.ONE);
        assertThatThrownBy(() -> rate(FIXED, "bf16", "fp16")).isInstanceOf(SpecException.class);   // 11 > 8 significand
        assertThatThrownBy(() -> rate(FIXED, "fp16", "bf16")).isInstanceOf(SpecException.class);   // 8 > 5 exponent
        assertThat(rate(FIXED, "fp16", "fp8-e5m2")).isEqualTo(MacRate.ONE);
        assertThatThrownBy(() -> rate(FIXED, "fp16", "int8")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> rate(FIXED, "int16", "fp16")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> rate(FUSION, "fp16", "fp16")).isInstanceOf(SpecException.class);
    }

    @Test
    void narrowerLayersNeverRunSlower() {
        // every case (5 x 32 x 32 = 5,120; 300 were sampled before)
        for (int peLog = 1; peLog <= 5; peLog++) {
            for (int wb = 1; wb <= 32; wb++) {
                for (int ab = 1; ab <= 32; ab++) {
                    narrowerLayersNeverRunSlowerCase(peLog, wb, ab);
                }
            }
        }
    }

    private void narrowerLayersNeverRunSlowerCase(int peLog, int wb, int ab) {
        int p = 1 << Math.min(peLog, 4);
        Precision pe = Precision.integer(p, p);
        for (PrecisionMode m : PrecisionMode.values()) {
            MacRate r = PeThroughput.of(m, pe, Precision.integer(wb, ab));
            if (wb > 1) {
                MacRate narrower = PeThroughput.of(m, pe, Precision.integer(wb - 1, ab));
                assertThat(narrower.macsPerPeCycle()).as(m + " w" + wb).isGreaterThanOrEqualTo(r.macsPerPeCycle());
            }
            if (ab > 1) {
                MacRate narrower = PeThroughput.of(m, pe, Precision.integer(wb, ab - 1));
                assertThat(narrower.macsPerPeCycle()).as(m + " a" + ab).isGreaterThanOrEqualTo(r.macsPerPeCycle());
            }
            if (m == PrecisionMode.FIXED) {
                assertThat(r.macs()).isEqualTo(1);
            }
            if (m == PrecisionMode.BIT_SERIAL) {
                // cycles per MAC x pa = ab x weight passes: exactly proportional to activation bits
                assertThat(r.peCycles() * (long) p).isEqualTo(r.macs() * (long) ab * ((wb + p - 1) / p));
            }
        }
    }

    @Test
    void peCyclesForRoundsUpExactly() {
        Seeds.repeat("PeThroughputTest.peCyclesForRoundsUpExactly", 300, r -> peCyclesForRoundsUpExactlyCase(Seeds.between(r, 1L, 1000), Seeds.between(r, 1L, 1000), Seeds.between(r, 0L, Long.MAX_VALUE / 1000)));
    }

    private void peCyclesForRoundsUpExactlyCase(long macs, long cycles, long n) {
        MacRate r = new MacRate(macs, cycles);
        BigInteger num = BigInteger.valueOf(n).multiply(BigInteger.valueOf(r.peCycles()));
        BigInteger[] qr = num.divideAndRemainder(BigInteger.valueOf(r.macs()));
        long expected = qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
        assertThat(r.peCyclesFor(n)).isEqualTo(expected);
    }

    @Test
    void ratesAreReducedFractions() {
        assertThat(new MacRate(64, 4)).isEqualTo(new MacRate(16, 1));
        assertThat(new MacRate(6, 9).toString()).isEqualTo("2/3");
        assertThat(new MacRate(2, 3).times(new MacRate(9, 4))).isEqualTo(new MacRate(3, 2));
        assertThatThrownBy(() -> new MacRate(0, 1)).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> MacRate.passes(2).peCyclesFor(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }
}
