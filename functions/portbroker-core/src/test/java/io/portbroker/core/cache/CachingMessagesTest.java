package io.portbroker.core.cache;

import static io.portbroker.core.cache.CacheFixtures.ask;
import static io.portbroker.core.cache.CacheFixtures.ctx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.routing.Router;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.MemoryCacheStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.error.NotFoundError;
import io.portbroker.error.PermissionError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.testing.Requests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingMessagesTest {
    private final MutableClock clock = new MutableClock(CacheFixtures.t0());
    private final InMemoryConfigStore config = CacheFixtures.config();
    private final MemoryCacheStore l2 = new MemoryCacheStore();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final CacheFixtures.ScriptedMessages upstream = new CacheFixtures.ScriptedMessages();
    private ResponseCache cache = newCache(CacheSettings.ofDefaults());
    private CachingMessages messages =
            new CachingMessages(upstream, cache, new Router(config), config, new CacheKeyBuilder(false));

    private ResponseCache newCache(CacheSettings s) {
        return ResponseCache.builder(s, clock)
                .l2(l2)
                .metrics(metrics)
                .audit((action, target, details) -> audit.add(action + " " + target + " " + details))
                .namespaceRefresh(Duration.ZERO)
                .executor(Runnable::run)
                .build();
    }

    private void use(CacheSettings s) {
        cache.close();
        cache = newCache(s);
        messages = new CachingMessages(upstream, cache, new Router(config), config, new CacheKeyBuilder(false));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private String completeHeader(String keyId, String mode) {
        var c = ctx(keyId, mode);
        messages.complete(ask("what is 2+2?", false), c, new Notes());
        return c.responseHeaders().get(CacheMode.HEADER);
    }

    @Test
    void complete_shouldAnswerTheSecondIdenticalRequestFromL1_withoutCallingUpstream() {
        var first = ctx("key_a", null);
        var second = ctx("key_a", null);

        var a = messages.complete(ask("what is 2+2?", false), first, new Notes());
        clock.advance(Duration.ofSeconds(7));
        var b = messages.complete(ask("what is 2+2?", false), second, new Notes());

        assertThat(upstream.calls).hasValue(1);
        assertThat(first.responseHeaders()).containsEntry("x-portbroker-cache", "miss");
        assertThat(second.responseHeaders())
                .containsEntry("x-portbroker-cache", "hit-l1")
                .containsEntry("age", "7");
        assertThat(b).isEqualTo(a);
        assertThat(metrics.counter(CacheMetricNames.L1_HIT, Map.of())).isEqualTo(1);
    }

    @Test
    void complete_shouldMissAgain_whenTheTtlHasPassed() {
        completeHeader("key_a", null);
        clock.advance(Duration.ofMinutes(5));

        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void complete_shouldNeverShareEntriesAcrossTenants_unlessTheRouteOptsIn() {
        completeHeader("key_a", null);
        assertThat(completeHeader("key_b", null)).isEqualTo("miss");

        use(CacheSettings.ofDefaults()
                .withRoutes(Map.of("claude-sonnet-4-5", new CacheSettings.RoutePolicy(true, null, false, true, null))));
        completeHeader("key_a", null);
        assertThat(completeHeader("key_b", null)).isEqualTo("hit-l1");
    }

    @Test
    void complete_shouldReadFromL2AndPromote_whenL1IsEmpty() {
        completeHeader("key_a", null);
        cache.flush(Duration.ofSeconds(5));
        use(CacheSettings.ofDefaults()); // a new container: empty L1, same L2

        assertThat(completeHeader("key_a", null)).isEqualTo("hit-l2");
        assertThat(completeHeader("key_a", null)).isEqualTo("hit-l1");
        assertThat(upstream.calls).hasValue(1);
    }

    @Test
    void complete_shouldBypassAndSkip_asAskedAndAsThePolicySays() {
        assertThat(completeHeader("key_a", "bypass")).isEqualTo("bypass");
        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        assertThat(completeHeader("key_a", "bypass")).isEqualTo("bypass");
        var hot = ctx("key_a", null);
        messages.complete(
                CacheFixtures.request(Requests.messages("claude-sonnet-4-5")
                        .maxTokens(9)
                        .set("temperature", 1)
                        .user("poem")),
                hot,
                new Notes());
        assertThat(hot.responseHeaders()).containsEntry("x-portbroker-cache", "skip");
        assertThat(upstream.calls).hasValue(4);
    }

    @Test
    void complete_shouldRefuseForceOnlyMisses_withoutCallingUpstream() {
        assertThatThrownBy(() -> completeHeader("key_a", "force-only"))
                .isInstanceOf(NotFoundError.class)
                .hasMessageContaining("force-only");
        assertThat(upstream.calls).hasValue(0);

        completeHeader("key_a", null);
        assertThat(completeHeader("key_a", "force-only")).isEqualTo("hit-l1");

        var hot = ctx("key_a", "force-only");
        assertThatThrownBy(() -> messages.complete(
                        CacheFixtures.request(Requests.messages("claude-sonnet-4-5")
                                .maxTokens(9)
                                .set("temperature", 1)
                                .user("x")),
                        hot,
                        new Notes()))
                .isInstanceOf(NotFoundError.class)
                .hasMessageContaining("not_deterministic");
    }

    @Test
    void complete_shouldHonourKeyScopesThatForbidCacheUse() {
        completeHeader("key_a", null);
        var noRead = ctx("key_a", null, CacheScopes.NO_READ);
        messages.complete(ask("what is 2+2?", false), noRead, new Notes());
        assertThat(noRead.responseHeaders()).containsEntry("x-portbroker-cache", "miss");

        assertThatThrownBy(() -> messages.complete(
                        ask("what is 2+2?", false), ctx("key_a", "force-only", CacheScopes.NO_FORCE_ONLY), new Notes()))
                .isInstanceOf(PermissionError.class);
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void complete_shouldNotStore_truncationsRefusalsOrFailures() {
        upstream.reply = CacheFixtures.answer("cut", StopReason.MAX_TOKENS);
        completeHeader("key_a", null);
        upstream.failure = new io.portbroker.error.ProviderConnectionError("down");
        assertThatThrownBy(() -> completeHeader("key_a", null))
                .isInstanceOf(io.portbroker.error.ProviderConnectionError.class);
        upstream.failure = null;
        upstream.reply = CacheFixtures.answer("ok", StopReason.END_TURN);

        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        assertThat(completeHeader("key_a", null)).isEqualTo("hit-l1");
        assertThat(metrics.counter(CacheMetricNames.NOT_STORED, Map.of("reason", "not_storable")))
                .isEqualTo(1);
    }

    @Test
    void complete_shouldSkipAnswersWithPii_andAuditWithoutTheValue() {
        upstream.reply = CacheFixtures.answer("write to jane@example.org", StopReason.END_TURN);

        completeHeader("key_a", null);
        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        cache.flush(Duration.ofSeconds(5));

        assertThat(audit)
                .hasSize(2)
                .allSatisfy(a -> assertThat(a)
                        .startsWith("cache.pii.skip ")
                        .contains("kinds=email")
                        .doesNotContain("jane"));
    }

    @Test
    void complete_shouldStoreRedactedAnswers_whenTheActionIsRedact() {
        use(CacheSettings.ofDefaults().withPiiAction(CacheSettings.PiiAction.REDACT));
        upstream.reply = CacheFixtures.answer("write to jane@example.org", StopReason.END_TURN);

        var first = messages.complete(ask("who?", false), ctx("key_a", null), new Notes());
        var second = messages.complete(ask("who?", false), ctx("key_a", null), new Notes());
        cache.flush(Duration.ofSeconds(5));

        assertThat(text(first.value())).isEqualTo("write to jane@example.org");
        assertThat(text(second.value())).isEqualTo("write to [EMAIL]");
        assertThat(audit).singleElement().asString().startsWith("cache.pii.redact");
    }

    @Test
    void stream_shouldRecordAMiss_andReplayItExactly_forStreamAndWholeRequests() {
        var starter1 = new CacheFixtures.CollectingStarter();
        var starter2 = new CacheFixtures.CollectingStarter();
        var hitCtx = ctx("key_a", null);

        messages.stream(ask("tell me", true), ctx("key_a", null), new Notes(), starter1, r -> {});
        messages.stream(ask("tell me", true), hitCtx, new Notes(), starter2, r -> {});
        var whole = messages.complete(ask("tell me", false), ctx("key_a", null), new Notes());

        assertThat(upstream.calls).hasValue(1);
        assertThat(hitCtx.responseHeaders()).containsEntry("x-portbroker-cache", "hit-l1");
        List<StreamEvent> withoutPings = new ArrayList<>(starter1.events);
        withoutPings.removeIf(e -> e instanceof StreamEvent.Ping);
        assertThat(starter2.events).isEqualTo(withoutPings);
        assertThat(starter2.provider).isEqualTo("fake");
        assertThat(whole.value()).isEqualTo(upstream.reply);
    }

    @Test
    void stream_shouldReplayAWholeAnswer_asAValidChunkedStream() {
        upstream.reply = CacheFixtures.answer("x".repeat(200), StopReason.END_TURN);
        messages.complete(ask("long", false), ctx("key_a", null), new Notes());
        ByteArrayOutputStream sse = new ByteArrayOutputStream();

        messages.stream(
                ask("long", true),
                ctx("key_a", null),
                new Notes(),
                p -> CacheFixtures.ANTHROPIC.newStreamEncoder(sse::writeBytes),
                r -> {});

        String text = sse.toString(StandardCharsets.UTF_8);
        assertThat(text.split("event: content_block_delta").length - 1).isEqualTo(5);
        assertThat(text).contains("event: message_stop");
    }

    @Test
    void stream_shouldNotStore_whenTheStreamEndedInAnError() {
        upstream.failStream = true;
        messages.stream(
                ask("tell me", true), ctx("key_a", null), new Notes(), new CacheFixtures.CollectingStarter(), r -> {});
        upstream.failStream = false;

        var again = ctx("key_a", null);
        messages.stream(ask("tell me", true), again, new Notes(), new CacheFixtures.CollectingStarter(), r -> {});

        assertThat(again.responseHeaders()).containsEntry("x-portbroker-cache", "miss");
        assertThat(metrics.counter(CacheMetricNames.NOT_STORED, Map.of("reason", "errored_stream")))
                .isEqualTo(1);
    }

    @Test
    void stream_shouldServeBypassAndForceOnly() {
        var bypass = ctx("key_a", "bypass");
        messages.stream(ask("s", true), bypass, new Notes(), new CacheFixtures.CollectingStarter(), r -> {});
        assertThat(bypass.responseHeaders()).containsEntry("x-portbroker-cache", "bypass");
        assertThatThrownBy(() -> messages.stream(
                        ask("s", true),
                        ctx("key_a", "force-only"),
                        new Notes(),
                        new CacheFixtures.CollectingStarter(),
                        r -> {}))
                .isInstanceOf(NotFoundError.class);
        assertThat(upstream.calls).hasValue(1);
    }

    @Test
    void complete_shouldCallUpstreamOnce_whenFiftyIdenticalMissesArriveTogether() throws Exception {
        upstream.gate = new CountDownLatch(1);
        List<Future<NormalizedResponse>> answers = new ArrayList<>();
        List<Future<List<StreamEvent>>> streams = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> messages.complete(ask("same", false), ctx("key_a", null), new Notes())
                        .value()));
            }
            for (int i = 0; i < 10; i++) {
                streams.add(pool.submit(() -> {
                    var s = new CacheFixtures.CollectingStarter();
                    messages.stream(ask("same", true), ctx("key_a", null), new Notes(), s, r -> {});
                    return s.events;
                }));
            }
            while (cache.flights().size() == 0 || upstream.calls.get() == 0) {
                Thread.onSpinWait();
            }
            upstream.gate.countDown();
            for (var a : answers) {
                assertThat(a.get()).isEqualTo(upstream.reply);
            }
            for (var s : streams) {
                assertThat(StreamRecorder.assemble(s.get().stream()
                                .filter(e -> !(e instanceof StreamEvent.Ping))
                                .toList()))
                        .isEqualTo(upstream.reply);
            }
        }
        assertThat(upstream.calls).hasValue(1);
    }

    @Test
    void complete_shouldMiss_whenTheProviderWasEdited() {
        completeHeader("key_a", null);
        config.putProvider(CacheFixtures.provider("https://other.example.com/v1"));

        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
    }

    @Test
    void complete_shouldMiss_afterAnInvalidation_ofTheModelRouteOrEverything() {
        completeHeader("key_a", null);
        cache.invalidate("model:claude-sonnet-4-5");
        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        cache.invalidate("route:claude-sonnet-4-5");
        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        cache.invalidate("global");
        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        assertThat(completeHeader("key_a", null)).isEqualTo("hit-l1");
        assertThatThrownBy(() -> cache.invalidate("everything")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void complete_shouldGoUpstreamWithoutErrors_whenL2IsDown() {
        l2.down = true;

        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        use(CacheSettings.ofDefaults());
        assertThat(completeHeader("key_a", null)).isEqualTo("miss");
        cache.flush(Duration.ofSeconds(5));

        assertThat(upstream.calls).hasValue(2);
        assertThat(cache.writes().failures()).isPositive();
    }

    @Test
    void complete_shouldPassThrough_whenTheCacheIsOffOrTheModelHasNoRoute() {
        use(CacheSettings.ofDefaults().withPolicy(false, Duration.ofMinutes(5), Duration.ofMinutes(30), 100));
        assertThat(completeHeader("key_a", null)).isNull();

        use(CacheSettings.ofDefaults());
        var unrouted = ctx("key_a", null);
        messages.complete(
                CacheFixtures.request(Requests.messages("gpt-x")
                        .maxTokens(5)
                        .set("temperature", 0)
                        .user("x")),
                unrouted,
                new Notes());
        assertThat(unrouted.responseHeaders()).doesNotContainKey("x-portbroker-cache");
    }

    @Test
    void stats_shouldCountPerTierAndRoute_andFindEntriesByHash() {
        completeHeader("key_a", null);
        completeHeader("key_a", null);
        cache.flush(Duration.ofSeconds(5));

        Map<String, Object> stats = cache.stats();
        String hash = l2.values.keySet().stream()
                .filter(k -> !k.startsWith("ns#"))
                .findFirst()
                .orElseThrow();

        assertThat(stats.get("routes").toString()).contains("claude-sonnet-4-5={hit-l1=1, miss=1}");
        assertThat(stats.get("tiers").toString()).contains("l2=");
        assertThat(cache.find(hash))
                .hasValueSatisfying(e -> assertThat(e.getValue()).isEqualTo(CacheOutcome.Tier.L1));
        use(CacheSettings.ofDefaults());
        assertThat(cache.find(hash))
                .hasValueSatisfying(e -> assertThat(e.getValue()).isEqualTo(CacheOutcome.Tier.L2));
        assertThat(cache.find("f".repeat(64))).isEmpty();
    }

    private static String text(NormalizedResponse r) {
        return ((io.portbroker.protocol.ir.ContentBlock.Text) r.content().getFirst()).text();
    }
}
