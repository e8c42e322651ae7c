package io.portbroker.core.page;

/**
 * Where a listing starts and how long a page may be.
 *
 * @param cursor the store's raw position (decoded from the opaque cursor), or null for the start
 * @param limit at most this many items, 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(String cursor, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    /**
     * @throws IllegalArgumentException when the limit is outside 1..{@value #MAX_LIMIT}
     */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first page with the default size. */
    public static PageRequest first() {
        return new PageRequest(null, DEFAULT_LIMIT);
    }
}
