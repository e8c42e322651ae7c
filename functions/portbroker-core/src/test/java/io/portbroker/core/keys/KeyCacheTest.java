package io.portbroker.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.testing.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KeyCacheTest {
    private static final Instant T0 = Instant.parse("2026-04-01T12:00:00Z");
    private static final KeyCacheSettings SETTINGS =
            new KeyCacheSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 100);
    private static final ApiKeyRecord ACTIVE = record(ApiKeyRecord.KeyStatus.ACTIVE);
    private static final ApiKeyRecord REVOKED = record(ApiKeyRecord.KeyStatus.REVOKED);

    /** A store with a switchable answer that counts its reads. */
    private static final class Store implements Function<String, Optional<ApiKeyRecord>> {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicReference<ApiKeyRecord> answer = new AtomicReference<>(ACTIVE);
        volatile RuntimeException failure;

        @Override
        public Optional<ApiKeyRecord> apply(String hash) {
            reads.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(answer.get());
        }
    }

    private final Store store = new Store();
    private final KeyCache cache = new KeyCache(SETTINGS, store);

    @Test
    void get_shouldIssueOneLookup_whenManyRequestsMissTheSameKeyAtOnce() throws Exception {
        // given: a store read that blocks until released, and 16 requests arriving while it is in progress
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        KeyCache gated = new KeyCache(SETTINGS, hash -> {
            reads.incrementAndGet();
            entered.countDown();
            await(release);
            return Optional.of(ACTIVE);
        });
        List<Optional<ApiKeyRecord>> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread first = Thread.ofVirtual().start(() -> results.add(gated.get("h", T0)));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            waiters.add(Thread.ofVirtual().start(() -> results.add(gated.get("h", T0))));
        }
        awaitAllWaiting(waiters);

        // when
        release.countDown();
        first.join();
        for (Thread t : waiters) {
            t.join();
        }

        // then
        assertThat(reads).hasValue(1);
        assertThat(results).hasSize(16).allMatch(r -> r.equals(Optional.of(ACTIVE)));
    }

    @Test
    void get_shouldPassTheFailureToEveryWaiter_whenTheSharedLookupFails() throws Exception {
        // given
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        KeyCache gated = new KeyCache(SETTINGS, hash -> {
            entered.countDown();
            await(release);
            throw new IllegalStateException("store down");
        });
        AtomicInteger failures = new AtomicInteger();
        Runnable call = () -> {
            try {
                gated.get("h", T0);
            } catch (IllegalStateException e) {
                failures.incrementAndGet();
            }
        };
        Thread first = Thread.ofVirtual().start(call);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Thread second = Thread.ofVirtual().start(call);
        awaitAllWaiting(List.of(second));

        // when
        release.countDown();
        first.join();
        second.join();

        // then: no entry was cached from a failure, and both callers saw it
        assertThat(failures).hasValue(2);
    }

    @Test
    void get_shouldServeFromTheEntry_whenBeforeTheRefreshWindow() {
        cache.get("h", T0);

        cache.get("h", T0.plusMillis(3_999));

        assertThat(store.reads).hasValue(1);
    }

    @Test
    void get_shouldRereadAheadOfExpiry_whenInTheLastPartOfTheTtl() {
        // given
        cache.get("h", T0);

        // when: one request in the refresh window re-reads; the entry then lives from that read
        cache.get("h", T0.plusMillis(4_500));
        cache.get("h", T0.plusMillis(8_000));

        // then: no miss at T0+5s, and the refreshed entry still served at T0+8s
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void get_shouldAnswerWithTheStillValidEntry_whenTheStoreFailsDuringRefresh() {
        // given
        cache.get("h", T0);
        store.failure = new IllegalStateException("store down");

        // when
        Optional<ApiKeyRecord> during = cache.get("h", T0.plusMillis(4_500));

        // then
        assertThat(during).contains(ACTIVE);
    }

    @Test
    void get_shouldFail_whenTheStoreIsStillDownOnceTheTtlHasPassed() {
        // given: a failed refresh kept the entry, but only until its ttl
        cache.get("h", T0);
        store.failure = new IllegalStateException("store down");
        cache.get("h", T0.plusMillis(4_500));

        // when / then: a revocation made elsewhere must not stay hidden past the ttl
        assertThatThrownBy(() -> cache.get("h", T0.plusSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("store down");
    }

    @Test
    void get_shouldSeeARevocationFromElsewhere_atTheRefreshAhead() {
        // given
        cache.get("h", T0);
        store.answer.set(REVOKED);

        // when
        Optional<ApiKeyRecord> refreshed = cache.get("h", T0.plusMillis(4_200));

        // then
        assertThat(refreshed).contains(REVOKED);
    }

    @Test
    void get_shouldCacheAMissingKey_whenTheStoreHasNone() {
        store.answer.set(null);

        assertThat(cache.get("h", T0)).isEmpty();
        assertThat(cache.get("h", T0.plusSeconds(1))).isEmpty();
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void get_shouldReadTheStoreEveryTime_whenTheTtlIsZero() {
        KeyCache uncached = new KeyCache(KeyCacheSettings.ofTtl(Duration.ZERO), store);

        uncached.get("h", T0);
        uncached.get("h", T0);

        assertThat(store.reads).hasValue(2);
    }

    @Test
    void invalidate_shouldMakeTheNextRequestReadTheStore_whenCalled() {
        cache.get("h", T0);
        store.answer.set(REVOKED);

        cache.invalidate("h");

        assertThat(cache.get("h", T0.plusMillis(1))).contains(REVOKED);
    }

    @Test
    void invalidate_shouldNotLetARecordReadBeforeItStayCached_whenItRacesARead() {
        // given: a read in progress returns the old record after an invalidation happened meanwhile
        AtomicReference<KeyCache> self = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        KeyCache racing = new KeyCache(SETTINGS, hash -> {
            if (reads.incrementAndGet() == 1) {
                self.get().invalidate(hash);
                return Optional.of(ACTIVE);
            }
            return Optional.of(REVOKED);
        });
        self.set(racing);

        // when
        racing.get("h", T0);

        // then: the next request reads again instead of trusting the racing read
        assertThat(racing.get("h", T0.plusMillis(1))).contains(REVOKED);
    }

    @Test
    void get_shouldEmptyTheCache_whenItHoldsMaxEntries() {
        KeyCache small = new KeyCache(new KeyCacheSettings(Duration.ofSeconds(5), Duration.ZERO, 2), store);
        small.get("a", T0);
        small.get("b", T0);

        small.get("c", T0);
        small.get("a", T0);

        assertThat(store.reads).hasValue(4);
    }

    @Test
    void settings_shouldRefuseValues_whenOutOfRange() {
        assertThatThrownBy(() -> new KeyCacheSettings(Duration.ofSeconds(-1), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyCacheSettings(null, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyCacheSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyCacheSettings(Duration.ofSeconds(1), null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyCacheSettings(Duration.ofSeconds(1), Duration.ofMillis(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyCacheSettings(Duration.ofSeconds(1), Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyCacheSettings.ofDefaults())
                .isEqualTo(new KeyCacheSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 10_000));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (spinning, bounded) until every thread is parked on the shared lookup. */
    private static void awaitAllWaiting(List<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
            assertThat(System.nanoTime()).as("threads never parked").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static ApiKeyRecord record(ApiKeyRecord.KeyStatus status) {
        return Keys.key("h")
                .keyId("key_1")
                .prefix("pb_live_abc")
                .name("ci")
                .scopes("chat:write")
                .status(status)
                .createdAt(T0)
                .build();
    }
}
