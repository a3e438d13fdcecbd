package dev.sextant.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a personalization read covers: interactions that started in {@code [from, to)}, of one
 * agent and one user when those are given. The range is at most {@link #MAX_RANGE} long, so that
 * a read stays bounded (one row per user, agent and week at most).
 */
public record PersonalizationQuery(Instant from, Instant to, String agentId, String userId) {
    public static final Duration MAX_RANGE = Duration.ofDays(366);

    public PersonalizationQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("from " + from + " to " + to + " is longer than "
                    + MAX_RANGE.toDays() + " days");
        }
    }

    /** The interaction filter of this query. */
    public InteractionQuery interactions() {
        return InteractionQuery.builder().from(from).to(to).agentId(agentId).userId(userId).build();
    }
}
