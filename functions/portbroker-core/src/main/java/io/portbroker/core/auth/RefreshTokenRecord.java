package io.portbroker.core.auth;

import java.time.Instant;

/**
 * One stored refresh token. Only the SHA-256 of the token is kept; the token itself exists only in the client.
 *
 * @param tokenHash lower-case hex SHA-256 of the token (the store's key)
 * @param familyId the login session this token belongs to; every rotation stays in the family
 * @param subject the admin's username
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being accepted (never after {@code familyExpiresAt})
 * @param familyExpiresAt absolute end of the login session; stores keep records until then for reuse detection
 * @param authTime when the admin entered the password that started the family
 * @param status {@link Status#ACTIVE} until it is exchanged, then {@link Status#USED}
 */
public record RefreshTokenRecord(
        String tokenHash,
        String familyId,
        String subject,
        Instant issuedAt,
        Instant expiresAt,
        Instant familyExpiresAt,
        Instant authTime,
        Status status) {

    /** Lifecycle of one token: a used token presented again is a reuse. */
    public enum Status {
        ACTIVE,
        USED
    }

    /** The same record marked as exchanged. */
    public RefreshTokenRecord used() {
        return new RefreshTokenRecord(
                tokenHash, familyId, subject, issuedAt, expiresAt, familyExpiresAt, authTime, Status.USED);
    }
}
