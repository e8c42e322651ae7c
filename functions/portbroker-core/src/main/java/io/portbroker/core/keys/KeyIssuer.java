package io.portbroker.core.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** Creates client keys: the plaintext is returned once and only its hash is stored. */
public final class KeyIssuer {
    private final ApiKeyStore store;
    private final KeyHasher hasher;
    private final Clock clock;
    private final SecureRandom random;

    public KeyIssuer(ApiKeyStore store, KeyHasher hasher, Clock clock, SecureRandom random) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.random = random;
    }

    /** A new key with a fresh random secret. */
    public IssuedKey issue(String name, Set<String> scopes, Instant expiresAt) {
        return register(ApiKeyFormat.generate(random), name, scopes, expiresAt);
    }

    /**
     * Registers a key chosen by automation (e.g. {@code PORTBROKER_BOOTSTRAP_KEY}).
     *
     * @throws IllegalArgumentException when the key is not well formed
     * @throws KeyAlreadyExistsException when it is already registered
     */
    public IssuedKey register(String key, String name, Set<String> scopes, Instant expiresAt) {
        if (!ApiKeyFormat.isWellFormed(key)) {
            throw new IllegalArgumentException("not a well-formed PortBroker key (pb_live_ + 38 base62 characters)");
        }
        ApiKeyRecord record = new ApiKeyRecord(
                hasher.hash(key),
                "key_" + hasher.hash("id:" + key).substring(0, 20),
                ApiKeyFormat.displayPrefix(key),
                name,
                scopes,
                ApiKeyRecord.KeyStatus.ACTIVE,
                clock.instant(),
                expiresAt);
        store.create(record);
        return new IssuedKey(key, record);
    }

    /** A key just created: {@code key} is the only copy of the secret. */
    public record IssuedKey(String key, ApiKeyRecord record) {
        @Override
        public String toString() {
            return "IssuedKey[" + record.keyId() + "]";
        }
    }
}
