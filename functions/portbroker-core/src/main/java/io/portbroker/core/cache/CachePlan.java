package io.portbroker.core.cache;

/**
 * What the cache will do for one request.
 *
 * @param mode what the caller asked for ({@code x-portbroker-cache})
 * @param key the request's key, or null: pass through untouched
 * @param readable whether the caller may read cached answers (it may still populate them)
 */
record CachePlan(CacheMode mode, CacheKey key, boolean readable) {}
