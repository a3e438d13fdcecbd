package dev.sextant.store.training;

import java.time.Instant;

/**
 * The points of one metric in one step bucket: the steps it covers ({@code firstStep} to
 * {@code lastStep}, as logged), how many points, how many of them were NaN or infinite; min, max
 * and mean over the finite values (null if none); {@code last} the value at the highest step (the
 * latest logged there; may be NaN) and the latest timestamp in the bucket (null if none was given).
 */
public record MetricBucket(long bucket, long firstStep, long lastStep, long count, long nonFinite, Double min,
        Double max, Double mean, double last, Instant lastTimestamp) {}
