package io.portbroker.testkit.scenario;

import static io.portbroker.testkit.scenario.Scenario.scenario;
import static io.portbroker.testkit.scenario.ScenarioRun.eventually;
import static io.portbroker.testkit.scenario.ScenarioRun.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.resilience.BreakerSettings;
import io.portbroker.core.resilience.BreakerState;
import io.portbroker.testkit.upstream.Replies;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Upstream 429 cool-down (issue #8): a 429 answers the request that met it (or fails it over), sets a bounded
 * per-target pause that other requests route around, and never turns into a 529 for everybody.
 */
@Tag("error-path")
class RateLimitScenariosTest {

    @Test
    void send_shouldAnswer429ThenLetTheNextRequestThrough_whenTheOnlyProviderIsRateLimitedOnce() {
        try (ScenarioRun run = scenario("only_target_429")
                .withProviders(1)
                .rateLimitedOnce(0, 7)
                .start()) {
            // when
            var limited = run.send(false);
            var next = run.send(false);
            var streamed = run.send(true);

            // then: that request gets the 429 with its Retry-After; the next ones probe the target and succeed
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body()).contains("\"rate_limit_error\"");
            assertThat(limited.headers()).containsEntry("retry-after", "7");
            assertThat(next.status()).isEqualTo(200);
            assertThat(streamed.status()).isEqualTo(200);
            assertThat(streamed.body()).contains("message_stop");
            assertThat(run.fake(0).requests()).hasSize(3);
            assertThat(run.sleeps())
                    .as("a 429 is not waited out inside the request")
                    .isEmpty();
        }
    }

    @Test
    void send_shouldFailOverAndRouteAroundTheCoolingTarget_untilItsPauseEnds() {
        try (ScenarioRun run =
                scenario("failover_on_429").withProviders(2).rateLimited(0, 7).start()) {
            // when
            var first = run.send(false);
            var second = run.send(true);

            // then: the 429 failed over, and while p0 cools it is not called at all
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.headers()).containsEntry("x-portbroker-provider", "p1");
            assertThat(second.headers()).containsEntry("x-portbroker-provider", "p1");
            assertThat(run.fake(0).requests()).hasSize(1);

            // when: the pause is over, p0 is tried first again
            run.clock().advance(Duration.ofSeconds(7));
            run.send(false);

            // then
            assertThat(run.fake(0).requests()).hasSize(2);
        }
    }

    @Test
    void send_shouldBoundThePause_whenTheRetryAfterIsHuge() {
        try (ScenarioRun run =
                scenario("cool_down_cap").withProviders(2).rateLimited(0, 3600).start()) {
            // given: the cap is the retry settings' Retry-After cap (10 s by default)
            run.send(false);

            // when
            run.clock().advance(Duration.ofSeconds(10));
            run.send(false);

            // then: p0 was tried again after the cap, not after an hour
            assertThat(run.fake(0).requests()).hasSize(2);
        }
    }

    @Test
    void send_shouldProbeTheTargetFreeSoonest_whenEveryTargetIsCooling() {
        try (ScenarioRun run = scenario("all_cooling_probe")
                .withProviders(2)
                .rateLimitedOnce(0, 9)
                .rateLimitedOnce(1, 4)
                .start()) {
            // given: both targets answered 429 to the first request
            var limited = run.send(false);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.headers()).containsEntry("retry-after", "4");

            // when
            var probe = run.send(false);

            // then: the probe went to p1, whose pause ends first, and succeeded
            assertThat(probe.status()).isEqualTo(200);
            assertThat(probe.headers()).containsEntry("x-portbroker-provider", "p1");
            assertThat(run.fake(0).requests()).hasSize(1);
        }
    }

    @Test
    void send_shouldRefuseWith429AndTheRemainingPause_whileAnotherRequestHoldsTheProbe() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (ScenarioRun run = scenario("probe_in_flight")
                .withProviders(1)
                .scripted(
                        0,
                        Replies.inOrder(
                                Replies.rateLimited(5),
                                new Replies.StreamBuilder()
                                        .role()
                                        .gate(gate)
                                        .content("late")
                                        .finish("stop")
                                        .done()
                                        .build()))
                .start()) {
            run.send(true);
            run.clock().advance(Duration.ofSeconds(2));
            CompletableFuture<RecordingResponder.Exchange> probe = CompletableFuture.supplyAsync(() -> run.send(true));
            assertThat(eventually(() -> run.fake(0).requests().size() == 2)).isTrue();

            // when: a third request arrives while the probe is in flight
            var refused = run.send(true);
            gate.countDown();

            // then: refused with a 429 and what is left of the pause; never a made-up 529
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("\"rate_limit_error\"");
            assertThat(refused.headers()).containsEntry("retry-after", "3");
            assertThat(probe.get().status()).isEqualTo(200);
            assertThat(run.fake(0).requests()).hasSize(2);
        }
    }

    @Test
    void send_shouldLeaveTheBreakerClosed_whenATargetAnswersOnly429s() {
        BreakerSettings eager = new BreakerSettings(
                0.5, Duration.ofSeconds(60), 1, Duration.ofSeconds(30), 1, Duration.ofSeconds(2), Duration.ofHours(1));
        try (ScenarioRun run = scenario("429_is_not_an_outage")
                .withProviders(1)
                .rateLimited(0, 1)
                .breaker(eager)
                .start()) {
            // when: three rate-limited requests, each after the pause
            for (int i = 0; i < 3; i++) {
                assertThat(run.send(false).status()).isEqualTo(429);
                run.clock().advance(Duration.ofSeconds(1));
            }

            // then: every request reached the upstream; the breaker's window, not a 429, decides outages
            assertThat(run.fake(0).requests()).hasSize(3);
            assertThat(run.breakers().state(target(0))).isEqualTo(BreakerState.CLOSED);
        }
    }
}
