package dev.sextant.store.training;

/**
 * Which runs to list, newest first (created_at, then id, descending): filters are optional (null:
 * any); {@code limit} runs per page (1 to {@link #MAX_LIMIT}); {@code cursor} from the previous
 * page's {@link TrainingRunPage#nextCursor()} or null for the first page.
 */
public record TrainingRunQuery(String agentId, TrainingRunStatus status, TrainingType trainingType, int limit,
        String cursor) {
    public static final int MAX_LIMIT = 200;

    public TrainingRunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
