package io.portbroker.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.testing.MemoryCacheStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.protocol.ir.StopReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
    private static final String KEY = "b".repeat(64);
    private final MutableClock clock = new MutableClock(CacheFixtures.t0());
    private final MemoryCacheStore l2 = new MemoryCacheStore();
    private final MemoryCacheStore l3 = new MemoryCacheStore();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final List<ResponseCache> caches = new java.util.ArrayList<>();

    private ResponseCache cache(CacheSettings s, MemoryCacheStore two, MemoryCacheStore three) {
        // reads run inline: no real-time budget can expire on a loaded machine (the timeout test builds its own)
        ResponseCache c = ResponseCache.builder(s, clock)
                .l2(two)
                .l3(three)
                .metrics(metrics)
                .executor(Runnable::run)
                .build();
        caches.add(c);
        return c;
    }

    private ResponseCache cache() {
        return cache(CacheSettings.ofDefaults(), l2, l3);
    }

    @AfterEach
    void close() {
        caches.forEach(ResponseCache::close);
    }

    private CacheEntry entry(String text) {
        Instant now = clock.instant();
        return new CacheEntry(
                KEY,
                "r",
                "fake",
                now,
                now.plus(Duration.ofMinutes(5)),
                900,
                0.01,
                CacheFixtures.answer(text, StopReason.END_TURN),
                List.of());
    }

    @Test
    void lookup_shouldPutLargeEntriesInL3_withAPointerInL2_andFindThemThere() {
        ResponseCache writer = cache();
        writer.store(entry("x".repeat(400_000)));
        writer.flush(Duration.ofSeconds(5));

        assertThat(l2.values.get(KEY)).isEqualTo(ResponseCache.POINTER);
        assertThat(l3.values.get(KEY)).hasSizeGreaterThan(400_000);
        var hit = cache().lookup(KEY);
        assertThat(hit).hasValueSatisfying(h -> assertThat(h.tier()).isEqualTo(CacheOutcome.Tier.L3));
    }

    @Test
    void lookup_shouldReadL3AndPromoteToL2_whenL2CouldNotAnswer() {
        ResponseCache writer = cache(CacheSettings.ofDefaults(), null, l3);
        writer.store(entry("small"));
        writer.flush(Duration.ofSeconds(5));
        assertThat(l3.values).containsKey(KEY);
        l2.down = true;

        ResponseCache reader = cache();
        assertThat(reader.lookup(KEY))
                .hasValueSatisfying(h -> assertThat(h.tier()).isEqualTo(CacheOutcome.Tier.L3));
        l2.down = false;
        reader.flush(Duration.ofSeconds(5));

        assertThat(reader.lookup(KEY))
                .hasValueSatisfying(h -> assertThat(h.tier()).isEqualTo(CacheOutcome.Tier.L1));
    }

    @Test
    void lookup_shouldNotReadL3_whenL2AnsweredAMiss() {
        // with L2 on, every L3 entry has a pointer in L2: a definite L2 miss saves the S3 round trip
        ResponseCache reader = cache();

        assertThat(reader.lookup(KEY)).isEmpty();

        assertThat(l2.reads).hasValue(1);
        assertThat(l3.reads).hasValue(0);
    }

    @Test
    void store_shouldKeepEntriesPastExpiry_byTheStaleGrace_withinTheRetentionBound() {
        ResponseCache c = ResponseCache.builder(CacheSettings.ofDefaults(), clock)
                .l2(l2)
                .resilience(CacheResilienceSettings.ofDefaults().withStaleGrace(Duration.ofMinutes(10)))
                .executor(Runnable::run)
                .build();
        caches.add(c);
        CacheEntry e = entry("x");
        c.store(e);
        c.flush(Duration.ofSeconds(5));

        assertThat(l2.expiries.get(KEY)).isEqualTo(e.expiresAt().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(6));
        assertThat(c.lookup(KEY)).hasValueSatisfying(h -> assertThat(h.stale()).isTrue());
        assertThat(c.lookupFresh(KEY)).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(c.lookup(KEY)).isEmpty();
        CacheEntry old = new CacheEntry(
                KEY,
                "r",
                "p",
                clock.instant().minus(Duration.ofDays(90)),
                clock.instant().plusSeconds(60),
                1,
                0,
                e.response(),
                List.of());
        assertThat(c.retainedUntil(old)).isEqualTo(old.createdAt().plus(Duration.ofDays(90)));
    }

    @Test
    void lookup_shouldDropAndCountCorruptOrForeignEntries() {
        l2.put(KEY, "garbage".getBytes(StandardCharsets.UTF_8), clock.instant().plusSeconds(60));
        ResponseCache c = cache();

        assertThat(c.lookup(KEY)).isEmpty();
        c.flush(Duration.ofSeconds(5));

        assertThat(l2.values).doesNotContainKey(KEY);
        assertThat(metrics.counter(CacheMetricNames.CORRUPT, Map.of("tier", "l2")))
                .isEqualTo(1);
        CacheEntry foreign = entry("x");
        l2.put("c".repeat(64), CacheEntryCodec.encode(foreign), clock.instant().plusSeconds(60));
        assertThat(c.lookup("c".repeat(64))).isEmpty();
    }

    @Test
    void lookup_shouldOpenTheBreaker_afterRepeatedFailures_andCloseItLater() {
        l2.down = true;
        ResponseCache c = cache();
        for (int i = 0; i < 5; i++) {
            assertThat(c.lookup(KEY)).isEmpty();
        }
        int readsWhenOpened = l2.reads.get();

        assertThat(c.lookup(KEY)).isEmpty();
        assertThat(l2.reads.get()).isEqualTo(readsWhenOpened);
        assertThat(c.stats().get("tiers").toString()).contains("breaker=open");

        l2.down = false;
        clock.advance(Duration.ofSeconds(31));
        assertThat(c.lookup(KEY)).isEmpty();
        assertThat(l2.reads.get()).isEqualTo(readsWhenOpened + 1);
        assertThat(c.stats().get("tiers").toString()).contains("breaker=closed");
    }

    @Test
    void lookup_shouldGiveUpOnASlowTier_withinTheReadTimeout() {
        l2.hang = new CountDownLatch(1);
        ResponseCache c =
                ResponseCache.builder(CacheSettings.ofDefaults(), clock).l2(l2).build();
        caches.add(c);
        long start = System.nanoTime();

        assertThat(c.lookup(KEY)).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        l2.hang.countDown();
        assertThat(c.stats().get("tiers").toString()).contains("errors=1");
    }

    @Test
    void l1_shouldEvictBySize_andExpireWithTheClock() {
        var tiny = CacheSettings.ofDefaults();
        tiny = new CacheSettings(
                true,
                2,
                tiny.minTtl(),
                tiny.maxTtl(),
                tiny.retention(),
                100,
                0.15,
                null,
                tiny.readTimeout(),
                5,
                tiny.breakerOpen(),
                350_000,
                10,
                tiny.flightWait(),
                Map.of());
        ResponseCache c = cache(tiny, null, null);
        for (int i = 0; i < 5; i++) {
            Instant now = clock.instant();
            c.store(new CacheEntry(
                    String.valueOf(i).repeat(64),
                    "r",
                    "p",
                    now,
                    now.plusSeconds(60),
                    1,
                    0,
                    CacheFixtures.answer("x", StopReason.END_TURN),
                    List.of()));
        }
        assertThat(metrics.counter(CacheMetricNames.EVICTIONS, Map.of("reason", "size")))
                .isPositive();

        clock.advance(Duration.ofSeconds(61));
        assertThat(c.lookup("4".repeat(64))).isEmpty();
        assertThat(metrics.gaugeValue(CacheMetricNames.MEMORY_BYTES, Map.of())).isPositive();
    }

    @Test
    void writes_shouldBeDroppedAndCounted_whenTheQueueIsFull() {
        try (WriteBehind w = new WriteBehind(1)) {
            CountDownLatch block = new CountDownLatch(1);
            w.submit(() -> {
                try {
                    block.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            while (w.depth() > 0) {
                Thread.onSpinWait();
            }
            w.submit(() -> {});
            boolean accepted = w.submit(() -> {});
            block.countDown();
            w.flush(Duration.ofSeconds(5));
            w.submit(() -> {
                throw new IllegalStateException("boom");
            });
            w.flush(Duration.ofSeconds(5));

            assertThat(accepted).isFalse();
            assertThat(w.dropped()).isEqualTo(1);
            assertThat(w.failures()).isEqualTo(1);
            assertThat(w.completed()).isEqualTo(2);
        }
    }

    @Test
    void namespaces_shouldKeepTheLastKnownVersion_whenTheStoreFails() {
        ResponseCache c = cache();
        String v = c.invalidate("model:m");
        l2.down = true;
        clock.advance(Duration.ofSeconds(3));

        assertThat(c.namespaceVersions(Map.of("model", "model:m"))).containsEntry("model", v);
        assertThat(Namespaces.invalid("provider:fake")).isEmpty();
        assertThat(Namespaces.invalid("route: x")).isPresent();
    }
}
