package io.portbroker.testkit.scenario;

import static io.portbroker.testkit.scenario.Scenario.scenario;
import static io.portbroker.testkit.scenario.ScenarioRun.eventually;
import static io.portbroker.testkit.scenario.ScenarioRun.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.resilience.BreakerSettings;
import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.resilience.RetrySettings;
import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ProviderConfig.Timeouts;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Fault scenarios through the real data plane, the JDK transport and fake upstreams over HTTP. */
class ResilienceScenariosTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void send_shouldFailOverToTheNextProvider_whenTheFirstIsDown() {
        try (ScenarioRun run =
                scenario("multi_region_failover").withProviders(3).oneDown().start()) {
            // when
            var streamed = run.send(true);
            var complete = run.send(false);

            // then
            assertThat(streamed.status()).isEqualTo(200);
            assertThat(streamed.headers()).containsEntry("x-portbroker-provider", "p1");
            assertThat(streamed.body()).contains("Hello").contains("message_stop");
            assertThat(complete.status()).isEqualTo(200);
            assertThat(complete.body()).contains("Hello from p1");
            assertThat(run.fake(2).requests()).isEmpty();
            assertThat(run.metrics().counter(MetricNames.RETRY_SUCCESS, Map.of()))
                    .isEqualTo(2);
        }
    }

    @Test
    void send_shouldOpenThenHalfOpenThenCloseTheBreaker_whenAProviderFailsAndRecovers() {
        AtomicBoolean broken = new AtomicBoolean(true);
        BreakerSettings breaker = new BreakerSettings(
                0.5, Duration.ofSeconds(60), 2, WAIT, 1, Duration.ofSeconds(2), Duration.ofHours(1));
        try (ScenarioRun run = scenario("breaker_cycle")
                .withProviders(2)
                .scripted(
                        0,
                        request -> broken.get() ? Replies.serverError() : Replies.completion("ok", List.of(), "stop"))
                .breaker(breaker)
                .start()) {
            // given: two failures open p0's breaker (each request still succeeds on p1)
            assertThat(run.send(false).status()).isEqualTo(200);
            assertThat(run.send(false).status()).isEqualTo(200);
            assertThat(run.breakers().state(target(0))).isEqualTo(BreakerState.OPEN);
            assertThat(run.breakerStates().get(target(0)).orElseThrow().state()).isEqualTo(BreakerState.OPEN);

            // when: open, p0 is skipped without a call
            int callsWhileOpen = run.fake(0).requests().size();
            assertThat(run.send(false).headers()).containsEntry("x-portbroker-provider", "p1");
            assertThat(run.fake(0).requests()).hasSize(callsWhileOpen);

            // when: the wait passes (on the test clock) and p0 has recovered, one probe goes through and closes it
            run.clock().advance(WAIT);
            broken.set(false);
            var probe = run.send(false);

            // then
            assertThat(probe.headers()).containsEntry("x-portbroker-provider", "p0");
            assertThat(run.breakers().state(target(0))).isEqualTo(BreakerState.CLOSED);
            assertThat(run.breakerStates().get(target(0)).orElseThrow().state()).isEqualTo(BreakerState.CLOSED);
            assertThat(run.metrics()
                            .counter(
                                    MetricNames.BREAKER_TRANSITIONS, Map.of("target", target(0), "state", "HALF_OPEN")))
                    .isEqualTo(1);
        }
    }

    @Test
    void send_shouldStopRetrying_whenTheRetryBudgetIsSpent() {
        RetrySettings noBudget = new RetrySettings(
                3,
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                0,
                0,
                Duration.ofSeconds(10),
                Duration.ofMinutes(2));
        try (ScenarioRun run = scenario("retry_budget_exhaustion")
                .withProviders(1)
                .answering(0, Replies.serverError())
                .retry(noBudget)
                .start()) {
            // when
            var answer = run.send(false);

            // then: one attempt only, the client sees the provider failure
            assertThat(answer.status()).isEqualTo(502);
            assertThat(run.fake(0).requests()).hasSize(1);
            assertThat(run.metrics().counter(MetricNames.RETRY_BUDGET_EXHAUSTED, Map.of()))
                    .isEqualTo(1);
        }
    }

    @Test
    void send_shouldPassRetryAfterToTheClient_whenItExceedsTheCap() {
        try (ScenarioRun run = scenario("retry_after_too_long")
                .withProviders(1)
                .answering(0, Replies.rateLimited(60))
                .start()) {
            // when
            var answer = run.send(false);

            // then
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.headers()).containsEntry("retry-after", "60");
            assertThat(run.fake(0).requests()).hasSize(1);
        }
    }

    @Test
    void send_shouldLetTheHedgeWinAndCancelTheSlowAttempt_whenTheFirstProviderIsSlow() {
        try (ScenarioRun run = scenario("hedge_wins")
                .withProviders(2)
                .withLatencyProfile(Duration.ofMillis(1500), Duration.ZERO)
                .hedge(HedgePolicy.after(Duration.ofMillis(100)))
                .start()) {
            // when
            var answer = run.send(true);

            // then
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers()).containsEntry("x-portbroker-provider", "p1");
            assertThat(answer.body()).contains(" from p1").doesNotContain(" from p0");
            assertThat(run.metrics().counter(MetricNames.HEDGE_WINS, Map.of("target", target(1))))
                    .isEqualTo(1);
            assertThat(eventually(() -> run.fake(0).cancelledStreams() == 1))
                    .as("the loser's stream is closed upstream")
                    .isTrue();
        }
    }

    @Test
    void send_shouldNotHedge_whenTheFirstProviderAnswersWithinTheDelay() {
        try (ScenarioRun run = scenario("hedge_not_needed")
                .withProviders(2)
                .hedge(HedgePolicy.after(Duration.ofSeconds(5)))
                .start()) {
            // when
            var answer = run.send(false);

            // then
            assertThat(answer.headers()).containsEntry("x-portbroker-provider", "p0");
            assertThat(run.fake(1).requests()).isEmpty();
            assertThat(run.metrics().counterTotal(MetricNames.HEDGES)).isZero();
        }
    }

    @Test
    void send_shouldEndTheStreamWithAnErrorAndNotRetry_whenTheProviderFailsAfterTheFirstByte() {
        try (ScenarioRun run = scenario("no_retry_after_first_byte")
                .withProviders(2)
                .answering(0, Replies.resetMidStream("Hel"))
                .start()) {
            // when
            var answer = run.send(true);

            // then
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("event: message_start").contains("event: error");
            assertThat(run.fake(1).requests()).isEmpty();
            assertThat(run.metrics().counter(MetricNames.ERRORS, Map.of("category", "PROVIDER_CONNECTION")))
                    .isEqualTo(1);
        }
    }

    @Test
    void send_shouldNotFailOver_whenTheProviderRejectsTheGatewayCredential() {
        try (ScenarioRun run = scenario("provider_401")
                .withProviders(2)
                .answering(0, Replies.unauthorized())
                .start()) {
            // when
            var answer = run.send(false);

            // then: the provider's 401 is the gateway's fault, never the client's 401
            assertThat(answer.status()).isEqualTo(502);
            assertThat(run.fake(1).requests()).isEmpty();
        }
    }

    @Test
    void send_shouldFailOver_whenTheFirstProviderHangsBeforeHeaders() {
        Timeouts shortFirstToken = new Timeouts(
                Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMinutes(1));
        try (ScenarioRun run = scenario("hang_before_headers")
                .withProviders(2)
                .answering(0, Replies.hang())
                .timeouts(shortFirstToken)
                .start()) {
            // when
            var answer = run.send(true);

            // then
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers()).containsEntry("x-portbroker-provider", "p1");
            assertThat(run.metrics()
                            .counter(
                                    MetricNames.UPSTREAM_ERRORS,
                                    Map.of("category", "PROVIDER_TIMEOUT", "target", target(0))))
                    .isEqualTo(1);
        }
    }

    @Test
    void send_shouldRetryTheSameProviderWithBackoff_whenItFailsOnce() {
        try (ScenarioRun run = scenario("retry_with_backoff")
                .withProviders(1)
                .scripted(
                        0,
                        Replies.inOrder(
                                Replies.error(502, "bad_gateway", "upstream"),
                                Replies.completion("ok", List.of(), "stop")))
                .start()) {
            // when
            var answer = run.send(false);

            // then: one full-jitter wait, within the first ceiling
            assertThat(answer.status()).isEqualTo(200);
            assertThat(run.sleeps())
                    .singleElement()
                    .satisfies(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(100)));
        }
    }

    @Test
    void send_shouldPropagateTheTraceAndStartOne_whenAbsent() {
        try (ScenarioRun run = scenario("trace_context").withProviders(1).start()) {
            // when
            run.send(false, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            run.send(false);

            // then: same trace, a new span per attempt; a trace is started when the caller sent none
            String propagated = run.fake(0).requests().get(0).header("traceparent");
            assertThat(propagated)
                    .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                    .doesNotContain("00f067aa0ba902b7");
            assertThat(run.fake(0).requests().get(1).header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(run.fake(0).requests().get(0).header("x-request-id")).startsWith("req_");
        }
    }

    @Test
    void metricsPage_shouldListErrorCountsAndTtft_whenExposed() {
        try (ScenarioRun run = scenario("metrics_page")
                .withProviders(1)
                .answering(0, Replies.unauthorized())
                .start()) {
            // given
            run.send(false);

            // when
            var page = run.metricsPage();

            // then
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().get("content-type")).startsWith("text/plain; version=0.0.4");
            assertThat(page.body())
                    .contains("error_rate_by_category_total{category=\"PROVIDER_AUTH\"} 1")
                    .contains("# TYPE upstream_attempts_total counter");
        }
    }

    @Test
    void send_shouldAnswerOverloaded_whenEveryBreakerIsOpen() {
        BreakerSettings eager = new BreakerSettings(
                0.5, Duration.ofSeconds(60), 1, WAIT, 1, Duration.ofSeconds(2), Duration.ofHours(1));
        Reply down = Replies.serverError();
        try (ScenarioRun run = scenario("all_open")
                .withProviders(1)
                .answering(0, down)
                .breaker(eager)
                .start()) {
            // given
            run.send(false);
            int calls = run.fake(0).requests().size();

            // when
            var answer = run.send(false);

            // then: fail fast with a Retry-After, no upstream call
            assertThat(answer.status()).isEqualTo(529);
            assertThat(answer.headers()).containsKey("retry-after");
            assertThat(run.fake(0).requests()).hasSize(calls);
        }
    }
}
