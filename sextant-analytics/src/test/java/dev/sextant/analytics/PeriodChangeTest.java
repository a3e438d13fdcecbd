package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.TrendQuery.Interval;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodChangeTest {

    @Test
    void comparesTheLastCompleteBucketWithTheOneBefore() {
        // hourly from 00:00; at 03:30 the 03:00 bucket is not complete, 02:00 is the last complete
        var buckets = TrendClassifierTest.buckets(1.0, 4.0, 5.0, 100.0);
        PeriodChange c = PeriodChange.of(buckets, Interval.HOUR, Instant.parse("2026-01-01T03:30:00Z"));

        assertThat(c.lastStart()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
        assertThat(c.last()).isEqualTo(5.0);
        assertThat(c.previousStart()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
        assertThat(c.previous()).isEqualTo(4.0);
        assertThat(c.change()).isEqualTo(1.0);
        assertThat(c.changeRatio()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void noChangeWithoutTwoCompleteBuckets() {
        var buckets = TrendClassifierTest.buckets(1.0, 4.0);
        PeriodChange c = PeriodChange.of(buckets, Interval.HOUR, Instant.parse("2026-01-01T01:59:59Z"));

        assertThat(c.last()).isNull();
        assertThat(c.change()).isNull();
    }

    @Test
    void anEmptyBucketHasNoChange() {
        var buckets = TrendClassifierTest.buckets(null, 4.0);
        PeriodChange c = PeriodChange.of(buckets, Interval.HOUR, Instant.parse("2026-01-01T02:00:00Z"));

        assertThat(c.last()).isEqualTo(4.0);
        assertThat(c.previous()).isNull();
        assertThat(c.change()).isNull();
    }

    @Test
    void monthsEndOnTheCalendar() {
        assertThat(PeriodChange.end(Instant.parse("2026-02-01T00:00:00Z"), Interval.MONTH))
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }
}
