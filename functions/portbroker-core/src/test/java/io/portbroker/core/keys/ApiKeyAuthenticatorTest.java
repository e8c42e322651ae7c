package io.portbroker.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.error.AuthenticationError;
import io.portbroker.error.PermissionError;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyAuthenticatorTest {
    private static final Duration TTL = Duration.ofSeconds(5);
    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final KeyHasher hasher = new KeyHasher(new byte[32]);
    private final KeyIssuer issuer = new KeyIssuer(store, hasher, clock, new SecureRandom());
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store, hasher, clock, TTL);

    @Test
    void authenticate_shouldReturnThePrincipal_whenTheKeyIsActiveAndHoldsTheScope() {
        // given
        KeyLimits limits = new KeyLimits(10L, 1000L);
        KeyIssuer.IssuedKey issued = issuer.issue("ci", Scopes.CHAT, null, limits);

        // when
        Principal principal = authenticator.authenticate(issued.key(), Scopes.CHAT_WRITE);

        // then
        assertThat(principal).isEqualTo(new Principal(issued.record().keyId(), "ci", Scopes.CHAT, limits));
        assertThat(principal.has(Scopes.CHAT_READ)).isTrue();
        assertThat(principal.has(Scopes.ADMIN_KEYS)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void authenticate_shouldAskForAKey_whenNoneWasSent(String key) {
        assertThatThrownBy(() -> authenticator.authenticate(key, Scopes.CHAT_WRITE))
                .isInstanceOf(AuthenticationError.class)
                .hasMessageContaining("missing API key");
    }

    @Test
    @Tag("error-path")
    void authenticate_shouldRefuseWithoutAnyLookup_whenTheKeyIsMalformed() {
        assertThatThrownBy(() -> authenticator.authenticate("pb_live_guess", Scopes.CHAT_WRITE))
                .isInstanceOf(AuthenticationError.class)
                .hasMessage("invalid API key");
        assertThat(store.lookups).hasValue(0);
    }

    @Test
    @Tag("error-path")
    void authenticate_shouldRefuse_whenAWellFormedKeyIsUnknown() {
        String unknown = ApiKeyFormat.generate(new SecureRandom());

        assertThatThrownBy(() -> authenticator.authenticate(unknown, Scopes.CHAT_WRITE))
                .isInstanceOf(AuthenticationError.class)
                .hasMessage("invalid API key");
    }

    @Test
    @Tag("error-path")
    void authenticate_shouldRefuseWithPermissionError_whenTheKeyLacksTheScope() {
        String key = issuer.issue("reader", Set.of(Scopes.CHAT_READ), null).key();

        assertThatThrownBy(() -> authenticator.authenticate(key, Scopes.CHAT_WRITE))
                .isInstanceOf(PermissionError.class)
                .hasMessageContaining(Scopes.CHAT_WRITE);
    }

    @Test
    void authenticate_shouldServeFromTheCache_whenTheSameKeyComesBackWithinTheTtl() {
        // given
        String key = issuer.issue("ci", Scopes.CHAT, null).key();
        authenticator.authenticate(key, Scopes.CHAT_READ);

        // when: before the entry's last fifth, where one request re-reads it ahead of expiry
        clock.advance(TTL.multipliedBy(4).dividedBy(5).minusMillis(1));
        authenticator.authenticate(key, Scopes.CHAT_READ);

        // then
        assertThat(store.lookups).hasValue(1);
    }

    @Test
    void authenticate_shouldSeeARevocationFromElsewhere_onlyOnceTheCacheEntryExpires() {
        // given: the key was used, then another container revoked it in the store
        KeyIssuer.IssuedKey issued = issuer.issue("ci", Scopes.CHAT, null);
        authenticator.authenticate(issued.key(), Scopes.CHAT_READ);
        store.update(issued.record().withStatus(ApiKeyRecord.KeyStatus.REVOKED));

        // when / then: still cached here for a moment
        assertThat(authenticator.authenticate(issued.key(), Scopes.CHAT_READ)).isNotNull();
        clock.advance(TTL);
        assertThatThrownBy(() -> authenticator.authenticate(issued.key(), Scopes.CHAT_READ))
                .isInstanceOf(AuthenticationError.class);
    }

    @Test
    @Tag("error-path")
    void authenticate_shouldSeeARevocationAtOnce_whenThisContainerInvalidatesTheEntry() {
        // given
        KeyIssuer.IssuedKey issued = issuer.issue("ci", Scopes.CHAT, null);
        authenticator.authenticate(issued.key(), Scopes.CHAT_READ);
        store.update(issued.record().withStatus(ApiKeyRecord.KeyStatus.REVOKED));

        // when
        authenticator.invalidate(issued.record().keyHash());

        // then
        assertThatThrownBy(() -> authenticator.authenticate(issued.key(), Scopes.CHAT_READ))
                .isInstanceOf(AuthenticationError.class);
    }

    @Test
    void authenticate_shouldCacheAnUnknownKeyToo_whenItIsRetriedWithinTheTtl() {
        // repeated garbage with a valid checksum must not hammer the store
        String unknown = ApiKeyFormat.generate(new SecureRandom());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(unknown, Scopes.CHAT_READ))
                    .isInstanceOf(AuthenticationError.class);
        }
        assertThat(store.lookups).hasValue(1);
    }

    @Test
    @Tag("error-path")
    void authenticate_shouldRefuse_whenTheKeyHasExpiredEvenIfCached() {
        // given
        Instant expires = clock.instant().plusSeconds(2);
        String key = issuer.issue("short-lived", Scopes.CHAT, expires).key();
        authenticator.authenticate(key, Scopes.CHAT_READ);

        // when
        clock.advance(Duration.ofSeconds(2));

        // then: expiry is checked on every call, not only on a store read
        assertThatThrownBy(() -> authenticator.authenticate(key, Scopes.CHAT_READ))
                .isInstanceOf(AuthenticationError.class);
    }

    @Test
    void authenticate_shouldCountCacheHitsAndMisses_whenGivenMetrics() {
        // given
        io.portbroker.core.metrics.InMemoryMetrics metrics = new io.portbroker.core.metrics.InMemoryMetrics();
        ApiKeyAuthenticator counted = authenticator.withMetrics(metrics);
        String key = issuer.issue("k", Scopes.CHAT, null).key();

        // when: a miss, a hit, and a miss after the TTL
        counted.authenticate(key, Scopes.CHAT_WRITE);
        counted.authenticate(key, Scopes.CHAT_WRITE);
        clock.advance(TTL.plusSeconds(1));
        counted.authenticate(key, Scopes.CHAT_WRITE);

        // then
        String name = io.portbroker.core.metrics.MetricNames.APIKEY_LOOKUPS;
        assertThat(metrics.counter(name, java.util.Map.of("result", "hit"))).isEqualTo(1);
        assertThat(metrics.counter(name, java.util.Map.of("result", "miss"))).isEqualTo(2);
    }
}
