package io.portbroker.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.keys.ApiKeyRecord.KeyStatus;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.error.AuthenticationError;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class KeyIssuerTest {
    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final KeyHasher hasher = new KeyHasher(new byte[32]);
    private final KeyIssuer issuer = new KeyIssuer(store, hasher, clock, new SecureRandom());
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store, hasher, clock, Duration.ZERO);

    @Test
    void issue_shouldStoreOnlyTheHash_whenAKeyIsCreated() {
        // given
        Instant expires = Instant.parse("2027-01-01T00:00:00Z");

        // when
        KeyIssuer.IssuedKey issued = issuer.issue("ci", Scopes.CHAT, expires);

        // then
        ApiKeyRecord stored = store.all().getFirst();
        assertThat(stored.keyHash()).isEqualTo(hasher.hash(issued.key())).doesNotContain(issued.key());
        assertThat(stored.keyId()).matches("key_[0-9a-f]{20}");
        assertThat(stored.prefix()).isEqualTo(issued.key().substring(0, 12));
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        assertThat(stored.expiresAt()).isEqualTo(expires);
        assertThat(stored.limits()).isEqualTo(KeyLimits.NONE);
        assertThat(stored.current()).isTrue();
        assertThat(issued.toString()).doesNotContain(issued.key()).contains(stored.keyId());
    }

    @Test
    void register_shouldStoreTheGivenKey_whenItIsWellFormed() {
        // given
        String chosen = ApiKeyFormat.generate(new SecureRandom());

        // when
        KeyIssuer.IssuedKey issued = issuer.register(chosen, "bootstrap", Scopes.ADMIN, null);

        // then
        assertThat(issued.key()).isEqualTo(chosen);
        assertThat(authenticator.authenticate(chosen, Scopes.ADMIN_KEYS).keyId())
                .isEqualTo(issued.record().keyId());
    }

    @Test
    @Tag("error-path")
    void register_shouldRefuse_whenTheKeyIsMalformedOrAlreadyRegistered() {
        String chosen = ApiKeyFormat.generate(new SecureRandom());
        issuer.register(chosen, "bootstrap", Scopes.ADMIN, null);

        assertThatThrownBy(() -> issuer.register("pb_live_nope", "x", Scopes.ADMIN, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pb_live_nope");
        assertThatThrownBy(() -> issuer.register(chosen, "again", Scopes.ADMIN, null))
                .isInstanceOf(KeyAlreadyExistsException.class);
    }

    @Test
    void rotate_shouldKeepIdScopesExpiryAndLimits_whenANewSecretIsIssued() {
        // given
        KeyLimits limits = new KeyLimits(5L, null);
        Instant expires = Instant.parse("2027-01-01T00:00:00Z");
        KeyIssuer.IssuedKey old = issuer.issue("ci", Scopes.CHAT, expires, limits);

        // when
        KeyIssuer.Rotation rotation = issuer.rotate(old.record().keyId(), Duration.ofMinutes(10));

        // then
        ApiKeyRecord next = rotation.next().record();
        assertThat(next.keyId()).isEqualTo(old.record().keyId());
        assertThat(next.scopes()).isEqualTo(Scopes.CHAT);
        assertThat(next.expiresAt()).isEqualTo(expires);
        assertThat(next.limits()).isEqualTo(limits);
        assertThat(rotation.next().key()).isNotEqualTo(old.key());
        assertThat(rotation.retiring().retiredAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(store.findByKeyId(old.record().keyId())).hasSize(2);
    }

    @Test
    void rotate_shouldAcceptBothSecretsDuringTheOverlap_andOnlyTheNewOneAfter() {
        // given
        KeyIssuer.IssuedKey old = issuer.issue("ci", Scopes.CHAT, null);
        KeyIssuer.Rotation rotation = issuer.rotate(old.record().keyId(), Duration.ofMinutes(10));

        // when / then
        clock.advance(Duration.ofMinutes(9));
        assertThat(authenticator.authenticate(old.key(), Scopes.CHAT_READ)).isNotNull();
        assertThat(authenticator.authenticate(rotation.next().key(), Scopes.CHAT_READ))
                .isNotNull();
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> authenticator.authenticate(old.key(), Scopes.CHAT_READ))
                .isInstanceOf(AuthenticationError.class);
        assertThat(authenticator.authenticate(rotation.next().key(), Scopes.CHAT_READ))
                .isNotNull();
    }

    @Test
    @Tag("error-path")
    void rotate_shouldRefuse_whenTheKeyIsRevokedOrUnknown() {
        KeyIssuer.IssuedKey old = issuer.issue("ci", Scopes.CHAT, null);
        store.update(old.record().withStatus(KeyStatus.REVOKED));

        assertThatThrownBy(() -> issuer.rotate(old.record().keyId(), Duration.ZERO))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> issuer.rotate("key_unknown", Duration.ZERO))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void rotate_shouldRotateTheCurrentSecret_whenAnEarlierRotationIsStillOverlapping() {
        // given
        KeyIssuer.IssuedKey first = issuer.issue("ci", Set.of(Scopes.CHAT_READ), null);
        KeyIssuer.Rotation second = issuer.rotate(first.record().keyId(), Duration.ofHours(1));

        // when
        KeyIssuer.Rotation third = issuer.rotate(first.record().keyId(), Duration.ofHours(1));

        // then
        assertThat(third.retiring().keyHash()).isEqualTo(second.next().record().keyHash());
        assertThat(store.findByKeyId(first.record().keyId()).stream().filter(ApiKeyRecord::current))
                .singleElement()
                .extracting(ApiKeyRecord::keyHash)
                .isEqualTo(third.next().record().keyHash());
    }
}
