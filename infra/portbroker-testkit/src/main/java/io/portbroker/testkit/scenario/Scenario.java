package io.portbroker.testkit.scenario;

import io.portbroker.core.resilience.BreakerSettings;
import io.portbroker.core.resilience.RetrySettings;
import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ProviderConfig.Timeouts;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A small language for resilience scenarios that reads like the situation it sets up:
 *
 * <pre>{@code
 * try (ScenarioRun run = scenario("multi_region_failover").withProviders(3).oneDown().start()) {
 *     assertThat(run.send(true).status()).isEqualTo(200);
 * }
 * }</pre>
 *
 * Every provider is a real {@link io.portbroker.testkit.upstream.FakeOpenAiUpstream} (or a closed port when
 * down); the gateway is the real data plane ({@link io.portbroker.core.gateway.DataPlane}) with the JDK transport.
 * Providers are {@code p0..pN-1}, tried in that order by the route {@value ScenarioRun#MODEL}. Breakers, budget and
 * backoff run on a test clock: waits advance it instead of sleeping.
 */
public final class Scenario {

    final String name;
    int providers = 1;
    final Map<Integer, Function<com.fasterxml.jackson.databind.JsonNode, Reply>> scripts = new HashMap<>();
    final List<Integer> down = new ArrayList<>();
    final Map<Integer, Integer> rateLimitedOnce = new HashMap<>();
    final Map<Integer, Duration> firstTokenDelays = new HashMap<>();
    String strategy = "priority";
    HedgePolicy hedge = HedgePolicy.off();
    RetrySettings retry = RetrySettings.ofDefaults();
    BreakerSettings breaker = BreakerSettings.ofDefaults();
    Timeouts timeouts = Timeouts.defaults();
    java.util.function.UnaryOperator<io.portbroker.core.gateway.Messages> messagesDecorator =
            java.util.function.UnaryOperator.identity();

    private Scenario(String name) {
        this.name = name;
    }

    /** Starts describing a scenario; the name shows in failure messages. */
    public static Scenario scenario(String name) {
        return new Scenario(name);
    }

    /** {@code count} healthy providers. */
    public Scenario withProviders(int count) {
        providers = count;
        return this;
    }

    /** The first provider is hard down (connection refused). */
    public Scenario oneDown() {
        return down(0);
    }

    /** Provider {@code index} is hard down (connection refused). */
    public Scenario down(int index) {
        down.add(index);
        return this;
    }

    /** Provider {@code index} answers every request with {@code reply}. */
    public Scenario answering(int index, Reply reply) {
        return scripted(index, request -> reply);
    }

    /** Provider {@code index} answers with the script (e.g. {@code Replies.inOrder(...)}). */
    public Scenario scripted(int index, Function<com.fasterxml.jackson.databind.JsonNode, Reply> script) {
        scripts.put(index, script);
        return this;
    }

    /** Provider {@code index} answers its first request 429 with {@code Retry-After}, then answers normally. */
    public Scenario rateLimitedOnce(int index, int retryAfterSeconds) {
        rateLimitedOnce.put(index, retryAfterSeconds);
        return this;
    }

    /** Provider {@code index} answers every request 429 with {@code Retry-After}. */
    public Scenario rateLimited(int index, int retryAfterSeconds) {
        return answering(index, Replies.rateLimited(retryAfterSeconds));
    }

    /**
     * Wraps the gateway's {@link io.portbroker.core.gateway.Messages} port, e.g. in a response cache, so cache hit
     * and invalidation scenarios run through the same real data plane (the hook for the cache's scenarios).
     */
    io.portbroker.core.cache.ResponseCache responseCache;

    public Scenario messages(java.util.function.UnaryOperator<io.portbroker.core.gateway.Messages> value) {
        messagesDecorator = value;
        return this;
    }

    /**
     * Puts the response cache in front of the data plane: an in-memory L1 (and {@code l2}, when not null) over the
     * scenario's own catalogue, so hits and invalidations run through the real decorator.
     */
    public Scenario cached(io.portbroker.core.cache.ResponseCache cache) {
        responseCache = cache;
        return this;
    }

    /** Streamed answers of provider i start only after {@code firstTokenDelays[i]}. */
    public Scenario withLatencyProfile(Duration... firstTokenDelays) {
        for (int i = 0; i < firstTokenDelays.length; i++) {
            this.firstTokenDelays.put(i, firstTokenDelays[i]);
        }
        return this;
    }

    public Scenario strategy(String value) {
        strategy = value;
        return this;
    }

    public Scenario hedge(HedgePolicy value) {
        hedge = value;
        return this;
    }

    public Scenario retry(RetrySettings value) {
        retry = value;
        return this;
    }

    public Scenario breaker(BreakerSettings value) {
        breaker = value;
        return this;
    }

    /** Timeouts of every provider (the first-token limit also bounds the wait for response headers). */
    public Scenario timeouts(Timeouts value) {
        timeouts = value;
        return this;
    }

    /** Starts the fakes and the gateway. */
    public ScenarioRun start() {
        return new ScenarioRun(this);
    }
}
