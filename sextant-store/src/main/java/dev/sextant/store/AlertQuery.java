package dev.sextant.store;

/**
 * Which alerts to list, newest first: optionally only one {@code status} and one rule's, one
 * 1-based page of {@code pageSize} (1..{@link PageRequest#MAX_SIZE}).
 */
public record AlertQuery(AlertStatus status, String ruleId, int page, int pageSize) {
    public AlertQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (pageSize < 1 || pageSize > PageRequest.MAX_SIZE) {
            throw new IllegalArgumentException("page_size must be between 1 and " + PageRequest.MAX_SIZE + ", was " + pageSize);
        }
    }
}
