package io.portbroker.core.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Routes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small parts: endpoint templates, the stack-frame guard, bounded boards, configured names, settings. */
class ObservabilityPartsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/v1/messages,/v1/messages",
        "/v1/messages/,/v1/messages",
        "/v1/messages/count_tokens,/v1/messages/count_tokens",
        "/v1/models/claude-x,/v1/models/{id}",
        "/admin/v1/keys/k_123,/admin",
        "/admin,/admin",
        "/portal/index.html,/portal",
        "/v1/chat/completions,/v1/chat/completions",
        "/openai/v1/chat/completions,/openai",
        "/,/",
        "/health/ready,/health/ready",
        "/wp-login.php,other",
    })
    void endpoint_shouldBeARouteTemplate_neverTheRawPath(String path, String label) {
        assertThat(EndpointLabel.of(path)).isEqualTo(label);
    }

    @Test
    void endpoint_shouldBeOther_whenThereIsNoPath() {
        assertThat(EndpointLabel.of(null)).isEqualTo("other");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\tat io.portbroker.core.X.y(X.java:12)|true",
                "java.lang.IllegalStateException: nope|true",
                "Caused by: something|true",
                "at sun.nio.Foo.read(Native Method)|true",
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"upstream failed\"}}|false",
            })
    void leaks_shouldRecogniseStackFrames(String body, boolean leaks) {
        assertThat(StackTraceGuard.leaks(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(leaks);
        assertThat(StackTraceGuard.leaks(null)).isFalse();
        assertThat(StackTraceGuard.leaks(new byte[0])).isFalse();
    }

    @Test
    void facts_shouldBeTakenOnce_andBounded() {
        RequestFactsBoard board = new RequestFactsBoard();
        RequestFacts f = new RequestFacts("p", "m", 1, 2, null, null);
        board.put("r1", f);
        board.put(null, f);
        board.put("r2", null);

        assertThat(board.take("r1")).contains(f);
        assertThat(board.take("r1")).isEmpty();
        assertThat(board.take(null)).isEmpty();
        for (int i = 0; i < RequestFactsBoard.CAPACITY + 5; i++) {
            board.put("k" + i, f);
        }
        assertThat(board.size()).isEqualTo(RequestFactsBoard.CAPACITY);
    }

    @Test
    void waits_shouldMeasureFromTheFirstSendToTheFirstByte_andForgetAfterTake() {
        UpstreamWaits w = new UpstreamWaits();
        w.sent("r", 100);
        w.sent("r", 150); // a retry: the first send counts
        w.firstByte("r", 400);
        w.firstByte("r", 500);
        w.firstByte("unknown", 1);
        w.firstByte(null, 1);
        w.sent("silent", 10);

        assertThat(w.take("r")).contains(Duration.ofNanos(300));
        assertThat(w.take("r")).isEmpty();
        assertThat(w.take("silent")).isEmpty();
        assertThat(w.take(null)).isEmpty();
        for (int i = 0; i < UpstreamWaits.CAPACITY + 5; i++) {
            w.sent("k" + i, i);
        }
        assertThat(w.size()).isEqualTo(UpstreamWaits.CAPACITY);
    }

    @Test
    void configuredNames_shouldListProvidersTargetsAndModels_andReReadOnlyAfterTheRefresh() {
        InMemoryConfigStore store = new InMemoryConfigStore();
        MutableClock clock = MutableClock.at("2026-04-01T00:00:00Z");
        store.putProvider(Providers.openAi("p")
                .baseUrl("https://p.example/v1")
                .noCredential()
                .build());
        store.putRoute(Routes.route("claude-*").to("p", "up").listed(true).build());
        ConfiguredNames names = new ConfiguredNames(store, clock, Duration.ofSeconds(30));

        assertThat(names.get()).containsExactlyInAnyOrder("p", "claude-*", "up", "p/up");

        store.putRoute(Routes.route("other-*").to("p", "up2").listed(true).build());
        assertThat(names.get()).doesNotContain("other-*");
        clock.advance(Duration.ofSeconds(31));
        assertThat(names.get()).contains("other-*", "p/up2");
    }

    @Test
    void settings_shouldRefuseNonsense_andKeepDefaults() {
        ObservabilitySettings d = ObservabilitySettings.ofDefaults();
        assertThat(d.withReadinessInterval(Duration.ofSeconds(1)).readinessInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> d.withReadinessInterval(Duration.ZERO)).hasMessageContaining("readiness-interval");
        assertThatThrownBy(() -> new ObservabilitySettings(Duration.ofSeconds(1), null, 0.1, 0, Duration.ZERO))
                .hasMessageContaining("check-timeout");
        assertThatThrownBy(() ->
                        new ObservabilitySettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, 0, Duration.ZERO))
                .hasMessageContaining("min-free-heap");
        assertThatThrownBy(() ->
                        new ObservabilitySettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.1, -1, Duration.ZERO))
                .hasMessageContaining("min-free-disk-bytes");
        assertThatThrownBy(() -> new ObservabilitySettings(
                        Duration.ofSeconds(1), Duration.ofSeconds(1), 0.1, 0, Duration.ofSeconds(-1)))
                .hasMessageContaining("label-refresh");
    }
}
