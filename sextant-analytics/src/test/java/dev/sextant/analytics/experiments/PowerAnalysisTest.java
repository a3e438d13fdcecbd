package dev.sextant.analytics.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.experiments.PowerAnalysis.EffectKind;
import dev.sextant.analytics.experiments.PowerAnalysis.SampleSize;
import org.junit.jupiter.api.Test;

class PowerAnalysisTest {

    /**
     * Baseline 10%, detect +2 points, α = 0.05 two-sided, power 0.8. By hand: z<sub>0.975</sub> =
     * 1.959964, z<sub>0.8</sub> = 0.841621; p̄ = 0.11, √(2·0.11·0.89) = √0.1958 = 0.442493;
     * √(0.1·0.9 + 0.12·0.88) = √0.1956 = 0.442267; n = (1.959964·0.442493 + 0.841621·0.442267)² / 0.02²
     * = (0.867270 + 0.372221)² / 0.0004 = 1.536338 / 0.0004 = 3840.85 → 3841 per variant. R's
     * {@code power.prop.test(p1 = 0.1, p2 = 0.12, power = 0.8)} gives n = 3840.847 (scipy formula
     * evaluation: 3840.847482436276).
     */
    @Test
    void twoProportionsKnownAnswer() {
        SampleSize s = PowerAnalysis.proportions(0.10, 0.02, EffectKind.ABSOLUTE, 0.05, 0.8, 2);
        assertThat(s.perVariant()).isEqualTo(3841);
        assertThat(s.total()).isEqualTo(7682);
        assertThat(s.target()).isCloseTo(0.12, within(1e-12));

        // the same effect stated relatively: 20% of 0.10
        assertThat(PowerAnalysis.proportions(0.10, 0.2, EffectKind.RELATIVE, 0.05, 0.8, 2).perVariant()).isEqualTo(3841);
        // 0.20 → 0.22: formula value 6509.466678513718 → 6510; a decrease 0.30 → 0.27 at α 0.01, power 0.9:
        // 6735.410317698883 → 6736 (same formula evaluated with scipy.stats.norm.ppf)
        assertThat(PowerAnalysis.proportions(0.20, 0.02, EffectKind.ABSOLUTE, 0.05, 0.8, 2).perVariant()).isEqualTo(6510);
        assertThat(PowerAnalysis.proportions(0.30, -0.1, EffectKind.RELATIVE, 0.01, 0.9, 3).perVariant()).isEqualTo(6736);
    }

    /**
     * σ = 1, δ = 0.5, α = 0.05, power 0.8: n = 2·(1.959964 + 0.841621)²·1 / 0.25 = 2·7.848879 / 0.25
     * = 62.79 → 63 (the classic "about 63 per group for half a standard deviation"; R's
     * {@code power.t.test}, using t rather than z, says 63.77). σ = 10, δ = 2, power 0.9:
     * 2·(1.959964 + 1.281552)²·100 / 4 = 525.37 → 526.
     */
    @Test
    void differenceOfMeansKnownAnswer() {
        assertThat(PowerAnalysis.means(1, 0.5, 0.05, 0.8, 2).perVariant()).isEqualTo(63);
        assertThat(PowerAnalysis.means(10, 2, 0.05, 0.9, 2).perVariant()).isEqualTo(526);
        assertThat(PowerAnalysis.means(10, -2, 0.05, 0.9, 4).total()).isEqualTo(526 * 4);
    }

    /**
     * Achieved power, by the formulas in the class comment evaluated with scipy: 0.10 vs 0.12 with
     * 3841 each = 0.8000155778094185 (the plan above comes back as 80%); with 1000 each =
     * 0.2977321312482274; with 2000 and 1000 = 0.38985882227419627. Means: δ = 0.5, σ = 1, 63 each
     * = 0.801301455473719; δ = 2, σ 10 and 12, 400 and 300 = 0.6483460464677937.
     */
    @Test
    void achievedPower() {
        assertThat(PowerAnalysis.achievedPowerProportions(0.10, 3841, 0.12, 3841, 0.05)).isCloseTo(0.8000155778094185, within(1e-9));
        assertThat(PowerAnalysis.achievedPowerProportions(0.10, 1000, 0.12, 1000, 0.05)).isCloseTo(0.2977321312482274, within(1e-9));
        assertThat(PowerAnalysis.achievedPowerProportions(0.10, 2000, 0.12, 1000, 0.05)).isCloseTo(0.38985882227419627, within(1e-9));
        assertThat(PowerAnalysis.achievedPowerMeans(0.5, 1, 63, 1, 63, 0.05)).isCloseTo(0.801301455473719, within(1e-9));
        assertThat(PowerAnalysis.achievedPowerMeans(-2, 10, 400, 12, 300, 0.05)).isCloseTo(0.6483460464677937, within(1e-9));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> PowerAnalysis.proportions(0, 0.02, EffectKind.ABSOLUTE, 0.05, 0.8, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline");
        assertThatThrownBy(() -> PowerAnalysis.proportions(0.95, 0.1, EffectKind.ABSOLUTE, 0.05, 0.8, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> PowerAnalysis.proportions(0.1, 0, EffectKind.ABSOLUTE, 0.05, 0.8, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-zero");
        assertThatThrownBy(() -> PowerAnalysis.proportions(0.1, Double.NaN, EffectKind.RELATIVE, 0.05, 0.8, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PowerAnalysis.proportions(0.1, 0.02, EffectKind.ABSOLUTE, 1.5, 0.8, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> PowerAnalysis.proportions(0.1, 0.02, EffectKind.ABSOLUTE, 0.05, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power");
        assertThatThrownBy(() -> PowerAnalysis.means(1, 0.5, 0.05, 0.8, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 variants");
        assertThatThrownBy(() -> PowerAnalysis.means(-1, 0.5, 0.05, 0.8, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard deviation");
        assertThatThrownBy(() -> PowerAnalysis.means(1, Double.POSITIVE_INFINITY, 0.05, 0.8, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-zero");
        assertThatThrownBy(() -> PowerAnalysis.achievedPowerProportions(0.1, 0, 0.12, 10, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PowerAnalysis.achievedPowerMeans(1, 0, 10, 0, 10, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
