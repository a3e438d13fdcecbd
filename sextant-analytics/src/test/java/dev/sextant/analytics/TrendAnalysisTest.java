package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TrendQuery;
import dev.sextant.store.TrendQuery.Interval;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.TrendResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendAnalysisTest {

    @Test
    void theRunningBucketIsLeftOutOfTheSlopeButListed() {
        // hourly 00:00..05:00, asked at 04:30: 1, 2, 4, 4 complete (slope by hand: Sxy 5.5 / Sxx 5 = 1.1), 04:00 running
        TrendQuery query = new TrendQuery(Metric.INTERACTIONS, Interval.HOUR, null, InteractionQuery.builder()
                .from(Instant.parse("2026-01-01T00:00:00Z")).to(Instant.parse("2026-01-01T05:00:00Z")).build());
        var buckets = TrendClassifierTest.buckets(1.0, 2.0, 4.0, 4.0, 0.0);
        TrendAnalysis a = TrendAnalysis.of(query, new TrendResult(List.of(new TrendResult.Series(null, buckets)), null),
                Instant.parse("2026-01-01T04:30:00Z"));

        TrendAnalysis.AnalysedSeries s = a.series().getFirst();
        assertThat(s.series().buckets()).hasSize(5);
        assertThat(s.verdict().points()).isEqualTo(4);
        assertThat(s.verdict().slope()).isCloseTo(1.1, within(1e-12));
        assertThat(s.change().last()).isEqualTo(4.0);
        assertThat(s.change().previous()).isEqualTo(4.0);
    }
}
