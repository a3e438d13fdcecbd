package dev.sextant.analytics.learnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.learnings.LearningConfidence.Direction;
import dev.sextant.analytics.learnings.LearningConfidence.Interval;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningEvidence;
import dev.sextant.store.learnings.LearningStatus;
import dev.sextant.store.learnings.OutcomeTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The posterior and its trend worked by hand (quantiles from scipy.stats.beta.ppf). */
class LearningConfidenceTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    private static Learning learning(Double initial, Double evidenceConfidence, Long n) {
        return new Learning("l", null, "s", "{}", new LearningEvidence(null, evidenceConfidence, null, n, null), initial,
                LearningStatus.ACTIVE, AT, "key:k", AT);
    }

    private static OutcomeTally day(String day, long s, long f, long p) {
        return new OutcomeTally(LocalDate.parse(day), s, f, p);
    }

    @Test
    void theEvidenceIsThePriorAndEachWeekUpdatesIt() {
        // prior: mean 0.8 from the initial confidence, strength 10 from the evidence's n: Beta(8, 2)
        List<OutcomeTally> days = List.of(day("2026-06-01", 2, 1, 0), day("2026-06-03", 1, 1, 1),
                day("2026-06-09", 0, 5, 0));

        LearningConfidence c = LearningConfidence.of(learning(0.8, 0.3, 10L), days, Interval.WEEK);

        assertThat(c.priorAlpha()).isEqualTo(8.0, within(1e-12));
        assertThat(c.priorBeta()).isEqualTo(2.0, within(1e-12));
        assertThat(c.trend()).hasSize(2);
        LearningConfidence.Point first = c.trend().get(0);
        // week of Monday 1 June: 3 successes, 2 failures (the pending one waits): Beta(11, 4)
        assertThat(first.start()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(first.successes()).isEqualTo(3);
        assertThat(first.failures()).isEqualTo(2);
        assertThat(first.pending()).isEqualTo(1);
        assertThat(first.mean()).isCloseTo(11.0 / 15, within(1e-12));
        assertThat(first.low()).isCloseTo(0.4920243229515281, within(1e-6));
        assertThat(first.high()).isCloseTo(0.9161106816928725, within(1e-6));
        // week of 8 June: 5 failures more: Beta(11, 9), mean 0.55
        LearningConfidence.Point second = c.trend().get(1);
        assertThat(second.start()).isEqualTo(LocalDate.parse("2026-06-08"));
        assertThat(second.mean()).isCloseTo(0.55, within(1e-12));
        assertThat(second.low()).isCloseTo(0.3349978440117354, within(1e-6));
        assertThat(second.high()).isCloseTo(0.7555253105338039, within(1e-6));
        assertThat(c.current()).isEqualTo(second);
        assertThat(c.successes()).isEqualTo(3);
        assertThat(c.failures()).isEqualTo(7);
        assertThat(c.pending()).isEqualTo(1);
        // 0.55 - 0.8 = -0.25 since the prior, with 10 outcomes: falling
        assertThat(c.direction()).isEqualTo(Direction.FALLING);
    }

    @Test
    void daysAreBucketsOfTheirOwn() {
        LearningConfidence c = LearningConfidence.of(learning(0.8, null, 10L),
                List.of(day("2026-06-01", 2, 1, 0), day("2026-06-03", 1, 1, 1)), Interval.DAY);

        assertThat(c.trend()).extracting(LearningConfidence.Point::mean).containsExactly(10.0 / 13, 11.0 / 15);
    }

    @Test
    void withNothingStatedThePriorIsUniformAndSuccessesRaiseIt() {
        LearningConfidence c = LearningConfidence.of(learning(null, null, null), List.of(day("2026-06-01", 8, 0, 0)),
                Interval.WEEK);

        assertThat(c.priorAlpha()).isEqualTo(1.0);
        assertThat(c.priorBeta()).isEqualTo(1.0);
        assertThat(c.current().mean()).isCloseTo(0.9, within(1e-12));
        assertThat(c.direction()).isEqualTo(Direction.RISING);
    }

    @Test
    void theEvidenceConfidenceIsUsedWhenNoInitialOneIsStatedAndStrengthIsCapped() {
        LearningConfidence c = LearningConfidence.of(learning(null, 1.0, 5000L), List.of(), Interval.WEEK);

        // strength capped at 20, and the 0 of beta raised to 0.5 so failures can still move it
        assertThat(c.priorAlpha()).isEqualTo(20.0);
        assertThat(c.priorBeta()).isEqualTo(0.5);
        assertThat(c.trend()).isEmpty();
        assertThat(c.current().start()).isNull();
        assertThat(c.current().mean()).isCloseTo(20 / 20.5, within(1e-12));
        assertThat(c.direction()).isEqualTo(Direction.STABLE);
    }

    @Test
    void fewRecentOutcomesAreStableAndOnlyTheLastFourBucketsCount() {
        assertThat(LearningConfidence.of(learning(null, null, null), List.of(day("2026-06-01", 4, 0, 0)), Interval.WEEK)
                .direction()).isEqualTo(Direction.STABLE);
        // six weeks: two weeks of failures, then four of successes; the reference is the end of week 2
        List<OutcomeTally> days = new ArrayList<>();
        LocalDate monday = LocalDate.parse("2026-06-01");
        for (int w = 0; w < 6; w++) {
            days.add(new OutcomeTally(monday.plusWeeks(w), w < 2 ? 0 : 3, w < 2 ? 5 : 0, 0));
        }
        LearningConfidence c = LearningConfidence.of(learning(0.5, null, 2L), days, Interval.WEEK);

        // reference Beta(1, 11) mean 1/12; now Beta(13, 11) mean 13/24: rising
        assertThat(c.trend().get(1).mean()).isCloseTo(1.0 / 12, within(1e-12));
        assertThat(c.current().mean()).isCloseTo(13.0 / 24, within(1e-12));
        assertThat(c.direction()).isEqualTo(Direction.RISING);
    }
}
