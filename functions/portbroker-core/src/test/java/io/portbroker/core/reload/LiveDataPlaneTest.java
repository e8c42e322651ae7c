package io.portbroker.core.reload;

import static io.portbroker.core.reload.ConfigSnapshotsTest.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.gateway.DataPlane;
import io.portbroker.core.gateway.GatewaySettings;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.Settings;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.testing.RecordingResponder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The data plane is assembled again when runtime settings change, and only then. */
class LiveDataPlaneTest {

    private final InMemoryConfigStore stored = new InMemoryConfigStore();
    private final io.portbroker.core.testing.InMemoryRemoteSettingsStore remote =
            new io.portbroker.core.testing.InMemoryRemoteSettingsStore();
    private final ConfigSnapshots snapshots = new ConfigSnapshots(
            new ConfigSnapshots.Sources(stored, stored, remote),
            LayeredSettings.merge(Map.of()),
            e -> {},
            Metrics.NONE);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final List<Settings> assembled = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private DataPlane assemble(Settings s) {
        assembled.add(s);
        return DataPlane.assemble(io.portbroker.core.testing.DataPlanes.deterministic(scheduler, clock)
                .config(new SnapshotConfigStore(snapshots, stored))
                .transport(call -> {
                    throw new IllegalStateException("no upstream in this test");
                })
                .credentials(ref -> "unused")
                .authenticator(new ApiKeyAuthenticator(
                        new InMemoryApiKeyStore(), new KeyHasher(new byte[32]), clock, Duration.ZERO))
                .settings(GatewaySettings.of(s))
                .build());
    }

    @Test
    void onReload_shouldAssembleANewPipeline_whenARuntimeSettingChanged() {
        // given
        LiveDataPlane live = new LiveDataPlane(snapshots, this::assemble);
        DataPlane first = live.current();

        // when
        remote.put("runtime.retry.max-attempts", "5");
        snapshots.reload();

        // then
        assertThat(live.current()).isNotSameAs(first);
        assertThat(assembled).hasSize(2);
        assertThat(assembled.get(1).runtime().retry().maxAttempts()).isEqualTo(5);
    }

    @Test
    void onReload_shouldKeepThePipeline_whenOnlyTheCatalogueChanged() {
        // given
        LiveDataPlane live = new LiveDataPlane(snapshots, this::assemble);
        DataPlane first = live.current();

        // when: the router reads providers and routes from the snapshot per request; nothing to rebuild
        new SnapshotConfigStore(snapshots, stored).putProvider(provider("p"));

        // then
        assertThat(live.current()).isSameAs(first);
        assertThat(assembled).hasSize(1);
    }

    @Test
    void handle_shouldAnswerThroughThePipelineInForce_whenCalled() {
        // given
        LiveDataPlane live = new LiveDataPlane(snapshots, this::assemble);
        remote.put("experimental.validate-streams", "true");
        snapshots.reload();
        RecordingResponder responder = new RecordingResponder();

        // when
        live.handle(new ApiRequest("GET", "/health", null, Map.of(), new byte[0], "127.0.0.1"), responder);

        // then
        assertThat(responder.status).isEqualTo(200);
        assertThat(assembled).hasSize(2);
    }
}
