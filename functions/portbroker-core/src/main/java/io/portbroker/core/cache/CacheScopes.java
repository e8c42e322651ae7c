package io.portbroker.core.cache;

/**
 * Scopes that restrict what a client key may do with the cache, and the admin scope that may read cached bodies.
 * A client key holding {@link #NO_READ} is never answered from the cache; one holding {@link #NO_FORCE_ONLY} gets
 * a 403 for {@code x-portbroker-cache: force-only}.
 */
public final class CacheScopes {
    /** The key's requests are never served from the cache (they may still fill it). */
    public static final String NO_READ = "cache:no-read";
    /** The key may not ask for {@code force-only}. */
    public static final String NO_FORCE_ONLY = "cache:no-force-only";
    /** Admin: may read the body of a cached entry (metadata needs only {@code admin:read}). */
    public static final String ADMIN_CONTENT = "admin:cache-content";

    private CacheScopes() {}
}
