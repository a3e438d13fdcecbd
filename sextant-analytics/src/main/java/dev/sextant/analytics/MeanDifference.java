package dev.sextant.analytics;

import java.util.Objects;

/**
 * Two groups' means compared by Welch's t-test: each group's size and mean, the difference
 * (a minus b), the t statistic, the Welch-Satterthwaite degrees of freedom and the two-sided
 * p-value. With too few values ({@link Association.Status#INSUFFICIENT_DATA}) the test figures
 * are null and {@code reason} says what was missing.
 */
public record MeanDifference(Association.Status status, long samplesA, long samplesB, Double meanA, Double meanB,
        Double difference, Double t, Double degreesOfFreedom, Double pValue, Boolean significant, String reason) {

    public MeanDifference {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }
}
