package io.portbroker.core.keys;

import java.time.Instant;
import java.util.Set;

/**
 * A stored client key. Holds only the keyed hash of the secret, never the secret.
 *
 * @param keyHash hex HMAC-SHA256 of the full key under the server pepper (the table's partition key)
 * @param keyId stable public id ({@code key_...}) used by the admin API
 * @param prefix the first characters of the key, shown to admins to recognise it
 * @param name human label
 * @param scopes granted scopes, e.g. {@code chat:write}
 * @param status active or revoked
 * @param createdAt creation time
 * @param expiresAt expiry, or null for none
 */
public record ApiKeyRecord(
        String keyHash,
        String keyId,
        String prefix,
        String name,
        Set<String> scopes,
        KeyStatus status,
        Instant createdAt,
        Instant expiresAt) {

    public ApiKeyRecord {
        scopes = Set.copyOf(scopes);
    }

    /** True when the key may be used at {@code now}. */
    public boolean usableAt(Instant now) {
        return status == KeyStatus.ACTIVE && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Lifecycle of a key. */
    public enum KeyStatus {
        ACTIVE,
        REVOKED
    }
}
