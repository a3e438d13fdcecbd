package dev.sextant.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Outcomes per task and model. A trace's model is its <em>dominant</em> model: the model of its
 * LLM spans with the highest summed cost (then the most tokens, then the name); traces without an
 * LLM span naming a model are left out. A trace succeeds unless its status is error; it hands off
 * when its hand-off was triggered. {@code ratings} counts the numeric {@code user_rating} scores of
 * the group's traces by value. {@code recentExecutions} counts the group's traces started in the
 * query's volume window (same filters, that window instead of from/to).
 */
public record ModelOutcomes(List<Group> groups, Instant dataAsOf) {

    public static final String RATING_SCORE = "user_rating";

    public ModelOutcomes {
        groups = List.copyOf(groups);
    }

    /** What a task is: the trace's name, or the name of its intent with the highest confidence. */
    public enum TaskKind {
        NAME, INTENT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<TaskKind> fromWire(String wire) {
            for (TaskKind k : values()) {
                if (k.wire().equals(wire)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** Traces the filter selects, grouped by {@code task}; volume counted over [volumeFrom, volumeTo). */
    public record Query(InteractionQuery filter, TaskKind task, Instant volumeFrom, Instant volumeTo) {
        public Query {
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(volumeFrom, "volumeFrom");
            Objects.requireNonNull(volumeTo, "volumeTo");
            if (!volumeTo.isAfter(volumeFrom)) {
                throw new IllegalArgumentException("volumeTo (" + volumeTo + ") must be after volumeFrom (" + volumeFrom + ")");
            }
        }
    }

    public record Group(String task, String model, long executions, long successes, long handoffs,
            BigDecimal totalCostUsd, SortedMap<Double, Long> ratings, long recentExecutions) {
        public Group {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(totalCostUsd, "totalCostUsd");
            if (executions < 1 || successes < 0 || successes > executions || handoffs < 0 || handoffs > executions
                    || recentExecutions < 0) {
                throw new IllegalArgumentException("task " + task + ", model " + model + ": counts out of range");
            }
            ratings = new TreeMap<>(ratings);
        }

        public long ratingCount() {
            return ratings.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
