package dev.sextant.analytics.configurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.configurations.ParameterImpact.Impact;
import dev.sextant.analytics.configurations.ParameterImpact.Kind;
import dev.sextant.analytics.configurations.ParameterImpact.Parameter;
import dev.sextant.analytics.configurations.ParameterObservation.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known answers computed with scipy (pearsonr, spearmanr, f_oneway, t.ppf) from the same data. */
class ParameterImpactTest {
    private static final String[] TONES = {"formal", "friendly", "terse"};

    /** temperature i/20 for i = 0..19, rating 5 - 2 * temperature + ((7i mod 5) - 2) / 10. */
    private static List<ParameterObservation> temperatures() {
        List<ParameterObservation> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double t = i / 20.0;
            list.add(new ParameterObservation(Map.of("temperature", t), null, 5 - 2 * t + ((i * 7) % 5 - 2) * 0.1,
                    1000 + 1000 * t, null));
        }
        return list;
    }

    /** 21 observations: tone cycles formal, friendly, terse; rating 4.0, 4.6, 3.5 + ((i mod 7) - 3) / 10. */
    private static List<ParameterObservation> tones() {
        List<ParameterObservation> list = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            String tone = TONES[i % 3];
            double base = switch (tone) {
                case "formal" -> 4.0;
                case "friendly" -> 4.6;
                default -> 3.5;
            };
            list.add(new ParameterObservation(Map.of("tone", tone), null, base + (i % 7 - 3) * 0.1, null, null));
        }
        return list;
    }

    @Test
    void aNumericParameterGetsItsCorrelationsImpactAndBestQuartile() {
        ParameterImpact result = ParameterImpact.analyse(temperatures(), Outcome.RATING);
        Parameter t = result.parameters().getFirst();
        assertThat(t.kind()).isEqualTo(Kind.NUMERIC);
        assertThat(t.observations()).isEqualTo(20);
        assertThat(t.pearson()).isCloseTo(-0.9699248120, within(1e-9));
        assertThat(t.pearsonPValue()).isCloseTo(1.714355611e-12, within(1e-18));
        assertThat(t.spearman()).isCloseTo(-0.9699248120, within(1e-9));
        assertThat(t.impact()).isEqualTo(Impact.HIGH);
        // 20 observations: min(4, 20 / 5) = 4 bins of 5; means 4.8, 4.3, 3.8, 3.3
        assertThat(t.groups()).extracting(ParameterImpact.Group::mean)
                .satisfiesExactly(m -> assertThat(m).isCloseTo(4.8, within(1e-9)),
                        m -> assertThat(m).isCloseTo(4.3, within(1e-9)), m -> assertThat(m).isCloseTo(3.8, within(1e-9)),
                        m -> assertThat(m).isCloseTo(3.3, within(1e-9)));
        assertThat(t.best().low()).isEqualTo(0.0);
        assertThat(t.best().high()).isEqualTo(0.2);
        // 4.8 ± t(0.975, 4) × sd(4.8, 4.9, 5.0, 4.6, 4.7) / sqrt(5)
        assertThat(t.best().ciLow()).isCloseTo(4.6036756839, within(1e-9));
        assertThat(t.best().ciHigh()).isCloseTo(4.9963243161, within(1e-9));

        NextConfiguration next = result.recommendation();
        assertThat(next.recommended()).isTrue();
        assertThat(next.parameters()).containsExactly(Map.entry("temperature", 0.1));
        // best bin mean 4.8 against the other 15 observations' mean 3.8
        assertThat(next.expectedImprovement()).isCloseTo(1.0, within(1e-9));
        assertThat(next.improvementLow()).isPositive().isLessThan(1.0);
        assertThat(next.improvementHigh()).isGreaterThan(1.0);
        assertThat(ParameterImpact.analyse(temperatures(), Outcome.RATING).recommendation()).isEqualTo(next);
    }

    @Test
    void lowerIsBetterForLatencySoTheBestBinIsTheFastest() {
        ParameterImpact result = ParameterImpact.analyse(temperatures(), Outcome.LATENCY);
        Parameter t = result.parameters().getFirst();
        assertThat(t.pearson()).isCloseTo(1.0, within(1e-12));
        assertThat(t.best().low()).isEqualTo(0.0);
        // latency 1000 + 1000 t: best bin mean 1100 against the rest's 1600, lower is better: +500
        assertThat(result.recommendation().expectedImprovement()).isCloseTo(500.0, within(1e-9));
    }

    @Test
    void aCategoricalParameterGetsEtaSquaredAnovaAndItsBestValue() {
        ParameterImpact result = ParameterImpact.analyse(tones(), Outcome.RATING);
        Parameter tone = result.parameters().getFirst();
        assertThat(tone.kind()).isEqualTo(Kind.CATEGORICAL);
        assertThat(tone.etaSquared()).isCloseTo(0.8348623853, within(1e-9));
        assertThat(tone.anovaPValue()).isCloseTo(9.133012761e-8, within(1e-14));
        assertThat(tone.impact()).isEqualTo(Impact.HIGH);
        assertThat(tone.best().value()).isEqualTo("friendly");
        assertThat(tone.best().mean()).isCloseTo(4.6, within(1e-9));
        assertThat(result.recommendation().parameters()).containsExactly(Map.entry("tone", "friendly"));
        // friendly 4.6 against the other fourteen's 3.75
        assertThat(result.recommendation().expectedImprovement()).isCloseTo(0.85, within(1e-9));
    }

    @Test
    void tenObservationsAreNotEnoughAndNothingIsRecommended() {
        ParameterImpact result = ParameterImpact.analyse(temperatures().subList(0, 10), Outcome.RATING);
        Parameter t = result.parameters().getFirst();
        assertThat(t.analysed()).isFalse();
        assertThat(t.reason()).isEqualTo(
                "insufficient data: more than 10 observations with this parameter and the outcome are needed, had 10");
        assertThat(result.recommendation().recommended()).isFalse();
        assertThat(result.recommendation().parameters()).isEmpty();
        assertThat(result.recommendation().expectedImprovement()).isNull();
        assertThat(result.recommendation().reason()).isEqualTo("no recommendation: no parameter has a medium or high,"
                + " significant impact with enough observations");
    }

    @Test
    void aParameterWithoutEffectIsNotRecommendedAndMixedValuesAreNotAnalysed() {
        List<ParameterObservation> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // rating alternates regardless of max_tokens, which only grows: no relationship
            list.add(new ParameterObservation(Map.of("max_tokens", 100 + i, "mode", i % 2 == 0 ? "a" : 3),
                    i % 2 == 0 ? 1.0 : 0.0, (i / 2) % 2 == 0 ? 4.0 : 3.0, null, null));
        }
        ParameterImpact result = ParameterImpact.analyse(list, Outcome.RATING);
        Parameter tokens = result.parameters().get(0);
        assertThat(tokens.impact()).isEqualTo(Impact.NONE);
        Parameter mode = result.parameters().get(1);
        assertThat(mode.kind()).isEqualTo(Kind.MIXED);
        assertThat(mode.analysed()).isFalse();
        assertThat(result.recommendation().recommended()).isFalse();
    }
}
