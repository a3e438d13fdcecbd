package dev.sextant.analytics.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleRatioMismatchTest {

    /**
     * 5210 vs 4790 under 50/50: expected 5000 each, chi-square = (210² + 210²) / 5000 = 17.64 by
     * hand, 1 d.f.; scipy {@code chisquare([5210, 4790], [5000, 5000])} gives p = 2.6691498031812692e-05.
     */
    @Test
    void aClearMismatchIsFlagged() {
        SampleRatioMismatch.Result r = SampleRatioMismatch.check(new long[] {5210, 4790}, new int[] {50, 50});
        assertThat(r.chiSquare()).isCloseTo(17.64, within(1e-9));
        assertThat(r.degreesOfFreedom()).isEqualTo(1);
        assertThat(r.pValue()).isCloseTo(2.6691498031812692e-05, within(1e-12));
        assertThat(r.mismatch()).isTrue();
        assertThat(r.reason()).startsWith("sample ratio mismatch: chi-square = 17.6400 with 1 degrees of freedom");
    }

    /**
     * 5100 vs 4900: chi-square = (100² + 100²) / 5000 = 4, p = 0.0455 (scipy
     * {@code chisquare([5100, 4900], [5000, 5000])} = 0.04550026389635857): significant at 0.05, but
     * not at the SRM threshold 0.001.
     */
    @Test
    void theThresholdIsPointZeroZeroOne() {
        SampleRatioMismatch.Result r = SampleRatioMismatch.check(new long[] {5100, 4900}, new int[] {50, 50});
        assertThat(r.chiSquare()).isCloseTo(4.0, within(1e-9));
        assertThat(r.pValue()).isCloseTo(0.04550026389635857, within(1e-12));
        assertThat(r.mismatch()).isFalse();
        assertThat(SampleRatioMismatch.THRESHOLD).isEqualTo(0.001);
    }

    /**
     * Three variants 50/30/20 with 5021, 2990, 1989 of 10000: chi-square = 21²/5000 + 10²/3000 +
     * 11²/2000 = 0.0882 + 0.0333... + 0.0605 = 0.182033...; scipy
     * {@code chisquare([5021, 2990, 1989], [5000, 3000, 2000])} p = 0.9130024940642247. And 10300,
     * 9700, 10000 under thirds: (300² + 300²)/10000 = 18, p = 0.00012340980408667962.
     */
    @Test
    void severalVariants() {
        SampleRatioMismatch.Result fits = SampleRatioMismatch.check(new long[] {5021, 2990, 1989}, new int[] {50, 30, 20});
        assertThat(fits.chiSquare()).isCloseTo(0.18203333333333332, within(1e-12));
        assertThat(fits.degreesOfFreedom()).isEqualTo(2);
        assertThat(fits.pValue()).isCloseTo(0.9130024940642247, within(1e-12));
        assertThat(fits.mismatch()).isFalse();
        assertThat(fits.reason()).startsWith("split fits the allocation");

        SampleRatioMismatch.Result off = SampleRatioMismatch.check(new long[] {10300, 9700, 10000}, new int[] {34, 33, 33});
        // with 34/33/33 the expected counts are 10200, 9900, 9900: 100²/10200 + 200²/9900 + 100²/9900
        assertThat(off.chiSquare()).isCloseTo(10000.0 / 10200 + 40000.0 / 9900 + 10000.0 / 9900, within(1e-9));
    }

    /**
     * A gross mismatch keeps its p-value rather than rounding to 0: 5500 vs 4500 gives chi-square
     * (500² + 500²)/5000 = 100, scipy {@code chi2.sf(100, 1)} = 1.5239706048320995e-23.
     */
    @Test
    void tinyPValuesKeepTheirDigits() {
        SampleRatioMismatch.Result r = SampleRatioMismatch.check(new long[] {5500, 4500}, new int[] {50, 50});
        assertThat(r.chiSquare()).isCloseTo(100, within(1e-9));
        assertThat(r.pValue()).isCloseTo(1.5239706048320995e-23, within(1e-30));
    }

    @Test
    void zeroPercentVariantsAndEmptyData() {
        SampleRatioMismatch.Result leak = SampleRatioMismatch.check(new long[] {500, 500, 3}, new int[] {50, 50, 0});
        assertThat(leak.mismatch()).isTrue();
        assertThat(leak.pValue()).isZero();
        assertThat(leak.reason()).contains("variant 2 has 0% allocation but 3 units");

        SampleRatioMismatch.Result quiet = SampleRatioMismatch.check(new long[] {5100, 4900, 0}, new int[] {50, 50, 0});
        assertThat(quiet.degreesOfFreedom()).isEqualTo(1);
        assertThat(quiet.chiSquare()).isCloseTo(4.0, within(1e-9));

        SampleRatioMismatch.Result none = SampleRatioMismatch.check(new long[] {0, 0}, new int[] {50, 50});
        assertThat(none.mismatch()).isFalse();
        assertThat(none.reason()).isEqualTo("no units observed yet");
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> SampleRatioMismatch.check(new long[] {1, 2}, new int[] {100}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same variants");
        assertThatThrownBy(() -> SampleRatioMismatch.check(new long[] {-1, 2}, new int[] {50, 50}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> SampleRatioMismatch.check(new long[] {1, 2}, new int[] {50, 40}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 90%");
        assertThatThrownBy(() -> SampleRatioMismatch.check(new long[] {1, 2}, new int[] {150, -50}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> SampleRatioMismatch.check(new long[] {}, new int[] {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no variants");
    }
}
