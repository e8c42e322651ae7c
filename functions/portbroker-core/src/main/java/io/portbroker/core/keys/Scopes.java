package io.portbroker.core.keys;

import java.util.Set;

/** Scope names granted to client keys. */
public final class Scopes {
    public static final String CHAT_READ = "chat:read";
    public static final String CHAT_WRITE = "chat:write";
    public static final String ADMIN_PROVIDER = "admin:provider";
    public static final String ADMIN_KEYS = "admin:keys";
    public static final String ADMIN_READ = "admin:read";

    /** What a default data-plane key gets. */
    public static final Set<String> CHAT = Set.of(CHAT_READ, CHAT_WRITE);

    /** What the local stack's bootstrap admin key gets. */
    public static final Set<String> ADMIN = Set.of(ADMIN_PROVIDER, ADMIN_KEYS, ADMIN_READ);

    /** Every scope a key may be given; anything else is rejected when a key is created. */
    public static final Set<String> ALL = Set.of(
            CHAT_READ,
            CHAT_WRITE,
            ADMIN_PROVIDER,
            ADMIN_KEYS,
            ADMIN_READ,
            // response cache restrictions and the admin scope for cached bodies (io.portbroker.core.cache.CacheScopes)
            "cache:no-read",
            "cache:no-force-only",
            "admin:cache-content");

    private Scopes() {}
}
