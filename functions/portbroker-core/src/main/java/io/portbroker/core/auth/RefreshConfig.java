package io.portbroker.core.auth;

import java.time.Duration;

/**
 * Lifetimes of refresh tokens.
 *
 * @param tokenTtl how long one token may wait before it is exchanged (sliding)
 * @param familyLifetime absolute session length from the password login; then the admin logs in again
 */
public record RefreshConfig(Duration tokenTtl, Duration familyLifetime) {

    /**
     * @throws IllegalArgumentException when a duration is not positive or the token outlives its family
     */
    public RefreshConfig {
        if (tokenTtl.isNegative() || tokenTtl.isZero() || familyLifetime.compareTo(tokenTtl) < 0) {
            throw new IllegalArgumentException("refresh lifetimes must be positive, token <= family");
        }
    }

    /** Tokens live 12 hours unused, sessions at most 7 days. */
    public static RefreshConfig ofDefaults() {
        return new RefreshConfig(Duration.ofHours(12), Duration.ofDays(7));
    }
}
