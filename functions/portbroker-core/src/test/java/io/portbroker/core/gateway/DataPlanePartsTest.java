package io.portbroker.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.Sleeper;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.upstream.UpstreamClients;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one parameter object of {@link DataPlane#assemble}: required parts refused when missing, the rest default. */
class DataPlanePartsTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private DataPlane.Parts.Builder required() {
        return DataPlane.Parts.builder()
                .config(new InMemoryConfigStore())
                .transport(call -> {
                    throw new IllegalStateException("no upstream in this test");
                })
                .credentials(ref -> "unused")
                .authenticator(new ApiKeyAuthenticator(
                        new InMemoryApiKeyStore(), new KeyHasher(new byte[32]), Clock.systemUTC(), Duration.ZERO))
                .signatures(new HmacThinkingSignatures(new byte[32]))
                .scheduler(scheduler)
                .executor(Runnable::run);
    }

    @Test
    void build_shouldFillTheDefaults_whenOnlyTheRequiredPartsAreGiven() {
        // when
        DataPlane.Parts parts = required().build();

        // then
        assertThat(parts.breakerStates()).isSameAs(BreakerStateStore.NONE);
        assertThat(parts.settings()).isEqualTo(GatewaySettings.ofDefaults());
        assertThat(parts.metrics()).isSameAs(Metrics.NONE);
        assertThat(parts.metricsPage()).isNull();
        assertThat(parts.sleeper()).isSameAs(Sleeper.REAL);
        assertThat(parts.random()).isSameAs(ConcurrentRandom.INSTANCE);
        assertThat(parts.watchdogTick()).isEqualTo(Duration.ofMillis(500));
        assertThat(parts.clients()).isSameAs(UpstreamClients.NONE);
        assertThat(parts.metering()).isSameAs(Metering.NONE);
        assertThat(parts.guards()).usingRecursiveComparison().isEqualTo(DataPlaneGuards.ofDefaults());
        assertThat(DataPlane.assemble(parts).api()).isNotNull();
    }

    @Test
    void build_shouldNameTheMissingPart_whenARequiredOneIsLeftOut() {
        assertThatThrownBy(() -> required().executor(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("executor");
        assertThatThrownBy(() -> required().config(null).build()).hasMessage("config");
        assertThatThrownBy(() -> required().scheduler(null).build()).hasMessage("scheduler");
    }

    @Test
    void noneBreakerStateStore_shouldShareNothing_whenWrittenAndRead() {
        // then: nothing stored, every write accepted (the breakers keep their own state)
        assertThat(BreakerStateStore.NONE.get("openai/gpt-4o")).isEmpty();
        assertThat(BreakerStateStore.NONE.put(null, 0)).isTrue();
    }
}
