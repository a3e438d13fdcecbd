package dev.sextant.analytics;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a categorical choice and an outcome are related: {@code samples} observations over
 * {@code categories} rows, tested by {@code method} ({@code chi_square} or {@code fisher_exact};
 * {@code chiSquare} is null for the exact test). When the table is too thin for either
 * ({@link Status#INSUFFICIENT_DATA}) the method, statistic, p-value and verdict are null and
 * {@code reason} gives the counts that fell short.
 */
public record Association(Status status, String method, long samples, int categories, Integer degreesOfFreedom,
        Double chiSquare, Double pValue, Double minExpected, Boolean significant, String reason) {

    public enum Status {
        TESTED, INSUFFICIENT_DATA;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Association {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }
}
