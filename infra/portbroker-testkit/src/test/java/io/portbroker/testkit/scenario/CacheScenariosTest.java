package io.portbroker.testkit.scenario;

import static io.portbroker.testkit.scenario.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.cache.CacheSettings;
import io.portbroker.core.cache.ResponseCache;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The response cache in the scenario DSL (issue #8 §5): a hit costs no upstream call, an invalidation does. */
class CacheScenariosTest {
    private final ResponseCache cache =
            ResponseCache.builder(CacheSettings.ofDefaults(), Clock.systemUTC()).build();

    @AfterEach
    void closeCache() {
        cache.close();
    }

    @Test
    void send_shouldAnswerFromTheCache_whenTheSameDeterministicRequestComesAgain() {
        try (ScenarioRun run =
                scenario("cache_hit").withProviders(1).cached(cache).start()) {
            var first = run.sendDeterministic(false);
            cache.flush(java.time.Duration.ofSeconds(5));
            var second = run.sendDeterministic(false);

            assertThat(first.headers()).containsEntry("x-portbroker-cache", "miss");
            assertThat(second.headers()).containsEntry("x-portbroker-cache", "hit-l1");
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(run.fake(0).requests()).hasSize(1);
        }
    }

    @Test
    void send_shouldReplayAStream_fromAnEntryAWholeAnswerLeft() {
        try (ScenarioRun run =
                scenario("cache_stream_replay").withProviders(1).cached(cache).start()) {
            run.sendDeterministic(false);
            cache.flush(java.time.Duration.ofSeconds(5));
            var replay = run.sendDeterministic(true);

            assertThat(replay.headers()).containsEntry("x-portbroker-cache", "hit-l1");
            assertThat(replay.body()).contains("event: message_start").contains("event: message_stop");
            assertThat(run.fake(0).requests()).hasSize(1);
        }
    }

    @Test
    void send_shouldGoUpstreamAgain_afterTheNamespaceIsInvalidated() {
        try (ScenarioRun run =
                scenario("cache_invalidation").withProviders(1).cached(cache).start()) {
            run.sendDeterministic(false);
            cache.flush(java.time.Duration.ofSeconds(5));
            cache.invalidate("global");
            var after = run.sendDeterministic(false);

            assertThat(after.headers()).containsEntry("x-portbroker-cache", "miss");
            assertThat(run.fake(0).requests()).hasSize(2);
        }
    }
}
