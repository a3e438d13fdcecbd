package dev.sextant.store;

/**
 * A page of a list: {@code page} (1-based) for shallow paging, or the opaque {@code cursor} a
 * previous page returned for deep paging (then {@code page} is ignored).
 */
public record PageRequest(int page, int pageSize, String cursor) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new IllegalArgumentException("page_size must be between 1 and " + MAX_SIZE + ", was " + pageSize);
        }
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
    }

    public static PageRequest first(int pageSize) {
        return new PageRequest(1, pageSize, null);
    }
}
