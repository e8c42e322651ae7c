package io.portbroker.core.testing;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyRecord.KeyStatus;
import io.portbroker.core.keys.KeyLimits;
import java.time.Instant;
import java.util.Set;

/**
 * Builds key records: {@code Keys.key("ab12...").scopes("chat:write").expiresAt(t).build()}. Defaults: id
 * {@code key_<hash prefix>}, prefix {@code pb_test_}, name {@code test key}, scope {@code chat:write}, active,
 * created 2026-01-01T00:00:00Z, no expiry.
 */
public final class Keys {

    private final String keyHash;
    private String keyId;
    private String prefix = "pb_test_";
    private String name = "test key";
    private Set<String> scopes = Set.of("chat:write");
    private KeyStatus status = KeyStatus.ACTIVE;
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
    private Instant expiresAt;

    private Keys(String keyHash) {
        this.keyHash = keyHash;
        this.keyId = "key_" + keyHash.substring(0, Math.min(12, keyHash.length()));
    }

    /** A record stored under the given hash. */
    public static Keys key(String keyHash) {
        return new Keys(keyHash);
    }

    public Keys keyId(String value) {
        keyId = value;
        return this;
    }

    public Keys prefix(String value) {
        prefix = value;
        return this;
    }

    public Keys name(String value) {
        name = value;
        return this;
    }

    public Keys scopes(String... values) {
        scopes = Set.of(values);
        return this;
    }

    public Keys status(KeyStatus value) {
        status = value;
        return this;
    }

    public Keys revoked() {

        status = KeyStatus.REVOKED;
        return this;
    }

    public Keys createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public Keys expiresAt(Instant value) {
        expiresAt = value;
        return this;
    }

    public ApiKeyRecord build() {
        return new ApiKeyRecord(
                keyHash, keyId, prefix, name, scopes, status, createdAt, expiresAt, KeyLimits.NONE, null);
    }
}
