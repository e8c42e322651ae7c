package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.cache.CacheStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CacheStore} (a shared cache tier) must do. Subclasses return a store over an empty place from
 * {@link #newStore()}. Keys are unique per test, so stores over a shared emulator need no cleanup.
 */
public abstract class CacheStoreContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private CacheStore store;
    private String key;

    protected abstract CacheStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
        key = sha(UUID.randomUUID().toString());
    }

    @Test
    void get_shouldReturnEmpty_whenNothingWasStored() {
        assertThat(store.get(key, NOW)).isEmpty();
    }

    @Test
    void get_shouldReturnTheSameBytes_whenStoredAndLive() {
        // given
        byte[] value = "{\"v\":1,\"text\":\"héllo\"}".getBytes(StandardCharsets.UTF_8);

        // when
        store.put(key, value, NOW.plus(Duration.ofMinutes(5)));

        // then
        assertThat(store.get(key, NOW)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    }

    @Test
    void get_shouldReturnEmpty_whenTheExpiryHasPassed() {
        // given
        store.put(key, new byte[] {1, 2, 3}, NOW.plus(Duration.ofMinutes(5)));

        // then: the store's own expiry may be lazy, the answer may not be
        assertThat(store.get(key, NOW.plus(Duration.ofMinutes(5)))).isEmpty();
        assertThat(store.get(key, NOW.plus(Duration.ofMinutes(4)))).isPresent();
    }

    @Test
    void put_shouldReplaceTheValue_whenTheKeyExists() {
        // given
        store.put(key, new byte[] {1}, NOW.plus(Duration.ofMinutes(5)));

        // when
        store.put(key, new byte[] {2}, NOW.plus(Duration.ofMinutes(10)));

        // then
        assertThat(store.get(key, NOW.plus(Duration.ofMinutes(7))))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(2));
    }

    @Test
    void delete_shouldRemoveTheKey_andIgnoreAbsentKeys() {
        // given
        store.put(key, new byte[] {1}, NOW.plus(Duration.ofMinutes(5)));

        // when
        store.delete(key);
        store.delete(sha("absent-" + key));

        // then
        assertThat(store.get(key, NOW)).isEmpty();
    }

    @Test
    void put_shouldKeepLargeBinaryValues_exactly() {
        // given: 200 KB of incompressible bytes
        byte[] value = new byte[200_000];
        new Random(7).nextBytes(value);

        // when
        store.put(key, value, NOW.plus(Duration.ofMinutes(5)));

        // then
        assertThat(store.get(key, NOW)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    }

    @Test
    void keys_shouldBeIndependent_whenTwoAreStored() {
        // given
        String other = sha("other-" + key);
        store.put(key, new byte[] {1}, NOW.plus(Duration.ofMinutes(5)));
        store.put(other, new byte[] {2}, NOW.plus(Duration.ofMinutes(5)));

        // when
        store.delete(other);

        // then
        assertThat(store.get(key, NOW)).isPresent();
        assertThat(store.get(other, NOW)).isEmpty();
    }

    private static String sha(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
