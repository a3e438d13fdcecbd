package dev.sextant.store.training;

import java.time.Instant;

/**
 * A stored run: its id, what it was started with, where it is ({@code status}, {@code error} when
 * failed), what it used, and how much it logged ({@code pointCount} metric points, the highest
 * {@code lastStep} or null before the first, {@code lastLoggedAt}).
 */
public record TrainingRun(String id, NewTrainingRun spec, TrainingRunStatus status, RunError error,
        RunResources resources, long pointCount, Long lastStep, Instant lastLoggedAt, Instant createdAt,
        Instant startedAt, Instant endedAt) {}
