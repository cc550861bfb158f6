package org.pactsim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrecisionTest {
    /** Every pair of widths, 1 to 32 bits (1,024 cases; 200 were sampled before). */
    @Test
    void integerKeysRoundTrip() {
        for (int wb = 1; wb <= 32; wb++) {
            for (int ab = 1; ab <= 32; ab++) {
                roundTrip(wb, ab);
            }
        }
    }

    private static void roundTrip(int wb, int ab) {
        Precision p = Precision.integer(wb, ab);
        assertThat(Precision.parse(p.key())).isEqualTo(p);
        assertThat(p.key()).isEqualTo(wb == ab ? "int" + wb : "w" + wb + "a" + ab);
    }

    @Test
    void namesTheFormatsOfTheIssue() {
        assertThat(Precision.parse("int4")).isEqualTo(Precision.integer(4, 4));
        assertThat(Precision.parse("w4a8")).isEqualTo(Precision.integer(4, 8));
        assertThat(Precision.parse("w8a8")).isEqualTo(Precision.INT8);
        assertThat(Precision.parse(" INT8 ")).isEqualTo(Precision.INT8);
        assertThat(Precision.parse("fp16")).isEqualTo(Precision.FP16);
        assertThat(Precision.parse("bf16").format()).isEqualTo(Precision.Format.BF16);
        assertThat(Precision.parse("fp32").weightBits()).isEqualTo(32);
        assertThat(Precision.parse("fp8-e4m3")).isEqualTo(Precision.FP8_E4M3);
        assertThat(Precision.parse("fp8-e5m2").activationBits()).isEqualTo(8);
        for (Precision.Format f : Precision.Format.values()) {
            if (f.isFloat()) {
                assertThat(Precision.parse(f.key()).key()).isEqualTo(f.key());
                // sign + exponent + significand without its hidden bit fill the width
                assertThat(1 + f.exponentBits() + f.significandBits() - 1).isEqualTo(f.bits());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "int", "int0", "int33", "int08", "w4", "w0a8", "a8w4", "fp8", "e4m3", "fp64",
            "float16", "int 8", "w4a8 x"})
    void refusesWhatIsNotAPrecision(String s) {
        assertThat(Precision.tryParse(s)).isNull();
        assertThatThrownBy(() -> Precision.parse(s)).isInstanceOf(SpecException.class)
                .hasMessageContaining("int1..int32");
    }

    @Test
    void floatsHaveTheirFormatsWidth() {
        assertThatThrownBy(() -> new Precision(Precision.Format.FP16, 8, 16)).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> Precision.integer(0, 8)).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> Precision.floating(Precision.Format.INT)).isInstanceOf(SpecException.class);
    }

    @Test
    void readsAPeSpec() {
        assertThat(Precision.of(PeSpec.INT8)).isEqualTo(Precision.INT8);
        assertThat(Precision.of(new PeSpec(4, 8, NumberType.INT, 32))).isEqualTo(Precision.integer(4, 8));
        assertThat(Precision.of(new PeSpec(16, 16, NumberType.FLOAT, 32))).isEqualTo(Precision.FP16);
        assertThat(Precision.of(new PeSpec(32, 32, NumberType.FLOAT, 32))).isEqualTo(Precision.FP32);
        assertThatThrownBy(() -> Precision.of(new PeSpec(8, 8, NumberType.FLOAT, 32)))
                .isInstanceOf(SpecException.class);
    }

    @Test
    void modesParseByKey() {
        assertThat(PrecisionMode.parse("bit-serial")).isEqualTo(PrecisionMode.BIT_SERIAL);
        assertThat(PrecisionMode.parse("Fusion")).isEqualTo(PrecisionMode.FUSION);
        assertThat(PrecisionMode.parse("fixed")).isEqualTo(PrecisionMode.FIXED);
        assertThat(PrecisionMode.parse("bitserial")).isNull();
        assertThat(PrecisionMode.parse(null)).isNull();
    }
}
