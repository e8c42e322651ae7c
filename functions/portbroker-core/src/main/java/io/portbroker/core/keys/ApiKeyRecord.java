package io.portbroker.core.keys;

import java.time.Instant;
import java.util.Set;

/**
 * A stored client key. Holds only the keyed hash of the secret, never the secret.
 *
 * @param keyHash hex HMAC-SHA256 of the full key under the server pepper (the table's partition key)
 * @param keyId stable public id ({@code key_...}) used by the admin API; a rotated key keeps its id, so its
 *     limits and usage carry over to the new secret
 * @param prefix the first characters of the key, shown to admins to recognise it
 * @param name human label
 * @param scopes granted scopes, e.g. {@code chat:write}
 * @param status active or revoked
 * @param createdAt creation time
 * @param expiresAt expiry, or null for none
 * @param limits per-minute limits
 * @param retiredAt for a secret replaced by rotation, the end of its overlap window; null for the current secret
 */
public record ApiKeyRecord(
        String keyHash,
        String keyId,
        String prefix,
        String name,
        Set<String> scopes,
        KeyStatus status,
        Instant createdAt,
        Instant expiresAt,
        KeyLimits limits,
        Instant retiredAt) {

    public ApiKeyRecord {
        scopes = Set.copyOf(scopes);
        limits = limits == null ? KeyLimits.NONE : limits;
    }

    /** True when the key may be used at {@code now}: active, not expired, not past its rotation overlap. */
    public boolean usableAt(Instant now) {
        return status == KeyStatus.ACTIVE
                && (expiresAt == null || now.isBefore(expiresAt))
                && (retiredAt == null || now.isBefore(retiredAt));
    }

    /** True for the secret an admin listing shows: not one being rotated out. */
    public boolean current() {
        return retiredAt == null;
    }

    public ApiKeyRecord withStatus(KeyStatus value) {
        return new ApiKeyRecord(keyHash, keyId, prefix, name, scopes, value, createdAt, expiresAt, limits, retiredAt);
    }

    public ApiKeyRecord withLimits(KeyLimits value) {
        return new ApiKeyRecord(keyHash, keyId, prefix, name, scopes, status, createdAt, expiresAt, value, retiredAt);
    }

    public ApiKeyRecord withRetiredAt(Instant value) {
        return new ApiKeyRecord(keyHash, keyId, prefix, name, scopes, status, createdAt, expiresAt, limits, value);
    }

    /** Lifecycle of a key. */
    public enum KeyStatus {
        ACTIVE,
        REVOKED
    }
}
