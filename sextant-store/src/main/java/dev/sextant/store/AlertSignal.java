package dev.sextant.store;

import java.util.Objects;

/**
 * A producer's "this condition holds now". Alerts are de-duplicated by {@code dedupeKey}: while
 * an alert with that key is open, raising it again updates that one alert. {@code source} names
 * the producer ({@code rule}, later {@code budget}, ...); {@code ruleId} is null for producers
 * that are not rules. {@code details} is a JSON object as text (the numbers behind the alert).
 */
public record AlertSignal(String dedupeKey, String source, String ruleId, String title, Severity severity,
        Double value, String details) {

    public AlertSignal {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
    }

    /** The de-duplication key of an alert rule's alerts. */
    public static String ruleKey(String ruleId) {
        return "rule:" + ruleId;
    }
}
