package io.portbroker.core.cache;

import static io.portbroker.core.cache.CacheFixtures.ask;
import static io.portbroker.core.cache.CacheFixtures.ctx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.routing.Router;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.MemoryCacheStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.OverloadedError;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stale-if-error, the cross-container lease and prompt PII under skip, through the decorator with fakes. */
class CacheResilienceTest {
    private static final CacheResilienceSettings STALE_10M =
            CacheResilienceSettings.ofDefaults().withStaleGrace(Duration.ofMinutes(10));
    private static final CacheResilienceSettings LEASE =
            CacheResilienceSettings.ofDefaults().withLease(Duration.ofSeconds(30), Duration.ofSeconds(1));

    private final MutableClock clock = new MutableClock(CacheFixtures.t0());
    private final InMemoryConfigStore config = CacheFixtures.config();
    private final MemoryCacheStore l2 = new MemoryCacheStore();
    private final MemoryCacheLease lease = new MemoryCacheLease();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final CacheFixtures.ScriptedMessages upstream = new CacheFixtures.ScriptedMessages();
    private final List<ResponseCache> caches = new ArrayList<>();
    private FleetLease.Pause pause = clock::advance;

    /** One container: its own L1, the shared L2 and lease. */
    private record Container(ResponseCache cache, CachingMessages messages) {
        String header(String prompt) {
            RequestContext c = ctx("key_a", null);
            messages.complete(ask(prompt, false), c, new Notes());
            return c.responseHeaders().get(CacheMode.HEADER);
        }
    }

    private Container container(CacheSettings s, CacheResilienceSettings r) {
        ResponseCache cache = ResponseCache.builder(s, clock)
                .l2(l2)
                .lease(lease)
                .resilience(r)
                .pause(d -> pause.pause(d))
                .metrics(metrics)
                .audit((action, target, details) -> audit.add(action + " " + target + " " + details))
                .namespaceRefresh(Duration.ZERO)
                .executor(Runnable::run)
                .build();
        caches.add(cache);
        return new Container(
                cache, new CachingMessages(upstream, cache, new Router(config), config, new CacheKeyBuilder(false)));
    }

    private Container container(CacheResilienceSettings r) {
        return container(CacheSettings.ofDefaults(), r);
    }

    @AfterEach
    void close() {
        caches.forEach(ResponseCache::close);
    }

    @Test
    void complete_shouldServeTheExpiredEntryMarkedStale_whenTheProviderFailsWithinTheGrace() {
        Container c = container(STALE_10M);
        var fresh = c.messages().complete(ask("q", false), ctx("key_a", null), new Notes());
        clock.advance(Duration.ofMinutes(6)); // past the 5-minute TTL, inside the grace
        upstream.failure = new ProviderConnectionError("down");
        RequestContext stale = ctx("key_a", null);

        var served = c.messages().complete(ask("q", false), stale, new Notes());

        assertThat(served).isEqualTo(fresh);
        assertThat(stale.responseHeaders())
                .containsEntry("x-portbroker-cache", "stale")
                .containsEntry("age", "360")
                .containsKey("warning");
        assertThat(metrics.counter(CacheMetricNames.STALE_SERVED, Map.of())).isEqualTo(1);
        assertThat(c.cache().stats()).containsEntry("stale_served", 1L);
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void complete_shouldServeStaleFromL2_inAContainerThatNeverSawTheAnswer() {
        Container a = container(STALE_10M);
        a.header("q");
        a.cache().flush(Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(14)); // the L2 row is kept for TTL + grace
        upstream.failure = new OverloadedError("every target is down", 0);

        assertThat(container(STALE_10M).header("q")).isEqualTo("stale");
    }

    @Test
    void complete_shouldRethrow_whenTheGraceHasPassed_orStaleIsOff_orTheFailureIsNotTheProviders() {
        Container c = container(STALE_10M);
        c.header("q");
        c.header("r");
        clock.advance(Duration.ofMinutes(6));

        upstream.failure = new InvalidRequestError("bad");
        assertThatThrownBy(() -> c.header("q")).isInstanceOf(InvalidRequestError.class);
        upstream.failure = new ProviderConnectionError("down");
        clock.advance(Duration.ofMinutes(10)); // 16 min: past TTL + grace
        assertThatThrownBy(() -> c.header("r")).isInstanceOf(ProviderConnectionError.class);

        Container off = container(CacheResilienceSettings.ofDefaults());
        upstream.failure = null;
        off.header("s");
        clock.advance(Duration.ofMinutes(6));
        upstream.failure = new ProviderConnectionError("down");
        assertThatThrownBy(() -> off.header("s")).isInstanceOf(ProviderConnectionError.class);
        assertThat(metrics.counter(CacheMetricNames.STALE_SERVED, Map.of())).isZero();
    }

    @Test
    void complete_shouldRefreshTheEntry_whenTheProviderAnswersAfterExpiry() {
        Container c = container(STALE_10M);
        c.header("q");
        clock.advance(Duration.ofMinutes(6));
        upstream.reply = CacheFixtures.answer("newer", StopReason.END_TURN);

        assertThat(c.header("q")).isEqualTo("miss");
        assertThat(c.header("q")).isEqualTo("hit-l1");
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void stream_shouldReplayTheStaleEntry_whenTheProviderFailsBeforeTheStreamStarted() {
        Container c = container(STALE_10M);
        c.messages().stream(
                ask("s", true), ctx("key_a", null), new Notes(), new CacheFixtures.CollectingStarter(), r -> {});
        clock.advance(Duration.ofMinutes(6));
        upstream.failure = new ProviderConnectionError("down");
        var replay = new CacheFixtures.CollectingStarter();
        RequestContext stale = ctx("key_a", null);

        c.messages().stream(ask("s", true), stale, new Notes(), replay, r -> {});

        assertThat(stale.responseHeaders()).containsEntry("x-portbroker-cache", "stale");
        assertThat(replay.events).last().isInstanceOf(StreamEvent.Finish.class);
    }

    @Test
    void stream_shouldRethrow_whenTheStreamHadAlreadyStarted() {
        Container c = container(STALE_10M);
        c.header("s");
        clock.advance(Duration.ofMinutes(6));
        upstream.failStream = true; // answers with a stream that ends in an error event: not a thrown failure
        var live = new CacheFixtures.CollectingStarter();
        RequestContext ctx = ctx("key_a", null);

        c.messages().stream(ask("s", true), ctx, new Notes(), live, r -> {});

        assertThat(ctx.responseHeaders()).containsEntry("x-portbroker-cache", "miss");
        assertThat(live.events).last().isInstanceOf(StreamEvent.Error.class);
    }

    @Test
    void complete_shouldTakeTheLease_andReleaseItAfterTheEntryIsWritten() {
        Container c = container(LEASE);

        assertThat(c.header("q")).isEqualTo("miss");
        c.cache().flush(Duration.ofSeconds(5));

        assertThat(lease.released).singleElement().asString().startsWith(FleetLease.PREFIX);
        assertThat(lease.claims).isEmpty();
        assertThat(l2.values).hasSize(1); // the entry; the lease lives in its own store
    }

    @Test
    void complete_shouldWaitForAnotherContainersAnswer_insteadOfCallingUpstream() {
        Container other = container(CacheResilienceSettings.ofDefaults());
        Container waiting = container(LEASE);
        lease.foreign = true; // the other container holds the lease...
        pause = d -> { // ...and lands its answer in L2 while this one waits
            if (upstream.calls.get() == 0) {
                other.header("q");
                other.cache().flush(Duration.ofSeconds(5));
            }
            clock.advance(d);
        };

        assertThat(waiting.header("q")).isEqualTo("hit-l2");
        assertThat(upstream.calls).hasValue(1);
        assertThat(waiting.cache().fleet().joined.sum()).isEqualTo(1);
    }

    @Test
    void complete_shouldTakeTheHoldersAnswer_whenItLandsBetweenThePollAndTheLeaseCheck() {
        Container other = container(CacheResilienceSettings.ofDefaults());
        Container waiting = container(LEASE);
        lease.foreign = true; // the other container holds the lease...
        lease.beforeHeld = () -> { // ...and, just after this one's poll missed, writes its answer and lets go
            if (upstream.calls.get() == 0) {
                other.header("q");
                other.cache().flush(Duration.ofSeconds(5));
                lease.foreign = false;
            }
        };

        assertThat(waiting.header("q")).isEqualTo("hit-l2");
        assertThat(upstream.calls).hasValue(1);
        assertThat(waiting.cache().fleet().acquired.sum()).isZero();
    }

    @Test
    void complete_shouldCallUpstreamItself_whenTheHolderGaveUp_orTheWaitRanOut() {
        Container c = container(LEASE);
        lease.foreign = true;
        pause = d -> {
            lease.foreign = false; // the holder failed and let go
            clock.advance(d);
        };
        assertThat(c.header("gave up")).isEqualTo("miss");

        lease.foreign = true;
        pause = clock::advance; // held for longer than the 1 s wait
        assertThat(c.header("ran out")).isEqualTo("miss");

        assertThat(upstream.calls).hasValue(2);
        assertThat(c.cache().fleet().waitedOut.sum()).isEqualTo(1);
        assertThat(c.cache().fleet().acquired.sum()).isEqualTo(1);
    }

    @Test
    void complete_shouldGoUpstream_whenTheLeaseStoreIsDown() {
        Container c = container(LEASE);
        lease.down = true;

        assertThat(c.header("q")).isEqualTo("miss");
        c.cache().flush(Duration.ofSeconds(5));

        assertThat(c.cache().fleet().failures.sum()).isEqualTo(1);
        assertThat(c.header("q")).isEqualTo("hit-l1");
    }

    @Test
    void complete_shouldSkip_whenThePromptHoldsPii_andAuditTheKindsOnly() {
        Container c = container(LEASE);

        String first = c.header("mail me at jane.doe@example.org");
        String second = c.header("mail me at jane.doe@example.org");
        c.cache().flush(Duration.ofSeconds(5));

        assertThat(first).isEqualTo("skip");
        assertThat(second).isEqualTo("skip");
        assertThat(upstream.calls).hasValue(2);
        assertThat(lease.released).isEmpty(); // never stored: no flight, no lease
        assertThat(audit)
                .hasSize(2)
                .allSatisfy(a -> assertThat(a)
                        .startsWith("cache.pii.skip ")
                        .contains("kinds=email")
                        .doesNotContain("jane"));
    }

    @Test
    void settings_shouldRefuseOutOfRangeValues() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new CacheResilienceSettings(Duration.ofDays(8), s, s, s))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheResilienceSettings(Duration.ZERO, Duration.ofHours(1), s, s))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheResilienceSettings(Duration.ZERO, s, s.negated(), s))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheResilienceSettings(Duration.ZERO, s, s, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CacheResilienceSettings.ofDefaults().staleEnabled()).isFalse();
        assertThat(CacheResilienceSettings.ofDefaults().leaseEnabled()).isFalse();
    }
}
