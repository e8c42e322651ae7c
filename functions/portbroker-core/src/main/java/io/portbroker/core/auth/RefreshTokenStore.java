package io.portbroker.core.auth;

import java.time.Instant;
import java.util.Optional;

/** Port: where refresh-token hashes and revoked families live (DynamoDB in production, memory in tests). */
public interface RefreshTokenStore {

    /** The record with this hash, read strongly consistent, whatever its status. */
    Optional<RefreshTokenRecord> find(String tokenHash);

    /**
     * Stores the first token of a new family.
     *
     * @throws IllegalStateException when a record with the same hash exists (a random collision: never expected)
     */
    void create(RefreshTokenRecord record);

    /**
     * Atomically marks {@code usedHash} as used and stores {@code next}, but only while {@code usedHash} is
     * {@link RefreshTokenRecord.Status#ACTIVE} and its family is not revoked. Of two concurrent rotations of one
     * token at most one succeeds.
     *
     * @return false when the token was already used, is unknown, or its family is revoked
     */
    boolean rotate(String usedHash, RefreshTokenRecord next);

    /** Revokes every token of the family, present and future; kept at least until {@code retainUntil}. */
    void revokeFamily(String familyId, Instant retainUntil);

    /** Whether {@link #revokeFamily} was called for the family. */
    boolean isFamilyRevoked(String familyId);
}
