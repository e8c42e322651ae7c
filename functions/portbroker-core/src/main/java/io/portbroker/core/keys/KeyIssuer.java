package io.portbroker.core.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Set;

/** Creates and rotates client keys: the plaintext is returned once and only its hash is stored. */
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

    /** A new key with a fresh random secret and no limits. */
    public IssuedKey issue(String name, Set<String> scopes, Instant expiresAt) {
        return issue(name, scopes, expiresAt, KeyLimits.NONE);
    }

    /** A new key with a fresh random secret. */
    public IssuedKey issue(String name, Set<String> scopes, Instant expiresAt, KeyLimits limits) {
        String key = ApiKeyFormat.generate(random);
        return store(key, idFor(key), name, scopes, expiresAt, limits);
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
        return store(key, idFor(key), name, scopes, expiresAt, KeyLimits.NONE);
    }

    /**
     * Gives a key a new secret under the same id, scopes, expiry and limits. The old secret keeps working until
     * {@code overlap} has passed, so clients can switch without an outage; then only the new one works.
     *
     * @return the new secret (shown once) and the old record as it is now stored
     * @throws NoSuchElementException when the id has no current, active secret
     */
    public Rotation rotate(String keyId, Duration overlap) {
        ApiKeyRecord current = store.findByKeyId(keyId).stream()
                .filter(r -> r.current() && r.status() == ApiKeyRecord.KeyStatus.ACTIVE)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no active key " + keyId));
        String key = ApiKeyFormat.generate(random);
        IssuedKey next = store(key, keyId, current.name(), current.scopes(), current.expiresAt(), current.limits());
        ApiKeyRecord retired = current.withRetiredAt(clock.instant().plus(overlap));
        store.update(retired);
        return new Rotation(next, retired);
    }

    private IssuedKey store(
            String key, String keyId, String name, Set<String> scopes, Instant expiresAt, KeyLimits limits) {
        ApiKeyRecord record = new ApiKeyRecord(
                hasher.hash(key),
                keyId,
                ApiKeyFormat.displayPrefix(key),
                name,
                scopes,
                ApiKeyRecord.KeyStatus.ACTIVE,
                clock.instant(),
                expiresAt,
                limits,
                null);
        store.create(record);
        return new IssuedKey(key, record);
    }

    private String idFor(String key) {
        return "key_" + hasher.hash("id:" + key).substring(0, 20);
    }

    /** A key just created: {@code key} is the only copy of the secret. */
    public record IssuedKey(String key, ApiKeyRecord record) {
        @Override
        public String toString() {
            return "IssuedKey[" + record.keyId() + "]";
        }
    }

    /** The outcome of a rotation: the new secret and the retiring record. */
    public record Rotation(IssuedKey next, ApiKeyRecord retiring) {}
}
