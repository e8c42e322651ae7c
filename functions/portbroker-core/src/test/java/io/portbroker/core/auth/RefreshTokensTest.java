package io.portbroker.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.auth.RefreshResult.Invalid;
import io.portbroker.core.auth.RefreshResult.Reason;
import io.portbroker.core.auth.RefreshResult.ReuseDetected;
import io.portbroker.core.auth.RefreshResult.Rotated;
import io.portbroker.core.auth.memory.InMemoryRefreshTokenStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshTokensTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final InstantSource clock = now::get;
    private final InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore();
    private final RefreshTokens tokens = tokensOver(store);

    @Test
    void issue_shouldStoreOnlyTheHash_whenStartingAFamily() {
        // when
        IssuedRefreshToken issued = tokens.issue("alice", START);

        // then
        assertThat(issued.token()).matches("pbr_[A-Za-z0-9_-]{43}");
        assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofHours(12)));
        RefreshTokenRecord stored =
                store.find(RefreshTokens.hash(issued.token())).orElseThrow();
        assertThat(stored.tokenHash()).hasSize(64).doesNotContain(issued.token());
        assertThat(stored.familyId()).isEqualTo(issued.familyId());
        assertThat(stored.familyExpiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(stored.status()).isEqualTo(RefreshTokenRecord.Status.ACTIVE);
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void rotate_shouldIssueTheNextTokenAndMarkTheOldUsed_whenTokenIsValid() {
        // given
        IssuedRefreshToken first = tokens.issue("alice", START);
        now.set(START.plus(Duration.ofHours(1)));

        // when
        RefreshResult result = tokens.rotate(first.token());

        // then
        assertThat(result).isInstanceOfSatisfying(Rotated.class, r -> {
            assertThat(r.subject()).isEqualTo("alice");
            assertThat(r.authTime()).isEqualTo(START);
            assertThat(r.next().familyId()).isEqualTo(first.familyId());
            assertThat(r.next().token()).isNotEqualTo(first.token());
            assertThat(r.next().expiresAt()).isEqualTo(START.plus(Duration.ofHours(13)));
        });
        assertThat(store.find(RefreshTokens.hash(first.token())).orElseThrow().status())
                .isEqualTo(RefreshTokenRecord.Status.USED);
    }

    @Test
    void rotate_shouldRevokeTheWholeFamily_whenAUsedTokenIsPresentedAgain() {
        // given: R1 was exchanged for R2, then an attacker replays R1
        IssuedRefreshToken first = tokens.issue("alice", START);
        IssuedRefreshToken second = ((Rotated) tokens.rotate(first.token())).next();

        // when
        RefreshResult replay = tokens.rotate(first.token());

        // then: the reuse is reported and even the legitimate R2 is now dead
        assertThat(replay).isEqualTo(new ReuseDetected(first.familyId(), "alice"));
        assertThat(store.isFamilyRevoked(first.familyId())).isTrue();
        assertThat(tokens.rotate(second.token())).isEqualTo(new Invalid(Reason.REVOKED));
        assertThat(tokens.rotate(first.token())).isEqualTo(new Invalid(Reason.REVOKED));
    }

    @Test
    @Tag("error-path")
    void rotate_shouldNotTouchOtherFamilies_whenOneFamilyIsRevoked() {
        IssuedRefreshToken mine = tokens.issue("alice", START);
        IssuedRefreshToken other = tokens.issue("alice", START);
        tokens.rotate(mine.token());
        tokens.rotate(mine.token());

        assertThat(tokens.rotate(other.token())).isInstanceOf(Rotated.class);
    }

    @Test
    @Tag("error-path")
    void rotate_shouldRefuseAsExpired_whenTokenTtlHasPassed() {
        IssuedRefreshToken issued = tokens.issue("alice", START);
        now.set(START.plus(Duration.ofHours(12)));

        assertThat(tokens.rotate(issued.token())).isEqualTo(new Invalid(Reason.EXPIRED));
        assertThat(store.isFamilyRevoked(issued.familyId())).isFalse();
    }

    @Test
    void rotate_shouldNeverExtendPastTheFamilyEnd_whenRotatingNearIt() {
        // given: rotating every 11 hours keeps the session alive, but only until 7 days after the login
        IssuedRefreshToken current = tokens.issue("alice", START);
        for (int i = 0; i < 15; i++) {
            now.updateAndGet(t -> t.plus(Duration.ofHours(11)));
            current = ((Rotated) tokens.rotate(current.token())).next();
        }
        assertThat(current.expiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));

        // when
        now.set(START.plus(Duration.ofDays(7)));

        // then
        assertThat(tokens.rotate(current.token())).isEqualTo(new Invalid(Reason.EXPIRED));
    }

    @ParameterizedTest
    @Tag("error-path")
    @NullAndEmptySource
    @ValueSource(strings = {"pbr_short", "Bearer pbr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "' OR '1'='1"})
    void rotate_shouldRefuseAsMalformed_whenTokenHasTheWrongShape(String token) {
        assertThat(tokens.rotate(token)).isEqualTo(new Invalid(Reason.MALFORMED));
    }

    @Test
    @Tag("error-path")
    void rotate_shouldRefuseAsUnknown_whenWellFormedTokenWasNeverIssued() {
        assertThat(tokens.rotate("pbr_" + "A".repeat(43))).isEqualTo(new Invalid(Reason.UNKNOWN));
    }

    @Test
    @Tag("error-path")
    void rotate_shouldReportReuse_whenAConcurrentRequestExchangedTheTokenFirst() {
        // given: a store in which another replica rotates the token between our read and our write
        InMemoryRefreshTokenStore shared = new InMemoryRefreshTokenStore();
        RefreshTokens other = tokensOver(shared);
        AtomicReference<String> presented = new AtomicReference<>();
        RefreshTokens racing = tokensOver(new RacingStore(shared, () -> other.rotate(presented.get())));
        IssuedRefreshToken issued = other.issue("alice", START);
        presented.set(issued.token());

        // when
        RefreshResult result = racing.rotate(issued.token());

        // then: two uses of one token cannot both succeed; the loser is treated as reuse
        assertThat(result).isEqualTo(new ReuseDetected(issued.familyId(), "alice"));
        assertThat(shared.isFamilyRevoked(issued.familyId())).isTrue();
    }

    @Test
    @Tag("error-path")
    void rotate_shouldRefuseAsRevoked_whenFamilyIsRevokedDuringTheExchange() {
        InMemoryRefreshTokenStore shared = new InMemoryRefreshTokenStore();
        RefreshTokens other = tokensOver(shared);
        AtomicReference<String> presented = new AtomicReference<>();
        RefreshTokens racing = tokensOver(new RacingStore(shared, () -> other.revoke(presented.get())));
        IssuedRefreshToken issued = other.issue("alice", START);
        presented.set(issued.token());

        assertThat(racing.rotate(issued.token())).isEqualTo(new Invalid(Reason.REVOKED));
    }

    @Test
    void revoke_shouldEndTheFamily_whenLoggingOut() {
        IssuedRefreshToken issued = tokens.issue("alice", START);

        assertThat(tokens.revoke(issued.token())).contains("alice");
        assertThat(tokens.rotate(issued.token())).isEqualTo(new Invalid(Reason.REVOKED));
        assertThat(tokens.revoke("pbr_" + "B".repeat(43))).isEmpty();
        assertThat(tokens.revoke("junk")).isEmpty();
    }

    @Test
    @Tag("error-path")
    void create_shouldRefuse_whenHashIsAlreadyStored() {
        IssuedRefreshToken issued = tokens.issue("alice", START);
        RefreshTokenRecord record =
                store.find(RefreshTokens.hash(issued.token())).orElseThrow();

        assertThatThrownBy(() -> store.create(record)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Tag("error-path")
    void refreshConfig_shouldRefuse_whenTokenOutlivesFamily() {
        assertThatThrownBy(() -> new RefreshConfig(Duration.ofDays(2), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshConfig(Duration.ZERO, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private RefreshTokens tokensOver(RefreshTokenStore target) {
        return new RefreshTokens(target, RefreshConfig.ofDefaults(), clock, new SecureRandom());
    }

    /** Runs another actor's action right before the rotation write, as a concurrent replica would. */
    private record RacingStore(RefreshTokenStore delegate, Runnable interleaved) implements RefreshTokenStore {
        @Override
        public Optional<RefreshTokenRecord> find(String tokenHash) {
            return delegate.find(tokenHash);
        }

        @Override
        public void create(RefreshTokenRecord record) {
            delegate.create(record);
        }

        @Override
        public boolean rotate(String usedHash, RefreshTokenRecord next) {
            interleaved.run();
            return delegate.rotate(usedHash, next);
        }

        @Override
        public void revokeFamily(String familyId, Instant retainUntil) {
            delegate.revokeFamily(familyId, retainUntil);
        }

        @Override
        public boolean isFamilyRevoked(String familyId) {
            return delegate.isFamilyRevoked(familyId);
        }
    }
}
