package io.portbroker.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The background provider probe with real TCP connects: a listening socket, and a port nobody listens on. */
class ProviderProbeTest {
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final Set<String> openBreakers = new HashSet<>();
    private final AtomicInteger connects = new AtomicInteger();
    private ServerSocket listening;
    private int closedPort;
    private ProviderProbe probe;

    @BeforeEach
    void start() throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        probe = new ProviderProbe(
                config,
                t -> openBreakers.contains(t) ? BreakerState.OPEN : BreakerState.CLOSED,
                (uri, timeout) -> {
                    connects.incrementAndGet();
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) timeout.toMillis());
                    }
                },
                Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws IOException {
        listening.close();
    }

    private void provider(String id, int port, boolean enabled) {
        config.putProvider(new ProviderConfig(
                id,
                "openai-chat",
                URI.create("http://127.0.0.1:" + port + "/v1"),
                "env:X",
                OpenAiChatCapabilities.defaultProfile(),
                ProviderConfig.Timeouts.defaults(),
                enabled,
                null));
        config.putRoute(new ModelRoute("m-" + id, List.of(new RouteTarget(id, "up", 0, 1, null)), "priority", true));
    }

    @Test
    void check_shouldBeHealthyWithoutProbing_whenNoProbeRanYet() {
        provider("a", listening.getLocalPort(), true);

        assertThat(probe.check().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(connects).hasValue(0);
        assertThat(probe.critical()).isFalse();
        assertThat(probe.name()).isEqualTo("provider_probe");
    }

    @Test
    void check_shouldBeDegraded_whenOneProviderIsUnreachable() {
        provider("up", listening.getLocalPort(), true);
        provider("down", closedPort, true);
        provider("off", closedPort, false);

        probe.probeAll();

        CheckResult r = probe.check();
        assertThat(r.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(r.detail()).isEqualTo("down: unreachable, breakers closed; up: reachable, breakers closed");
        assertThat(connects).as("disabled providers are not probed").hasValue(2);
    }

    @Test
    void check_shouldReportTheBreaker_whenAReachableProvidersBreakerIsOpen() {
        provider("a", listening.getLocalPort(), true);
        openBreakers.add("a/up");

        probe.probeAll();

        CheckResult r = probe.check();
        assertThat(r.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(r.detail()).isEqualTo("a: reachable, breaker open on up");
    }

    @Test
    void check_shouldBeHealthyAgain_whenTheProviderComesBack() throws IOException {
        provider("a", closedPort, true);
        probe.probeAll();
        assertThat(probe.check().status()).as("never unhealthy: not critical").isEqualTo(HealthStatus.DEGRADED);

        provider("a", listening.getLocalPort(), true);
        probe.probeAll();

        assertThat(probe.check().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(probe.check().detail()).isEqualTo("a: reachable, breakers closed");
    }
}
