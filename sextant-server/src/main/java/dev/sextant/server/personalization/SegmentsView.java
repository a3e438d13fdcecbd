package dev.sextant.server.personalization;

import dev.sextant.analytics.personalization.Segment;
import dev.sextant.analytics.personalization.Segmentation;
import dev.sextant.store.PersonalizationQuery;
import java.time.Instant;
import java.util.List;

/** The segments answer: the segmentation with the range it covers; {@code reason} says why there are none. */
record SegmentsView(Instant from, Instant to, String agentId, int users, Integer k, String kChoice, Double silhouette,
        List<String> features, List<Segment> segments, String reason) {

    static SegmentsView of(PersonalizationQuery q, Segmentation s) {
        return new SegmentsView(q.from(), q.to(), q.agentId(), s.users(), s.k(), s.kChoice(), s.silhouette(),
                s.features(), s.segments(), s.reason());
    }
}
