package io.portbroker.core.auth;

import java.time.Instant;

/** What presenting a refresh token led to. */
public sealed interface RefreshResult {

    /**
     * The token was valid and has been exchanged for {@code next}.
     *
     * @param next the new token of the same family
     * @param subject the admin
     * @param authTime when the family's password login happened
     */
    record Rotated(IssuedRefreshToken next, String subject, Instant authTime) implements RefreshResult {}

    /**
     * An already-used token was presented again: it was stolen or replayed, so the whole family is now revoked.
     * The caller must audit this.
     *
     * @param familyId the revoked family
     * @param subject the admin whose session it was
     */
    record ReuseDetected(String familyId, String subject) implements RefreshResult {}

    /**
     * The token is unknown, expired or revoked; nothing changed.
     *
     * @param reason why, for logs (never shown to the client differently)
     */
    record Invalid(Reason reason) implements RefreshResult {}

    /** Why a token was refused. */
    enum Reason {
        MALFORMED,
        UNKNOWN,
        EXPIRED,
        REVOKED
    }
}
