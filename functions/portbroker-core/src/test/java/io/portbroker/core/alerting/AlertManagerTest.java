package io.portbroker.core.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.resilience.BreakerSettings;
import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.CircuitBreakers;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.testing.Routes;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts through a real webhook receiver (an HTTP server on an ephemeral port) from real circuit breakers: a
 * provider goes down, one alert arrives (not one per round); it comes back, one resolve arrives.
 */
class AlertManagerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer receiver;
    private CircuitBreakers breakers;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        receiver.start();
        config.putRoute(Routes.route("m").to("down", "x").to("up", "y").build());
        BreakerStateStore local = BreakerStateStore.NONE;
        breakers = new CircuitBreakers(
                new BreakerSettings(
                        0.5,
                        Duration.ofSeconds(60),
                        2,
                        Duration.ofSeconds(30),
                        1,
                        Duration.ofSeconds(2),
                        Duration.ofHours(1)),
                local,
                clock,
                new InMemoryMetrics());
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private WebhookChannel webhook() {
        return new WebhookChannel(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                HttpClient.newHttpClient(),
                Duration.ofSeconds(5));
    }

    private void fail(String target, int times) {
        for (int i = 0; i < times; i++) {
            breakers.tryAcquire(target);
            breakers.onFailure(target);
        }
    }

    @Test
    void evaluate_shouldNotifyOnceWhenAProviderGoesDown_andResolveWhenItComesBack() {
        AlertManager manager =
                new AlertManager(List.of(Rules.providerUnhealthy(config, breakers::state)), List.of(webhook()), clock);

        // healthy: nothing
        assertThat(manager.evaluate()).isEmpty();

        // when: the provider fails until its breaker opens
        fail("down/x", 3);
        assertThat(breakers.state("down/x")).isEqualTo(BreakerState.OPEN);
        manager.evaluate();
        manager.evaluate(); // still down: deduplicated

        // then: exactly one firing alert, Slack-compatible
        assertThat(received).hasSize(1);
        JsonNode firing = received.getFirst();
        assertThat(firing.path("text").asText()).contains("FIRING", "provider_unhealthy", "down/x");
        assertThat(firing.path("state").asText()).isEqualTo("firing");
        assertThat(firing.path("severity").asText()).isEqualTo("critical");
        assertThat(manager.active()).hasSize(1);

        // when: the breaker lets a probe through after its wait and the probe succeeds
        clock.advance(Duration.ofSeconds(31));
        assertThat(breakers.tryAcquire("down/x")).isTrue();
        breakers.onSuccess("down/x");
        manager.evaluate();

        // then: one resolve
        assertThat(received).hasSize(2);
        assertThat(received.get(1).path("state").asText()).isEqualTo("resolved");
        assertThat(received.get(1).path("since").asText())
                .isEqualTo(firing.path("since").asText());
        assertThat(manager.active()).isEmpty();
    }

    @Test
    void evaluate_shouldStayFiring_whenTheHalfOpenProbeFails() {
        AlertManager manager =
                new AlertManager(List.of(Rules.providerUnhealthy(config, breakers::state)), List.of(webhook()), clock);
        fail("down/x", 3);
        manager.evaluate();

        // when: after the wait a probe is let through (half-open) and is still in flight, then fails
        clock.advance(Duration.ofSeconds(31));
        assertThat(breakers.tryAcquire("down/x")).isTrue();
        assertThat(breakers.state("down/x")).isEqualTo(BreakerState.HALF_OPEN);
        manager.evaluate();
        breakers.onFailure("down/x");
        manager.evaluate();

        // then: one firing alert, no resolve and no second firing (half-open is not healthy yet)
        assertThat(received).hasSize(1);
        assertThat(manager.active()).hasSize(1);
    }

    @Test
    void breakerOpenLongerThan_shouldFireOnlyAfterTheLimit() {
        AlertRule rule = Rules.breakerOpenLongerThan(config, breakers::state, Duration.ofMinutes(5));
        fail("down/x", 3);

        assertThat(rule.firing(clock.instant())).isEmpty();
        clock.advance(Duration.ofMinutes(6));
        assertThat(rule.firing(clock.instant())).containsOnlyKeys("down/x");
        assertThat(rule.severity()).isEqualTo("warning");
    }

    @Test
    void highErrorRate_shouldJudgeTheRequestsSinceTheLastRound() {
        InMemoryMetrics m = new InMemoryMetrics();
        AlertRule rule = Rules.highErrorRate(m, 0.05, 10);
        Map<String, String> ok = Map.of("method", "POST", "endpoint", "/v1/messages", "status", "200");
        m.count(MetricNames.REQUESTS, ok, 100);
        assertThat(rule.firing(clock.instant())).isEmpty();

        m.count(MetricNames.REQUESTS, ok, 10);
        m.count(MetricNames.ERROR_RATE, Map.of("class", "5xx"), 5);
        assertThat(rule.firing(clock.instant()).get("gateway")).contains("50.0 %");
        assertThat(rule.firing(clock.instant())).isEmpty(); // no new requests: no verdict
    }

    @Test
    void costAnomaly_shouldFireAboveTheThreshold() {
        LocalDate today = LocalDate.parse("2026-04-01");
        Map<LocalDate, Double> daily = new HashMap<>();
        for (int i = 1; i <= 7; i++) {
            daily.put(today.minusDays(i), 10.0);
        }
        daily.put(today, 20.0);

        AlertRule rule = Rules.costAnomaly(() -> daily, () -> today);

        assertThat(rule.firing(clock.instant()).get("costs")).contains("$20.00", "$10.00");
        daily.put(today, 11.0);
        assertThat(rule.firing(clock.instant())).isEmpty();
    }

    @Test
    void evaluate_shouldSurviveAFailingRuleAndAFailingChannel() {
        AlertRule broken = new AlertRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String severity() {
                return "warning";
            }

            @Override
            public Map<String, String> firing(java.time.Instant now) {
                throw new IllegalStateException("boom");
            }
        };
        status.set(500);
        List<Alert> delivered = new CopyOnWriteArrayList<>();
        AlertManager manager = new AlertManager(
                List.of(broken, Rules.providerUnhealthy(config, breakers::state)),
                List.of(webhook(), delivered::add),
                clock);
        fail("down/x", 3);

        List<Alert> sent = manager.evaluate();

        assertThat(sent).hasSize(1);
        assertThat(delivered).hasSize(1);
        assertThat(received).hasSize(1); // the webhook got it but answered 500: logged, not retried
        assertThat(new String(
                        received.getFirst().path("rule").asText().getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8))
                .isEqualTo("provider_unhealthy");
    }

    @Test
    void webhook_shouldFail_whenTheReceiverIsUnreachable() {
        WebhookChannel dead = new WebhookChannel(
                URI.create("http://127.0.0.1:1/hook"), HttpClient.newHttpClient(), Duration.ofSeconds(2));
        Alert a = new Alert("r", "s", "warning", Alert.FIRING, "x", clock.instant(), clock.instant());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dead.send(a))
                .isInstanceOf(IllegalStateException.class);
    }
}
