package dev.sextant.server.retention;

import dev.sextant.store.RetentionKind;
import dev.sextant.store.RetentionSetting;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.retention.*} (documented in docs/CONFIGURATION.md): the periods a workspace
 * gets until its admin chooses (days; an empty value keeps that kind forever), how often each
 * workspace's retention runs, and how many rows one statement of a run removes at most.
 * Traces are kept 400 days by default: a year and a month, so year-over-year comparisons and
 * every analytics window still have their data, while the store stops growing without bound;
 * payloads and scores are kept as long as their traces.
 */
@ConfigurationProperties("sextant.retention")
record RetentionSettings(
        @DefaultValue("400") Integer traces,
        Integer payloads,
        Integer scores,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("10000") int batchSize) {

    static final int MAX_BATCH = 1_000_000;

    RetentionSettings {
        days("traces", traces);
        days("payloads", payloads);
        days("scores", scores);
        if (interval == null || interval.isNegative() || interval.toSeconds() < 1) {
            throw new IllegalArgumentException("sextant.retention.interval must be at least 1s, was " + interval);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("sextant.retention.batch-size must be between 1 and " + MAX_BATCH
                    + ", was " + batchSize);
        }
    }

    /** The default period of a kind, in days; null keeps it forever. */
    Integer defaultDays(RetentionKind kind) {
        return switch (kind) {
            case TRACES -> traces;
            case PAYLOADS -> payloads;
            case SCORES -> scores;
        };
    }

    private static void days(String name, Integer days) {
        if (days != null && (days < 1 || days > RetentionSetting.MAX_DAYS)) {
            throw new IllegalArgumentException("sextant.retention." + name + " must be between 1 and "
                    + RetentionSetting.MAX_DAYS + " days (or empty to keep forever), was " + days);
        }
    }
}
