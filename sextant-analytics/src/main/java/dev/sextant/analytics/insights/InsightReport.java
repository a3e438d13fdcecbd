package dev.sextant.analytics.insights;

import dev.sextant.store.InsightPeriods;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one insight run: the significant findings, best first (at most the limit asked
 * for), and per detector what it considered. {@code dataAsOf}: the newest trace start the run
 * read, null when it read none.
 */
public record InsightReport(InsightPeriods periods, double alpha, String correction, List<Insight> insights,
        List<Considered> considered, Instant dataAsOf) {

    public InsightReport {
        insights = List.copyOf(insights);
        considered = List.copyOf(considered);
    }

    /** A finding that survived the correction, with its rank, score and severity. */
    public record Insight(int rank, double score, String severity, double adjustedPValue, Finding finding) {
    }

    /**
     * One detector's part in the run: candidates looked at, skipped below the minimum sample,
     * untestable (no variation), tested, significant after the correction, and reported (within the limit).
     */
    public record Considered(String detector, String minimum, int candidates, int skippedTooLittleData,
            int untestable, int tested, int significant, int reported) {
    }
}
