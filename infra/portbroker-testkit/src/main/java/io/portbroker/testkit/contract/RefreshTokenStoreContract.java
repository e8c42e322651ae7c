package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.auth.RefreshTokenRecord;
import io.portbroker.core.auth.RefreshTokenRecord.Status;
import io.portbroker.core.auth.RefreshTokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokenStore} must do. Subclasses return a new, empty store from {@link #newStore()}. */
public abstract class RefreshTokenStoreContract {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00.123456789Z");

    private RefreshTokenStore store;

    /** A store with no tokens in it, used by one test only. */
    protected abstract RefreshTokenStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void find_shouldBeEmpty_whenNoTokenHasTheHash() {
        assertThat(store.find(hash('a'))).isEmpty();
    }

    @Test
    void create_shouldMakeEveryFieldFindable_whenHashIsNew() {
        RefreshTokenRecord record = record(hash('a'), "family-1");

        store.create(record);

        assertThat(store.find(hash('a'))).contains(record);
    }

    @Test
    void create_shouldRefuseAndKeepTheFirst_whenHashIsTaken() {
        RefreshTokenRecord first = record(hash('a'), "family-1");
        store.create(first);

        assertThatThrownBy(() -> store.create(record(hash('a'), "family-2"))).isInstanceOf(IllegalStateException.class);
        assertThat(store.find(hash('a'))).contains(first);
    }

    @Test
    void rotate_shouldMarkUsedAndStoreTheNext_whenTokenIsActive() {
        // given
        store.create(record(hash('a'), "family-1"));
        RefreshTokenRecord next = record(hash('b'), "family-1");

        // when
        boolean rotated = store.rotate(hash('a'), next);

        // then
        assertThat(rotated).isTrue();
        assertThat(store.find(hash('a')).orElseThrow().status()).isEqualTo(Status.USED);
        assertThat(store.find(hash('b'))).contains(next);
    }

    @Test
    void rotate_shouldRefuseAndStoreNothing_whenTokenWasAlreadyUsed() {
        store.create(record(hash('a'), "family-1"));
        store.rotate(hash('a'), record(hash('b'), "family-1"));

        assertThat(store.rotate(hash('a'), record(hash('c'), "family-1"))).isFalse();
        assertThat(store.find(hash('c'))).isEmpty();
    }

    @Test
    void rotate_shouldRefuse_whenTokenIsUnknown() {
        assertThat(store.rotate(hash('a'), record(hash('b'), "family-1"))).isFalse();
        assertThat(store.find(hash('b'))).isEmpty();
    }

    @Test
    void rotate_shouldRefuseAndLeaveTheTokenActive_whenFamilyIsRevoked() {
        store.create(record(hash('a'), "family-1"));
        store.revokeFamily("family-1", ISSUED.plusSeconds(3600));

        assertThat(store.rotate(hash('a'), record(hash('b'), "family-1"))).isFalse();
        assertThat(store.find(hash('a')).orElseThrow().status()).isEqualTo(Status.ACTIVE);
        assertThat(store.find(hash('b'))).isEmpty();
    }

    @Test
    void revokeFamily_shouldAffectOnlyThatFamily_whenCalled() {
        store.revokeFamily("family-1", ISSUED.plusSeconds(3600));
        store.revokeFamily("family-1", ISSUED.plusSeconds(3600));

        assertThat(store.isFamilyRevoked("family-1")).isTrue();
        assertThat(store.isFamilyRevoked("family-2")).isFalse();
    }

    @Test
    void rotate_shouldLetExactlyOneWin_whenTwoRequestsRotateTheSameTokenAtOnce() throws Exception {
        // given
        store.create(record(hash('a'), "family-1"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                char next = (char) ('b' + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return store.rotate(hash('a'), record(hash(next), "family-1"));
                }));
            }

            // when
            start.countDown();
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get() ? 1 : 0;
            }

            // then
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    private static RefreshTokenRecord record(String hash, String family) {
        return new RefreshTokenRecord(
                hash,
                family,
                "alice",
                ISSUED,
                ISSUED.plusSeconds(43_200),
                ISSUED.plusSeconds(604_800),
                ISSUED.minusSeconds(5),
                Status.ACTIVE);
    }
}
