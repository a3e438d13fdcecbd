package dev.sextant.server.retention;

import dev.sextant.store.RetentionKind;
import dev.sextant.store.RetentionSetting;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.retention.*} (documented in docs/CONFIGURATION.md): the periods a workspace
 * gets until its admin chooses (a number of days, or {@code forever}), how often each
 * workspace's retention runs, and how many rows one statement of a run removes at most.
 * Traces are kept 400 days by default: a year and a month, so year-over-year comparisons and
 * every analytics window still have their data, while the store stops growing without bound;
 * payloads and scores are kept as long as their traces. Training metric points are kept forever
 * by default: a registered model version points at the run that trained it, and its curves are
 * the evidence of how it was made; deleting them on a timer would quietly break the lineage of
 * models still serving. A workspace that logs millions of points a day sets a period itself.
 */
@ConfigurationProperties("sextant.retention")
record RetentionSettings(
        @DefaultValue("400") String traces,
        @DefaultValue("forever") String payloads,
        @DefaultValue("forever") String scores,
        @DefaultValue("forever") String trainingMetrics,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("10000") int batchSize) {

    static final int MAX_BATCH = 1_000_000;
    static final String FOREVER = "forever";

    RetentionSettings {
        defaults(traces, payloads, scores, trainingMetrics); // fails on a wrong value at startup
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
        return defaults(traces, payloads, scores, trainingMetrics).get(kind);
    }

    private static Map<RetentionKind, Integer> defaults(String traces, String payloads, String scores,
            String trainingMetrics) {
        Map<RetentionKind, Integer> days = new EnumMap<>(RetentionKind.class);
        days.put(RetentionKind.TRACES, days("traces", traces));
        days.put(RetentionKind.PAYLOADS, days("payloads", payloads));
        days.put(RetentionKind.SCORES, days("scores", scores));
        days.put(RetentionKind.TRAINING_METRICS, days("training-metrics", trainingMetrics));
        return days;
    }

    private static Integer days(String name, String value) {
        String text = value == null ? "" : value.strip();
        if (text.equalsIgnoreCase(FOREVER)) {
            return null;
        }
        try {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= RetentionSetting.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("sextant.retention." + name + " must be a number of days between 1 and "
                + RetentionSetting.MAX_DAYS + ", or 'forever', was '" + value + "'");
    }
}
